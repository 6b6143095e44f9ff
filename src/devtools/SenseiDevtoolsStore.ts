import type { SenseiClient } from '../core/createSenseiClient.js';
import { serverNow } from '../core/parseRateLimit.js';
import type { GateHold } from '../core/RateLimitStore.js';
import type { SenseiEvent } from '../core/SenseiEventStream.js';

/** A request waiting at the rate-limit gate. */
export interface DevtoolsWaitingRequest {
  /** The client's request id (events' `request.id`). */
  readonly id: number;
  readonly method: string;
  /** Path and query, without the origin. */
  readonly path: string;
  /** When it reached the gate (epoch ms). */
  readonly since: number;
  /** When the gate opens for it, if known (epoch ms). */
  readonly until: number | undefined;
  /** `rate-limit`: the window is spent or a 429 asked to wait; `budget`: too many in flight. */
  readonly reason: GateHold['reason'];
}

/** A failed request, as the devtools list it. */
export interface DevtoolsError {
  /** The client's request id (events' `request.id`). */
  readonly id: number;
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  /** The Sensei error code (`E4290`), or the error's kind (`network`, `timeout`) without one. */
  readonly code: string | undefined;
  readonly kind: string;
  readonly message: string;
  /** The server's `request_id`: quote it to support. */
  readonly requestId: string | undefined;
}

/** The headers the last values of the rate limit came from. */
export interface DevtoolsHeaderSources {
  readonly limit?: string;
  readonly remaining?: string;
  readonly reset?: string;
  readonly retryAfter?: string;
}

/** Everything the devtools know from a client's events. Immutable; a new object on each change. */
export interface DevtoolsSnapshot {
  readonly waiting: readonly DevtoolsWaitingRequest[];
  /** The last {@link MAX_ERRORS} errors, newest first. */
  readonly errors: readonly DevtoolsError[];
  /** When requests were sent, over the last minute (epoch ms, oldest first). */
  readonly sentAt: readonly number[];
  /** When 429s came back, over the last minute. */
  readonly limitedAt: readonly number[];
  readonly sources: DevtoolsHeaderSources;
  /** The server's clock minus ours (ms), from the last readable `Date` header. */
  readonly clockOffsetMs: number | undefined;
}

/** How many errors the devtools keep. */
export const MAX_ERRORS = 50;
const MINUTE_MS = 60_000;

/** Which header gave each value, in the order the client prefers them (seed first, then IETF). */
const SOURCES: Record<keyof DevtoolsHeaderSources, readonly string[]> = {
  limit: ['X-RateLimit-Limit', 'RateLimit-Policy', 'RateLimit-Limit'],
  remaining: ['X-RateLimit-Remaining', 'RateLimit', 'RateLimit-Remaining'],
  reset: ['X-RateLimit-Reset', 'RateLimit', 'RateLimit-Reset'],
  retryAfter: ['Retry-After'],
};

const EMPTY: DevtoolsSnapshot = Object.freeze({
  waiting: [],
  errors: [],
  sentAt: [],
  limitedAt: [],
  sources: {},
  clockOffsetMs: undefined,
});

const pathOf = (url: string): string => {
  try {
    const { pathname, search } = new URL(url);
    return pathname + search;
  } catch {
    return url;
  }
};

/**
 * What a client's event stream says, kept for the devtools: who waits at the gate, the recent
 * errors, the traffic of the last minute, where the rate-limit values came from. An external
 * store (`subscribe`/`getSnapshot`) that listens to the client only while it has subscribers.
 */
export class SenseiDevtoolsStore {
  readonly #client: SenseiClient;
  readonly #listeners = new Set<() => void>();
  #snapshot: DevtoolsSnapshot = EMPTY;
  #stop: (() => void) | undefined;

  constructor(client: SenseiClient) {
    this.#client = client;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    this.#stop ??= this.#client.events.subscribe(this.#onEvent);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0) return;
      this.#stop?.();
      this.#stop = undefined;
    };
  };

  getSnapshot = (): DevtoolsSnapshot => this.#snapshot;

  #onEvent = (event: SenseiEvent): void => {
    const prev = this.#snapshot;
    const since = event.at - MINUTE_MS;
    const recent = (times: readonly number[], add: boolean) => {
      const kept = times.filter((at) => at > since);
      return add ? [...kept, event.at] : kept;
    };
    if (event.type === 'retried') return; // The retry activity store tells retries, with their countdown.
    const withoutThis = () => prev.waiting.filter((entry) => entry.id !== event.request.id);
    let next: DevtoolsSnapshot | undefined;
    switch (event.type) {
      case 'held': {
        const { id, method, url } = event.request;
        const known = prev.waiting.find((entry) => entry.id === id);
        const entry = { id, method, path: pathOf(url), since: known?.since ?? event.at, until: event.until, reason: event.reason };
        next = { ...prev, waiting: known ? prev.waiting.map((other) => (other.id === id ? entry : other)) : [...prev.waiting, entry] };
        break;
      }
      case 'released':
        next = { ...prev, waiting: withoutThis() };
        break;
      case 'sent':
        next = { ...prev, waiting: withoutThis(), sentAt: recent(prev.sentAt, true) };
        break;
      case 'answered': {
        const sources: Record<string, string> = { ...prev.sources };
        for (const [field, names] of Object.entries(SOURCES)) {
          const found = names.find((name) => event.headers.get(name) !== null);
          if (found) sources[field] = found;
        }
        const date = event.headers.get('date');
        next = {
          ...prev,
          sources,
          clockOffsetMs: date ? serverNow(date, event.at) - event.at : prev.clockOffsetMs,
          limitedAt: recent(prev.limitedAt, event.status === 429),
        };
        break;
      }
      case 'failed': {
        const { error, request } = event;
        // An abort is the app changing its mind (unmount, navigation), not a failure to look into.
        if (error.kind === 'aborted') {
          next = { ...prev, waiting: withoutThis() };
          break;
        }
        const entry: DevtoolsError = {
          id: request.id,
          at: event.at,
          method: request.method,
          path: pathOf(request.url),
          status: error.status,
          code: error.code,
          kind: error.kind,
          message: error.message,
          requestId: error.requestId,
        };
        next = { ...prev, waiting: withoutThis(), errors: [entry, ...prev.errors].slice(0, MAX_ERRORS) };
        break;
      }
    }
    this.#snapshot = Object.freeze(next);
    for (const listener of [...this.#listeners]) listener();
  };
}

import { ActivityFeed, type ActivityEvent } from './ActivityFeed.js';
import { createMalformedBody, defaultMalformedStatus } from './createMalformedBody.js';
import { createRequestId } from './createRequestId.js';
import { errorResponse } from './jsonResponse.js';
import { matchesRequestFilter, type MockRequestFilter } from './matchesRequestFilter.js';
import type { Migration } from './Migration.js';
import { MigrationStore } from './MigrationStore.js';
import type { MockScenario } from './MockScenario.js';
import { RateLimiter, type RateLimitDecision } from './RateLimiter.js';
import { routeRequest } from './routeRequest.js';
import { abortReason, sleep } from './sleep.js';

/** Options of `createMockSenseiApi`. */
export interface MockSenseiApiOptions {
  /**
   * Where the mock lives: MSW handlers match it and `api.fetch` resolves relative URLs against
   * it. Routing itself looks at the path only, so the same API also serves a local HTTP server.
   * @default 'https://api.sensei.test'
   */
  baseUrl?: string;
  /**
   * The only key accepted as `Authorization: Bearer <key>`. Without it any non-empty bearer key
   * passes; a missing one still gets 401.
   * @default undefined
   */
  apiKey?: string;
  /**
   * How many (completed) migrations the list starts with.
   * @default 150
   */
  items?: number;
  /**
   * How many events the activity feed (`GET /v1/activity`, newest first) starts with.
   * @default 150
   */
  activity?: number;
  /**
   * The scenario to start with, and to go back to on `reset()`.
   * @default {}
   */
  scenario?: MockScenario;
  /**
   * Source of randomness for `flaky.probability`; inject a seeded one for reproducible tests.
   * @default Math.random
   */
  random?: () => number;
}

/** One request as the mock received it. */
export interface MockRequestRecord {
  method: string;
  /** The API path, e.g. `/v1/migrations`, without query. */
  path: string;
  url: string;
  searchParams: URLSearchParams;
  /**
   * Header names in lower case. `authorization` is kept, so tests can read it, but is not
   * enumerable: it never shows up when a record is printed, diffed or serialised.
   */
  headers: Readonly<Record<string, string>>;
  /** `Date.now()` when the request arrived. */
  time: number;
}

/** A mock of the Sensei API: a fetch handler with state and scenario switches. */
export interface MockSenseiApi {
  readonly baseUrl: string;
  /** Answers one request as the server would. A dropped connection is `Response.error()`. */
  handle(request: Request): Promise<Response>;
  /**
   * A drop-in `fetch`: relative URLs resolve against `baseUrl`, a dropped connection rejects
   * with `TypeError('Failed to fetch')` and an aborted signal with its reason.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** The scenario in force. */
  readonly scenario: Readonly<MockScenario>;
  /**
   * Changes some switches and leaves the others; a key set to `undefined` turns its switch
   * off. Setting a switch restarts its state (quota window, flaky sequence, drop count).
   */
  // `| undefined` spelled out: `{ error: undefined }` clears a scenario, also under exactOptionalPropertyTypes.
  setScenario(patch: { [K in keyof MockScenario]?: MockScenario[K] | undefined }): void;
  /** Back to the state right after creation: scenario, items, operations, quota and log. */
  reset(): void;
  /** Requests received so far, oldest first. */
  readonly requests: readonly MockRequestRecord[];
  /** How many received requests match `filter` (all when omitted). */
  countRequests(filter?: MockRequestFilter): number;
  clearRequests(): void;
  /** Appends `count` completed migrations to the list. */
  addItems(count: number): Migration[];
  /** Removes the last `count` migrations of the list, as if deleted elsewhere; returns how many. */
  deleteItems(count: number): number;
  /** Adds `count` events at the top of the activity feed, shifting those listed into later pages. */
  addActivity(count: number): ActivityEvent[];
  /** How many migrations the list holds now. */
  readonly itemCount: number;
}

/**
 * Creates a mock Sensei API. Use it as `fetch`, through MSW (`createMswHandlers`) or over HTTP
 * (`startMockSenseiServer` from `@sensei/react/testing/server`).
 *
 * @example
 * const api = createMockSenseiApi({ scenario: { rateLimitOnce: { retryAfterSeconds: 2 } } });
 * const response = await api.fetch('/v1/migrations', { headers: { Authorization: 'Bearer k' } });
 * response.status; // 429
 */
export function createMockSenseiApi(options: MockSenseiApiOptions = {}): MockSenseiApi {
  const baseUrl = (options.baseUrl ?? 'https://api.sensei.test').replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const initialScenario: MockScenario = { ...options.scenario };
  const itemsAtStart = options.items ?? 150;
  // Looked up on each call so `vi.spyOn(Math, 'random')` and fake clocks installed later apply.
  const random = () => (options.random ?? Math.random)();
  const now = () => Date.now();

  let scenario: MockScenario = {};
  let log: MockRequestRecord[] = [];
  let flakyIndex = 0;
  let dropsLeft = 0;
  const limiter = new RateLimiter(now);
  const store = new MigrationStore(now, () => scenario.operations ?? {});
  const activity = new ActivityFeed(now);

  function setScenario(patch: Parameters<MockSenseiApi['setScenario']>[0]): void {
    validateScenario(patch);
    const next: Record<string, unknown> = { ...scenario };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    scenario = next as MockScenario;
    if ('rateLimit' in patch) limiter.configure(scenario.rateLimit);
    if ('rateLimitOnce' in patch) limiter.armOnce(scenario.rateLimitOnce);
    if ('flaky' in patch) flakyIndex = 0;
    if ('drop' in patch) {
      const { drop } = scenario;
      dropsLeft = typeof drop === 'object' ? (drop.next ?? Infinity) : drop ? Infinity : 0;
    }
  }

  function reset(): void {
    scenario = {};
    limiter.configure(undefined);
    limiter.armOnce(undefined);
    flakyIndex = 0;
    dropsLeft = 0;
    log = [];
    store.reset(itemsAtStart);
    activity.reset(options.activity ?? 150);
    setScenario(initialScenario);
  }

  function apiPath(pathname: string): string {
    return basePath && pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
  }

  /** `/v1/x` joins the base URL (keeping a path prefix); other forms resolve as URLs do. */
  function resolveUrl(input: string | URL): URL {
    const text = String(input);
    return text.startsWith('/') ? new URL(`${baseUrl}${text}`) : new URL(text, `${baseUrl}/`);
  }

  function shouldDrop(target: { method: string; path: string }): boolean {
    if (scenario.offline) return true;
    const { drop } = scenario;
    if (!drop || dropsLeft <= 0) return false;
    if (typeof drop === 'object' && !matchesRequestFilter(target, drop.match)) return false;
    dropsLeft -= 1;
    return true;
  }

  function flakyStatus(target: { method: string; path: string }): number | undefined {
    const { flaky } = scenario;
    if (!flaky || !matchesRequestFilter(target, flaky.match)) return undefined;
    if (flaky.sequence) {
      const status = flaky.sequence[flakyIndex];
      flakyIndex += 1;
      return status !== undefined && status >= 400 ? status : undefined;
    }
    if (random() >= (flaky.probability ?? 0.5)) return undefined;
    const statuses = flaky.statuses?.length ? flaky.statuses : [500, 502, 503, 504];
    return statuses[Math.min(statuses.length - 1, Math.floor(random() * statuses.length))];
  }

  function isAuthorized(request: Request): boolean {
    const match = /^Bearer\s+(\S.*)$/i.exec(request.headers.get('authorization') ?? '');
    const key = match?.[1]?.trim();
    if (!key) return false;
    return options.apiKey === undefined || key === options.apiKey;
  }

  async function respond(
    request: Request,
    target: { method: string; path: string },
    requestId: string,
    rate: RateLimitDecision,
  ): Promise<Response> {
    if (rate.limited) {
      return errorResponse(
        429,
        requestId,
        {
          details: {
            limit: Number(rate.headers['X-RateLimit-Limit']),
            reset: Number(rate.headers['X-RateLimit-Reset']),
          },
        },
        { retryAfterSeconds: rate.retryAfterSeconds },
      );
    }

    const flaky = flakyStatus(target);
    if (flaky !== undefined) {
      return errorResponse(flaky, requestId, {}, { retryAfterSeconds: scenario.flaky?.retryAfterSeconds });
    }

    const { malformed } = scenario;
    if (malformed && matchesRequestFilter(target, malformed.match)) {
      const status = malformed.status ?? defaultMalformedStatus(malformed.kind);
      const { body, contentType } = createMalformedBody(malformed.kind, status, requestId);
      return new Response(body, { status, headers: { 'Content-Type': contentType } });
    }

    const { error } = scenario;
    if (error && matchesRequestFilter(target, error.match)) {
      const retryAfterSeconds =
        error.retryAfterSeconds ?? (error.status === 503 || error.status === 429 ? 5 : undefined);
      return errorResponse(
        error.status,
        requestId,
        { code: error.code, message: error.message, details: error.details },
        { retryAfterSeconds },
      );
    }

    if (!isAuthorized(request)) return errorResponse(401, requestId);

    return routeRequest(request, target.path, {
      store,
      activity,
      requestId,
      operations: scenario.operations ?? {},
    });
  }

  /** Handles `request`, watching `signal` (which may differ from the request's own). */
  async function dispatch(request: Request, signal: AbortSignal | undefined): Promise<Response> {
    const url = new URL(request.url);
    const target = { method: request.method.toUpperCase(), path: apiPath(url.pathname) };
    log.push(toRecord(request, url, target));

    if (signal?.aborted) throw abortReason(signal);
    if (shouldDrop(target)) return Response.error();
    const { slow } = scenario;
    if (slow && matchesRequestFilter(target, slow.match)) await sleep(slow.latencyMs, signal);

    const requestId = createRequestId();
    const rate = limiter.take();
    const response = await respond(request, target, requestId, rate);
    for (const [name, value] of Object.entries(rate.headers)) response.headers.set(name, value);
    response.headers.set('X-Request-Id', requestId);
    return response;
  }

  const api: MockSenseiApi = {
    baseUrl,
    handle: (request) => dispatch(request, request.signal),
    async fetch(input, init) {
      // The signal is watched apart from the Request: a jsdom AbortSignal would not pass
      // through Node's Request constructor.
      const { signal, ...rest } = init ?? {};
      const isRequest = input instanceof Request;
      const request = isRequest ? new Request(input, rest) : new Request(resolveUrl(input), rest);
      const response = await dispatch(request, signal ?? (isRequest ? input.signal : undefined));
      if (response.type === 'error') throw new TypeError('Failed to fetch');
      return response;
    },
    get scenario() {
      return Object.freeze({ ...scenario });
    },
    setScenario,
    reset,
    get requests() {
      return [...log];
    },
    countRequests: (filter) => log.filter((record) => matchesRequestFilter(record, filter)).length,
    clearRequests: () => {
      log = [];
    },
    addItems: (count) => store.addItems(count),
    deleteItems: (count) => store.deleteItems(count),
    addActivity: (count) => activity.add(count),
    get itemCount() {
      return store.size;
    },
  };
  reset();
  return api;
}

function toRecord(request: Request, url: URL, target: { method: string; path: string }): MockRequestRecord {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name === 'authorization') {
      // Readable on purpose, but hidden from printing and JSON so a key never lands in a log.
      Object.defineProperty(headers, name, { value, enumerable: false });
    } else {
      headers[name] = value;
    }
  });
  return {
    method: target.method,
    path: target.path,
    url: request.url,
    searchParams: new URLSearchParams(url.search),
    headers,
    time: Date.now(),
  };
}

function validateScenario(patch: Parameters<MockSenseiApi['setScenario']>[0]): void {
  const { error, rateLimit, flaky, slow } = patch;
  if (error && !(Number.isInteger(error.status) && error.status >= 400 && error.status <= 599)) {
    throw new RangeError(`scenario.error.status must be a 4xx or 5xx status, got ${error.status}`);
  }
  if (rateLimit && !(rateLimit.limit >= 0 && rateLimit.windowMs > 0)) {
    throw new RangeError('scenario.rateLimit needs limit >= 0 and windowMs > 0');
  }
  if (flaky?.sequence?.some((status) => !Number.isInteger(status) || status < 100 || status > 599)) {
    throw new RangeError('scenario.flaky.sequence holds HTTP statuses: 200 passes, 4xx/5xx fail');
  }
  if (slow && !(slow.latencyMs >= 0)) {
    throw new RangeError('scenario.slow.latencyMs must be >= 0');
  }
}

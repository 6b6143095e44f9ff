import type { GateHold } from './RateLimitStore.js';
import type { SenseiError } from './SenseiError.js';

/** The request an event is about. `id` counts up per client: it ties `held` … `answered` together. */
export interface SenseiEventRequest {
  readonly id: number;
  readonly method: string;
  /** The full URL (the API key never is in it: it travels in a header). */
  readonly url: string;
}

/**
 * What happens to the client's requests, in order:
 * - `held`: waits at the rate-limit gate (again when the reason or time changes);
 * - `released`: leaves the gate;
 * - `sent`: goes to the network;
 * - `answered`: the response's headers are in (any status, 429 and 5xx too);
 * - `failed`: ends with a `SenseiError` (an HTTP error after its `answered`, or no answer);
 * - `retried`: TanStack Query will try the query or mutation again, after `delayMs`.
 * `at` is the client's clock (epoch ms) when it happened.
 */
export type SenseiEvent =
  | { readonly type: 'held'; readonly at: number; readonly request: SenseiEventRequest; readonly reason: GateHold['reason']; readonly until: number | undefined }
  | { readonly type: 'released'; readonly at: number; readonly request: SenseiEventRequest }
  | { readonly type: 'sent'; readonly at: number; readonly request: SenseiEventRequest }
  | {
      readonly type: 'answered';
      readonly at: number;
      readonly request: SenseiEventRequest;
      readonly status: number;
      /** The response's `X-Request-Id`: quote it to support, or send it to your error tracker. */
      readonly requestId: string | undefined;
      /** From `sent` to the headers. */
      readonly durationMs: number;
      /** The response's headers (the rate-limit ones, `Date`), as the client read them. */
      readonly headers: Headers;
    }
  | { readonly type: 'failed'; readonly at: number; readonly request: SenseiEventRequest; readonly error: SenseiError; readonly durationMs: number }
  | {
      readonly type: 'retried';
      readonly at: number;
      /** The attempt that will go out: 2 for the first retry. */
      readonly attempt: number;
      /** How long TanStack Query waits before it, as the retry policy decided (jitter, `Retry-After`). */
      readonly delayMs: number;
      /** What failed, in a word: the HTTP status (`'429'`) or the error's kind (`'network'`). */
      readonly reason: string;
      readonly error: SenseiError;
    };

/** A listener of {@link SenseiEventStream}. */
export type SenseiEventListener = (event: SenseiEvent) => void;

/**
 * The client's events, one subscription for every kind (as TanStack's `queryCache.subscribe`):
 * devtools draw from it, telemetry forwards from it.
 * @example
 * const unsubscribe = client.events.subscribe((event) => {
 *   if (event.type === 'failed') tracker.capture(event.error, { requestId: event.error.requestId });
 * });
 */
export interface SenseiEventStream {
  /** Calls `listener` with every event from now on; returns the unsubscribe function. */
  subscribe(listener: SenseiEventListener): () => void;
  /**
   * Hands `event` to every listener. The client emits; the options factories emit `retried`.
   * A listener that throws never breaks the request or the other listeners: as `EventTarget`
   * does, its error is reported (thrown in a microtask) instead.
   */
  emit(event: SenseiEvent): void;
}

/** A new, empty stream (each client makes its own). */
export function createSenseiEventStream(): SenseiEventStream {
  // A closure rather than a class: it is in every app's bundle, and minifies to a few bytes.
  const listeners = new Set<SenseiEventListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      listeners.forEach((listener) => {
        try {
          listener(event);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      });
    },
  };
}

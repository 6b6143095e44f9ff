import { clampDelay } from './parseRetryAfter.js';
import { isSenseiError, type SenseiError } from './SenseiError.js';
import { MAX_TIMEOUT_MS, timers } from './timers.js';

export interface RetryPolicyOptions {
  /**
   * How many times a failed request is retried.
   * @default 3
   */
  retries?: number;
  /**
   * First backoff step in ms; each retry doubles it, with full jitter.
   * @default 1000
   */
  baseDelayMs?: number;
  /**
   * Cap of our own backoff in ms.
   * @default 30000
   */
  maxDelayMs?: number;
  /**
   * The longest server-requested wait (`Retry-After`, reset) that is retried automatically; a
   * longer one surfaces the error so the UI can show when to come back.
   * @default 300000
   */
  maxServerDelayMs?: number;
  /** Random source for jitter, in [0, 1). @default Math.random */
  random?: () => number;
}

export interface RetryPolicy {
  /** TanStack Query's `retry(failureCount, error)`; `failureCount` starts at 0. */
  retry: (failureCount: number, error: unknown) => boolean;
  /** TanStack Query's `retryDelay(failureCount, error)` in ms. */
  retryDelay: (failureCount: number, error: unknown) => number;
  /**
   * When the retry scheduled for this error will go out (epoch ms), as `retryDelay` decided it;
   * `undefined` if none was scheduled. Lets UI show the real countdown, jitter included.
   */
  scheduledRetryAt: (error: unknown) => number | undefined;
}

/**
 * The longest server wait (`Retry-After`, reset) retried or held at the gate; longer ones fail at
 * once with a rate-limited error that says when requests resume. One rule for the policy and the
 * store.
 */
export const DEFAULT_MAX_SERVER_DELAY_MS = 300_000;

/** Statuses retried with backoff, for idempotent requests only. */
const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Whether an error may be retried at all, whatever the count: 429 and 5xx, network failures
 * and timeouts — and only when repeating the request cannot duplicate a write. Client errors,
 * aborts, malformed success bodies and unknown errors (bugs) are never retried.
 */
export function isRetryable(error: unknown): error is SenseiError {
  if (!isSenseiError(error) || !error.idempotent) return false;
  if (error.kind === 'http') return error.status !== undefined && RETRIED_STATUSES.has(error.status);
  return error.kind === 'network' || error.kind === 'timeout';
}

/** Exponential backoff with full jitter: random in [0, min(cap, base · 2^n)). */
export function backoffDelay(failureCount: number, options: RetryPolicyOptions = {}): number {
  const base = option(options.baseDelayMs, 1000);
  const cap = option(options.maxDelayMs, 30_000);
  const random = options.random ?? Math.random;
  // 2 ** n is Infinity past n = 1023, and 0 × Infinity is NaN (`baseDelayMs: 0`, `retries: Infinity`).
  const ceiling = Math.min(cap, base * 2 ** Math.min(Math.max(0, failureCount) || 0, 1023));
  return clampDelay(Math.floor(random() * ceiling), cap);
}

/**
 * An option clamped to what works: above `max` it is `max`, negative is 0, NaN or missing is
 * `fallback`. So `maxDelayMs: Infinity` is the longest timer, not one that fires at once.
 */
function option(value: number | undefined, fallback: number, max = MAX_TIMEOUT_MS): number {
  return (value as number) >= 0 ? Math.min(value as number, max) : (value as number) < 0 ? 0 : fallback;
}

/**
 * The retry policy as TanStack Query's `retry` and `retryDelay`. The server's timing wins over
 * our backoff: a `Retry-After` (or, for a 429, the reset) is the delay, capped by
 * `maxServerDelayMs` beyond which no automatic retry happens.
 */
export function createRetryPolicy(options: RetryPolicyOptions | number = {}): RetryPolicy {
  const opts: RetryPolicyOptions = typeof options === 'number' ? { retries: options } : options;
  // Normalised once here: a whole count (`Infinity` retries for ever), and no delay below can be
  // NaN or past what a timer takes.
  const retries = Math.floor(option(opts.retries, 3, Infinity));
  const maxServerDelay = option(opts.maxServerDelayMs, DEFAULT_MAX_SERVER_DELAY_MS);
  // Keyed by the error object: TanStack hands the same one to the UI as `failureReason`.
  const scheduled = new WeakMap<object, number>();
  return {
    retry(failureCount, error) {
      const ok =
        failureCount < retries && isRetryable(error) && (error.retryAfterMs === undefined || error.retryAfterMs <= maxServerDelay);
      // TanStack asks retryDelay before retry: a refused retry must not leave its time behind.
      if (!ok && typeof error === 'object' && error !== null) scheduled.delete(error);
      return ok;
    },
    retryDelay(failureCount, error) {
      const delay =
        isSenseiError(error) && error.retryAfterMs !== undefined
          ? clampDelay(error.retryAfterMs, maxServerDelay) // NaN from a hand-built error is 0, not NaN
          : backoffDelay(failureCount, opts);
      if (typeof error === 'object' && error !== null) scheduled.set(error, timers.now() + delay);
      return delay;
    },
    // `WeakMap#get` answers `undefined` for a key that cannot be one (a primitive).
    scheduledRetryAt: (error) => scheduled.get(error as object),
  };
}

import { warnOnce } from './dev.js';
import { clampDelay } from './parseRetryAfter.js';
import { isSenseiError, type SenseiError } from './SenseiError.js';
import { timers } from './timers.js';

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

/** The longest delay a timer takes as given: past 2^31 - 1 ms, browsers and Node fire it at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

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
  const base = delayOption(options, 'baseDelayMs', 1000);
  const cap = delayOption(options, 'maxDelayMs', 30_000);
  const random = options.random ?? Math.random;
  // 2 ** n is Infinity past n = 1023, and 0 × Infinity is NaN (`baseDelayMs: 0`, `retries: Infinity`).
  const ceiling = Math.min(cap, base * 2 ** Math.min(Math.max(0, failureCount) || 0, 1023));
  return clampDelay(Math.floor(random() * ceiling), cap);
}

/**
 * A delay option as a number of ms a timer can take: NaN, negative or non-numbers fall back to
 * the default, and anything past 2^31 - 1 ms (`Infinity`) is cut to it, with a development warning.
 */
function delayOption(options: RetryPolicyOptions, name: 'baseDelayMs' | 'maxDelayMs' | 'maxServerDelayMs', fallback: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value >= 0 && value <= MAX_TIMER_MS) return value;
  const used = typeof value === 'number' && value > MAX_TIMER_MS ? MAX_TIMER_MS : fallback;
  warnOnce(`retry-option:${name}:${String(value)}`, `retry.${name} must be a number of ms from 0 to 2^31 - 1; got ${String(value)}, using ${used}.`);
  return used;
}

/** `retries` as a whole count of 0 or more (`Infinity` retries for ever); other values warn in development. */
function retriesOption(value: number | undefined): number {
  if (value === undefined) return 3;
  if (value === Infinity || (Number.isInteger(value) && value >= 0)) return value;
  const used = typeof value === 'number' && value > 0 ? Math.floor(value) : typeof value === 'number' && value < 0 ? 0 : 3;
  warnOnce(`retry-option:retries:${String(value)}`, `retry.retries must be a whole number of 0 or more; got ${String(value)}, using ${used}.`);
  return used;
}

/**
 * The retry policy as TanStack Query's `retry` and `retryDelay`. The server's timing wins over
 * our backoff: a `Retry-After` (or, for a 429, the reset) is the delay, capped by
 * `maxServerDelayMs` beyond which no automatic retry happens.
 */
export function createRetryPolicy(options: RetryPolicyOptions | number = {}): RetryPolicy {
  const opts: RetryPolicyOptions = typeof options === 'number' ? { retries: options } : options;
  const retries = retriesOption(opts.retries);
  const maxServerDelay = delayOption(opts, 'maxServerDelayMs', DEFAULT_MAX_SERVER_DELAY_MS);
  // Normalised once here, so no delay below can be NaN or past what a timer takes.
  const backoff = { ...opts, baseDelayMs: delayOption(opts, 'baseDelayMs', 1000), maxDelayMs: delayOption(opts, 'maxDelayMs', 30_000) };
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
          : backoffDelay(failureCount, backoff);
      if (typeof error === 'object' && error !== null) scheduled.set(error, timers.now() + delay);
      return delay;
    },
    // `WeakMap#get` answers `undefined` for a key that cannot be one (a primitive).
    scheduledRetryAt: (error) => scheduled.get(error as object),
  };
}

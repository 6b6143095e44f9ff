import { MAX_TIMEOUT_MS } from './timers.js';

/** How often an async operation is polled. */
export interface PollOptions {
  /**
   * First delay in ms when the server sends no `Retry-After`.
   * @default 1000
   */
  initialMs?: number;
  /**
   * Growth per poll (at least 1).
   * @default 1.5
   */
  factor?: number;
  /**
   * Longest delay in ms; `Infinity` means the longest a timer can wait (2^31 − 1 ms).
   * @default 10000
   */
  maxMs?: number;
}

/** `value` when it is a number from `min` up, else `fallback` (NaN, negative, missing). */
// Stryker disable next-line ConditionalExpression: `undefined >= min` is false already; the undefined check only narrows the type
const atLeast = (value: number | undefined, min: number, fallback: number) => (value !== undefined && value >= min ? value : fallback);

/**
 * Delay before the next poll: the server's `Retry-After` when it sent one (within
 * [250 ms, 5 min]), otherwise a backoff from `initialMs` growing by `factor` up to `maxMs`.
 * Options that are not usable numbers fall back to their defaults; the result is always a
 * delay a timer can hold.
 */
export function pollDelay(pollCount: number, serverDelayMs: number | undefined, options: PollOptions = {}): number {
  if (Number.isFinite(serverDelayMs)) {
    return Math.min(Math.max(serverDelayMs as number, 250), 300_000);
  }
  // Past a million polls nothing changes: the delay reached `max` long before (and 1 ** Infinity is NaN).
  const grown = atLeast(options.initialMs, 0, 1000) * atLeast(options.factor, 1, 1.5) ** Math.min(Math.max(0, (pollCount || 1) - 1), 1e6);
  return Math.round(Math.min(atLeast(options.maxMs, 0, 10_000), MAX_TIMEOUT_MS, grown || 0));
}

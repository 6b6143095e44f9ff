/** How often an async operation is polled. */
export interface PollOptions {
  /**
   * First delay in ms when the server sends no `Retry-After`.
   * @default 1000
   */
  initialMs?: number;
  /**
   * Growth per poll.
   * @default 1.5
   */
  factor?: number;
  /**
   * Longest delay in ms.
   * @default 10000
   */
  maxMs?: number;
}

/**
 * Delay before the next poll: the server's `Retry-After` when it sent one (within
 * [250 ms, 5 min]), otherwise a backoff from `initialMs` growing by `factor` up to `maxMs`.
 */
export function pollDelay(pollCount: number, serverDelayMs: number | undefined, options: PollOptions = {}): number {
  if (serverDelayMs !== undefined && Number.isFinite(serverDelayMs)) {
    return Math.min(Math.max(serverDelayMs, 250), 300_000);
  }
  const initial = options.initialMs ?? 1000;
  const factor = options.factor ?? 1.5;
  const max = options.maxMs ?? 10_000;
  return Math.round(Math.min(max, initial * factor ** Math.max(0, pollCount - 1)));
}

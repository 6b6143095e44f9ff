import { timers } from '../core/timers.js';

/**
 * Waits `ms`, or rejects with the signal's reason once it aborts. Through the library's timers:
 * looked up on each call (fake timers installed later still drive it), and safe past 2^31−1 ms.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      timers.clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The reason fetch rejects with: the signal's own, or an `AbortError` like browsers send. */
export function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

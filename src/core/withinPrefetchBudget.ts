import { lowRemainingThreshold } from './lowRemainingThreshold.js';
import type { RateLimitStore } from './RateLimitStore.js';

/**
 * Whether a request nobody asked for yet (a prefetch) may go out now: the gate is open, and
 * what is left of the window after the requests already in flight stays above the low mark
 * (`minRemaining`, by default the banner's 10 %). While the limit is unknown only an idle client
 * prefetches, so a prefetch never takes the one slow-start slot from a request on screen.
 */
export function withinPrefetchBudget(store: RateLimitStore, minRemaining?: number): boolean {
  const { isLimited, remaining, limit } = store.getSnapshot();
  if (isLimited) return false;
  if (remaining === undefined) return store.inFlightCount === 0;
  return remaining - store.inFlightCount > (minRemaining ?? lowRemainingThreshold(limit));
}

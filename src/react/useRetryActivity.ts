'use client';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { onePer } from '../core/onePer.js';
import { RetryActivityStore, type RetryActivityEntry } from './RetryActivityStore.js';
import { type SenseiContextValue, useSenseiContext } from './SenseiContext.js';

export interface UseRetryActivityResult {
  /** Sensei queries and mutations that are retrying, recovered or failed, oldest first. */
  entries: readonly RetryActivityEntry[];
  /**
   * Cuts a query's wait short: exactly one request goes out now. For a `failed` query it starts
   * over. Mutations cannot skip their wait (`entry.canRetryNow` is false): nothing happens.
   */
  retryNow: (entry: string | RetryActivityEntry) => Promise<void>;
  /** Hides entries; see `RetryActivityStore.dismiss`. */
  dismiss: (entry: string | RetryActivityEntry | readonly (string | RetryActivityEntry)[]) => void;
}

// One store per provider value, so every consumer sees the same entries and dismissals.
const storeFor = onePer((context: SenseiContextValue) => new RetryActivityStore(context));

/**
 * The Sensei queries and mutations waiting to retry — what failed, when the next attempt goes
 * out (the delay the retry policy really scheduled), how many attempts failed — and how they
 * ended: recovered or failed with a request id. Re-renders only when that list changes, not on
 * every cache update. `<SenseiToaster>` is built on it; use it for your own retry UI.
 * @example
 * const { entries, retryNow } = useRetryActivity();
 * const waiting = entries.filter((e) => e.status === 'retrying');
 */
export function useRetryActivity(): UseRetryActivityResult {
  const context = useSenseiContext('useRetryActivity');
  const store = storeFor(context);
  const entries = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  // After this commit's effects, where the panels that render a failure have claimed it.
  useEffect(() => store.committed(entries), [store, entries]);
  return useMemo(() => ({ entries, retryNow: store.retryNow, dismiss: store.dismiss }), [entries, store]);
}

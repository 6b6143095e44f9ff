import type { QueryClient } from '@tanstack/query-core';
import { onePer } from './onePer.js';

interface Entry {
  page: number;
  /** The `dataUpdatedAt` of the pages it continues: a refetch or reset in between makes it stale. */
  basis: number;
  result: Promise<unknown>;
  controller: AbortController;
}

/**
 * The next page of each infinite list, fetched before anyone asked for it: one per list (by
 * query hash), taken once by the `fetchNextPage` that continues the very pages it was fetched
 * after. It lives outside the query's data, so `data.pages` is exactly what is on screen and a
 * refetch never re-requests a page nobody saw.
 */
export class PagePrefetchStore {
  readonly #entries = new Map<string, Entry>();

  /** Starts fetching `page` after the pages of `basis`, unless that fetch already runs. */
  start(id: string, page: number, basis: number, fetchPage: (signal: AbortSignal) => Promise<unknown>): void {
    const entry = this.#entries.get(id);
    if (entry?.page === page && entry.basis === basis) return;
    this.cancel(id);
    const controller = new AbortController();
    const result = fetchPage(controller.signal);
    // Observed by `take`'s caller; a prefetch that fails is only a missed head start.
    result.catch(() => {});
    this.#entries.set(id, { page, basis, result, controller });
  }

  /** The prefetched `page` of `id` if it continues `basis`; forgotten either way. */
  take(id: string, page: number, basis: number): Promise<unknown> | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    this.#entries.delete(id);
    if (entry.page === page && entry.basis === basis) return entry.result;
    entry.controller.abort();
    return undefined;
  }

  /** Aborts and forgets the prefetch of `id` (its list went away). */
  cancel(id: string): void {
    this.#entries.get(id)?.controller.abort();
    this.#entries.delete(id);
  }

  /** Whether a prefetch of `id` is held. */
  has(id: string): boolean {
    return this.#entries.has(id);
  }
}

/** The store of a `QueryClient`: every hook and factory query on it shares one. */
export const pagePrefetchStoreFor: (queryClient: QueryClient) => PagePrefetchStore = onePer(() => new PagePrefetchStore());

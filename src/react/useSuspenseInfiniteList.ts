'use client';
import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import type { Pagination } from '../core/paginationSchema.js';
import { infiniteListOptions } from '../core/senseiInfiniteQueries.js';
import { useSenseiContext } from './SenseiContext.js';
import { type UseInfiniteListOptions, type UseInfiniteListResult, useInfiniteList } from './useInfiniteList.js';

export type UseSuspenseInfiniteListOptions<T> = Omit<UseInfiniteListOptions<T>, 'enabled' | 'throwOnError'>;

/** `useInfiniteList`'s result, with the first page always there. */
export interface UseSuspenseInfiniteListResult<T> extends UseInfiniteListResult<T> {
  pagination: Pagination;
  total: number;
}

/**
 * `useInfiniteList` for `<Suspense>`: suspends until the first page is there and throws its
 * failure to the nearest error boundary. Loading more never shows the fallback again, and a
 * failure of a later page stays in the result (`isFetchNextPageError`) with the loaded pages kept.
 * @example
 * const feed = useSuspenseInfiniteList<Activity>({ path: '/v1/activity' });
 */
export function useSuspenseInfiniteList<T = unknown>(options: UseSuspenseInfiniteListOptions<T>): UseSuspenseInfiniteListResult<T> {
  const { client, queryClient, retryPolicy } = useSenseiContext('useSuspenseInfiniteList');
  const { path, perPage, params, itemSchema, maxPages, staleTime = 30_000, meta } = options;
  useSuspenseInfiniteQuery(
    { ...infiniteListOptions(client, { path, perPage, params, itemSchema, maxPages }, { retry: retryPolicy }), staleTime, meta: { ...meta, sensei: true } },
    queryClient,
  );
  return useInfiniteList(options) as UseSuspenseInfiniteListResult<T>;
}

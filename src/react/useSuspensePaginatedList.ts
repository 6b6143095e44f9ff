'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { Pagination } from '../core/paginationSchema.js';
import { senseiQueries } from '../core/senseiQueries.js';
import { useSenseiContext } from './SenseiContext.js';
import { type UsePaginatedListOptions, type UsePaginatedListResult, usePaginatedList } from './usePaginatedList.js';

export type UseSuspensePaginatedListOptions<T> = Omit<UsePaginatedListOptions<T>, 'enabled' | 'throwOnError'>;

/** `usePaginatedList`'s result, with the page on screen always there. */
export interface UseSuspensePaginatedListResult<T> extends UsePaginatedListResult<T> {
  pagination: Pagination;
}

/**
 * `usePaginatedList` for `<Suspense>`: suspends until the first page is there and throws a
 * failure to the nearest error boundary. A page change never shows the fallback again: the page
 * is a deferred value, so the previous page stays on screen (`isPlaceholderData`) while the next
 * loads, whether it comes from `setPage`, the URL or a parent. Prefetch and clamp as in
 * `usePaginatedList`, which does the paging.
 * @example
 * const list = useSuspensePaginatedList({ path: '/v1/migrations', urlSync: true });
 */
export function useSuspensePaginatedList<T = unknown>(options: UseSuspensePaginatedListOptions<T>): UseSuspensePaginatedListResult<T> {
  const { client, queryClient, retryPolicy } = useSenseiContext('useSuspensePaginatedList');
  const list = usePaginatedList(options);
  // Suspends for the page being shown; a new page is first tried in the background, where
  // suspending keeps the current screen instead of showing the fallback.
  const page = useDeferredValue(list.page);
  const { path, params, itemSchema, staleTime = 30_000, meta } = options;
  useSuspenseQuery(
    {
      ...senseiQueries(client, { retry: retryPolicy }).list({ path, page, perPage: list.perPage, params, itemSchema }),
      staleTime,
      meta: { ...meta, sensei: true },
    },
    queryClient,
  );
  return list as UseSuspensePaginatedListResult<T>;
}

'use client';
import { hashKey, type UseInfiniteQueryOptions, type UseInfiniteQueryResult, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { pagePrefetchStoreFor } from '../core/PagePrefetchStore.js';
import type { PaginatedResponse, Pagination } from '../core/paginationSchema.js';
import type { RequestWait } from '../core/RequestWaitStore.js';
import type { SenseiError } from '../core/SenseiError.js';
import {
  infiniteListItems,
  infiniteListOptions,
  type ItemKey,
  prefetchNextListPage,
  type SenseiInfiniteData,
  type SenseiInfiniteListQuery,
} from '../core/senseiInfiniteQueries.js';
import { withinPrefetchBudget } from '../core/withinPrefetchBudget.js';
import { useSenseiContext } from './SenseiContext.js';
import { useGateOpenAt } from './useGateOpenAt.js';
import { useRequestWait } from './useRequestWait.js';

type ForwardedInfiniteOptions<T> = Pick<
  UseInfiniteQueryOptions<PaginatedResponse<T>, SenseiError, SenseiInfiniteData<T>, readonly unknown[], number>,
  'enabled' | 'gcTime' | 'refetchOnWindowFocus' | 'refetchOnMount' | 'refetchOnReconnect' | 'refetchInterval' | 'throwOnError' | 'meta' | 'networkMode'
>;

export interface UseInfiniteListOptions<T> extends SenseiInfiniteListQuery<T>, ForwardedInfiniteOptions<T> {
  /**
   * The field, or a function, that identifies an item: an item that moved into the next page
   * (items were inserted above meanwhile) is shown once.
   * @default 'id'
   */
  dedupeBy?: ItemKey<T>;
  /**
   * Fetch the next page ahead, so "load more" shows it without a network wait. Only within the
   * rate budget: never while the gate is closed or the window is low.
   * @default true
   */
  prefetchNext?: boolean;
  /**
   * Skip prefetching while fewer requests than this are left in the rate-limit window (after
   * those in flight).
   * @default 10% of `X-RateLimit-Limit`, at least 1
   */
  prefetchMinRemaining?: number;
  /**
   * How long loaded pages count as fresh, in ms.
   * @default 30000
   */
  staleTime?: number;
}

export interface UseInfiniteListResult<T> extends RequestWait {
  /** The items of every loaded page, in order, each once (see `dedupeBy`). */
  items: T[];
  /** The loaded pages as the server sent them. */
  pages: PaginatedResponse<T>[];
  /** The seed's `pagination` of the last loaded page. */
  pagination: Pagination | undefined;
  /** Items in the whole list, by the last loaded page. */
  total: number | undefined;
  /** How far down the list the loaded pages reach (pages dropped by `maxPages` above count). */
  loaded: number;
  /** Items the next page brings (0 at the end). */
  nextCount: number;
  /** Items the previous page brings (0 when the first page is loaded). */
  previousCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Loads the next page; does nothing at the end or while the list fetches (it never cancels a refetch). */
  fetchNextPage: () => void;
  /** Loads the page before the first one kept (after `maxPages` dropped it). */
  fetchPreviousPage: () => void;
  isFetchingNextPage: boolean;
  isFetchingPreviousPage: boolean;
  /** Loading the next page failed; the pages already loaded stay. */
  isFetchNextPageError: boolean;
  isFetchPreviousPageError: boolean;
  isPending: boolean;
  isLoading: boolean;
  isFetching: boolean;
  isRefetching: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: SenseiError | null;
  status: UseInfiniteQueryResult['status'];
  /** Refetches every loaded page, one after another, through the rate-limit gate. */
  refetch: UseInfiniteQueryResult<SenseiInfiniteData<T>, SenseiError>['refetch'];
  /** The whole TanStack result, for anything not surfaced above. */
  query: UseInfiniteQueryResult<SenseiInfiniteData<T>, SenseiError>;
}

// One empty array for every list without data, so effects that depend on `pages` do not re-run
// on each render while the first page loads. Frozen: it is shared.
const NO_PAGES: never[] = Object.freeze([]) as never[];

/**
 * A Sensei list loaded page after page, for feeds and logs: pages are appended, `maxPages` caps
 * memory in both directions, the next page is prefetched within the rate budget, an item that
 * shifted into the next page is shown once, and a refetch of every page goes through the gate.
 * @example
 * const feed = useInfiniteList<Activity>({ path: '/v1/activity', maxPages: 10 });
 * feed.items.map((event) => <FeedItem key={event.id} event={event} />);
 * <LoadMore list={feed} />
 */
export function useInfiniteList<T = unknown>(options: UseInfiniteListOptions<T>): UseInfiniteListResult<T> {
  const context = useSenseiContext('useInfiniteList');
  const { client, queryClient, retryPolicy } = context;
  const {
    path,
    perPage,
    params,
    itemSchema,
    maxPages,
    dedupeBy = 'id' as keyof T,
    prefetchNext = true,
    prefetchMinRemaining,
    staleTime = 30_000,
    meta,
    ...forwarded
  } = options;
  const input: SenseiInfiniteListQuery<T> = { path, perPage, params, itemSchema, maxPages };
  const listOptions = infiniteListOptions(client, input, { retry: retryPolicy });
  const query = useInfiniteQuery<PaginatedResponse<T>, SenseiError, SenseiInfiniteData<T>, readonly unknown[], number>(
    { ...forwarded, ...listOptions, staleTime, meta: { ...meta, sensei: true as const } },
    queryClient,
  );
  const id = hashKey(listOptions.queryKey);
  const { data, isFetching, hasNextPage, hasPreviousPage, dataUpdatedAt } = query;
  const wait = useRequestWait(context, id, query.fetchStatus === 'paused', isFetching, query.failureReason);

  const items = useMemo(() => infiniteListItems(data, dedupeBy), [data, dedupeBy]);
  const pages = data?.pages ?? NO_PAGES;
  const first = pages[0]?.pagination;
  const pagination = pages.at(-1)?.pagination;
  const firstParam = data?.pageParams[0] ?? 1;
  const total = pagination?.total;
  const pageSize = pagination?.per_page ?? 0;
  const before = (firstParam - 1) * (first?.per_page ?? 0);
  const loaded = total === undefined ? items.length : Math.min(total, before + items.length);
  const nextCount = hasNextPage ? Math.max(1, Math.min(pageSize, (total ?? Infinity) - loaded)) : 0;
  const previousCount = hasPreviousPage ? Math.min(first?.per_page ?? 0, before) : 0;

  // The next page, ahead of the click, only when the window has room for it; again once the gate opens.
  // Keyed on `data`, not only on `isFetching` and the clock: React may never render the fetching
  // state between two pages (React 18 batches it away; a prefetched page arrives within a tick),
  // and two updates can share a millisecond.
  const gateOpenAt = useGateOpenAt();
  useEffect(() => {
    if (!prefetchNext || !hasNextPage || isFetching || !withinPrefetchBudget(client.rateLimit, prefetchMinRemaining)) return;
    prefetchNextListPage(queryClient, client, input);
    // `input` is rebuilt each render; its parts are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefetchNext, hasNextPage, isFetching, data, dataUpdatedAt, gateOpenAt, prefetchMinRemaining, client, queryClient, id]);

  // The prefetch is this list's request: it ends with the last component showing the list.
  useEffect(
    () => () => {
      if (!queryClient.getQueryCache().get(id)?.getObserversCount()) pagePrefetchStoreFor(queryClient).cancel(id);
    },
    [queryClient, id],
  );

  const { fetchNextPage: fetchNext, fetchPreviousPage: fetchPrevious } = query;
  // TanStack's fetchNextPage cancels a running refetch by default, which loses pages: wait instead.
  const fetchNextPage = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNext({ cancelRefetch: false });
  }, [fetchNext, hasNextPage, isFetching]);
  const fetchPreviousPage = useCallback(() => {
    if (hasPreviousPage && !isFetching) void fetchPrevious({ cancelRefetch: false });
  }, [fetchPrevious, hasPreviousPage, isFetching]);

  return {
    items,
    pages,
    pagination,
    total,
    loaded,
    nextCount,
    previousCount,
    hasNextPage,
    hasPreviousPage,
    fetchNextPage,
    fetchPreviousPage,
    isFetchingNextPage: query.isFetchingNextPage,
    isFetchingPreviousPage: query.isFetchingPreviousPage,
    isFetchNextPageError: query.isFetchNextPageError,
    isFetchPreviousPageError: query.isFetchPreviousPageError,
    isPending: query.isPending,
    isLoading: query.isLoading,
    isFetching,
    isRefetching: query.isRefetching,
    isSuccess: query.isSuccess,
    isError: query.isError,
    error: query.error,
    status: query.status,
    refetch: query.refetch,
    query,
    ...wait,
  };
}

'use client';
import { hashKey, keepPreviousData, type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { QueryParams } from '../core/createSenseiClient.js';
import { lowRemainingThreshold } from '../core/lowRemainingThreshold.js';
import { clampPage, pageForFirstItem, wholePage } from '../core/pageMath.js';
import type { PaginatedResponse, Pagination } from '../core/paginationSchema.js';
import type { RateLimitState } from '../core/RateLimitStore.js';
import type { SenseiError } from '../core/SenseiError.js';
import { senseiQueries } from '../core/senseiQueries.js';
import type { StandardSchemaV1 } from '../core/standardSchema.js';
import { createLocationPageSync, type PageUrlSync } from './createLocationPageSync.js';
import type { RequestWait } from '../core/RequestWaitStore.js';
import { useSenseiContext } from './SenseiContext.js';
import { useRequestWait } from './useRequestWait.js';

type ForwardedQueryOptions<T> = Pick<
  UseQueryOptions<PaginatedResponse<T>, SenseiError>,
  'enabled' | 'gcTime' | 'refetchOnWindowFocus' | 'refetchOnMount' | 'refetchOnReconnect' | 'refetchInterval' | 'throwOnError' | 'meta' | 'networkMode'
>;

export interface UsePaginatedListOptions<T> extends ForwardedQueryOptions<T> {
  /** The list endpoint, e.g. `/v1/migrations`. */
  path: string;
  /** Filters and sorting sent with every page. */
  params?: QueryParams;
  /** The page, when the parent controls it (pair with `onPageChange`). */
  page?: number;
  /**
   * The first page when uncontrolled.
   * @default 1
   */
  defaultPage?: number;
  /** Called with the new page on every change (also when a page past the end is clamped). */
  onPageChange?: (page: number) => void;
  /** Items per page, when the parent controls it. */
  perPage?: number;
  /**
   * Items per page when uncontrolled.
   * @default the API's default (50 for Sensei)
   */
  defaultPerPage?: number;
  /** Called with the new per-page value on every change. */
  onPerPageChange?: (perPage: number) => void;
  /** Validates each item (zod, valibot…); a mismatch is a typed `SenseiResponseError`. */
  itemSchema?: StandardSchemaV1<unknown, T>;
  /**
   * Prefetch the next page so it appears without a network wait.
   * @default true
   */
  prefetchNext?: boolean;
  /**
   * Skip prefetching while fewer requests than this are left in the rate-limit window.
   * @default 10% of `X-RateLimit-Limit`, at least 1
   */
  prefetchMinRemaining?: number;
  /**
   * Keep `page`/`per_page` in the URL: `true` for `window.location` (`?page=&per_page=`), or an
   * adapter for a router. Ignored for a controlled `page`.
   * @default false
   */
  urlSync?: boolean | PageUrlSync;
  /**
   * How long a fetched page counts as fresh, in ms: a prefetched page shown within this time
   * costs no request.
   * @default 30000
   */
  staleTime?: number;
}

export interface UsePaginatedListResult<T> extends RequestWait {
  /** The items of the page on screen (the previous page's while the next loads). */
  items: T[];
  /** The seed's `pagination` object of the page on screen. */
  pagination: Pagination | undefined;
  /** The requested page. */
  page: number;
  /** The requested items per page (`undefined`: the API's default). */
  perPage: number | undefined;
  setPage: (page: number) => void;
  nextPage: () => void;
  prevPage: () => void;
  /** Changes per-page, keeping the first visible item on screen. */
  setPerPage: (perPage: number) => void;
  /** True while the previous page is shown as a placeholder for the one loading. */
  isPlaceholderData: boolean;
  isPending: boolean;
  isLoading: boolean;
  isFetching: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: SenseiError | null;
  status: UseQueryResult['status'];
  refetch: UseQueryResult<PaginatedResponse<T>, SenseiError>['refetch'];
  /** The whole TanStack result, for anything not surfaced above. */
  query: UseQueryResult<PaginatedResponse<T>, SenseiError>;
}

const noSubscribe = () => () => {};

function canPrefetch(state: RateLimitState, minRemaining: number | undefined): boolean {
  if (state.isLimited) return false;
  if (state.remaining === undefined) return true;
  return state.remaining > (minRemaining ?? lowRemainingThreshold(state.limit));
}

/**
 * A page of a Sensei list with everything a table needs: the previous page stays on screen
 * while the next loads, the next page is prefetched (not while the rate limit is low), a page
 * past the end lands on the last page, and `per_page` changes keep the first item in view.
 * @example
 * const list = usePaginatedList({ path: '/v1/migrations', urlSync: true });
 * list.items.map((m) => <Row key={m.id} migration={m} />);
 * <Paginator list={list} />
 */
export function usePaginatedList<T = unknown>(options: UsePaginatedListOptions<T>): UsePaginatedListResult<T> {
  const context = useSenseiContext('usePaginatedList');
  const { client, queryClient, retryPolicy } = context;
  const {
    path,
    params,
    page: controlledPage,
    defaultPage = 1,
    onPageChange,
    perPage: controlledPerPage,
    defaultPerPage,
    onPerPageChange,
    itemSchema,
    prefetchNext = true,
    prefetchMinRemaining,
    urlSync,
    staleTime = 30_000,
    meta,
    ...forwarded
  } = options;

  const sync = useMemo(() => (urlSync === true ? createLocationPageSync() : urlSync || undefined), [urlSync]);
  const useUrl = sync !== undefined && controlledPage === undefined;
  const subscribe = useUrl ? sync.subscribe : noSubscribe;
  const readUrl = (server?: true) => (useUrl ? (server ? sync.readServer?.() : sync.read()) : undefined);
  const urlPage = useSyncExternalStore(subscribe, () => readUrl()?.page, () => readUrl(true)?.page);
  const urlPerPage = useSyncExternalStore(subscribe, () => readUrl()?.perPage, () => readUrl(true)?.perPage);
  const [localPage, setLocalPage] = useState(defaultPage);
  const [localPerPage, setLocalPerPage] = useState(defaultPerPage);

  // New `params` (filters) go back to page 1, before any request for the old page with them. The
  // page changing in the same step (Back across a filter change, a link with both) is kept.
  const requestedPage = controlledPage ?? (useUrl ? (urlPage ?? defaultPage) : localPage);
  const paramsKey = hashKey([params]);
  const [[pageParams, pageParamsPage], setPageParams] = useState([paramsKey, requestedPage] as const);
  const backToFirst = controlledPage === undefined && paramsKey !== pageParams && requestedPage === pageParamsPage;
  if (!backToFirst && (paramsKey !== pageParams || requestedPage !== pageParamsPage)) setPageParams([paramsKey, requestedPage]);
  const page = backToFirst ? 1 : wholePage(requestedPage);
  const perPage = controlledPerPage ?? (useUrl ? (urlPerPage ?? defaultPerPage) : localPerPage);

  // The query of a page, from the factories (so a page prefetched anywhere is found here) with
  // this hook's freshness and the caller's `meta` beside the Sensei marker.
  const optionsFor = (p: number) => ({
    ...senseiQueries(client, { retry: retryPolicy }).list({ path, page: p, perPage, params, itemSchema }),
    staleTime,
    meta: { ...meta, sensei: true as const },
  });
  const queryOptions = optionsFor(page);
  const query = useQuery<PaginatedResponse<T>, SenseiError>(
    {
      ...forwarded,
      ...queryOptions,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );

  const { data: response, isPlaceholderData, isFetching } = query;
  const wait = useRequestWait(context, hashKey(queryOptions.queryKey), query.fetchStatus === 'paused', isFetching, query.failureReason);
  const pagination = response?.pagination;
  const shownPage = isPlaceholderData ? undefined : pagination?.page;
  const hasNext = pagination?.has_next === true;

  const change = useCallback(
    (nextPage: number, nextPerPage: number | undefined, replace = false) => {
      if (nextPerPage !== perPage && nextPerPage !== undefined) {
        if (controlledPerPage === undefined && !useUrl) setLocalPerPage(nextPerPage);
        onPerPageChange?.(nextPerPage);
      }
      if (nextPage !== requestedPage || (useUrl && nextPerPage !== perPage)) {
        if (controlledPage === undefined) {
          if (useUrl) sync.write({ page: nextPage, perPage: nextPerPage }, { replace });
          else setLocalPage(nextPage);
        }
        if (nextPage !== requestedPage) onPageChange?.(nextPage);
      }
    },
    [requestedPage, perPage, controlledPage, controlledPerPage, useUrl, sync, onPageChange, onPerPageChange, setLocalPage, setLocalPerPage],
  );

  // Clamp after deletions: the query already fetched and cached the last page. An effect,
  // because it also tells the parent (onPageChange / URL), which render must not do. Clamped by
  // `total_pages`, not taken from the server's `page`: a server misreporting `page` (0, past the
  // end, off by one) must not move the user around or walk them through the list. Page 1 after
  // new params is the same kind of correction, written at once.
  const correctedPage = backToFirst ? 1 : isPlaceholderData || pagination === undefined || isFetching ? undefined : clampPage(page, pagination.total_pages);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (correctedPage !== undefined && correctedPage !== requestedPage) change(correctedPage, perPage, true);
  }, [correctedPage, requestedPage, perPage, change]);

  const prefetched = useRef<readonly unknown[] | undefined>(undefined);
  useEffect(() => {
    if (!prefetchNext || !hasNext || shownPage !== page || isFetching) return;
    if (!canPrefetch(client.rateLimit.getSnapshot(), prefetchMinRemaining)) return;
    const next = optionsFor(page + 1);
    prefetched.current = next.queryKey;
    void queryClient.prefetchQuery(next);
    // `optionsFor` is rebuilt each render; its parts are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefetchNext, hasNext, shownPage, page, isFetching, prefetchMinRemaining, client, queryClient, path, perPage, JSON.stringify(params)]);

  // The prefetch is this component's request, so it ends with the component (TanStack lets a
  // prefetch run on) — unless another component shows that page by then.
  useEffect(
    () => () => {
      const key = prefetched.current;
      const pending = key && queryClient.getQueryCache().find({ queryKey: key, exact: true });
      if (pending && pending.state.fetchStatus !== 'idle' && pending.getObserversCount() === 0) void pending.cancel({ revert: true });
    },
    [queryClient],
  );

  const totalPages = pagination?.total_pages;
  const setPage = useCallback(
    (next: number) => change(totalPages !== undefined ? clampPage(next, totalPages) : wholePage(next), perPage),
    [change, totalPages, perPage],
  );
  const setPerPage = useCallback(
    (next: number) => {
      const current = perPage ?? pagination?.per_page ?? next;
      change(pageForFirstItem(page, current, next), next);
    },
    [change, page, perPage, pagination?.per_page],
  );
  const nextPage = useCallback(() => {
    if (pagination?.has_next !== false) setPage(page + 1);
  }, [setPage, page, pagination?.has_next]);
  const prevPage = useCallback(() => {
    if (page > 1) setPage(page - 1);
  }, [setPage, page]);

  return {
    items: response?.data ?? [],
    pagination,
    page,
    perPage,
    setPage,
    nextPage,
    prevPage,
    setPerPage,
    isPlaceholderData,
    isPending: query.isPending,
    isLoading: query.isLoading,
    isFetching,
    isSuccess: query.isSuccess,
    isError: query.isError,
    error: query.error,
    status: query.status,
    refetch: query.refetch,
    query,
    ...wait,
  };
}

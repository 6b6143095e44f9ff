import { type DataTag, hashKey, type InfiniteData, type QueryClient, type QueryFunctionContext, type QueryKey } from '@tanstack/query-core';
import type { QueryParams, RequestOptions, SenseiClient } from './createSenseiClient.js';
import { warnOnce } from './dev.js';
import { pagePrefetchStoreFor } from './PagePrefetchStore.js';
import type { PaginatedResponse } from './paginationSchema.js';
import { requestWaitStoreFor } from './RequestWaitStore.js';
import type { SenseiError } from './SenseiError.js';
import { senseiKeys } from './senseiKeys.js';
import { senseiQueries, type SenseiQueriesOptions } from './senseiQueries.js';
import type { StandardSchemaV1 } from './standardSchema.js';

/** The pages of an infinite list as TanStack Query holds them; page params are 1-based page numbers. */
export type SenseiInfiniteData<T> = InfiniteData<PaginatedResponse<T>, number>;

export interface SenseiInfiniteListQuery<T> {
  /** The list endpoint, e.g. `/v1/activity`. */
  path: string;
  /** Items per page; the API's default when omitted. */
  perPage?: number | undefined;
  /** Filters and sorting sent with every page. */
  params?: QueryParams | undefined;
  /** Validates each item; a mismatch is a typed `SenseiResponseError`. */
  itemSchema?: StandardSchemaV1<unknown, T> | undefined;
  /**
   * Pages kept in memory. Loading past it drops pages from the other end, and they load again
   * (`fetchPreviousPage`) when the user goes back. A whole number ≥ 1; anything else keeps every
   * page and warns in development.
   * @default undefined (every page is kept)
   */
  maxPages?: number | undefined;
}

/** What `infiniteListOptions(...)` returns: valid for `useInfiniteQuery`, `useSuspenseInfiniteQuery`, `queryClient.infiniteQuery()`. */
export interface SenseiInfiniteListOptions<T> {
  /** Typed: `queryClient.getQueryData(options.queryKey)` is `SenseiInfiniteData<T> | undefined`. */
  queryKey: DataTag<ReturnType<typeof senseiKeys.infiniteList>, SenseiInfiniteData<T>, SenseiError>;
  queryFn: (context: QueryFunctionContext<QueryKey, number>) => Promise<PaginatedResponse<T>>;
  initialPageParam: number;
  getNextPageParam: (lastPage: PaginatedResponse<T>, allPages: PaginatedResponse<T>[], lastPageParam: number) => number | undefined;
  getPreviousPageParam: (firstPage: PaginatedResponse<T>, allPages: PaginatedResponse<T>[], firstPageParam: number) => number | undefined;
  maxPages?: number;
  retry: (failureCount: number, error: SenseiError) => boolean;
  retryDelay: (failureCount: number, error: SenseiError) => number;
  meta: { sensei: true };
}

/** `maxPages` as TanStack can use it: a whole number ≥ 1, or none (0, NaN or -1 would empty or break the list). */
function normalizeMaxPages(maxPages: number | undefined): number | undefined {
  if (maxPages === undefined || maxPages === Infinity) return undefined;
  if (Number.isFinite(maxPages) && maxPages >= 1) return Math.floor(maxPages);
  warnOnce(`maxPages:${maxPages}`, `maxPages must be a whole number of at least 1 (got ${maxPages}); every page is kept.`);
  return undefined;
}

function listKey(client: SenseiClient, { path, perPage, params }: SenseiInfiniteListQuery<unknown>) {
  return senseiKeys.infiniteList(client, path, { perPage, query: params });
}

function pageFetcher<T>(client: SenseiClient, { path, perPage, params, itemSchema }: SenseiInfiniteListQuery<T>) {
  return (page: number, signal: AbortSignal, onGateHold?: RequestOptions['onGateHold']) =>
    client.list<T>(path, { page, perPage, query: params, itemSchema, signal, onGateHold });
}

/**
 * The options of an infinite Sensei list, built like the other factories: the key names the API
 * and marks the list infinite, every page goes through the client (its gate, budget and typed
 * errors), retries follow the policy. A refetch asks for the loaded pages one after another, so
 * the gate spaces them out within the rate limit. No React: a Server Component can prefetch with it.
 * @example
 * const feed = useInfiniteQuery(infiniteListOptions(client, { path: '/v1/activity', maxPages: 5 }));
 * await queryClient.prefetchInfiniteQuery({ ...infiniteListOptions(client, { path: '/v1/activity' }), pages: 2 });
 */
export function infiniteListOptions<T = unknown>(
  client: SenseiClient,
  input: SenseiInfiniteListQuery<T>,
  options: SenseiQueriesOptions = {},
): SenseiInfiniteListOptions<T> {
  // The paged list's retry policy and marker: infinite and paged lists retry alike.
  // Stryker disable next-line ObjectLiteral: only retry, retryDelay and meta are read, and none depends on the path
  const { retry, retryDelay, meta } = senseiQueries(client, options).list<T>({ path: input.path });
  const fetchPage = pageFetcher(client, input);
  const maxPages = normalizeMaxPages(input.maxPages);
  return {
    queryKey: listKey(client, input) as SenseiInfiniteListOptions<T>['queryKey'],
    queryFn: ({ pageParam, direction, signal, client: queryClient, queryKey }) => {
      const id = hashKey(queryKey);
      return requestWaitStoreFor(queryClient).run(id, async (onGateHold) => {
        // A page prefetched after exactly these pages (no refetch since) costs no request.
        const basis = queryClient.getQueryState(queryKey)?.dataUpdatedAt ?? 0;
        const early = direction === 'forward' ? pagePrefetchStoreFor(queryClient).take(id, pageParam, basis) : undefined;
        if (early) {
          try {
            return (await early) as PaginatedResponse<T>;
          } catch {
            // The prefetch failed or was aborted: ask now, through the gate.
          }
        }
        return fetchPage(pageParam, signal, onGateHold);
      });
    },
    initialPageParam: 1,
    // From the page asked for, not the server's `page`; `has_next` and `total_pages` must both
    // say there is more, so a server that contradicts itself cannot make "load more" endless.
    getNextPageParam: ({ pagination }, _all, lastPageParam) =>
      pagination.has_next && lastPageParam < pagination.total_pages ? lastPageParam + 1 : undefined,
    getPreviousPageParam: (_first, _all, firstPageParam) => (firstPageParam > 1 ? firstPageParam - 1 : undefined),
    ...(maxPages === undefined ? {} : { maxPages }),
    retry,
    retryDelay,
    meta,
  };
}

/**
 * Starts fetching the page after the last one loaded, for the next `fetchNextPage` to take
 * without a request. Does nothing while the list fetches, at its end, or when that page is
 * already on its way. Call it only within the rate budget (`withinPrefetchBudget`).
 * @returns whether a prefetch runs for the list now
 */
export function prefetchNextListPage<T>(queryClient: QueryClient, client: SenseiClient, input: SenseiInfiniteListQuery<T>): boolean {
  const options = infiniteListOptions(client, input);
  const state = queryClient.getQueryState(options.queryKey);
  const data = state?.data;
  const last = data?.pages.at(-1);
  const lastParam = data?.pageParams.at(-1);
  if (!state || state.fetchStatus !== 'idle' || !data || !last || lastParam === undefined) return false;
  const next = options.getNextPageParam(last, data.pages, lastParam);
  if (next === undefined) return false;
  const store = pagePrefetchStoreFor(queryClient);
  const id = hashKey(options.queryKey);
  store.start(id, next, state.dataUpdatedAt, (signal) => pageFetcher(client, input)(next, signal));
  return store.has(id);
}

/** Which field (or function) tells two items apart; see {@link infiniteListItems}. */
export type ItemKey<T> = keyof T | ((item: T) => unknown);

/**
 * The items of all loaded pages in order, each once: when items were inserted above while the
 * user read, an item already shown moves into the next page's first slots, and is not shown
 * twice. Items whose key is `undefined` or `null` are all kept.
 * @param dedupeBy the field or function that identifies an item
 * @default dedupeBy 'id'
 */
export function infiniteListItems<T>(data: Pick<SenseiInfiniteData<T>, 'pages'> | undefined, dedupeBy: ItemKey<T> = 'id' as keyof T): T[] {
  const items: T[] = [];
  const seen = new Set<unknown>();
  const keyOf = typeof dedupeBy === 'function' ? dedupeBy : (item: T) => (item != null && typeof item === 'object' ? item[dedupeBy] : undefined);
  for (const page of data?.pages ?? []) {
    for (const item of page.data) {
      const key = keyOf(item);
      if (key != null) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      items.push(item);
    }
  }
  return items;
}

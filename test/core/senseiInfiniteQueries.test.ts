import { InfiniteQueryObserver, QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { pagePrefetchStoreFor } from '../../src/core/PagePrefetchStore.js';
import type { PaginatedResponse } from '../../src/core/paginationSchema.js';
import { infiniteListItems, infiniteListOptions, prefetchNextListPage, type SenseiInfiniteListQuery } from '../../src/core/senseiInfiniteQueries.js';
import { senseiKeys } from '../../src/core/senseiKeys.js';
import type { StandardSchemaV1 } from '../../src/core/standardSchema.js';
import { hashKey } from '@tanstack/query-core';
import { createFakeFetch, json, type FakeCall } from './fakeFetch.js';

let origin = 0;
const TOTAL_PAGES = 4;

/** A list of `TOTAL_PAGES` pages of two items each: page p holds `p-a` and `p-b`. */
function setup(respond?: (call: FakeCall, page: number) => Response | Promise<Response> | undefined) {
  const fake = createFakeFetch((call) => {
    const page = Number(new URL(call.url).searchParams.get('page'));
    const custom = respond?.(call, page);
    if (custom) return custom;
    return json({
      data: [{ id: `${page}-a` }, { id: `${page}-b` }],
      pagination: { total: TOTAL_PAGES * 2, page, per_page: 2, total_pages: TOTAL_PAGES, has_next: page < TOTAL_PAGES, has_prev: page > 1 },
    });
  });
  origin += 1;
  const client = createSenseiClient({ baseUrl: `https://infinite${origin}.example.com`, apiKey: 'k', fetch: fake.fetch, shareAcrossTabs: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  return { client, queryClient, ...fake };
}

const pagesAsked = (calls: FakeCall[]) => calls.map((c) => Number(new URL(c.url).searchParams.get('page')));
const page = (n: number, totalPages: number, hasNext: boolean): PaginatedResponse<never> => ({
  data: [],
  pagination: { total: totalPages * 2, page: n, per_page: 2, total_pages: totalPages, has_next: hasNext, has_prev: n > 1 },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('infiniteListOptions: the key', () => {
  it('is the infinite list key of the path, per-page and filters', () => {
    const { client } = setup();
    const input = { path: '/v1/activity', perPage: 25, params: { status: 'done' } };
    expect(infiniteListOptions(client, input).queryKey).toEqual(senseiKeys.infiniteList(client, '/v1/activity', { perPage: 25, query: { status: 'done' } }));
    expect(infiniteListOptions(client, input).queryKey).not.toEqual(infiniteListOptions(client, { path: '/v1/activity', perPage: 50 }).queryKey);
  });

  it('marks the query as Sensei, with a retry policy', () => {
    const { client } = setup();
    const options = infiniteListOptions(client, { path: '/v1/activity' });
    expect(options.meta).toEqual({ sensei: true });
    expect(options.initialPageParam).toBe(1);
    expect(typeof options.retry).toBe('function');
    expect(typeof options.retryDelay).toBe('function');
  });
});

describe('infiniteListOptions: fetching pages', () => {
  it('asks for each page with the per-page value and the filters', async () => {
    const { client, queryClient, calls } = setup();
    const options = infiniteListOptions(client, { path: '/v1/activity', perPage: 2, params: { status: 'done' } });
    const data = await queryClient.fetchInfiniteQuery({ ...options, pages: 2 });
    expect(data.pageParams).toEqual([1, 2]);
    expect(infiniteListItems(data).map((i) => (i as { id: string }).id)).toEqual(['1-a', '1-b', '2-a', '2-b']);
    const url = new URL(calls[1]!.url);
    expect(url.pathname).toBe('/v1/activity');
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: '2', per_page: '2', status: 'done' });
  });

  it('validates each item with itemSchema', async () => {
    const { client, queryClient } = setup();
    const noB: StandardSchemaV1<unknown, { id: string }> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => ((value as { id: string }).id.endsWith('b') ? { issues: [{ message: 'no b' }] } : { value: value as { id: string } }),
      },
    };
    await expect(queryClient.fetchInfiniteQuery(infiniteListOptions(client, { path: '/v1/activity', itemSchema: noB }))).rejects.toMatchObject({
      name: 'SenseiResponseError',
    });
  });

  it('passes the query signal on, so cancelling the query aborts the request', async () => {
    const { client, queryClient, calls } = setup(() => new Promise<Response>(() => {}));
    const options = infiniteListOptions(client, { path: '/v1/activity' });
    const running = queryClient.fetchInfiniteQuery(options).catch(() => 'cancelled');
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    expect(calls[0]!.signal?.aborted).toBe(true);
    await running;
  });

  it('works when called outside the cache (no query state for its key)', async () => {
    const { client, queryClient } = setup();
    const options = infiniteListOptions(client, { path: '/v1/activity' });
    const result = await options.queryFn({
      pageParam: 3,
      direction: 'forward',
      signal: new AbortController().signal,
      client: queryClient,
      queryKey: options.queryKey,
      meta: undefined,
    });
    expect(result.pagination.page).toBe(3);
  });
});

describe('infiniteListOptions: which pages come next and before', () => {
  const { client } = setup();
  const { getNextPageParam, getPreviousPageParam } = infiniteListOptions(client, { path: '/v1/activity' });

  it('the next page follows the page asked for while the server says there is more', () => {
    expect(getNextPageParam(page(7, 4, true), [], 2)).toBe(3);
    expect(getNextPageParam(page(1, 4, true), [], 3)).toBe(4);
  });

  it('stops when has_next is false, even before total_pages', () => {
    expect(getNextPageParam(page(2, 4, false), [], 2)).toBeUndefined();
  });

  it('stops at total_pages, even when has_next says more (a server that contradicts itself)', () => {
    expect(getNextPageParam(page(4, 4, true), [], 4)).toBeUndefined();
    expect(getNextPageParam(page(5, 4, true), [], 5)).toBeUndefined();
  });

  it('the previous page is the one before, down to page 1', () => {
    expect(getPreviousPageParam(page(3, 4, true), [], 3)).toBe(2);
    expect(getPreviousPageParam(page(2, 4, true), [], 2)).toBe(1);
    expect(getPreviousPageParam(page(1, 4, true), [], 1)).toBeUndefined();
  });
});

describe('infiniteListOptions: maxPages', () => {
  const { client } = setup();
  const maxPagesOf = (maxPages: number | undefined) => infiniteListOptions(client, { path: '/v1/activity', maxPages });

  it('keeps every page when omitted or Infinity, without a warning', () => {
    expect('maxPages' in maxPagesOf(undefined)).toBe(false);
    expect('maxPages' in maxPagesOf(Infinity)).toBe(false);
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('passes a whole number of at least 1 on, and rounds a fraction down', () => {
    expect(maxPagesOf(1).maxPages).toBe(1);
    expect(maxPagesOf(5).maxPages).toBe(5);
    expect(maxPagesOf(3.7).maxPages).toBe(3);
  });

  it('keeps every page and warns once per value for 0, negatives, fractions below 1 and NaN', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const values = [0, -3, 0.5, Number.NaN, -Infinity];
    for (const value of values) {
      expect('maxPages' in maxPagesOf(value)).toBe(false);
      expect('maxPages' in maxPagesOf(value)).toBe(false);
    }
    expect(warn).toHaveBeenCalledTimes(values.length);
    expect(warn.mock.calls.map((args) => String(args[0]))).toEqual(
      values.map((value) => `[@sensei/react] maxPages must be a whole number of at least 1 (got ${value}); every page is kept.`),
    );
  });
});

describe('prefetchNextListPage and the next fetchNextPage', () => {
  const input: SenseiInfiniteListQuery<{ id: string }> = { path: '/v1/activity', perPage: 2 };

  async function loaded(pages: number, respond?: Parameters<typeof setup>[0]) {
    const s = setup(respond);
    const options = infiniteListOptions(s.client, input);
    await s.queryClient.fetchInfiniteQuery({ ...options, pages });
    const observer = new InfiniteQueryObserver(s.queryClient, options);
    const unsubscribe = observer.subscribe(() => {});
    return { ...s, options, observer, unsubscribe, id: hashKey(options.queryKey) };
  }

  it('does nothing for a list that is not in the cache', () => {
    const { client, queryClient, calls } = setup();
    expect(prefetchNextListPage(queryClient, client, input)).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('does nothing for a list in the cache without data', () => {
    const { client, queryClient, calls } = setup();
    queryClient.getQueryCache().build(queryClient, { queryKey: infiniteListOptions(client, input).queryKey });
    expect(prefetchNextListPage(queryClient, client, input)).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('does nothing for a list with no pages', () => {
    const { client, queryClient, calls } = setup();
    queryClient.setQueryData(infiniteListOptions(client, input).queryKey, { pages: [], pageParams: [] });
    expect(prefetchNextListPage(queryClient, client, input)).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('fetches the page after the last one loaded, once, and fetchNextPage takes it without a request', async () => {
    const s = await loaded(1);
    expect(prefetchNextListPage(s.queryClient, s.client, input)).toBe(true);
    expect(prefetchNextListPage(s.queryClient, s.client, input)).toBe(true);
    await vi.waitFor(() => expect(pagesAsked(s.calls)).toEqual([1, 2]));
    const result = await s.observer.fetchNextPage();
    expect(pagesAsked(s.calls)).toEqual([1, 2]);
    expect(result.data?.pageParams).toEqual([1, 2]);
    expect(infiniteListItems(result.data).map((i) => i.id)).toEqual(['1-a', '1-b', '2-a', '2-b']);
    expect(pagePrefetchStoreFor(s.queryClient).has(s.id)).toBe(false);
    s.unsubscribe();
  });

  it('continues from the last of several loaded pages', async () => {
    const s = await loaded(3);
    expect(prefetchNextListPage(s.queryClient, s.client, input)).toBe(true);
    await vi.waitFor(() => expect(pagesAsked(s.calls)).toEqual([1, 2, 3, 4]));
    s.unsubscribe();
  });

  it('does nothing at the end of the list', async () => {
    const s = await loaded(TOTAL_PAGES);
    expect(prefetchNextListPage(s.queryClient, s.client, input)).toBe(false);
    expect(pagesAsked(s.calls)).toEqual([1, 2, 3, 4]);
    s.unsubscribe();
  });

  it('does nothing while the list fetches', async () => {
    const s = await loaded(1);
    const refetch = s.observer.refetch();
    expect(prefetchNextListPage(s.queryClient, s.client, input)).toBe(false);
    await refetch;
    expect(pagesAsked(s.calls)).toEqual([1, 1]);
    s.unsubscribe();
  });

  it('asks again through the gate when the prefetch failed', async () => {
    let failOnce = true;
    const s = await loaded(1, (_call, p) => {
      if (p === 2 && failOnce) {
        failOnce = false;
        return json({ message: 'nope' }, 404);
      }
      return undefined;
    });
    expect(prefetchNextListPage(s.queryClient, s.client, input)).toBe(true);
    const result = await s.observer.fetchNextPage();
    expect(pagesAsked(s.calls)).toEqual([1, 2, 2]);
    expect(result.data?.pageParams).toEqual([1, 2]);
    s.unsubscribe();
  });

  it('a refetch in between makes the prefetched page stale: fetchNextPage asks again', async () => {
    const s = await loaded(1);
    prefetchNextListPage(s.queryClient, s.client, input);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await s.observer.refetch();
    await s.observer.fetchNextPage();
    expect(pagesAsked(s.calls)).toEqual([1, 2, 1, 2]);
    s.unsubscribe();
  });

  it('fetching the previous page leaves the prefetched next page alone', async () => {
    const s = setup();
    const options = infiniteListOptions(s.client, { ...input, maxPages: 2 });
    await s.queryClient.fetchInfiniteQuery({ ...options, pages: 3 });
    const observer = new InfiniteQueryObserver(s.queryClient, options);
    const unsubscribe = observer.subscribe(() => {});
    expect(observer.getCurrentResult().data?.pageParams).toEqual([2, 3]);
    expect(prefetchNextListPage(s.queryClient, s.client, { ...input, maxPages: 2 })).toBe(true);
    await observer.fetchPreviousPage();
    expect(observer.getCurrentResult().data?.pageParams).toEqual([1, 2]);
    expect(pagePrefetchStoreFor(s.queryClient).has(hashKey(options.queryKey))).toBe(true);
    expect(s.calls.at(-1)?.signal?.aborted).toBe(false);
    unsubscribe();
  });
});

describe('infiniteListItems', () => {
  const pages = <T,>(...lists: T[][]) => ({ pages: lists.map((data) => ({ ...page(1, 1, false), data })) as PaginatedResponse<T>[] });

  it('is empty without data', () => {
    expect(infiniteListItems(undefined)).toEqual([]);
    expect(infiniteListItems(pages())).toEqual([]);
  });

  it('lists the items of all pages in order, each id once', () => {
    const data = pages([{ id: 1 }, { id: 2 }], [{ id: 2 }, { id: 3 }]);
    expect(infiniteListItems(data)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('keeps every item whose key is null or undefined, and null items', () => {
    const data = pages<{ id?: number | null } | null>([{ id: null }, {}, null], [{ id: null }, {}, null]);
    expect(infiniteListItems(data)).toEqual([{ id: null }, {}, null, { id: null }, {}, null]);
  });

  it('dedupes by another field or by a function', () => {
    const data = pages([{ id: 1, slug: 'a' }], [{ id: 2, slug: 'a' }]);
    expect(infiniteListItems(data, 'slug')).toEqual([{ id: 1, slug: 'a' }]);
    expect(infiniteListItems(data, (item) => item.slug.toUpperCase())).toEqual([{ id: 1, slug: 'a' }]);
  });

  it('keeps every item that is not an object (no field to read)', () => {
    const data = pages(['ab', 'cd'], ['ab']);
    expect(infiniteListItems(data, 'length')).toEqual(['ab', 'cd', 'ab']);
  });
});

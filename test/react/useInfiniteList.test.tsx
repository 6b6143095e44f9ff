import { notifyManager } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiHttpError, SenseiResponseError } from '../../src/core/SenseiError.js';
import { infiniteListItems, infiniteListOptions } from '../../src/core/senseiInfiniteQueries.js';
import { senseiKeys } from '../../src/core/senseiKeys.js';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { useInfiniteList } from '../../src/react/useInfiniteList.js';
import { type ActivityEvent, createMockSenseiApi } from '../../src/testing/index.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const feed = { method: 'GET', path: '/v1/activity' } as const;
const START = new Date('2025-03-01T14:00:00.000Z').getTime();
const pagesAsked = (h: ReturnType<typeof createHarness>) =>
  h.api.requests.filter((r) => r.path === '/v1/activity').map((r) => Number(r.searchParams.get('page')));
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('useInfiniteList', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    notifyManager.setScheduler(queueMicrotask); // test/setup.ts's
    vi.useRealTimers();
  });

  it('keeps the same empty pages and items while the first page loads, so effects on them do not re-run', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 100 } } } });
    const { result, rerender } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchNext: false }), { wrapper: h.wrapper });
    const { pages, items } = result.current;
    expect(pages).toEqual([]);
    rerender();
    await flush(10);
    rerender();
    expect(result.current.isPending).toBe(true);
    expect(result.current.pages).toBe(pages);
    expect(result.current.items).toBe(items);
    await flush(100);
    expect(result.current.pages).toHaveLength(1);
  });

  it('appends pages: 50, 100, then all 150 with nothing more to load', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchNext: false }), { wrapper: h.wrapper });
    expect(result.current).toMatchObject({ isPending: true, items: [], loaded: 0, nextCount: 0 });
    await flush();
    expect(result.current).toMatchObject({ loaded: 50, total: 150, nextCount: 50, hasNextPage: true, hasPreviousPage: false });
    expect(result.current.items[0]?.id).toBe('evt_000150');

    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current.items).toHaveLength(100);
    expect(result.current.items[50]?.id).toBe('evt_000100');
    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current).toMatchObject({ loaded: 150, total: 150, nextCount: 0, hasNextPage: false });
    expect(new Set(ids(result.current.items)).size).toBe(150);

    act(() => result.current.fetchNextPage()); // at the end: nothing
    await flush();
    expect(pagesAsked(h)).toEqual([1, 2, 3]);
  });

  it('prefetches the next page, so "load more" shows it without a request', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity' }), { wrapper: h.wrapper });
    await flush();
    await flush();
    expect(pagesAsked(h)).toEqual([1, 2]);
    expect(result.current.items).toHaveLength(50); // the prefetched page is not shown yet

    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current.items).toHaveLength(100);
    // Page 2 came from the prefetch; page 3 is prefetched in turn.
    expect(pagesAsked(h)).toEqual([1, 2, 3]);
    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current.loaded).toBe(150);
    expect(pagesAsked(h)).toEqual([1, 2, 3]);
  });

  it('prefetches again after a prefetched page was taken without a render in between', async () => {
    // TanStack's own scheduler, as in an app: the taken page arrives before React renders the
    // fetching state, and the frozen clock gives both updates one `dataUpdatedAt`.
    notifyManager.setScheduler((notify) => setTimeout(notify, 0));
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity' }), { wrapper: h.wrapper });
    await flush();
    await flush();
    expect(pagesAsked(h)).toEqual([1, 2]);
    act(() => result.current.fetchNextPage());
    await flush();
    await flush();
    expect(result.current.items).toHaveLength(100);
    expect(pagesAsked(h)).toEqual([1, 2, 3]);
  });

  it('does not prefetch outside the rate budget: gate closed, or the window low', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 4, retryAfterSeconds: null } } } });
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity' }), { wrapper: h.wrapper });
    await flush();
    await flush();
    expect(result.current.items).toHaveLength(50);
    expect(h.client.rateLimit.getSnapshot().isLimited).toBe(true);
    // Nothing queued at the gate ahead of what the user will ask for…
    expect(h.client.rateLimit.waitingCount).toBe(0);
    expect(pagesAsked(h)).toEqual([1]);
    // …and once it opens, the prefetch goes out.
    await flush(4000);
    await flush(100);
    expect(pagesAsked(h)).toEqual([1, 2]);

    // 999 of 1000 left, but the app keeps 1000 in reserve: still no prefetch.
    const low = createHarness();
    renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchMinRemaining: 1000 }), { wrapper: low.wrapper });
    await flush();
    await flush();
    expect(pagesAsked(low)).toEqual([1]);
  });

  it('a prefetch made before a refetch is not used: the refetched pages are continued from the server', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity' }), { wrapper: h.wrapper });
    await flush();
    await flush();
    expect(pagesAsked(h)).toEqual([1, 2]);
    h.api.addActivity(3);
    await act(() => result.current.refetch());
    await flush();
    expect(result.current.items[0]?.id).toBe('evt_000153');
    act(() => result.current.fetchNextPage());
    await flush();
    // Page 1 refetched, then a prefetch of page 2 after it (the old one is dropped): its items follow on.
    expect(ids(result.current.items).slice(49, 51)).toEqual(['evt_000104', 'evt_000103']);
    expect(new Set(ids(result.current.items)).size).toBe(100);
  });

  it('shows an item once when an insertion above pushed it into the next page (dedupeBy id)', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchNext: false }), { wrapper: h.wrapper });
    await flush();
    expect(result.current.items.at(-1)?.id).toBe('evt_000101');
    h.api.addActivity(2); // evt_000101 and evt_000102 move into page 2
    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current.pages[1]?.data.slice(0, 2).map((e) => e.id)).toEqual(['evt_000102', 'evt_000101']);
    expect(result.current.items).toHaveLength(98);
    expect(new Set(ids(result.current.items)).size).toBe(98);
    expect(ids(result.current.items).slice(48, 51)).toEqual(['evt_000102', 'evt_000101', 'evt_000100']);
  });

  it('dedupes by a configurable key or function', () => {
    const page = (data: { key: string; n: number }[]) => ({
      data,
      pagination: { total: 3, page: 1, per_page: 2, total_pages: 2, has_next: true, has_prev: false },
    });
    const data = { pages: [page([{ key: 'a', n: 1 }, { key: 'b', n: 2 }]), page([{ key: 'b', n: 3 }, { key: 'c', n: 4 }])] };
    expect(infiniteListItems(data, 'key').map((i) => i.n)).toEqual([1, 2, 4]);
    expect(infiniteListItems(data, (item) => item.n % 2).map((i) => i.n)).toEqual([1, 2]);
    // Without the key nothing can be told apart: all items stay.
    expect(infiniteListItems(data).map((i) => i.n)).toEqual([1, 2, 3, 4]);
  });

  it('maxPages caps memory in both directions: old pages drop, and load again going back', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', maxPages: 2, prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    await flush();
    act(() => result.current.fetchNextPage());
    await flush();
    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current.query.data?.pageParams).toEqual([2, 3]);
    expect(result.current).toMatchObject({ loaded: 150, hasNextPage: false, hasPreviousPage: true, previousCount: 50 });
    expect(result.current.items).toHaveLength(100);
    expect(result.current.items[0]?.id).toBe('evt_000100');

    act(() => result.current.fetchPreviousPage());
    await flush();
    expect(result.current.query.data?.pageParams).toEqual([1, 2]);
    expect(result.current).toMatchObject({ loaded: 100, hasNextPage: true, hasPreviousPage: false, previousCount: 0 });
    expect(result.current.items[0]?.id).toBe('evt_000150');
  });

  it.each([0, -1, Number.NaN, 2.5, Infinity])('maxPages %s: never empties or breaks the list', async (maxPages) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', maxPages, prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    await flush();
    act(() => result.current.fetchNextPage());
    await flush();
    act(() => result.current.fetchNextPage());
    await flush();
    // 2.5 keeps 2 pages; Infinity keeps all; the invalid ones keep all and say so.
    expect(result.current.pages).toHaveLength(maxPages === 2.5 ? 2 : 3);
    const warned = warn.mock.calls.some(([message]) => String(message).includes(`maxPages must be a whole number of at least 1 (got ${maxPages})`));
    expect(warned).toBe(!(maxPages === 2.5 || maxPages === Infinity));
  });

  it('refetches all loaded pages through the gate: 0 × 429 against 3 per 4 s, waiting says so', async () => {
    const h = createHarness({ api: { scenario: { rateLimit: { limit: 3, windowMs: 4000 } } } });
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', perPage: 10, prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    await flush();
    for (let page = 2; page <= 6; page += 1) {
      act(() => result.current.fetchNextPage());
      await flush(4000);
    }
    expect(result.current.pages).toHaveLength(6);
    h.api.clearRequests();
    h.api.addActivity(1);

    let refetched = false;
    void result.current.refetch().then(() => (refetched = true));
    await flush(10);
    let sawWait = false;
    for (let i = 0; i < 200 && !refetched; i += 1) {
      if (result.current.waiting === 'rate-limit') {
        sawWait = true;
        expect(result.current.nextAttemptAt).toBeGreaterThan(Date.now());
      }
      await flush(100);
    }
    expect(refetched).toBe(true);
    expect(sawWait).toBe(true);
    const statuses = h.api.requests.length;
    expect(statuses).toBe(6); // one request per loaded page, none repeated after a 429
    expect(result.current.items[0]?.id).toBe('evt_000151');
    expect(result.current.error).toBeNull();
    expect(result.current.waiting).toBeNull();
  });

  it('a failing page 3 is a typed error beside the two pages already loaded', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchNext: false }), { wrapper: h.wrapper });
    await flush();
    act(() => result.current.fetchNextPage());
    await flush();
    h.api.setScenario({ error: { status: 404, match: feed } });
    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current).toMatchObject({ isError: true, isFetchNextPageError: true, loaded: 100, hasNextPage: true });
    expect(result.current.items).toHaveLength(100);
    expect(result.current.error).toBeInstanceOf(SenseiHttpError);
    expect(result.current.error?.status).toBe(404);

    h.api.setScenario({ error: undefined });
    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current).toMatchObject({ isError: false, loaded: 150 });
  });

  it('validates items with itemSchema: a mismatch is a SenseiResponseError', async () => {
    const h = createHarness();
    const itemSchema = z.object({ id: z.string(), type: z.literal('never') });
    const { result } = renderHook(() => useInfiniteList({ path: '/v1/activity', itemSchema, prefetchNext: false }), { wrapper: h.wrapper });
    await flush();
    expect(result.current.isError).toBe(true);
    expect(result.current.error).toBeInstanceOf(SenseiResponseError);
    expect(result.current.items).toEqual([]);
  });

  it('a click on "load more" during a refetch waits for it instead of cancelling it', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 100 } } } });
    const { result } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchNext: false }), { wrapper: h.wrapper });
    await flush(100);
    void result.current.refetch();
    await flush(10);
    act(() => result.current.fetchNextPage());
    await flush(200);
    expect(pagesAsked(h)).toEqual([1, 1]);
    expect(result.current).toMatchObject({ isFetching: false, loaded: 50, error: null });
  });

  it('an unmount aborts the prefetch nobody will show', async () => {
    const api = createMockSenseiApi({ scenario: { slow: { latencyMs: 500, match: feed } } });
    const signals: AbortSignal[] = [];
    const h = createHarness({
      existingApi: api,
      client: {
        fetch: (input, init) => {
          if (init?.signal) signals.push(init.signal);
          return api.fetch(input, init);
        },
      },
    });
    const { unmount } = renderHook(() => useInfiniteList<ActivityEvent>({ path: '/v1/activity' }), { wrapper: h.wrapper });
    await flush(500);
    await flush(10);
    expect(pagesAsked(h)).toEqual([1, 2]);
    expect(signals[1]?.aborted).toBe(false);
    unmount();
    expect(signals[1]?.aborted).toBe(true);
  });
});

describe('infiniteListOptions', () => {
  it('keys name the API, mark the list infinite and differ from the paged key', () => {
    const eu = createSenseiClient({ baseUrl: 'https://api.eu.sensei.example/v1', apiKey: 'sk_test', shareAcrossTabs: false });
    const us = createSenseiClient({ baseUrl: 'https://api.us.sensei.example/v1', apiKey: 'sk_test', shareAcrossTabs: false });
    const key = infiniteListOptions(eu, { path: '/v1/activity', perPage: 20, params: { type: 'key.rotated' } }).queryKey;
    expect(key).toEqual(['sensei', eu.apiId, 'list', '/v1/activity', 'infinite', { perPage: 20, query: { type: 'key.rotated' } }]);
    expect(key).toEqual(senseiKeys.infiniteList(eu, '/v1/activity', { perPage: 20, query: { type: 'key.rotated' } }));
    expect(infiniteListOptions(us, { path: '/v1/activity', perPage: 20, params: { type: 'key.rotated' } }).queryKey).not.toEqual(key);
    expect(senseiQueries(eu).list({ path: '/v1/activity', page: 1, perPage: 20 }).queryKey).not.toEqual(key);
    // Under the list's prefix: invalidating the list reaches its infinite views.
    expect(key.slice(0, 4)).toEqual(senseiKeys.lists(eu, '/v1/activity'));
  });
});

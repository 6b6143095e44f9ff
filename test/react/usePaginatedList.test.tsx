import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import * as z from 'zod/mini';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const lists = { method: 'GET', path: '/v1/migrations' } as const;

describe('usePaginatedList', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads a page with the seed pagination envelope', async () => {
    const h = createHarness();
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations', prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    expect(result.current.isPending).toBe(true);
    await flush();
    expect(result.current.items).toHaveLength(50);
    expect(result.current.pagination).toMatchObject({ total: 150, page: 1, per_page: 50, total_pages: 3, has_next: true, has_prev: false });
    expect(h.api.countRequests(lists)).toBe(1);
  });

  it('shows the next page from the prefetch without a new request', async () => {
    const h = createHarness();
    const { result } = renderHook(() => usePaginatedList<{ id: string }>({ path: '/v1/migrations' }), {
      wrapper: h.wrapper,
    });
    await flush();
    await flush();
    expect(h.api.countRequests(lists)).toBe(2); // page 1 and the prefetched page 2
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2']);
    const firstOfPage1 = result.current.items[0]?.id;

    act(() => result.current.nextPage());
    // Rendered straight from the cache: no placeholder, no wait.
    expect(result.current.page).toBe(2);
    expect(result.current.isPlaceholderData).toBe(false);
    expect(result.current.pagination?.page).toBe(2);
    expect(result.current.items[0]?.id).not.toBe(firstOfPage1);
    await flush();
    // Page 2 cost nothing; page 3 is prefetched in turn.
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('keeps the previous page on screen as a placeholder while the next loads', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations', prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    await flush(250);
    expect(result.current.pagination?.page).toBe(1);
    act(() => result.current.setPage(3));
    expect(result.current.page).toBe(3);
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.pagination?.page).toBe(1);
    expect(result.current.items).toHaveLength(50);
    await flush(150);
    expect(result.current.isPlaceholderData).toBe(true);
    await flush(100);
    expect(result.current.isPlaceholderData).toBe(false);
    expect(result.current.pagination?.page).toBe(3);
  });

  it('lands on the last page when the requested one no longer exists', async () => {
    const h = createHarness();
    h.api.deleteItems(60); // 90 left: 2 pages of 50
    const onPageChange = vi.fn();
    const { result } = renderHook(
      () => usePaginatedList({ path: '/v1/migrations', defaultPage: 3, prefetchNext: false, onPageChange }),
      { wrapper: h.wrapper },
    );
    await flush();
    await flush();
    expect(result.current.page).toBe(2);
    expect(result.current.pagination).toMatchObject({ page: 2, total_pages: 2, total: 90 });
    expect(result.current.items).toHaveLength(40);
    expect(onPageChange).toHaveBeenCalledWith(2);
    // Page 3 (empty) and page 2 once; the clamp itself reads the cache.
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['3', '2']);
  });

  it('does not prefetch while the rate limit is low', async () => {
    const h = createHarness({ api: { scenario: { rateLimit: { limit: 10, windowMs: 60_000 } } } });
    // Spend 8 of 10: the page itself leaves 1, at the 10 % floor.
    for (let i = 0; i < 8; i += 1) await h.client.list('/v1/migrations', { page: 3 });
    h.api.clearRequests();
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations' }), { wrapper: h.wrapper });
    await flush();
    await flush(100);
    expect(result.current.items).toHaveLength(50);
    expect(h.client.rateLimit.getSnapshot()).toMatchObject({ limit: 10, remaining: 1, isLimited: false });
    expect(h.api.countRequests(lists)).toBe(1);
  });

  it('does not prefetch while the gate is closed', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 30 } } } });
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations' }), { wrapper: h.wrapper });
    await flush();
    await flush(100);
    expect(result.current.items).toHaveLength(50);
    expect(h.client.rateLimit.getSnapshot().isLimited).toBe(true);
    expect(h.api.countRequests(lists)).toBe(1);
  });

  it('keeps the first visible item on screen when per_page changes', async () => {
    const h = createHarness();
    const { result } = renderHook(
      () => usePaginatedList<{ id: string }>({ path: '/v1/migrations', defaultPerPage: 20, defaultPage: 4, prefetchNext: false }),
      { wrapper: h.wrapper },
    );
    await flush();
    const first = result.current.items[0]?.id; // item 61
    act(() => result.current.setPerPage(50));
    await flush();
    expect(result.current.page).toBe(2); // items 51–100
    expect(result.current.perPage).toBe(50);
    expect(result.current.items.map((item) => item.id)).toContain(first);
  });

  it('gives a typed error when an item does not match itemSchema', async () => {
    const h = createHarness();
    const schema = z.object({ id: z.number() });
    const { result } = renderHook(
      () => usePaginatedList({ path: '/v1/migrations', itemSchema: schema, prefetchNext: false }),
      { wrapper: h.wrapper },
    );
    await flush();
    expect(result.current.isError).toBe(true);
    expect(result.current.error?.name).toBe('SenseiResponseError');
    expect(result.current.error?.message).toMatch(/Item 0 .*itemSchema/);
    expect(result.current.items).toEqual([]);
    expect(h.api.countRequests(lists)).toBe(1); // a schema mismatch is not retried
  });

  it('syncs page and per_page with the URL and follows Back', async () => {
    window.history.replaceState(null, '', '/dashboard?page=2&per_page=25');
    const h = createHarness();
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations', urlSync: true, prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    await flush();
    expect(result.current.page).toBe(2);
    expect(result.current.pagination).toMatchObject({ page: 2, per_page: 25 });
    act(() => result.current.nextPage());
    expect(window.location.search).toBe('?page=3&per_page=25');
    await flush();
    expect(result.current.pagination?.page).toBe(3);
    act(() => {
      window.history.back();
    });
    await flush(10);
    expect(window.location.search).toBe('?page=2&per_page=25');
    expect(result.current.page).toBe(2);
    window.history.replaceState(null, '', '/');
  });

  // #13 item 11: a clamp corrects the entry it landed on; only the user's page changes push.
  it('replaces the history entry when it clamps past the end, so Back leaves instead of clamping again', async () => {
    window.history.pushState(null, '', '/start');
    const start = window.history.length;
    window.history.pushState(null, '', '/dashboard?page=9'); // a stale link: 150 items are 3 pages
    const h = createHarness();
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations', urlSync: true, prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    await flush();
    await flush();
    expect(result.current.page).toBe(3);
    expect(window.location.search).toBe('?page=3');
    expect(window.history.length).toBe(start + 1);

    act(() => result.current.prevPage()); // the user's change: a new entry
    expect(window.location.search).toBe('?page=2');
    expect(window.history.length).toBe(start + 2);
    await flush();

    act(() => window.history.back());
    await flush(10);
    expect(window.location.search).toBe('?page=3');
    act(() => window.history.back());
    await flush(10);
    // Out of the list: the clamp did not leave a `?page=9` entry behind to trap Back.
    expect(window.location.pathname).toBe('/start');
    expect(window.history.length).toBe(start + 2);
    window.history.replaceState(null, '', '/');
  });
});

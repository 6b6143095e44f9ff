import { act, renderHook } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import type { PageUrlState, PageUrlSync } from '../../src/react/createLocationPageSync.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const lists = { method: 'GET', path: '/v1/migrations' } as const;
const path = '/v1/migrations';

/** A router adapter kept in memory: what was written, and a way to move the URL. */
function memorySync(initial: { page?: number; perPage?: number } = {}) {
  let state: PageUrlState = { page: initial.page, perPage: initial.perPage };
  const listeners = new Set<() => void>();
  const writes: { page?: number; perPage?: number; replace?: boolean }[] = [];
  const sync: PageUrlSync = {
    read: () => state,
    write: (next, opts) => {
      writes.push({ ...next, replace: opts?.replace });
      state = next;
      listeners.forEach((l) => l());
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { sync, writes };
}

describe('usePaginatedList pins', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('moving between pages', () => {
    it('nextPage on the last page stays there and tells nobody', async () => {
      const h = createHarness();
      const onPageChange = vi.fn();
      const { result } = renderHook(() => usePaginatedList({ path, defaultPage: 3, prefetchNext: false, onPageChange }), {
        wrapper: h.wrapper,
      });
      await flush();
      expect(result.current.pagination?.has_next).toBe(false);
      act(() => result.current.nextPage());
      await flush();
      expect(result.current.page).toBe(3);
      expect(onPageChange).not.toHaveBeenCalled();
      expect(h.api.countRequests(lists)).toBe(1);
    });

    it('nextPage before the first page arrives still moves on', async () => {
      const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
      const { result } = renderHook(() => usePaginatedList({ path, prefetchNext: false }), { wrapper: h.wrapper });
      act(() => result.current.nextPage());
      expect(result.current.page).toBe(2);
    });

    it('prevPage on page 1 does nothing, even before the list is known', async () => {
      const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
      const onPageChange = vi.fn();
      const { result } = renderHook(() => usePaginatedList({ path, prefetchNext: false, onPageChange }), { wrapper: h.wrapper });
      act(() => result.current.prevPage());
      expect(result.current.page).toBe(1);
      await flush(250);
      act(() => result.current.prevPage());
      await flush();
      expect(result.current.page).toBe(1);
      expect(onPageChange).not.toHaveBeenCalled();
    });

    it('prevPage from page 2 goes to page 1', async () => {
      const h = createHarness();
      const onPageChange = vi.fn();
      const { result } = renderHook(() => usePaginatedList({ path, defaultPage: 2, prefetchNext: false, onPageChange }), {
        wrapper: h.wrapper,
      });
      await flush();
      act(() => result.current.prevPage());
      expect(result.current.page).toBe(1);
      expect(onPageChange).toHaveBeenCalledWith(1);
    });

    it('setPage past the end lands on the last page once the total is known', async () => {
      const h = createHarness();
      const onPageChange = vi.fn();
      const { result } = renderHook(() => usePaginatedList({ path, prefetchNext: false, onPageChange }), { wrapper: h.wrapper });
      await flush();
      act(() => result.current.setPage(10));
      expect(result.current.page).toBe(3);
      expect(onPageChange).toHaveBeenCalledTimes(1);
      expect(onPageChange).toHaveBeenCalledWith(3);
    });

    it('setPage before the total is known takes a whole page as asked', async () => {
      const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
      const { result } = renderHook(() => usePaginatedList({ path, prefetchNext: false }), { wrapper: h.wrapper });
      act(() => result.current.setPage(7.6));
      expect(result.current.page).toBe(7);
    });

    it('setPage to the page on screen neither fetches nor calls onPageChange', async () => {
      const h = createHarness();
      const onPageChange = vi.fn();
      const { result } = renderHook(() => usePaginatedList({ path, defaultPage: 2, prefetchNext: false, onPageChange }), {
        wrapper: h.wrapper,
      });
      await flush();
      act(() => result.current.setPage(2));
      await flush();
      expect(onPageChange).not.toHaveBeenCalled();
      expect(h.api.countRequests(lists)).toBe(1);
    });

    it('a controlled page only asks the parent to change it', async () => {
      const h = createHarness();
      const onPageChange = vi.fn();
      const { result } = renderHook(() => usePaginatedList({ path, page: 1, prefetchNext: false, onPageChange }), { wrapper: h.wrapper });
      await flush();
      act(() => result.current.setPage(2));
      await flush();
      expect(onPageChange).toHaveBeenCalledWith(2);
      expect(result.current.page).toBe(1);
      expect(h.api.countRequests(lists)).toBe(1);
    });
  });

  describe('per page', () => {
    it('setPerPage to the current value changes nothing', async () => {
      const h = createHarness();
      const onPerPageChange = vi.fn();
      const onPageChange = vi.fn();
      const { result } = renderHook(
        () => usePaginatedList({ path, defaultPerPage: 25, prefetchNext: false, onPerPageChange, onPageChange }),
        { wrapper: h.wrapper },
      );
      await flush();
      act(() => result.current.setPerPage(25));
      await flush();
      expect(onPerPageChange).not.toHaveBeenCalled();
      expect(onPageChange).not.toHaveBeenCalled();
      expect(h.api.countRequests(lists)).toBe(1);
    });

    it('a controlled perPage only asks the parent to change it', async () => {
      const h = createHarness();
      const onPerPageChange = vi.fn();
      const { result } = renderHook(() => usePaginatedList({ path, perPage: 25, prefetchNext: false, onPerPageChange }), {
        wrapper: h.wrapper,
      });
      await flush();
      act(() => result.current.setPerPage(10));
      await flush();
      expect(onPerPageChange).toHaveBeenCalledWith(10);
      expect(result.current.perPage).toBe(25);
      expect(h.api.requests.map((r) => r.searchParams.get('per_page'))).toEqual(['25']);
    });

    it('with the API default, setPerPage keeps the first item in view using the served per_page', async () => {
      const h = createHarness();
      const { result } = renderHook(() => usePaginatedList({ path, defaultPage: 3, prefetchNext: false }), { wrapper: h.wrapper });
      await flush();
      expect(result.current.pagination?.per_page).toBe(50);
      // First item of page 3 at 50 is item 101: page 5 at 25.
      act(() => result.current.setPerPage(25));
      expect(result.current.perPage).toBe(25);
      expect(result.current.page).toBe(5);
    });

    it('setPerPage in the URL writes the per-page even when the page stays', async () => {
      const h = createHarness();
      const { sync, writes } = memorySync({ page: 1, perPage: 50 });
      const { result } = renderHook(() => usePaginatedList({ path, urlSync: sync, prefetchNext: false }), { wrapper: h.wrapper });
      await flush();
      act(() => result.current.setPerPage(25));
      expect(writes).toEqual([{ page: 1, perPage: 25, replace: false }]);
      expect(result.current.perPage).toBe(25);
      await flush();
      expect(h.api.requests.map((r) => r.searchParams.get('per_page'))).toEqual(['50', '25']);
    });

    it('a page change in the URL does not touch the local per-page', async () => {
      const h = createHarness();
      const { sync } = memorySync({ page: 1, perPage: 50 });
      const { result, rerender } = renderHook((p: { urlSync: PageUrlSync | false }) => usePaginatedList({ path, prefetchNext: false, ...p }), {
        wrapper: h.wrapper,
        initialProps: { urlSync: sync as PageUrlSync | false },
      });
      await flush();
      act(() => result.current.setPerPage(10));
      // Leaving URL sync: the local per-page was never written by the URL-synced list.
      rerender({ urlSync: false });
      expect(result.current.perPage).toBeUndefined();
    });
  });

  describe('URL sync', () => {
    it('a controlled page ignores the URL', async () => {
      const h = createHarness();
      const { sync, writes } = memorySync({ page: 3 });
      const onPageChange = vi.fn();
      const { result } = renderHook(() => usePaginatedList({ path, page: 1, urlSync: sync, prefetchNext: false, onPageChange }), {
        wrapper: h.wrapper,
      });
      await flush();
      expect(result.current.page).toBe(1);
      act(() => result.current.setPage(2));
      expect(writes).toEqual([]);
      expect(onPageChange).toHaveBeenCalledWith(2);
    });

    it('a clamp after deletions replaces the URL entry once', async () => {
      const h = createHarness();
      h.api.deleteItems(60);
      const { sync, writes } = memorySync({ page: 3 });
      const { result } = renderHook(() => usePaginatedList({ path, urlSync: sync, prefetchNext: false }), { wrapper: h.wrapper });
      await flush();
      await flush();
      expect(result.current.page).toBe(2);
      expect(writes).toEqual([{ page: 2, perPage: undefined, replace: true }]);
    });
  });

  describe('prefetch', () => {
    it('does not prefetch while the previous page is still the placeholder', async () => {
      const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
      const { result } = renderHook(() => usePaginatedList({ path }), { wrapper: h.wrapper });
      await flush(250); // page 1
      await flush(250); // page 2 prefetched
      act(() => result.current.setPage(3));
      await flush(0);
      // Page 3 is loading; page 4 waits for it.
      expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2', '3']);
    });

    it('sends the next page with the retry policy of the provider', async () => {
      const h = createHarness({ api: { scenario: { slow: { latencyMs: 10 } } } });
      const { result } = renderHook(() => usePaginatedList({ path }), { wrapper: h.wrapper });
      await flush(20);
      await flush(20);
      const retry = h.queryClient.getQueryCache().find({ queryKey: senseiQueries(h.client).list({ path, page: 2 }).queryKey, exact: true })
        ?.options.retry;
      expect(typeof retry).toBe('function');
      expect(result.current.page).toBe(1);
    });

    it('skips the prefetch while the rate-limit gate is closed, even with requests left', async () => {
      const h = createHarness({ api: { scenario: { slow: { latencyMs: 100 } } } });
      renderHook(() => usePaginatedList({ path }), { wrapper: h.wrapper });
      await flush(10);
      // Another tab saw a Retry-After: the gate stays closed for 2 s, with 500 requests left.
      act(() => h.client.rateLimit.merge({ limit: 1000, remaining: 500, resetAt: undefined, retryAt: Date.now() + 2_000 }));
      await flush(150);
      expect(h.client.rateLimit.getSnapshot().isLimited).toBe(true);
      await flush(3_000);
      await flush(200);
      expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1']);
    });

    it('a prefetch still in flight is cancelled when the list unmounts', async () => {
      const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
      const { unmount } = renderHook(() => usePaginatedList({ path }), { wrapper: h.wrapper });
      await flush(250);
      expect(h.api.countRequests(lists)).toBe(2);
      const key = senseiQueries(h.client).list({ path, page: 2 }).queryKey;
      expect(h.queryClient.getQueryState(key)?.fetchStatus).toBe('fetching');
      unmount();
      await flush(0);
      expect(h.queryClient.getQueryState(key)?.fetchStatus).toBe('idle');
      await flush(300);
      expect(h.queryClient.getQueryState(key)?.data).toBeUndefined();
      // Page 1 is kept: only the exact prefetched page is cancelled.
      expect(h.queryClient.getQueryState(senseiQueries(h.client).list({ path, page: 1 }).queryKey)?.data).toBeDefined();
    });

    it('a prefetch another list shows is left to finish', async () => {
      const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
      const first = renderHook(() => usePaginatedList({ path }), { wrapper: h.wrapper });
      await flush(250); // page 1 shown, page 2 prefetch starts
      const second = renderHook(() => usePaginatedList<{ id: string }>({ path, defaultPage: 2, prefetchNext: false }), { wrapper: h.wrapper });
      first.unmount();
      await flush(250);
      expect(second.result.current.pagination?.page).toBe(2);
      expect(second.result.current.items).toHaveLength(50);
    });

    it('a finished prefetch stays in the cache after unmount', async () => {
      const h = createHarness();
      const { unmount } = renderHook(() => usePaginatedList({ path }), { wrapper: h.wrapper });
      await flush();
      await flush();
      unmount();
      await flush();
      expect(h.queryClient.getQueryState(senseiQueries(h.client).list({ path, page: 2 }).queryKey)?.data).toBeDefined();
    });
  });
  describe('control handed back to the list', () => {
    it('a page the parent controlled leaves the list its own page', async () => {
      const h = createHarness();
      const { result, rerender } = renderHook((p: { page?: number }) => usePaginatedList({ path, prefetchNext: false, ...p }), {
        wrapper: h.wrapper,
        initialProps: { page: 1 } as { page?: number },
      });
      await flush();
      act(() => result.current.setPage(2));
      rerender({});
      expect(result.current.page).toBe(1);
    });

    it('a per-page the parent controlled leaves the list its own per-page', async () => {
      const h = createHarness();
      const { result, rerender } = renderHook((p: { perPage?: number }) => usePaginatedList({ path, prefetchNext: false, ...p }), {
        wrapper: h.wrapper,
        initialProps: { perPage: 25 } as { perPage?: number },
      });
      await flush();
      act(() => result.current.setPerPage(10));
      rerender({});
      expect(result.current.perPage).toBeUndefined();
    });

    it('new params while the parent controlled the page do not send the list back to page 1 later', async () => {
      const h = createHarness();
      const { result, rerender } = renderHook(
        (p: { page?: number; params?: { status: string } }) => usePaginatedList({ path, defaultPage: 2, prefetchNext: false, ...p }),
        { wrapper: h.wrapper, initialProps: { page: 2 } as { page?: number; params?: { status: string } } },
      );
      await flush();
      rerender({ page: 2, params: { status: 'completed' } });
      expect(result.current.page).toBe(2);
      rerender({ params: { status: 'completed' } });
      expect(result.current.page).toBe(2);
    });
  });

  describe('URL sync, more', () => {
    it('a controlled page takes no per-page from the URL either', async () => {
      const h = createHarness();
      const { sync } = memorySync({ page: 3, perPage: 10 });
      const { result } = renderHook(() => usePaginatedList({ path, page: 1, urlSync: sync, prefetchNext: false }), { wrapper: h.wrapper });
      await flush();
      expect(result.current.perPage).toBeUndefined();
      expect(h.api.requests[0]?.searchParams.get('per_page')).toBeNull();
    });

    it('setPage to the page in the URL writes nothing', async () => {
      const h = createHarness();
      const { sync, writes } = memorySync({ page: 2, perPage: 25 });
      const { result } = renderHook(() => usePaginatedList({ path, urlSync: sync, prefetchNext: false }), { wrapper: h.wrapper });
      await flush();
      act(() => result.current.setPage(2));
      expect(writes).toEqual([]);
    });

    it('a per-page change in the URL does not report a page change', async () => {
      const h = createHarness();
      const onPageChange = vi.fn();
      const { sync } = memorySync({ page: 1, perPage: 50 });
      const { result } = renderHook(() => usePaginatedList({ path, urlSync: sync, prefetchNext: false, onPageChange }), {
        wrapper: h.wrapper,
      });
      await flush();
      act(() => result.current.setPerPage(25));
      expect(onPageChange).not.toHaveBeenCalled();
    });
  });

  describe('retries and placeholders', () => {
    it('uses the provider retry policy: retry 0 shows the first failure', async () => {
      const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200] } } }, provider: { retry: 0 } });
      const { result } = renderHook(() => usePaginatedList({ path, prefetchNext: false }), { wrapper: h.wrapper });
      await flush();
      await flush(5_000);
      expect(result.current.isError).toBe(true);
      expect(h.api.countRequests(lists)).toBe(1);
    });

    it('a disabled list showing the previous page as placeholder prefetches nothing', async () => {
      const h = createHarness();
      const { result, rerender } = renderHook((p: { enabled: boolean }) => usePaginatedList({ path, ...p }), {
        wrapper: h.wrapper,
        initialProps: { enabled: true },
      });
      await flush();
      await flush();
      expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2']);
      rerender({ enabled: false });
      act(() => result.current.setPage(3));
      await flush();
      await flush();
      expect(result.current.isPlaceholderData).toBe(true);
      expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2']);
    });
  });
  describe('server render', () => {
    it('renders the page and per-page the router reads for the server', () => {
      const h = createHarness();
      const state = { page: 3, perPage: 25 };
      const sync: PageUrlSync = { read: () => ({ page: 1, perPage: 10 }), readServer: () => state, write: () => {}, subscribe: () => () => {} };
      function Probe() {
        const list = usePaginatedList({ path, urlSync: sync, prefetchNext: false });
        return <p>{`page ${list.page} per ${list.perPage}`}</p>;
      }
      const html = renderToString(
        <h.wrapper>
          <Probe />
        </h.wrapper>,
      );
      expect(html).toContain('page 3 per 25');
    });
  });
});

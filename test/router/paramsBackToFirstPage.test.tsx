import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryParams } from '../../src/core/createSenseiClient.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { createHarness } from '../react/senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const pagesAsked = (h: ReturnType<typeof createHarness>) => h.api.requests.map((r) => `${r.searchParams.get('status') ?? '-'}:${r.searchParams.get('page')}`);

describe('usePaginatedList: new params go back to page 1', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    window.history.replaceState(null, '', '/');
  });

  it('asks the server for page 1 of the new filter only, never the old page with it', async () => {
    const h = createHarness();
    const onPageChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ params }: { params: QueryParams }) => usePaginatedList({ path: '/v1/migrations', params, defaultPage: 3, prefetchNext: false, onPageChange }),
      { wrapper: h.wrapper, initialProps: { params: { status: 'running' } } },
    );
    await flush();
    expect(result.current.pagination?.page).toBe(3);
    rerender({ params: { status: 'completed' } });
    expect(result.current.page).toBe(1);
    await flush();
    expect(result.current.pagination?.page).toBe(1);
    expect(pagesAsked(h)).toEqual(['running:3', 'completed:1']);
    expect(onPageChange).toHaveBeenLastCalledWith(1);
    // The same params in a new object are no change.
    rerender({ params: { status: 'completed' } });
    act(() => result.current.setPage(2));
    rerender({ params: { status: 'completed' } });
    await flush();
    expect(result.current.page).toBe(2);
    expect(pagesAsked(h)).toEqual(['running:3', 'completed:1', 'completed:2']);
  });

  it('in the URL: page 1 replaces the filter change, and Back across it restores the old page', async () => {
    window.history.pushState(null, '', '/start');
    const start = window.history.length;
    window.history.pushState(null, '', '/list?status=running&page=3');
    const h = createHarness();
    // The app keeps its filter in the URL too, as a router would.
    const statusOf = () => new URLSearchParams(window.location.search).get('status') ?? 'all';
    const { result, rerender } = renderHook(() => usePaginatedList({ path: '/v1/migrations', params: { status: statusOf() }, urlSync: true, prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    await flush();
    expect(result.current.pagination?.page).toBe(3);

    act(() => window.history.pushState(null, '', '/list?status=completed&page=3')); // the app's filter change
    rerender();
    await flush();
    expect(window.location.search).toBe('?status=completed&page=1');
    expect(window.history.length).toBe(start + 2);
    expect(result.current.pagination?.page).toBe(1);
    expect(pagesAsked(h)).toEqual(['running:3', 'completed:1']);

    act(() => window.history.back());
    await flush(10);
    rerender();
    await flush();
    expect(window.location.search).toBe('?status=running&page=3');
    expect(result.current.page).toBe(3);
    expect(result.current.pagination?.page).toBe(3);
    expect(pagesAsked(h)).toEqual(['running:3', 'completed:1']); // page 3 came from the cache
  });

  it('leaves a controlled page to its parent', async () => {
    const h = createHarness();
    const { result, rerender } = renderHook(
      ({ params }: { params: QueryParams }) => usePaginatedList({ path: '/v1/migrations', params, page: 2, prefetchNext: false }),
      { wrapper: h.wrapper, initialProps: { params: { status: 'running' } } },
    );
    await flush();
    rerender({ params: { status: 'completed' } });
    await flush();
    expect(result.current.page).toBe(2);
    expect(pagesAsked(h)).toEqual(['running:2', 'completed:2']);
  });
});

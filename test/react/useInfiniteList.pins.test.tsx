import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useInfiniteList } from '../../src/react/useInfiniteList.js';
import { createMockSenseiApi } from '../../src/testing/index.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const lists = { method: 'GET', path: '/v1/migrations' } as const;
const path = '/v1/migrations';

describe('useInfiniteList pins', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('outside the provider throws a message naming this hook', () => {
    // React reports the thrown render error on the console.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useInfiniteList({ path }))).toThrow('`useInfiniteList` must be used within `<SenseiProvider>`');
  });

  it('uses the provider retry policy: retry 0 shows the first failure', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200] } } }, provider: { retry: 0 } });
    const { result } = renderHook(() => useInfiniteList({ path, prefetchNext: false }), { wrapper: h.wrapper });
    await flush();
    await flush(5_000);
    expect(result.current.isError).toBe(true);
    expect(h.api.countRequests(lists)).toBe(1);
  });

  it('marks its query as a Sensei request, keeping the caller meta', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useInfiniteList({ path, prefetchNext: false, meta: { screen: 'feed' } }), { wrapper: h.wrapper });
    await flush();
    expect(result.current.query.isSuccess).toBe(true);
    const [query] = h.queryClient.getQueryCache().findAll({ predicate: (q) => q.state.status === 'success' });
    expect(query?.meta).toEqual({ screen: 'feed', sensei: true });
  });

  it('counts only the items left for the last, short page', async () => {
    const h = createHarness({ api: { items: 120 } });
    const { result } = renderHook(() => useInfiniteList({ path, perPage: 50, prefetchNext: false }), { wrapper: h.wrapper });
    await flush();
    expect(result.current.nextCount).toBe(50);
    act(() => result.current.fetchNextPage());
    await flush();
    expect(result.current.loaded).toBe(100);
    expect(result.current.nextCount).toBe(20);
  });

  it('fetchNextPage at the end and fetchPreviousPage at the start ask for nothing', async () => {
    const h = createHarness({ api: { items: 30 } });
    const { result } = renderHook(() => useInfiniteList({ path, perPage: 50, prefetchNext: false }), { wrapper: h.wrapper });
    await flush();
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.hasPreviousPage).toBe(false);
    act(() => result.current.fetchNextPage());
    await flush();
    act(() => result.current.fetchPreviousPage());
    await flush();
    expect(h.api.countRequests(lists)).toBe(1);
    expect(result.current.items).toHaveLength(30);
  });
  it('a prefetch another component still shows the list for runs on after one unmounts', async () => {
    const api = createMockSenseiApi({ scenario: { slow: { latencyMs: 500, match: lists } } });
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
    const first = renderHook(() => useInfiniteList({ path }), { wrapper: h.wrapper });
    const second = renderHook(() => useInfiniteList({ path }), { wrapper: h.wrapper });
    await flush(500);
    await flush(10);
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2']);
    first.unmount();
    expect(signals[1]?.aborted).toBe(false);
    await flush(500);
    act(() => second.result.current.fetchNextPage());
    await flush();
    expect(second.result.current.loaded).toBe(100);
    // Page 2 came from the prefetch: it was asked for once.
    expect(h.api.requests.filter((r) => r.searchParams.get('page') === '2')).toHaveLength(1);
  });
});

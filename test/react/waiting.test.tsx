import { hashKey, onlineManager } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { senseiKeys } from '../../src/core/senseiKeys.js';
import { requestWaitStoreFor } from '../../src/core/RequestWaitStore.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { useSenseiMutation } from '../../src/react/useSenseiMutation.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const START = new Date('2025-03-01T14:00:00.000Z').getTime();
const PATH = '/v1/migrations/mig_000001';

/** Closes the gate until START + 4 s: one call meets `X-RateLimit-Remaining: 0`. */
async function spendWindow(h: ReturnType<typeof createHarness>) {
  h.api.setScenario({ rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 4, retryAfterSeconds: null } });
  await h.client.get('/v1/migrations/mig_000002');
  expect(h.client.rateLimit.getSnapshot().isLimited).toBe(true);
}

// #14 item 7: every hook says why its request waits, and until when.
describe('waiting and nextAttemptAt', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    onlineManager.setOnline(true);
    vi.useRealTimers();
  });

  it('useSenseiQuery: null while the request is out, retry until the scheduled attempt, then null', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 100 }, flaky: { sequence: [503, 200], retryAfterSeconds: 3 } } } });
    const { result } = renderHook(() => useSenseiQuery<{ id: string }>({ path: PATH }), { wrapper: h.wrapper });
    expect(result.current).toMatchObject({ waiting: null, nextAttemptAt: undefined, isFetching: true });
    await flush(100);
    expect(result.current).toMatchObject({ waiting: 'retry', nextAttemptAt: START + 100 + 3000 });
    await flush(3000);
    // The retry is on its way: no longer waiting, though not answered yet.
    expect(result.current).toMatchObject({ waiting: null, nextAttemptAt: undefined, isFetching: true });
    await flush(100);
    expect(result.current).toMatchObject({ waiting: null, data: { id: 'mig_000001' } });
  });

  it('useSenseiQuery: rate-limit while held at the closed gate, until the reset; then it goes out', async () => {
    const h = createHarness();
    await spendWindow(h);
    const { result } = renderHook(() => useSenseiQuery<{ id: string }>({ path: PATH }), { wrapper: h.wrapper });
    await flush();
    expect(result.current).toMatchObject({ waiting: 'rate-limit', nextAttemptAt: START + 4000, isFetching: true });
    expect(h.api.countRequests({ path: PATH })).toBe(0);
    await flush(4000);
    await flush(100);
    expect(h.api.countRequests({ path: PATH })).toBe(1);
    expect(result.current).toMatchObject({ waiting: null, nextAttemptAt: undefined, data: { id: 'mig_000001' } });
  });

  it('useSenseiQuery with its own queryKey is watched under that key', async () => {
    const h = createHarness();
    await spendWindow(h);
    const { result } = renderHook(() => useSenseiQuery({ path: PATH, queryKey: ['mine', 1] }), { wrapper: h.wrapper });
    await flush();
    expect(result.current).toMatchObject({ waiting: 'rate-limit', nextAttemptAt: START + 4000 });
  });

  it('offline while TanStack Query pauses for the network', async () => {
    const h = createHarness();
    onlineManager.setOnline(false);
    const { result } = renderHook(() => useSenseiQuery({ path: PATH }), { wrapper: h.wrapper });
    await flush();
    expect(result.current).toMatchObject({ fetchStatus: 'paused', waiting: 'offline', nextAttemptAt: undefined });
    act(() => onlineManager.setOnline(true));
    await flush();
    expect(result.current).toMatchObject({ waiting: null, isSuccess: true });
  });

  it('usePaginatedList: rate-limit at the gate, then the page', async () => {
    const h = createHarness();
    await spendWindow(h);
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations', prefetchNext: false }), { wrapper: h.wrapper });
    await flush();
    expect(result.current).toMatchObject({ waiting: 'rate-limit', nextAttemptAt: START + 4000, items: [] });
    await flush(4100);
    expect(result.current.waiting).toBeNull();
    expect(result.current.items).toHaveLength(50);
  });

  it('usePaginatedList: retry with the time the policy scheduled', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [502, 200], retryAfterSeconds: 2 } } } });
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations', prefetchNext: false }), { wrapper: h.wrapper });
    await flush();
    expect(result.current).toMatchObject({ waiting: 'retry', nextAttemptAt: START + 2000 });
    await flush(2000);
    expect(result.current).toMatchObject({ waiting: null, isSuccess: true });
  });

  it('useSenseiMutation: rate-limit at the gate, retry between attempts of an idempotent write', async () => {
    const h = createHarness();
    await spendWindow(h);
    h.api.setScenario({ rateLimitOnce: undefined, flaky: { sequence: [503, 200], retryAfterSeconds: 2, match: { method: 'POST' } } });
    const { result } = renderHook(
      () => useSenseiMutation<unknown, { name: string }>({ path: '/v1/migrations', idempotencyKey: () => 'idem-1' }),
      { wrapper: h.wrapper },
    );
    act(() => result.current.mutate({ name: 'Atlas' }));
    await flush();
    expect(result.current).toMatchObject({ waiting: 'rate-limit', nextAttemptAt: START + 4000, isPending: true });
    await flush(4000);
    await flush(50);
    expect(h.api.countRequests({ method: 'POST' })).toBe(1);
    expect(result.current).toMatchObject({ waiting: 'retry', nextAttemptAt: h.api.requests.at(-1)!.time + 2000 });
    await flush(2000);
    expect(h.api.countRequests({ method: 'POST' })).toBe(2);
    expect(result.current).toMatchObject({ waiting: null, isSuccess: true });
  });

  it('leaves nothing behind: a query unmounted while held at the gate has no entry', async () => {
    const h = createHarness();
    await spendWindow(h);
    const { result, unmount } = renderHook(() => useSenseiQuery({ path: PATH }), { wrapper: h.wrapper });
    await flush();
    expect(result.current.waiting).toBe('rate-limit');
    const store = requestWaitStoreFor(h.queryClient);
    const id = hashKey(senseiKeys.resource(h.client, PATH));
    expect(store.get(id)).toEqual({ hold: { reason: 'rate-limit', until: START + 4000 } });
    unmount();
    await flush();
    expect(store.get(id)).toBeUndefined();
  });
});

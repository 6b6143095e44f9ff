import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

// The hooks and the factories are one source: what one starts, the other sees.
describe('hooks built on the factories', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a page fetched with queryClient.query(senseiQueries(client).list(…)) is shown by usePaginatedList without a request', async () => {
    const h = createHarness();
    const fetched = h.queryClient.query(senseiQueries(h.client).list({ path: '/v1/migrations', page: 2, perPage: 25 }));
    await flush();
    await fetched;
    h.api.clearRequests();
    const { result } = renderHook(() => usePaginatedList<{ id: string }>({ path: '/v1/migrations', defaultPage: 2, defaultPerPage: 25, prefetchNext: false }), {
      wrapper: h.wrapper,
    });
    expect(result.current.items[0]?.id).toBe('mig_000026');
    await flush(1000);
    expect(h.api.countRequests()).toBe(0);
  });

  it('a retry scheduled by senseiQueries(client)’s default policy is the provider’s: the hook shows its countdown', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503], retryAfterSeconds: 2 } } } });
    const path = '/v1/migrations/mig_000001';
    void h.queryClient.query(senseiQueries(h.client).resource({ path }));
    await flush();
    const { result } = renderHook(() => useSenseiQuery({ path }), { wrapper: h.wrapper });
    expect(result.current.waiting).toBe('retry');
    expect(result.current.nextAttemptAt).toBe(Date.now() + 2000);
    expect(h.api.countRequests()).toBe(1);
    await flush(2000);
    expect(result.current.data).toMatchObject({ id: 'mig_000001' });
    expect(h.api.countRequests()).toBe(2);
  });

  it('a factory query held at the gate outside any hook shows as waiting: rate-limit in a hook on its key', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { retryAfterSeconds: 3, resetInSeconds: 3 } } } });
    await h.client.get('/v1/migrations/mig_000002').catch(() => undefined);
    const path = '/v1/migrations/mig_000001';
    void h.queryClient.query(senseiQueries(h.client).resource({ path }));
    await flush();
    const { result } = renderHook(() => useSenseiQuery({ path }), { wrapper: h.wrapper });
    expect(result.current.waiting).toBe('rate-limit');
    expect(result.current.nextAttemptAt).toBeGreaterThan(Date.now());
    await flush(4000);
    expect(result.current.waiting).toBeNull();
    expect(result.current.data).toMatchObject({ id: 'mig_000001' });
  });
});

import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const START = new Date('2025-03-01T14:00:00.000Z').getTime();
const A = '/v1/migrations/mig_000001';
const B = '/v1/migrations/mig_000002';

describe('useRequestWait through useSenseiQuery', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spreads like the query result: every TanStack field is an own enumerable key', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useSenseiQuery<{ id: string }>({ path: A }), { wrapper: h.wrapper });
    await flush();
    const copy = { ...result.current };
    expect(copy).toMatchObject({ data: { id: 'mig_000001' }, status: 'success', waiting: null, nextAttemptAt: undefined });
    expect(Object.keys(result.current)).toEqual(expect.arrayContaining(['data', 'status', 'fetchStatus', 'waiting', 'nextAttemptAt']));
  });

  it('follows the query it shows: a cached query is not held by the gate another query waits at', async () => {
    const h = createHarness();
    const { result, rerender } = renderHook(({ path }: { path: string }) => useSenseiQuery<{ id: string }>({ path, staleTime: Infinity }), {
      wrapper: h.wrapper,
      initialProps: { path: B },
    });
    await flush();
    expect(result.current.data).toEqual(expect.objectContaining({ id: 'mig_000002' }));
    // Close the gate until START + 4 s.
    h.api.setScenario({ rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 4, retryAfterSeconds: null } });
    await h.client.get('/v1/migrations/mig_000003');
    expect(h.client.rateLimit.getSnapshot().isLimited).toBe(true);
    rerender({ path: A });
    await flush();
    expect(result.current).toMatchObject({ waiting: 'rate-limit', nextAttemptAt: START + 4000 });
    rerender({ path: B });
    await flush();
    expect(result.current).toMatchObject({ data: { id: 'mig_000002' }, waiting: null, nextAttemptAt: undefined });
  });
});

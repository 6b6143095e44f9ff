import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSenseiMutation } from '../../src/react/useSenseiMutation.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const one = { method: 'GET', path: '/v1/migrations/mig_000001' } as const;

describe('retries through TanStack Query, fed by the core policy', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 422]) {
    it(`never retries a ${status}`, async () => {
      const h = createHarness({ api: { scenario: { error: { status } } } });
      const { result } = renderHook(() => useSenseiQuery({ path: '/v1/migrations/mig_000001' }), { wrapper: h.wrapper });
      await flush(120_000);
      expect(result.current.isError).toBe(true);
      expect(result.current.error?.status).toBe(status);
      expect(h.api.countRequests(one)).toBe(1);
    });
  }

  it('retries a 503 with Retry-After: 3 no sooner than 3 s, then succeeds', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 3 } } } });
    const { result } = renderHook(() => useSenseiQuery<{ id: string }>({ path: '/v1/migrations/mig_000001' }), {
      wrapper: h.wrapper,
    });
    await flush();
    expect(h.api.countRequests(one)).toBe(1);
    expect(result.current.isPending).toBe(true); // waiting to retry is not an error yet
    expect(result.current.failureCount).toBe(1);
    await flush(2999);
    expect(h.api.countRequests(one)).toBe(1);
    await flush(1);
    expect(h.api.countRequests(one)).toBe(2);
    expect(result.current.data?.id).toBe('mig_000001');
  });

  it('retries 500/502/504 with capped exponential backoff, then gives up after 3 retries', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [500, 502, 504, 500, 200] } } } });
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { result } = renderHook(() => useSenseiQuery({ path: '/v1/migrations/mig_000001' }), { wrapper: h.wrapper });
    await flush();
    const at = () => h.api.requests.map((r) => r.time - h.api.requests[0]!.time);
    await flush(60_000);
    // Full jitter at its top: 1 s, 2 s, 4 s after each failure.
    expect(at()).toEqual([0, 999, 999 + 1998, 999 + 1998 + 3996]);
    expect(result.current.isError).toBe(true);
    expect(result.current.error?.status).toBe(500);
  });

  it('never retries a POST without an idempotency key; retries one that has it', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 1 } } } });
    const posts = { method: 'POST', path: '/v1/migrations' } as const;
    const { result } = renderHook(
      () => ({
        plain: useSenseiMutation<unknown, { name: string }>({ path: '/v1/migrations' }),
        keyed: useSenseiMutation<unknown, { name: string; key: string }>({
          path: '/v1/migrations',
          body: ({ name }) => ({ name }),
          idempotencyKey: ({ key }) => key,
        }),
      }),
      { wrapper: h.wrapper },
    );
    act(() => result.current.plain.mutate({ name: 'once' }));
    await flush(30_000);
    expect(result.current.plain.isError).toBe(true);
    expect(result.current.plain.error?.status).toBe(503);
    expect(h.api.countRequests(posts)).toBe(1);

    h.api.setScenario({ flaky: { sequence: [503, 200], retryAfterSeconds: 1 } });
    act(() => result.current.keyed.mutate({ name: 'twice', key: 'idem-42' }));
    await flush(30_000);
    expect(result.current.keyed.isSuccess).toBe(true);
    expect(h.api.countRequests(posts)).toBe(3);
    expect(h.api.requests.slice(-2).map((r) => r.headers['idempotency-key'])).toEqual(['idem-42', 'idem-42']);
  });

  it('sends DELETE without a body and invalidates the given queries on 204', async () => {
    const h = createHarness();
    const { result } = renderHook(
      () => ({
        list: useSenseiQuery({ path: '/v1/migrations', queryKey: ['sensei', 'list', '/v1/migrations', {}] }),
        remove: useSenseiMutation<undefined, string>({
          method: 'DELETE',
          path: (id) => `/v1/migrations/${id}`,
          invalidates: [['sensei', 'list', '/v1/migrations']],
        }),
      }),
      { wrapper: h.wrapper },
    );
    await flush();
    expect(h.api.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(1);
    act(() => result.current.remove.mutate('mig_000002'));
    await flush();
    expect(result.current.remove.isSuccess).toBe(true);
    expect(result.current.remove.data).toBeUndefined();
    expect(h.api.countRequests({ method: 'DELETE' })).toBe(1);
    expect(h.api.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(2);
  });
});

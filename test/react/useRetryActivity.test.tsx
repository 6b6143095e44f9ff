import { useQuery } from '@tanstack/react-query';
import { act, render, renderHook } from '@testing-library/react';
import { Profiler, useContext } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SenseiError } from '../../src/core/SenseiError.js';
import { SenseiContext } from '../../src/react/SenseiContext.js';
import { useRetryActivity } from '../../src/react/useRetryActivity.js';
import { useSenseiMutation } from '../../src/react/useSenseiMutation.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const PATH = '/v1/migrations/mig_000001';
const one = { method: 'GET', path: PATH } as const;

/** A Sensei query, the retry activity and the provider's retry policy, side by side. */
function useProbe() {
  const query = useSenseiQuery<{ id: string }>({ path: PATH });
  const activity = useRetryActivity();
  const policy = useContext(SenseiContext)!.retryPolicy;
  return { query, activity, policy };
}

describe('useRetryActivity', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists a query waiting to retry: label, scheduled time, failures, request id; then recovered', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 3 } } } });
    const { result } = renderHook(useProbe, { wrapper: h.wrapper });
    await flush();

    const [entry] = result.current.activity.entries;
    const failure = result.current.query.failureReason as SenseiError;
    expect(result.current.activity.entries).toHaveLength(1);
    expect(entry).toMatchObject({
      id: expect.stringMatching(/^query:/),
      kind: 'query',
      key: ['sensei', 'https://api.sensei.test', 'get', PATH],
      status: 'retrying',
      label: 'Service unavailable (503)',
      httpStatus: 503,
      requestId: failure.requestId,
      failureCount: 1,
      paused: false,
      retryingNow: false,
      canRetryNow: true,
      dismissed: false,
    });
    expect(failure.requestId).toMatch(/^req_/);
    expect(entry!.retryAt).toBe(result.current.policy.scheduledRetryAt(failure));
    expect(entry!.retryAt).toBe(Date.now() + 3000);

    await flush(3000);
    expect(h.api.countRequests(one)).toBe(2);
    expect(result.current.activity.entries).toMatchObject([{ id: entry!.id, status: 'recovered', retryAt: undefined }]);

    act(() => result.current.activity.dismiss(entry!.id));
    await flush();
    expect(result.current.activity.entries).toEqual([]);
  });

  it('updates the same entry on the next failure, with the newly scheduled time (jitter included)', async () => {
    const h = createHarness({
      api: { scenario: { flaky: { sequence: [502, 502, 200] } } },
      provider: { retry: { random: () => 0.5 } },
    });
    const { result } = renderHook(useProbe, { wrapper: h.wrapper });
    await flush();
    const first = result.current.activity.entries[0]!;
    expect(first.retryAt).toBe(Date.now() + 500); // 0.5 × 1 s
    await flush(500);
    const second = result.current.activity.entries[0]!;
    expect(second).toMatchObject({ id: first.id, status: 'retrying', failureCount: 2, label: 'Sensei is not responding (502)' });
    expect(second.retryAt).toBe(Date.now() + 1000); // 0.5 × 2 s
    expect(second.retryAt).toBe(result.current.policy.scheduledRetryAt(result.current.query.failureReason));
    expect(second.requestId).not.toBe(first.requestId);
  });

  it('turns into failed with the final request id when retries run out', async () => {
    const h = createHarness({
      api: { scenario: { flaky: { sequence: [503, 503, 503], retryAfterSeconds: 1 } } },
      provider: { retry: 2 },
    });
    const { result } = renderHook(useProbe, { wrapper: h.wrapper });
    await flush(5000);
    expect(result.current.query.isError).toBe(true);
    expect(h.api.countRequests(one)).toBe(3);
    expect(result.current.activity.entries).toMatchObject([
      { status: 'failed', failureCount: 3, requestId: result.current.query.error!.requestId, retryAt: undefined, label: 'Service unavailable (503)' },
    ]);
  });

  it('retryNow on a first load sends exactly one request now, and the old wait sends none', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 30 } } } });
    const { result } = renderHook(useProbe, { wrapper: h.wrapper });
    await flush();
    expect(result.current.query.data).toBeUndefined();
    const entry = result.current.activity.entries[0]!;

    act(() => void result.current.activity.retryNow(entry));
    await flush();
    expect(h.api.countRequests(one)).toBe(2);
    expect(result.current.query.data?.id).toBe('mig_000001');
    expect(result.current.activity.entries).toMatchObject([{ status: 'recovered' }]);

    await flush(60_000);
    expect(h.api.countRequests(one)).toBe(2);
  });

  it('retryNow on a query that has data (a failing background refetch) sends exactly one request', async () => {
    const h = createHarness();
    const { result } = renderHook(useProbe, { wrapper: h.wrapper });
    await flush();
    expect(result.current.query.data?.id).toBe('mig_000001');

    h.api.setScenario({ flaky: { sequence: [503, 200], retryAfterSeconds: 30 } });
    act(() => void result.current.query.refetch());
    await flush();
    expect(h.api.countRequests(one)).toBe(2);
    expect(result.current.activity.entries).toMatchObject([{ status: 'retrying' }]);

    act(() => void result.current.activity.retryNow(result.current.activity.entries[0]!));
    await flush();
    expect(h.api.countRequests(one)).toBe(3);
    expect(result.current.activity.entries).toMatchObject([{ status: 'recovered' }]);
    await flush(60_000);
    expect(h.api.countRequests(one)).toBe(3);
  });

  it('after a "Retry now" that fails again, waits for the new schedule and counts on', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 503, 200], retryAfterSeconds: 30 } } } });
    const { result } = renderHook(useProbe, { wrapper: h.wrapper });
    await flush(10_000);
    act(() => void result.current.activity.retryNow(result.current.activity.entries[0]!));
    await flush();
    expect(h.api.countRequests(one)).toBe(2);
    const entry = result.current.activity.entries[0]!;
    expect(entry).toMatchObject({ status: 'retrying', failureCount: 2, retryingNow: false });
    expect(entry.retryAt).toBe(Date.now() + 30_000);
    await flush(29_999);
    expect(h.api.countRequests(one)).toBe(2);
    await flush(1);
    expect(h.api.countRequests(one)).toBe(3);
    expect(result.current.activity.entries).toMatchObject([{ status: 'recovered' }]);
  });

  it('tracks mutations from useSenseiMutation; their wait cannot be cut short', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 2 } } } });
    const posts = { method: 'POST', path: '/v1/migrations' } as const;
    const { result } = renderHook(
      () => ({
        create: useSenseiMutation<unknown, { name: string }>({ path: '/v1/migrations', idempotencyKey: () => 'idem-1' }),
        activity: useRetryActivity(),
      }),
      { wrapper: h.wrapper },
    );
    act(() => result.current.create.mutate({ name: 'users' }));
    await flush();
    const entry = result.current.activity.entries[0]!;
    expect(entry).toMatchObject({ kind: 'mutation', status: 'retrying', canRetryNow: false, label: 'Service unavailable (503)' });
    expect(entry.retryAt).toBe(Date.now() + 2000);

    act(() => void result.current.activity.retryNow(entry));
    await flush();
    expect(h.api.countRequests(posts)).toBe(1);
    await flush(2000);
    expect(h.api.countRequests(posts)).toBe(2);
    expect(result.current.activity.entries).toMatchObject([{ kind: 'mutation', status: 'recovered' }]);
  });

  it('ignores queries that are not Sensei queries', async () => {
    const h = createHarness();
    const { result } = renderHook(
      () => ({
        other: useQuery({
          queryKey: ['other'],
          queryFn: () => Promise.reject(new Error('nope')),
          retry: 2,
          retryDelay: 1000,
        }),
        activity: useRetryActivity(),
      }),
      { wrapper: h.wrapper },
    );
    await flush();
    expect(result.current.other.failureCount).toBe(1);
    expect(result.current.activity.entries).toEqual([]);
  });

  // #13 item 13: recognised by the `meta: { sensei: true }` marker, not by the key's prefix.
  it('lists a useSenseiQuery with its own queryKey, and not a foreign query under a sensei-looking key', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 2 } } } });
    const { result } = renderHook(
      () => ({
        own: useSenseiQuery<{ id: string }>({ path: PATH, queryKey: ['migration', 'mig_000001'] }),
        lookalike: useQuery({
          queryKey: ['sensei', 'not', 'ours'],
          queryFn: () => Promise.reject(new Error('nope')),
          retry: 2,
          retryDelay: 1000,
        }),
        activity: useRetryActivity(),
      }),
      { wrapper: h.wrapper },
    );
    await flush();
    expect(result.current.lookalike.failureCount).toBe(1);
    expect(result.current.activity.entries).toMatchObject([
      { kind: 'query', key: ['migration', 'mig_000001'], status: 'retrying', label: 'Service unavailable (503)', retryAt: Date.now() + 2000 },
    ]);
    await flush(2000);
    expect(h.api.countRequests(one)).toBe(2);
    expect(result.current.activity.entries).toMatchObject([{ key: ['migration', 'mig_000001'], status: 'recovered' }]);
  });

  // #14 item 7: the entry follows the attempt: scheduled, held at the gate, on its way.
  it('says where the next attempt is, and Retry now sends nothing while it waits at the gate', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 1, match: { path: PATH } } } } });
    const { result } = renderHook(useProbe, { wrapper: h.wrapper });
    await flush();
    expect(result.current.activity.entries).toMatchObject([{ status: 'retrying', waiting: 'retry', nextAttemptAt: Date.now() + 1000 }]);
    h.api.setScenario({ rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 5, retryAfterSeconds: null } });
    await act(() => h.client.get('/v1/migrations/mig_000002'));
    await flush(1000);
    const opensAt = h.client.rateLimit.openAt();
    expect(result.current.activity.entries).toMatchObject([{ status: 'retrying', waiting: 'rate-limit', nextAttemptAt: opensAt }]);
    await act(() => result.current.activity.retryNow(result.current.activity.entries[0]!));
    await flush();
    expect(h.api.countRequests(one)).toBe(1);
    await flush(4100);
    expect(h.api.countRequests(one)).toBe(2);
    expect(result.current.activity.entries).toMatchObject([{ status: 'recovered', waiting: null, nextAttemptAt: undefined }]);
  });

  it('lists a usePaginatedList query that is retrying', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [502, 200], retryAfterSeconds: 1 } } } });
    const { result } = renderHook(
      () => ({ list: usePaginatedList({ path: '/v1/migrations', prefetchNext: false, meta: { app: 'kept' } }), activity: useRetryActivity() }),
      { wrapper: h.wrapper },
    );
    await flush();
    expect(result.current.activity.entries).toMatchObject([{ kind: 'query', status: 'retrying', httpStatus: 502 }]);
    // The app's own meta survives beside the marker.
    expect(result.current.list.query.isFetching).toBe(true);
    expect(h.queryClient.getQueryCache().getAll()[0]!.meta).toEqual({ app: 'kept', sensei: true });
    await flush(1000);
    expect(result.current.activity.entries).toMatchObject([{ status: 'recovered' }]);
  });

  it('a dismissed retry stays hidden and recovers silently; a dismissed one that fails shows its failure', async () => {
    const h = createHarness({
      api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 1 } } },
    });
    const { result } = renderHook(useProbe, { wrapper: h.wrapper });
    await flush();
    act(() => result.current.activity.dismiss(result.current.activity.entries));
    await flush();
    expect(result.current.activity.entries).toMatchObject([{ status: 'retrying', dismissed: true }]);
    await flush(1000);
    expect(result.current.query.isSuccess).toBe(true);
    expect(result.current.activity.entries).toEqual([]);

    h.api.setScenario({ flaky: { sequence: [503, 503, 503, 503], retryAfterSeconds: 1 } });
    act(() => void result.current.query.refetch());
    await flush();
    act(() => result.current.activity.dismiss(result.current.activity.entries[0]!));
    await flush(10_000);
    expect(result.current.activity.entries).toMatchObject([{ status: 'failed', dismissed: false, failureCount: 4 }]);
  });

  it('picks up a retry that began before it subscribed', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 5 } } } });
    function Query() {
      useSenseiQuery({ path: PATH });
      return null;
    }
    render(
      <h.wrapper>
        <Query />
      </h.wrapper>,
    );
    await flush();
    const { result } = renderHook(() => useRetryActivity(), { wrapper: h.wrapper });
    expect(result.current.entries).toMatchObject([{ status: 'retrying', failureCount: 1 }]);
  });

  it('re-renders its component only when the list changes, not on every cache update', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [200, 200, 200, 503, 200], retryAfterSeconds: 1 } } } });
    const renders = { count: 0 };
    function Watcher() {
      useRetryActivity();
      return null;
    }
    const watched = (
      <Profiler id="watcher" onRender={() => (renders.count += 1)}>
        <Watcher />
      </Profiler>
    );
    function Item({ n }: { n: number }) {
      useSenseiQuery({ path: `/v1/migrations/mig_00000${n}` });
      return null;
    }
    function Items() {
      return [1, 2, 3].map((n) => <Item key={n} n={n} />);
    }
    const view = render(
      <h.wrapper>
        {watched}
        <Items />
      </h.wrapper>,
    );
    await flush();
    expect(renders.count).toBe(1); // three queries loaded: not a retry, no render

    view.rerender(
      <h.wrapper>
        {watched}
        <Items />
        <Item n={4} />
      </h.wrapper>,
    );
    const before = renders.count;
    await flush();
    expect(renders.count).toBe(before + 1); // the fourth fails and waits
    await flush(1000);
    // ...sends its retry (no longer waiting), and recovers: two list changes, which React 18
    // may batch into one render; never a render per cache update.
    expect(renders.count).toBeGreaterThanOrEqual(before + 2);
    expect(renders.count).toBeLessThanOrEqual(before + 3);
  });
});

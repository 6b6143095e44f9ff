import { useQuery } from '@tanstack/react-query';
import { act, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { senseiKeys } from '../../src/core/senseiKeys.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { createMockSenseiApi } from '../../src/testing/index.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const polls = { method: 'GET', pathPrefix: '/v1/migrations/' } as const;
const posts = { method: 'POST', path: '/v1/migrations' } as const;

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  // Like browsers: fired at the document, bubbling to window (where TanStack listens).
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

describe('useAsyncOperation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => {
    setVisibility('visible');
    vi.useRealTimers();
  });

  it('starts, polls with the server Retry-After and completes on the 5th poll with exactly 5 status requests', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    expect(result.current.status).toBe('idle');
    act(() => result.current.start({ name: 'users' }));
    await flush();
    expect(result.current.status).toBe('polling');
    expect(result.current.operationStatus).toBe('pending');
    expect(h.api.countRequests(posts)).toBe(1);
    // The 202 is the first status: nothing more until its Retry-After (1 s) is up.
    expect(h.api.countRequests(polls)).toBe(0);
    await flush(999);
    expect(h.api.countRequests(polls)).toBe(0);
    await flush(1);
    expect(h.api.countRequests(polls)).toBe(1);
    expect(result.current.operationStatus).toBe('running');
    expect(result.current.progress).toBe(20);
    await flush(4000);
    expect(h.api.countRequests(polls)).toBe(5);
    expect(result.current.status).toBe('succeeded');
    expect(result.current.progress).toBe(100);
    expect(result.current.result).toBeDefined();
    await flush(60_000);
    expect(h.api.countRequests(polls)).toBe(5);
  });

  it('reports a failed operation with a SenseiError built from its error body', async () => {
    const h = createHarness({ api: { scenario: { operations: { outcome: 'failed', pollsToComplete: 2 } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'orders' }));
    await flush();
    await flush(2000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.kind).toBe('operation');
    expect(result.current.error?.code).toBeTruthy();
    expect(result.current.error?.requestId).toMatch(/^req_/);
    expect(result.current.error?.message).toBeTruthy();
    await flush(30_000);
    expect(h.api.countRequests(polls)).toBe(2);
  });

  it('makes one request per poll for three watchers of one operation, and none after they unmount', async () => {
    const h = createHarness();
    const id = (await h.client.startOperation('/v1/migrations', { name: 'shared' })).operation.id;
    h.api.clearRequests();
    const options = { startPath: '/v1/migrations', id };
    function Watcher() {
      const op = useAsyncOperation(options);
      return <p>{op.operationStatus ?? 'none'}</p>;
    }
    const view = render(
      <h.wrapper>
        <Watcher />
        <Watcher />
        <Watcher />
      </h.wrapper>,
    );
    await flush();
    expect(h.api.countRequests(polls)).toBe(1);
    await flush(1000);
    expect(h.api.countRequests(polls)).toBe(2);
    await flush(1000);
    expect(h.api.countRequests(polls)).toBe(3);
    expect(view.getAllByText('running')).toHaveLength(3);
    view.unmount();
    await flush(30_000);
    expect(h.api.countRequests(polls)).toBe(3);
  });

  it('stops polling on unmount mid-request: the request is aborted and no other follows', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 500 } } } });
    const id = (await (async () => {
      const p = h.client.startOperation('/v1/migrations', { name: 'slow' });
      await vi.advanceTimersByTimeAsync(500);
      return p;
    })()).operation.id;
    h.api.clearRequests();
    const view = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', id }), { wrapper: h.wrapper });
    await flush(100);
    expect(h.api.countRequests(polls)).toBe(1);
    view.unmount();
    await flush(60_000);
    expect(h.api.countRequests(polls)).toBe(1);
    expect(h.queryClient.isFetching()).toBe(0);
  });

  it('is starting while the POST is in flight', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 300 } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'slow' }));
    await flush(100);
    expect(result.current.status).toBe('starting');
    await flush(200);
    expect(result.current.status).toBe('polling');
  });

  it('makes no request after cancel, and resume polls again', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'c' }));
    await flush(1000);
    expect(h.api.countRequests(polls)).toBe(1);
    act(() => result.current.cancel());
    expect(result.current.status).toBe('cancelled');
    await flush(30_000);
    expect(h.api.countRequests(polls)).toBe(1);
    act(() => result.current.resume());
    await flush();
    expect(result.current.status).toBe('polling');
    expect(h.api.countRequests(polls)).toBe(2);
  });

  it('pauses while the tab is hidden and polls at once when it is shown', async () => {
    const h = createHarness();
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'h' }));
    await flush(1000);
    expect(h.api.countRequests(polls)).toBe(1);
    act(() => setVisibility('hidden'));
    await flush(20_000);
    expect(h.api.countRequests(polls)).toBe(1);
    act(() => setVisibility('visible'));
    await flush();
    expect(h.api.countRequests(polls)).toBe(2);
  });

  it('resumes polling after a simulated reload with persistKey', async () => {
    const first = createHarness();
    const before = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', persistKey: 'migration' }), {
      wrapper: first.wrapper,
    });
    act(() => before.result.current.start({ name: 'reload' }));
    await flush();
    await flush(2000);
    expect(first.api.countRequests(polls)).toBe(2);
    const statusUrl = before.result.current.statusUrl;
    before.unmount();

    // A new page: new client, QueryClient and hook; same server and storage.
    const reloaded = createHarness({ existingApi: first.api });
    const again = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', persistKey: 'migration' }), {
      wrapper: reloaded.wrapper,
    });
    await flush();
    expect(again.result.current.statusUrl).toBe(statusUrl);
    expect(again.result.current.status).toBe('polling');
    await flush(5000);
    expect(again.result.current.status).toBe('succeeded');
    expect(first.api.countRequests(polls)).toBe(5);
    // A finished operation is forgotten.
    expect(localStorage.getItem('sensei:operation:migration')).toBeNull();
  });

  it('reports a timeout after maxDuration and stops polling', async () => {
    const h = createHarness({ api: { scenario: { operations: { pollsToComplete: 1000 } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', maxDuration: 10_000 }), {
      wrapper: h.wrapper,
    });
    act(() => result.current.start({ name: 't' }));
    await flush();
    await flush(9_999);
    expect(result.current.status).toBe('polling');
    await flush(1);
    expect(result.current.status).toBe('timed-out');
    const count = h.api.countRequests(polls);
    await flush(60_000);
    expect(h.api.countRequests(polls)).toBe(count);

    // Keep waiting: polling resumes with a fresh time limit; the start time stays the same.
    const startedAt = result.current.startedAt;
    act(() => result.current.resume());
    await flush();
    expect(result.current.status).toBe('polling');
    expect(result.current.startedAt).toBe(startedAt);
    expect(h.api.countRequests(polls)).toBe(count + 1);
    await flush(9_999);
    expect(result.current.status).toBe('polling');
    await flush(1);
    expect(result.current.status).toBe('timed-out');
  });

  it('never retries the starting POST without an idempotency key, and does with one', async () => {
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200], match: posts } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'once' }));
    await flush(60_000);
    expect(h.api.countRequests(posts)).toBe(1);
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.status).toBe(503);

    h.api.setScenario({ flaky: { sequence: [503, 200], match: posts } });
    h.api.clearRequests();
    act(() => result.current.reset());
    act(() => result.current.start({ name: 'twice' }, { idempotencyKey: 'key-1' }));
    // Step the clock so each response renders before the next timer (React 18's act flushes
    // renders at its end).
    for (let i = 0; i < 12; i += 1) await flush(5_000);
    expect(h.api.countRequests(posts)).toBe(2);
    expect(h.api.requests.filter((r) => r.method === 'POST').map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
    expect(result.current.status).toBe('succeeded');
  });

  it('refuses a status_url on another origin with a typed error and sends nothing there', async () => {
    const h = createHarness();
    const fetchSpy = vi.spyOn(h.api, 'fetch');
    const { result } = renderHook(() => useAsyncOperation({ statusUrl: 'https://evil.example/v1/migrations/x' }), {
      wrapper: h.wrapper,
    });
    await flush(5000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.name).toBe('SenseiRequestError');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('useAsyncOperation with enabled: false', () => {
  it('holds polling until enabled', async () => {
    vi.useFakeTimers();
    const h = createHarness();
    const id = (await h.client.startOperation('/v1/migrations', { name: 'held' })).operation.id;
    h.api.clearRequests();
    const { rerender, result } = renderHook(({ enabled }) => useAsyncOperation({ startPath: '/v1/migrations', id, enabled }), {
      wrapper: h.wrapper,
      initialProps: { enabled: false },
    });
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(h.api.countRequests(polls)).toBe(0);
    rerender({ enabled: true });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(h.api.countRequests(polls)).toBe(1);
    expect(result.current.operationStatus).toBe('running');
    vi.useRealTimers();
  });
});

describe('useAsyncOperation: one lifecycle (issue 13 item 5)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });

  /** A harness whose fetch records the signal of every request. */
  function recordingHarness(options: Parameters<typeof createHarness>[0] = {}) {
    const api = createMockSenseiApi(options.api);
    const signals: { method: string; signal: AbortSignal }[] = [];
    const h = createHarness({
      ...options,
      existingApi: api,
      client: {
        fetch: (input, init) => {
          if (init?.signal) signals.push({ method: init.method ?? 'GET', signal: init.signal });
          return api.fetch(input, init);
        },
      },
    });
    return { ...h, aborted: (method: string) => signals.filter((s) => s.method === method && s.signal.aborted).length };
  }

  it('stops polling after a 404 on status_url and forgets the persisted operation', async () => {
    const h = createHarness();
    localStorage.setItem('sensei:operation:gone', JSON.stringify({ statusUrl: '/v1/migrations/mig_gone', startedAt: Date.now() }));
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', persistKey: 'gone' }), { wrapper: h.wrapper });
    await flush();
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.status).toBe(404);
    await flush(30_000);
    expect(h.api.countRequests(polls)).toBe(1);
    expect(localStorage.getItem('sensei:operation:gone')).toBeNull();
  });

  it('stops polling when a completed result fails resultSchema', async () => {
    const h = createHarness({ api: { scenario: { operations: { pollsToComplete: 1 } } } });
    const resultSchema = {
      '~standard': { version: 1 as const, vendor: 'test', validate: () => ({ issues: [{ message: 'no' }] }) },
    };
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', resultSchema }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 's' }));
    await flush(1000);
    expect(result.current.status).toBe('failed');
    await flush(30_000);
    expect(h.api.countRequests(polls)).toBe(1);
  });

  it('cancel() while the POST is in flight aborts it and nothing is polled', async () => {
    const h = recordingHarness({ api: { scenario: { slow: { latencyMs: 500, match: posts } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'c' }));
    await flush(100);
    act(() => result.current.cancel());
    await flush(30_000);
    expect(h.aborted('POST')).toBe(1);
    expect(result.current.status).toBe('cancelled');
    expect(h.api.countRequests(polls)).toBe(0);
  });

  it('unmount while the POST is in flight aborts it', async () => {
    const h = recordingHarness({ api: { scenario: { slow: { latencyMs: 500, match: posts } } } });
    const view = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => view.result.current.start({ name: 'u' }));
    await flush(100);
    view.unmount();
    await flush(30_000);
    expect(h.aborted('POST')).toBe(1);
    expect(h.api.countRequests(polls)).toBe(0);
  });

  it('shows a failed start (422) after a completed operation', async () => {
    const h = createHarness({ api: { scenario: { operations: { pollsToComplete: 1 } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'one' }));
    await flush(1000);
    expect(result.current.status).toBe('succeeded');
    h.api.setScenario({ error: { status: 422, match: posts } });
    act(() => result.current.start({ name: '' }));
    await flush();
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.status).toBe(422);
  });

  it('ends on custom terminal statuses whatever their case', async () => {
    const h = createHarness({ api: { scenario: { operations: { pollsToComplete: 2 } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', terminal: { success: ['COMPLETED'] } }), {
      wrapper: h.wrapper,
    });
    act(() => result.current.start({ name: 'case' }));
    await flush(2000);
    expect(result.current.status).toBe('succeeded');
    await flush(30_000);
    expect(h.api.countRequests(polls)).toBe(2);
  });

  it.each([Infinity, 2 ** 31])('maxDuration %s does not time out at once', async (maxDuration) => {
    const h = createHarness({ api: { scenario: { operations: { pollsToComplete: 1000 } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', maxDuration }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'long' }));
    await flush(5000);
    expect(result.current.status).toBe('polling');
  });

  it("one watcher's cancel() does not abort another watcher's poll in flight", async () => {
    const h = recordingHarness({ api: { scenario: { slow: { latencyMs: 300, match: polls } } } });
    const id = (await h.client.startOperation('/v1/migrations', { name: 'two' })).operation.id;
    const a = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', id }), { wrapper: h.wrapper });
    const b = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', id }), { wrapper: h.wrapper });
    await flush(100);
    act(() => a.result.current.cancel());
    await flush(300);
    expect(h.aborted('GET')).toBe(0);
    expect(b.result.current.status).toBe('polling');
    expect(b.result.current.operationStatus).toBe('running');
  });

  it('is not polling while enabled is false', async () => {
    const h = createHarness();
    const id = (await h.client.startOperation('/v1/migrations', { name: 'held' })).operation.id;
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations', id, enabled: false }), { wrapper: h.wrapper });
    await flush(5000);
    expect(result.current.status).toBe('idle');
    expect(result.current.isPolling).toBe(false);
  });

  it('calls onSuccess once and invalidates the list it names', async () => {
    const h = createHarness({ api: { scenario: { operations: { pollsToComplete: 1 } } } });
    const onSuccess = vi.fn();
    const onSettled = vi.fn();
    const listKey = senseiKeys.lists(h.client, '/v1/migrations');
    const { result } = renderHook(
      () => {
        const list = useQuery({ queryKey: [...listKey, 1], queryFn: () => h.client.list('/v1/migrations'), staleTime: Infinity }, h.queryClient);
        const op = useAsyncOperation({ startPath: '/v1/migrations', onSuccess, onSettled, invalidates: [listKey] });
        return { list, op };
      },
      { wrapper: h.wrapper },
    );
    await flush();
    expect(h.api.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(1);
    act(() => result.current.op.start({ name: 'inv' }));
    await flush(1000);
    expect(result.current.op.status).toBe('succeeded');
    await flush(30_000);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(h.api.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(2);
  });

  it("reports waiting: 'rate-limit' and nextAttemptAt while the poll waits at the gate", async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 20 } } } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'rl' }));
    await flush(1000);
    expect(result.current.waiting).toBe('rate-limit');
    expect(result.current.nextAttemptAt).toBeGreaterThan(Date.now() + 15_000);
    await flush(20_000);
    expect(result.current.waiting).toBeNull();
    expect(h.api.countRequests(polls)).toBe(1);
  });
});

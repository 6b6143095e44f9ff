// @vitest-environment jsdom
// (Browser globals: document, navigator or a relative base URL; the rest of test/core runs in Node.)
import { onlineManager, QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient, type SenseiClientOptions } from '../../src/core/createSenseiClient.js';
import { HEARTBEAT_MS } from '../../src/core/leadAcrossTabs.js';
import { type AsyncOperationOptions, OperationObserver } from '../../src/core/OperationObserver.js';
import { classifyOperationStatus } from '../../src/core/operationStatus.js';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import { senseiKeys } from '../../src/core/senseiKeys.js';
import type { StandardSchemaV1 } from '../../src/core/standardSchema.js';
import { createMockSenseiApi, type MockSenseiApiOptions } from '../../src/testing/index.js';
import { createFakeOrigin } from './tabEnvironment.js';

const flush = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const polls = { method: 'GET', pathPrefix: '/v1/migrations/' } as const;
const posts = { method: 'POST', path: '/v1/migrations' } as const;
const lists = { method: 'GET', path: '/v1/migrations' } as const;

const cleanups: (() => void)[] = [];

/** A mock API, a client on it, a fresh QueryClient, and observers that record every signal fetch saw. */
function setup(apiOptions: MockSenseiApiOptions = {}, clientOptions: Partial<SenseiClientOptions> = {}) {
  const api = createMockSenseiApi(apiOptions);
  const signals: { method: string; url: string; signal: AbortSignal }[] = [];
  const client = createSenseiClient({
    baseUrl: api.baseUrl,
    apiKey: 'sk_test_observer',
    shareAcrossTabs: false,
    fetch: (input, init) => {
      if (init?.signal) signals.push({ method: init.method ?? 'GET', url: String(input), signal: init.signal });
      return api.fetch(input, init);
    },
    ...clientOptions,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  // As <QueryClientProvider> does: focus and online events reach the queries.
  queryClient.mount();
  const retryPolicy = createRetryPolicy();
  const stops: (() => void)[] = [];
  function watch<T = unknown>(options: AsyncOperationOptions<T> = {}) {
    const observer = new OperationObserver<T>(client, queryClient, retryPolicy, { startPath: '/v1/migrations', ...options });
    const statuses: string[] = [];
    const stop = observer.subscribe(() => {
      const { status } = observer.getSnapshot();
      if (statuses.at(-1) !== status) statuses.push(status);
    });
    stops.push(stop);
    return { observer, statuses, stop, get snap() { return observer.getSnapshot(); } };
  }
  const aborted = (method: string) => signals.filter((s) => s.method === method && s.signal.aborted).length;
  const stopAll = () => {
    stops.splice(0).forEach((stop) => stop());
    queryClient.unmount();
  };
  cleanups.push(stopAll);
  return { api, client, queryClient, watch, signals, aborted, stopAll };
}

/** Starts an operation directly at the mock (not through an observer) and returns its id. */
async function createOperation(env: ReturnType<typeof setup>): Promise<string> {
  const id = (await env.client.startOperation('/v1/migrations', { name: 'x' })).operation.id;
  env.api.clearRequests();
  return id;
}

describe('OperationObserver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    onlineManager.setOnline(true);
    vi.useRealTimers();
  });

  it('goes idle → starting → polling → succeeded and polls no more', async () => {
    const env = setup();
    const w = env.watch();
    expect(w.snap.status).toBe('idle');
    w.observer.start({ name: 'a' });
    expect(w.snap.status).toBe('starting');
    await flush();
    expect(w.snap.status).toBe('polling');
    await flush(5000);
    expect(w.snap.status).toBe('succeeded');
    expect(w.snap.progress).toBe(100);
    expect(w.statuses).toEqual(['starting', 'polling', 'succeeded']);
    await flush(60_000);
    expect(env.api.countRequests(polls)).toBe(5);
  });

  it('fails on a 404 at status_url, stops polling and forgets the persisted operation', async () => {
    const env = setup();
    localStorage.setItem('sensei:operation:m', JSON.stringify({ statusUrl: '/v1/migrations/mig_gone', startedAt: Date.now() }));
    const w = env.watch({ persistKey: 'm' });
    await flush();
    expect(w.snap.status).toBe('failed');
    expect(w.snap.error?.status).toBe(404);
    expect(localStorage.getItem('sensei:operation:m')).toBeNull();
    await flush(60_000);
    expect(env.api.countRequests(polls)).toBe(1);
  });

  it('fails when a completed result does not match resultSchema, and polls no more', async () => {
    const env = setup({ scenario: { operations: { pollsToComplete: 2 } } });
    const never: StandardSchemaV1<unknown, never> = {
      '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: [{ message: 'not a result' }] }) },
    };
    const w = env.watch({ resultSchema: never, persistKey: 'r' });
    w.observer.start({ name: 'r' });
    await flush();
    expect(localStorage.getItem('sensei:operation:r')).not.toBeNull();
    await flush(2000);
    expect(w.snap.status).toBe('failed');
    expect(w.snap.error?.kind).toBe('invalid-response');
    expect(w.snap.result).toBeUndefined();
    expect(localStorage.getItem('sensei:operation:r')).toBeNull();
    await flush(60_000);
    expect(env.api.countRequests(polls)).toBe(2);
  });

  it('cancel() during the starting POST aborts it and polls nothing', async () => {
    const env = setup({ scenario: { slow: { latencyMs: 500, match: posts } } });
    const w = env.watch();
    const started = w.observer.startAsync({ name: 'c' });
    await flush(100);
    expect(w.snap.status).toBe('starting');
    w.observer.cancel();
    expect(w.snap.status).toBe('cancelled');
    await expect(started).rejects.toMatchObject({ kind: 'aborted' });
    expect(env.aborted('POST')).toBe(1);
    await flush(30_000);
    expect(env.api.countRequests(polls)).toBe(0);
    expect(w.snap.status).toBe('cancelled');
  });

  it('the last unsubscribe aborts a starting POST (unmount)', async () => {
    const env = setup({ scenario: { slow: { latencyMs: 500, match: posts } } });
    const w = env.watch();
    w.observer.start({ name: 'u' });
    await flush(100);
    w.stop();
    expect(env.aborted('POST')).toBe(1);
    await flush(30_000);
    expect(env.api.countRequests(polls)).toBe(0);
  });

  it('shows a failed start (422) after a finished operation, not the old success', async () => {
    const env = setup({ scenario: { operations: { pollsToComplete: 1 } } });
    const w = env.watch();
    w.observer.start({ name: 'first' });
    await flush(1000);
    expect(w.snap.status).toBe('succeeded');
    env.api.setScenario({ error: { status: 422, match: posts } });
    w.observer.start({ name: '' });
    await flush();
    expect(w.snap.status).toBe('failed');
    expect(w.snap.error?.status).toBe(422);
    expect(w.snap.operation).toBeUndefined();
    expect(w.snap.result).toBeUndefined();
  });

  it('matches custom terminal statuses case-insensitively', async () => {
    expect(classifyOperationStatus('done', { success: ['DONE'] })).toBe('success');
    expect(classifyOperationStatus('DONE', { success: ['done'] })).toBe('success');
    expect(classifyOperationStatus('Broken', { failure: ['BROKEN'] })).toBe('failure');
    const env = setup({ scenario: { operations: { pollsToComplete: 2 } } });
    const w = env.watch({ terminal: { success: ['COMPLETED'] } });
    w.observer.start({ name: 't' });
    await flush(2000);
    expect(w.snap.status).toBe('succeeded');
    await flush(30_000);
    expect(env.api.countRequests(polls)).toBe(2);
  });

  it.each([Infinity, Number.NaN, 2 ** 31, 2 ** 32])('maxDuration %s does not time out at once', async (maxDuration) => {
    const env = setup();
    const id = await createOperation(env);
    // Held polling keeps the test to the timers under test; the limit counts all the same.
    const w = env.watch({ id, maxDuration, enabled: false });
    await flush(2 ** 31 - 1);
    expect(w.snap.status).toBe('idle');
    if (Number.isFinite(maxDuration)) {
      await flush(maxDuration - (2 ** 31 - 1));
      expect(w.snap.status).toBe('timed-out');
    } else {
      await flush(2 ** 33);
      expect(w.snap.status).toBe('idle');
    }
  });

  it('times out after maxDuration, and resume() gives a fresh limit', async () => {
    const env = setup({ scenario: { operations: { pollsToComplete: 1000 } } });
    const w = env.watch({ maxDuration: 10_000 });
    w.observer.start({ name: 't' });
    await flush(9_999);
    expect(w.snap.status).toBe('polling');
    await flush(1);
    expect(w.snap.status).toBe('timed-out');
    const count = env.api.countRequests(polls);
    await flush(60_000);
    expect(env.api.countRequests(polls)).toBe(count);
    w.observer.resume();
    await flush();
    expect(w.snap.status).toBe('polling');
    expect(env.api.countRequests(polls)).toBe(count + 1);
    await flush(10_000);
    expect(w.snap.status).toBe('timed-out');
  });

  it("one watcher's cancel() or timeout does not abort the others' poll in flight", async () => {
    const env = setup({ scenario: { slow: { latencyMs: 300, match: polls }, operations: { pollsToComplete: 1000 } } });
    const id = await createOperation(env);
    const a = env.watch({ id });
    const b = env.watch({ id, maxDuration: 100 });
    const c = env.watch({ id });
    await flush(50);
    expect(env.api.countRequests(polls)).toBe(1);
    a.observer.cancel();
    await flush(100); // b times out mid-request
    expect([a.snap.status, b.snap.status, c.snap.status]).toEqual(['cancelled', 'timed-out', 'polling']);
    await flush(200);
    expect(env.aborted('GET')).toBe(0);
    expect(c.snap.operationStatus).toBe('running');
    expect(a.snap.operationStatus).toBeUndefined();
    await flush(1000);
    expect(env.api.countRequests(polls)).toBe(2);
  });

  it('three watchers share one request per poll', async () => {
    const env = setup();
    const id = await createOperation(env);
    const watchers = [env.watch({ id }), env.watch({ id }), env.watch({ id })];
    await flush();
    expect(env.api.countRequests(polls)).toBe(1);
    await flush(1000);
    expect(env.api.countRequests(polls)).toBe(2);
    expect(watchers.map((w) => w.snap.operationStatus)).toEqual(['running', 'running', 'running']);
    env.stopAll();
    await flush(30_000);
    expect(env.api.countRequests(polls)).toBe(2);
  });

  it('is idle, not polling, while enabled is false, and polls once enabled', async () => {
    const env = setup();
    const id = await createOperation(env);
    const w = env.watch({ id, enabled: false });
    await flush(10_000);
    expect(w.snap.status).toBe('idle');
    expect(w.snap.isPolling).toBe(false);
    expect(env.api.countRequests(polls)).toBe(0);
    w.observer.setOptions({ startPath: '/v1/migrations', id, enabled: true });
    expect(w.snap.status).toBe('polling');
    await flush();
    expect(env.api.countRequests(polls)).toBe(1);
  });

  it('calls onSuccess and onSettled once per watcher, and invalidates lists with one refetch', async () => {
    const env = setup({ scenario: { operations: { pollsToComplete: 2 } } });
    const listObserverKey = senseiKeys.lists(env.client, '/v1/migrations');
    await env.queryClient.fetchQuery({
      queryKey: [...listObserverKey, { page: 1 }],
      queryFn: ({ signal }) => env.client.list('/v1/migrations', { signal }),
    });
    // Keep the list on screen so invalidation refetches it.
    const { QueryObserver } = await import('@tanstack/query-core');
    const listObserver = new QueryObserver(env.queryClient, {
      queryKey: [...listObserverKey, { page: 1 }],
      queryFn: ({ signal }) => env.client.list('/v1/migrations', { signal }),
      staleTime: Infinity,
    });
    const stopList = listObserver.subscribe(() => {});
    const id = await createOperation(env);
    const calls: string[] = [];
    const options = (name: string): AsyncOperationOptions => ({
      id,
      invalidates: [listObserverKey],
      onSuccess: (_result, operation) => calls.push(`${name}:success:${operation.status}`),
      onError: () => calls.push(`${name}:error`),
      onSettled: (_result, error) => calls.push(`${name}:settled:${error === null}`),
    });
    env.watch(options('a'));
    env.watch(options('b'));
    env.watch(options('c'));
    await flush(3000);
    expect(calls.sort()).toEqual(
      ['a', 'b', 'c'].flatMap((n) => [`${n}:settled:true`, `${n}:success:completed`]).sort(),
    );
    expect(env.api.countRequests(lists)).toBe(1);
    await flush(30_000);
    expect(calls).toHaveLength(6);
    stopList();
  });

  it('calls onError with the error of a failed operation', async () => {
    const env = setup({ scenario: { operations: { outcome: 'failed', pollsToComplete: 1 } } });
    const onError = vi.fn();
    const onSettled = vi.fn();
    const w = env.watch({ onError, onSettled });
    w.observer.start({ name: 'f' });
    await flush(1000);
    expect(w.snap.status).toBe('failed');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind: 'operation' });
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it("reset() forgets everything; resume({ id }) attaches to another operation", async () => {
    const env = setup();
    const id = await createOperation(env);
    const w = env.watch({ persistKey: 'p' });
    w.observer.resume({ id });
    expect(localStorage.getItem('sensei:operation:p')).toContain(id);
    await flush();
    expect(w.snap.status).toBe('polling');
    expect(w.snap.statusUrl).toBe(`${env.api.baseUrl}/v1/migrations/${id}`);
    w.observer.reset();
    expect(w.snap.status).toBe('idle');
    expect(w.snap.statusUrl).toBeUndefined();
    expect(localStorage.getItem('sensei:operation:p')).toBeNull();
    await flush(30_000);
    expect(env.api.countRequests(polls)).toBe(1);
  });

  describe('waiting and nextAttemptAt', () => {
    it("says 'rate-limit' with the gate's reopening while a poll waits at the gate", async () => {
      const env = setup({ scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 30 } } });
      const w = env.watch();
      w.observer.start({ name: 'rl' });
      await flush();
      expect(w.snap.waiting).toBeNull();
      await flush(1000);
      expect(w.snap.status).toBe('polling');
      expect(w.snap.waiting).toBe('rate-limit');
      expect(w.snap.nextAttemptAt).toBeGreaterThan(Date.now() + 25_000);
      expect(env.api.countRequests(polls)).toBe(0);
      await flush(30_000);
      expect(w.snap.waiting).toBeNull();
      expect(env.api.countRequests(polls)).toBe(1);
    });

    it("tells every watcher of the operation, whichever sent the poll held at the gate", async () => {
      // The POST that creates the operation spends the window: the gate stays closed for 20 s.
      const env = setup({ scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 20 } } });
      const id = await createOperation(env);
      const watchers = [env.watch({ id }), env.watch({ id }), env.watch({ id })];
      await flush();
      expect(watchers.map((w) => w.snap.waiting)).toEqual(['rate-limit', 'rate-limit', 'rate-limit']);
      const until = watchers[0]?.snap.nextAttemptAt;
      expect(until).toBeGreaterThan(Date.now() + 15_000);
      expect(watchers.map((w) => w.snap.nextAttemptAt)).toEqual([until, until, until]);
      expect(env.api.countRequests(polls)).toBe(0);
      // The reset header counts whole seconds.
      await flush(21_000);
      expect(watchers.map((w) => w.snap.waiting)).toEqual([null, null, null]);
      expect(env.api.countRequests(polls)).toBe(1);
    });

    it("says 'retry' with the scheduled time while a failed poll waits to be retried", async () => {
      const env = setup({ scenario: { flaky: { sequence: [503], retryAfterSeconds: 4, match: polls } } });
      const w = env.watch();
      w.observer.start({ name: 'rt' });
      await flush(1000);
      expect(w.snap.waiting).toBe('retry');
      expect(w.snap.nextAttemptAt).toBe(Date.now() + 4000);
      await flush(4000);
      expect(w.snap.waiting).toBeNull();
      expect(w.snap.operationStatus).toBe('running');
    });

    it("says 'offline' while the poll is paused offline", async () => {
      const env = setup();
      const id = await createOperation(env);
      onlineManager.setOnline(false);
      const w = env.watch({ id });
      await flush();
      expect(w.snap.status).toBe('polling');
      expect(w.snap.waiting).toBe('offline');
      expect(env.api.countRequests(polls)).toBe(0);
      onlineManager.setOnline(true);
      await flush();
      expect(w.snap.waiting).toBeNull();
      expect(env.api.countRequests(polls)).toBe(1);
    });
  });
});

describe('OperationObserver across tabs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    vi.useRealTimers();
  });

  it.each([{ locks: true }, { locks: false }])(
    'three tabs (locks: $locks) poll once per interval, and another tab takes over when the leader closes',
    async ({ locks }) => {
      const api = createMockSenseiApi({ scenario: { operations: { pollsToComplete: 1000 } } });
      const origin = createFakeOrigin({ locks });
      const seed = createSenseiClient({ baseUrl: api.baseUrl, apiKey: 'k', fetch: api.fetch, shareAcrossTabs: false });
      const id = (await seed.startOperation('/v1/migrations', { name: 'tabs' })).operation.id;
      api.clearRequests();
      const tabs = [0, 1, 2].map(() => {
        const tab = origin.openTab();
        // Each tab has its own client and cache, as separate pages do.
        const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: 'k', fetch: api.fetch, shareAcrossTabs: false });
        const queryClient = new QueryClient();
        queryClient.mount();
        const observer = new OperationObserver(client, queryClient, createRetryPolicy(), { startPath: '/v1/migrations', id, shareAcrossTabs: true }, tab.env);
        const stop = observer.subscribe(() => {});
        cleanups.push(() => {
          stop();
          queryClient.unmount();
        });
        return { tab, observer, stop };
      });
      await flush(10);
      const first = api.countRequests(polls);
      await flush(10_000);
      // The mock answers Retry-After: 1, so one poll a second across all three tabs.
      expect(api.countRequests(polls) - first).toBe(10);
      expect(tabs.map((t) => t.observer.getSnapshot().operationStatus)).toEqual(['running', 'running', 'running']);
      expect(tabs.map((t) => t.observer.getSnapshot().status)).toEqual(['polling', 'polling', 'polling']);
      // The leader (the first tab) closes.
      tabs[0]?.tab.close();
      tabs[0]?.stop();
      await flush(HEARTBEAT_MS * 3);
      const afterHandover = api.countRequests(polls);
      await flush(10_000);
      expect(api.countRequests(polls) - afterHandover).toBe(10);
    },
  );
});

// @vitest-environment jsdom
// (As OperationObserver.test.ts: TanStack polls on an interval only with browser globals present.)
import { focusManager, QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { type AsyncOperationOptions, OperationObserver } from '../../src/core/OperationObserver.js';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import type { StandardSchemaV1 } from '../../src/core/standardSchema.js';
import { createMockSenseiApi, type MockSenseiApiOptions } from '../../src/testing/index.js';

const flush = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const polls = { method: 'GET', pathPrefix: '/v1/migrations/' } as const;
const posts = { method: 'POST', path: '/v1/migrations' } as const;
const cleanups: (() => void)[] = [];

function setup(pollsToComplete = 2, scenario: MockSenseiApiOptions['scenario'] = {}) {
  const api = createMockSenseiApi({ scenario: { operations: { pollsToComplete }, ...scenario } });
  const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: 'sk_test_pins', shareAcrossTabs: false, fetch: api.fetch });
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  queryClient.mount();
  cleanups.push(() => queryClient.unmount());
  function watch<T = unknown>(options: AsyncOperationOptions<T> = { startPath: '/v1/migrations' }) {
    const observer = new OperationObserver<T>(client, queryClient, createRetryPolicy(), options);
    const heard = { count: 0 };
    const stop = observer.subscribe(() => (heard.count += 1));
    cleanups.push(stop);
    return { observer, heard, stop, get snap() { return observer.getSnapshot(); } };
  }
  function observe<T = unknown>(options: AsyncOperationOptions<T>) {
    return new OperationObserver<T>(client, queryClient, createRetryPolicy(), options);
  }
  return { api, client, queryClient, watch, observe };
}

async function createOperation(env: ReturnType<typeof setup>): Promise<string> {
  const id = (await env.client.startOperation('/v1/migrations', { name: 'x' })).operation.id;
  env.api.clearRequests();
  return id;
}

describe('OperationObserver (pinned behaviour)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  describe('resultSchema', () => {
    it('succeeds with the value the schema returns, not the raw result', async () => {
      const env = setup();
      const onSuccess = vi.fn();
      const schema: StandardSchemaV1<unknown, string> = {
        '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value: `checked:${JSON.stringify(value)}` }) },
      };
      const w = env.watch({ startPath: '/v1/migrations', resultSchema: schema, onSuccess });
      w.observer.start({ name: 'r' });
      await flush(10_000);
      expect(w.snap.status).toBe('succeeded');
      expect(w.snap.result).toMatch(/^checked:\{"records_migrated":/);
      expect(onSuccess).toHaveBeenCalledTimes(1);
      expect(onSuccess.mock.calls[0]?.[0]).toBe(w.snap.result);
    });

    it('ignores a validation that settles after the watcher was reset', async () => {
      const env = setup();
      let settle: ((value: { value: string }) => void) | undefined;
      const schema: StandardSchemaV1<unknown, string> = {
        '~standard': { version: 1, vendor: 'test', validate: () => new Promise((resolve) => (settle = resolve)) },
      };
      const onSettled = vi.fn();
      const w = env.watch({ startPath: '/v1/migrations', resultSchema: schema, onSettled });
      w.observer.start({ name: 'r' });
      await flush(10_000);
      expect(settle).toBeDefined();
      expect(w.snap.status).toBe('polling');
      w.observer.reset();
      settle?.({ value: 'late' });
      await flush();
      expect(w.snap.status).toBe('idle');
      expect(w.snap.result).toBeUndefined();
      expect(onSettled).not.toHaveBeenCalled();
    });
  });

  describe('attaching', () => {
    it('fails with a typed error, sending nothing, when the status URL is on another origin', async () => {
      const env = setup();
      const onError = vi.fn();
      const w = env.watch({ statusUrl: 'https://evil.example/v1/migrations/mig_1', onError });
      await flush(5000);
      expect(w.snap.status).toBe('failed');
      expect(w.snap.error).not.toBeNull();
      expect(w.snap.error?.kind).toBeTruthy();
      expect(onError).toHaveBeenCalledWith(w.snap.error, undefined);
      expect(env.api.countRequests(polls)).toBe(0);
    });

    it('without startPath or statusPath, resolves an id against the API root', () => {
      const env = setup();
      const w = env.watch({ id: 'mig 1' });
      expect(w.snap.statusUrl).toBe(`${env.api.baseUrl}/mig%201`);
    });
  });

  describe('setOptions', () => {
    it('attaches to a new id and polls it; dropping the id returns to idle', async () => {
      const env = setup();
      const id = await createOperation(env);
      const w = env.watch();
      expect(w.snap.status).toBe('idle');
      w.observer.setOptions({ startPath: '/v1/migrations', id });
      expect(w.snap.status).toBe('polling');
      expect(w.snap.statusUrl).toMatch(new RegExp(`/v1/migrations/${id}$`));
      expect(w.snap.startedAt).toBe(Date.now());
      await flush();
      expect(env.api.countRequests(polls)).toBe(1);
      w.observer.setOptions({ startPath: '/v1/migrations' });
      expect(w.snap.status).toBe('idle');
      expect(w.snap.statusUrl).toBeUndefined();
      expect(w.snap.operation).toBeUndefined();
      await flush(30_000);
      expect(env.api.countRequests(polls)).toBe(1);
    });
  });

  describe('start without startPath', () => {
    it('rejects with an invalid-request error, fails, and sends nothing', async () => {
      const env = setup();
      const onError = vi.fn();
      const w = env.watch({ onError });
      const rejected = w.observer.startAsync({ name: 'a' });
      await expect(rejected).rejects.toMatchObject({ kind: 'invalid-request', message: 'Pass `startPath` to start an operation.' });
      expect(w.snap.status).toBe('failed');
      expect(w.snap.error).toMatchObject({ kind: 'invalid-request' });
      expect(onError).toHaveBeenCalledTimes(1);
      expect(env.api.countRequests()).toBe(0);
    });
  });

  describe('destroy', () => {
    it('stops polling and notifies no listener afterwards', async () => {
      const env = setup();
      const id = await createOperation(env);
      const w = env.watch({ startPath: '/v1/migrations', id });
      await flush();
      expect(env.api.countRequests(polls)).toBe(1);
      w.observer.destroy();
      const heard = w.heard.count;
      w.observer.reset();
      await flush(30_000);
      expect(w.heard.count).toBe(heard);
      expect(env.api.countRequests(polls)).toBe(1);
    });
  });
  describe('invalidates', () => {
    it('invalidates each listed key once the operation succeeds, without cancelling a refetch in flight', async () => {
      const env = setup();
      const invalidate = vi.spyOn(env.queryClient, 'invalidateQueries');
      const w = env.watch({ startPath: '/v1/migrations', invalidates: [['a'], ['b', 1]] });
      w.observer.start({ name: 'i' });
      await flush();
      expect(invalidate).not.toHaveBeenCalled();
      await flush(10_000);
      expect(w.snap.status).toBe('succeeded');
      expect(invalidate.mock.calls).toEqual([
        [{ queryKey: ['a'] }, { cancelRefetch: false }],
        [{ queryKey: ['b', 1] }, { cancelRefetch: false }],
      ]);
    });

    it('asks a function for the keys with the result and the operation', async () => {
      const env = setup();
      const invalidate = vi.spyOn(env.queryClient, 'invalidateQueries');
      const invalidates = vi.fn(() => [['from-result']]);
      const w = env.watch({ startPath: '/v1/migrations', invalidates });
      w.observer.start({ name: 'i' });
      await flush(10_000);
      expect(invalidates).toHaveBeenCalledWith(w.snap.result, w.snap.operation);
      expect(w.snap.result).toEqual({ records_migrated: expect.any(Number) });
      expect(invalidate).toHaveBeenCalledWith({ queryKey: ['from-result'] }, { cancelRefetch: false });
    });

    it('invalidates nothing when the operation fails', async () => {
      const env = setup();
      const invalidate = vi.spyOn(env.queryClient, 'invalidateQueries');
      const w = env.watch({ startPath: '/v1/migrations', statusUrl: '/v1/migrations/mig_gone', invalidates: [['a']] });
      await flush();
      expect(w.snap.status).toBe('failed');
      expect(invalidate).not.toHaveBeenCalled();
    });
  });

  describe('snapshot while polling and after cancel', () => {
    it('reports the server progress and isPolling while polling, and keeps the last progress after cancel', async () => {
      const env = setup(4);
      const w = env.watch();
      w.observer.start({ name: 'p' });
      await flush();
      expect(w.snap.isPolling).toBe(true);
      await flush(1000);
      const sent = w.snap.operation?.progress;
      const percent = typeof sent === 'object' ? sent?.percent : sent;
      expect(percent).toBeGreaterThan(0);
      expect(percent).toBeLessThan(100);
      expect(w.snap.progress).toBe(percent);
      expect(w.snap.result).toBeUndefined();
      w.observer.cancel();
      expect(w.snap.status).toBe('cancelled');
      expect(w.snap.isPolling).toBe(false);
      expect(w.snap.progress).toBe(percent);
    });

    it('cancel after success changes nothing', async () => {
      const env = setup();
      const w = env.watch();
      w.observer.start({ name: 'c' });
      await flush(10_000);
      const done = w.snap;
      expect(done.status).toBe('succeeded');
      w.observer.cancel();
      expect(w.snap).toBe(done);
    });

    it('resume with nothing attached does nothing', () => {
      const env = setup();
      const w = env.watch();
      const idle = w.snap;
      w.observer.resume();
      expect(w.snap).toBe(idle);
      expect(w.snap.status).toBe('idle');
    });
  });

  describe('last unsubscribe', () => {
    it('while starting returns to idle', async () => {
      const env = setup();
      const w = env.watch();
      w.observer.start({ name: 's' });
      expect(w.snap.status).toBe('starting');
      w.stop();
      expect(w.snap.status).toBe('idle');
      await flush(10_000);
      expect(w.snap.status).toBe('idle');
    });

    it('while polling keeps the status and operation', async () => {
      const env = setup(4);
      const w = env.watch();
      w.observer.start({ name: 's' });
      await flush();
      w.stop();
      expect(w.snap.status).toBe('polling');
      expect(w.snap.operation).toBeDefined();
    });
  });

  describe('persistKey', () => {
    const name = 'sensei:operation:p';

    it('is not written when attaching by id through options (the caller already knows it)', async () => {
      const env = setup(4);
      const id = await createOperation(env);
      env.watch({ startPath: '/v1/migrations', id, persistKey: 'p' });
      await flush();
      expect(localStorage.getItem(name)).toBeNull();
    });

    it('is kept on cancel, so a reload polls again', async () => {
      const env = setup(4);
      const w = env.watch({ startPath: '/v1/migrations', persistKey: 'p' });
      w.observer.start({ name: 'k' });
      await flush();
      expect(localStorage.getItem(name)).not.toBeNull();
      w.observer.cancel();
      expect(JSON.parse(localStorage.getItem(name) ?? 'null')).toMatchObject({ statusUrl: w.snap.operation?.status_url });
    });

    it('is forgotten when the operation succeeds', async () => {
      const env = setup();
      const w = env.watch({ startPath: '/v1/migrations', persistKey: 'p' });
      w.observer.start({ name: 'k' });
      await flush(10_000);
      expect(w.snap.status).toBe('succeeded');
      expect(localStorage.getItem(name)).toBeNull();
    });

    it('an entry without startedAt resumes with startedAt = now', async () => {
      const env = setup(4);
      const id = await createOperation(env);
      localStorage.setItem(name, JSON.stringify({ statusUrl: `/v1/migrations/${id}` }));
      const w = env.watch({ startPath: '/v1/migrations', persistKey: 'p' });
      expect(w.snap.status).toBe('polling');
      expect(w.snap.startedAt).toBe(Date.now());
    });

    it('an entry with startedAt resumes from it', async () => {
      const env = setup(4);
      const id = await createOperation(env);
      localStorage.setItem(name, JSON.stringify({ statusUrl: `/v1/migrations/${id}`, startedAt: 1234 }));
      const w = env.watch({ startPath: '/v1/migrations', persistKey: 'p' });
      expect(w.snap.startedAt).toBe(1234);
    });

    it('ignores an entry without a string statusUrl, or unreadable JSON', async () => {
      const env = setup(4);
      localStorage.setItem(name, JSON.stringify({ statusUrl: 42, startedAt: 1 }));
      expect(env.watch({ startPath: '/v1/migrations', persistKey: 'p' }).snap.status).toBe('idle');
      localStorage.setItem(name, '{not json');
      expect(env.watch({ startPath: '/v1/migrations', persistKey: 'p' }).snap.status).toBe('idle');
      localStorage.setItem(name, 'null');
      expect(env.watch({ startPath: '/v1/migrations', persistKey: 'p' }).snap.status).toBe('idle');
      await flush(5000);
      expect(env.api.countRequests(polls)).toBe(0);
    });

    it('without a persistKey, nothing is read', () => {
      const env = setup(4);
      localStorage.setItem('sensei:operation:undefined', JSON.stringify({ statusUrl: '/v1/migrations/mig_x', startedAt: 1 }));
      localStorage.setItem('sensei:operation:', JSON.stringify({ statusUrl: '/v1/migrations/mig_x', startedAt: 1 }));
      expect(env.watch().snap.status).toBe('idle');
    });
  });
  describe('setOptions while polling', () => {
    it('the same id again neither restarts the operation nor resets startedAt', async () => {
      const env = setup(20);
      const id = await createOperation(env);
      const w = env.watch({ startPath: '/v1/migrations', id });
      const startedAt = w.snap.startedAt;
      await flush(1500);
      w.observer.setOptions({ startPath: '/v1/migrations', id });
      expect(w.snap.status).toBe('polling');
      expect(w.snap.startedAt).toBe(startedAt);
      expect(w.snap.operation).toBeDefined();
    });

    it('a maxDuration set later times the operation out, counted from the start', async () => {
      const env = setup(100);
      const id = await createOperation(env);
      const w = env.watch({ startPath: '/v1/migrations', id });
      await flush(1000);
      w.observer.setOptions({ startPath: '/v1/migrations', id, maxDuration: 3000 });
      await flush(1900);
      expect(w.snap.status).toBe('polling');
      await flush(200);
      expect(w.snap.status).toBe('timed-out');
    });

    it('enabled: false holds polling: status idle, no more requests', async () => {
      const env = setup(100);
      const id = await createOperation(env);
      const w = env.watch({ startPath: '/v1/migrations', id });
      await flush(1000);
      w.observer.setOptions({ startPath: '/v1/migrations', id, enabled: false });
      expect(w.snap.status).toBe('idle');
      expect(w.snap.isPolling).toBe(false);
      const sent = env.api.countRequests(polls);
      await flush(30_000);
      expect(env.api.countRequests(polls)).toBe(sent);
    });
  });

  describe('resume', () => {
    it('after cancel polls again at once', async () => {
      const env = setup(100);
      const w = env.watch();
      w.observer.start({ name: 'r' });
      await flush(1000);
      w.observer.cancel();
      const sent = env.api.countRequests(polls);
      w.observer.resume();
      expect(w.snap.status).toBe('polling');
      await flush();
      expect(env.api.countRequests(polls)).toBe(sent + 1);
    });

    it('while polling does nothing', async () => {
      const env = setup(100);
      const w = env.watch();
      w.observer.start({ name: 'r' });
      await flush();
      const polling = w.snap;
      const sent = env.api.countRequests(polls);
      w.observer.resume();
      await flush();
      expect(w.snap).toBe(polling);
      expect(env.api.countRequests(polls)).toBe(sent);
    });

    it('with an id attaches to that operation under startPath and remembers it', async () => {
      const env = setup(100);
      const id = await createOperation(env);
      const w = env.watch({ startPath: '/v1/migrations', persistKey: 'q' });
      w.observer.resume({ id });
      expect(w.snap.status).toBe('polling');
      expect(w.snap.statusUrl).toBe(`${env.api.baseUrl}/v1/migrations/${id}`);
      expect(JSON.parse(localStorage.getItem('sensei:operation:q') ?? 'null')).toMatchObject({ statusUrl: `/v1/migrations/${id}` });
    });
  });

  it('marks its start as a Sensei mutation (what the retry toasts look for)', () => {
    const env = setup();
    const w = env.watch();
    w.observer.start({ name: 'm' });
    expect(env.queryClient.getMutationCache().getAll().map((m) => m.options.meta)).toEqual([{ sensei: true }]);
  });
  describe('waiting while starting', () => {
    it("says 'retry' with the scheduled time while a failed start waits to be retried", async () => {
      const env = setup(100, { flaky: { sequence: [503], retryAfterSeconds: 2, match: posts } });
      const w = env.watch();
      w.observer.start({ name: 'rs' }, { idempotencyKey: 'k-1' });
      // The first attempt is in flight: nothing to wait for yet.
      expect(w.snap.waiting).toBeNull();
      await flush();
      expect(w.snap.status).toBe('starting');
      expect(w.snap.waiting).toBe('retry');
      expect(w.snap.nextAttemptAt).toBe(Date.now() + 2000);
      await flush(2000);
      expect(w.snap.status).toBe('polling');
      expect(w.snap.waiting).toBeNull();
      expect(w.snap.nextAttemptAt).toBeUndefined();
    });

    it("says 'rate-limit' while the start waits at the gate, and nothing once cancelled", async () => {
      const env = setup(100, { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 20 } });
      await createOperation(env);
      const w = env.watch();
      w.observer.start({ name: 'rl' });
      await flush();
      expect(w.snap.status).toBe('starting');
      expect(w.snap.waiting).toBe('rate-limit');
      expect(w.snap.nextAttemptAt).toBeGreaterThan(Date.now() + 15_000);
      expect(env.api.countRequests(posts)).toBe(0);
      w.observer.cancel();
      expect(w.snap.status).toBe('cancelled');
      expect(w.snap.waiting).toBeNull();
      expect(w.snap.nextAttemptAt).toBeUndefined();
      await flush(30_000);
      expect(env.api.countRequests(posts)).toBe(0);
    });
  });
  describe('callbacks and schema errors', () => {
    it('calls onSettled on success even without onSuccess', async () => {
      const env = setup();
      const onSettled = vi.fn();
      const w = env.watch({ startPath: '/v1/migrations', onSettled });
      w.observer.start({ name: 's' });
      await flush(10_000);
      expect(w.snap.status).toBe('succeeded');
      expect(onSettled).toHaveBeenCalledTimes(1);
      expect(onSettled).toHaveBeenCalledWith(w.snap.result, null, w.snap.operation);
    });

    it('a result the schema refuses fails with the GET and the status URL it came from', async () => {
      const env = setup();
      const refuse: StandardSchemaV1<unknown, never> = {
        '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: [{ message: 'no' }] }) },
      };
      const w = env.watch({ startPath: '/v1/migrations', resultSchema: refuse });
      w.observer.start({ name: 'v' });
      await flush(10_000);
      expect(w.snap.status).toBe('failed');
      expect(w.snap.error).toMatchObject({ kind: 'invalid-response', method: 'GET', url: w.snap.statusUrl });
    });

    it('ignores a refusal that settles after the watcher was reset', async () => {
      const env = setup();
      let refuse: ((value: { issues: { message: string }[] }) => void) | undefined;
      const schema: StandardSchemaV1<unknown, string> = {
        '~standard': { version: 1, vendor: 'test', validate: () => new Promise((resolve) => (refuse = resolve)) },
      };
      const onError = vi.fn();
      const w = env.watch({ startPath: '/v1/migrations', resultSchema: schema, onError });
      w.observer.start({ name: 'r' });
      await flush(10_000);
      expect(refuse).toBeDefined();
      w.observer.reset();
      refuse?.({ issues: [{ message: 'late' }] });
      await flush();
      expect(w.snap.status).toBe('idle');
      expect(w.snap.error).toBeNull();
      expect(onError).not.toHaveBeenCalled();
    });
  });

  describe('poll timing', () => {
    it('without Retry-After, polls less often as the operation runs on', async () => {
      const env = setup(1000, { operations: { pollsToComplete: 1000, retryAfterSeconds: null } });
      const w = env.watch();
      w.observer.start({ name: 't' });
      await flush();
      const times: number[] = [];
      for (let i = 0; i < 20_000; i += 250) {
        const before = env.api.countRequests(polls);
        await flush(250);
        if (env.api.countRequests(polls) > before) times.push(Date.now());
      }
      const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
      expect(gaps.length).toBeGreaterThanOrEqual(2);
      gaps.slice(1).forEach((gap, i) => expect(gap).toBeGreaterThan(gaps[i] ?? 0));
    });

    it('pauses while the tab is hidden and polls at once when shown again', async () => {
      const env = setup(1000);
      const w = env.watch();
      w.observer.start({ name: 'h' });
      await flush(1000);
      focusManager.setFocused(false);
      const sent = env.api.countRequests(polls);
      await flush(30_000);
      expect(env.api.countRequests(polls)).toBe(sent);
      focusManager.setFocused(true);
      await flush();
      expect(env.api.countRequests(polls)).toBe(sent + 1);
    });
  });
  describe('subscribers', () => {
    it('sends nothing before the first subscriber, though the status is known', async () => {
      const env = setup(100);
      const id = await createOperation(env);
      const observer = env.observe({ startPath: '/v1/migrations', id });
      expect(observer.getSnapshot().status).toBe('polling');
      await flush(10_000);
      expect(env.api.countRequests(polls)).toBe(0);
      const stop = observer.subscribe(() => undefined);
      await flush();
      expect(env.api.countRequests(polls)).toBe(1);
      stop();
    });

    it('keeps polling while any subscriber is left, even if one unsubscribes twice', async () => {
      const env = setup(100);
      const id = await createOperation(env);
      const observer = env.observe({ startPath: '/v1/migrations', id });
      const first = observer.subscribe(() => undefined);
      const second = observer.subscribe(() => undefined);
      await flush(1000);
      first();
      first();
      const sent = env.api.countRequests(polls);
      await flush(5000);
      expect(env.api.countRequests(polls)).toBeGreaterThan(sent);
      second();
      const stopped = env.api.countRequests(polls);
      await flush(10_000);
      expect(env.api.countRequests(polls)).toBe(stopped);
    });

    it('resume with a statusUrl attaches to exactly that URL', async () => {
      const env = setup(100);
      const id = await createOperation(env);
      const w = env.watch({ startPath: '/v1/other' });
      w.observer.resume({ statusUrl: `/v1/migrations/${id}` });
      expect(w.snap.statusUrl).toBe(`${env.api.baseUrl}/v1/migrations/${id}`);
      await flush();
      expect(w.snap.operation?.id).toBe(id);
    });
  });
  it('a 202 without status_url is polled at startPath/id', async () => {
    const env = setup(100);
    // The same mock, but its 202 bodies leave `status_url` out (it is optional in the contract).
    const client = createSenseiClient({
      baseUrl: env.api.baseUrl,
      apiKey: 'sk_test_pins',
      shareAcrossTabs: false,
      fetch: async (input, init) => {
        const response = await env.api.fetch(input, init);
        if (init?.method !== 'POST') return response;
        const { status_url: _dropped, ...body } = (await response.json()) as Record<string, unknown>;
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      },
    });
    const observer = new OperationObserver(client, env.queryClient, createRetryPolicy(), { startPath: '/v1/migrations' });
    cleanups.push(observer.subscribe(() => undefined));
    const started = await observer.startAsync({ name: 'n' });
    expect(started.status_url).toBeUndefined();
    expect(observer.getSnapshot().statusUrl).toBe(`${env.api.baseUrl}/v1/migrations/${started.id}`);
    await flush(1000);
    expect(env.api.countRequests({ method: 'GET', path: `/v1/migrations/${started.id}` })).toBe(1);
  });
});

// @vitest-environment jsdom
// (As OperationObserver.test.ts: TanStack polls on an interval only with browser globals present.)
import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { type AsyncOperationOptions, OperationObserver } from '../../src/core/OperationObserver.js';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import type { StandardSchemaV1 } from '../../src/core/standardSchema.js';
import { createMockSenseiApi } from '../../src/testing/index.js';

const flush = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const polls = { method: 'GET', pathPrefix: '/v1/migrations/' } as const;
const cleanups: (() => void)[] = [];

function setup() {
  const api = createMockSenseiApi({ scenario: { operations: { pollsToComplete: 2 } } });
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
  return { api, client, watch };
}

async function createOperation(env: ReturnType<typeof setup>): Promise<string> {
  const id = (await env.client.startOperation('/v1/migrations', { name: 'x' })).operation.id;
  env.api.clearRequests();
  return id;
}

describe('OperationObserver (pinned behaviour)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
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
});

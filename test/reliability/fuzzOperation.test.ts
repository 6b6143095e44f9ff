import { QueryClient } from '@tanstack/query-core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { type AsyncOperationSnapshot, OperationObserver } from '../../src/core/OperationObserver.js';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import { isSenseiError } from '../../src/core/SenseiError.js';
import { createMockSenseiApi } from '../../src/testing/index.js';
import { FUZZ_API_KEY } from './arbitraries.js';
import { createChaosFetch, seededRandom } from './chaosFetch.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './reliabilityConfig.js';

type Action =
  | { kind: 'start'; idempotent: boolean }
  | { kind: 'cancel' | 'reset' | 'resume' | 'toggle-enabled' | 'remount' }
  | { kind: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), idempotent: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('cancel' as const, 'reset' as const, 'resume' as const, 'toggle-enabled' as const, 'remount' as const) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 8_000 }) }),
);

const STATUSES = new Set(['idle', 'starting', 'polling', 'succeeded', 'failed', 'timed-out', 'cancelled']);
const PERSIST = 'fuzz';
const stored = () => localStorage.getItem(`sensei:operation:${PERSIST}`);

/** What must hold of every snapshot, whatever happened before. */
function checkSnapshot(s: AsyncOperationSnapshot): void {
  expect(STATUSES.has(s.status)).toBe(true);
  expect(s.isPolling).toBe(s.status === 'polling');
  if (s.status === 'succeeded') {
    expect(s.error).toBeNull();
    expect(s.progress).toBe(100);
    expect(stored()).toBeNull();
  }
  if (s.status === 'failed') {
    expect(isSenseiError(s.error)).toBe(true);
    expect(stored()).toBeNull();
  }
  if (s.status !== 'failed') expect(s.error).toBeNull();
  if (s.status === 'starting') {
    expect(s.operation).toBeUndefined();
    expect(s.statusUrl).toBeUndefined();
  }
  if (s.status === 'polling') expect(s.statusUrl).toMatch(/^https:\/\/api\.sensei\.test\/v1\/migrations\/mig_/);
  if (s.status !== 'starting' && s.status !== 'polling') {
    expect(s.waiting).toBeNull();
  }
  if (s.progress !== undefined) expect(s.progress).toBeGreaterThanOrEqual(0);
}

/** One run: a fresh API, client and observer, the actions, then the checks at rest and after unmount. */
async function runScenario(seed: number, outcome: 'completed' | 'failed', pollsToComplete: number, maxDuration: number | undefined, actions: readonly Action[]) {

  // A failed run (while fast-check shrinks) leaves its timers behind: start clean.
  vi.clearAllTimers();
  localStorage.clear();
  await vi.advanceTimersByTimeAsync(0); // jsdom's storage event
  const api = createMockSenseiApi({ apiKey: FUZZ_API_KEY, scenario: { operations: { outcome, pollsToComplete } } });
  const chaos = createChaosFetch(api.fetch, seededRandom(seed), { rate: 0.3 });
  const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: FUZZ_API_KEY, fetch: chaos.fetch, timeoutMs: 5_000, shareAcrossTabs: false });
  const queryClient = new QueryClient();
  queryClient.mount();
  const baseline = vi.getTimerCount();
  let settles = 0;
  const onSettled = vi.fn();
  let enabled = true;
  const options = () => ({ startPath: '/v1/migrations', persistKey: PERSIST, maxDuration, enabled, onSettled });
  const observer = new OperationObserver(client, queryClient, createRetryPolicy({ random: seededRandom(seed ^ 0x5eed) }), options());
  let last = observer.getSnapshot().status;
  const listener = () => {
    const snapshot = observer.getSnapshot();
    checkSnapshot(snapshot);
    if (snapshot.status !== last && (snapshot.status === 'succeeded' || snapshot.status === 'failed')) settles += 1;
    last = snapshot.status;
  };
  let unsubscribe = observer.subscribe(listener);
  for (const step of actions) {
    switch (step.kind) {
      case 'start':
        observer.start({ name: 'fuzz' }, step.idempotent ? { idempotencyKey: `k-${seed}-${chaos.log.length}` } : undefined);
        break;
      case 'cancel':
        observer.cancel();
        break;
      case 'reset':
        observer.reset();
        break;
      case 'resume':
        observer.resume();
        break;
      case 'toggle-enabled':
        enabled = !enabled;
        observer.setOptions(options());
        break;
      case 'remount':
        unsubscribe();
        unsubscribe = observer.subscribe(listener);
        break;
      case 'wait':
        await vi.advanceTimersByTimeAsync(step.ms);
        break;
    }
    checkSnapshot(observer.getSnapshot());
  }
  await vi.advanceTimersByTimeAsync(1);
  const { status, statusUrl } = observer.getSnapshot();
  // `idle` with an operation is polling held by `enabled: false`: a retry in flight may still go out.
  if (status !== 'polling' && status !== 'starting' && !(status === 'idle' && statusUrl)) {
    // At rest: nothing goes out any more, however long we wait.
    const sent = chaos.log.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(chaos.log.length).toBe(sent);
  }
  expect(onSettled).toHaveBeenCalledTimes(settles);
  // Unmount: every request is aborted or answered, every timer gone, nothing sent later.
  unsubscribe();
  await vi.advanceTimersByTimeAsync(1);
  const sent = chaos.log.length;
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  expect(chaos.log.length).toBe(sent);
  queryClient.clear();
  queryClient.unmount();
  expect(vi.getTimerCount()).toBe(baseline);

}

describe('fuzz: the operation state machine under random actions and a faulty network', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it(
    'keeps a consistent snapshot, calls back once per settle, and sends nothing once it is not polling',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.constantFrom('completed' as const, 'failed' as const),
          fc.integer({ min: 1, max: 4 }),
          fc.constantFrom(undefined, 3_000, 20_000, Infinity, Number.NaN, -1, 2 ** 31 + 5),
          fc.array(action, { minLength: 2, maxLength: 12 }),
          runScenario,
        ),
        fuzzParams(FUZZ_RUNS.operationObserver),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('fuzz counterexamples, kept as plain cases', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resume() after the operation failed on the server settles again from the cache, sending nothing', async () => {
    await runScenario(1382074681, 'failed', 2, undefined, [
      { kind: 'start', idempotent: false },
      { kind: 'wait', ms: 0 },
      { kind: 'start', idempotent: false },
      { kind: 'wait', ms: 516 },
      { kind: 'wait', ms: 2204 },
      { kind: 'cancel' },
      { kind: 'resume' },
    ]);
  });

  it('resume() after the operation failed, then cancel and reset: no poll left running', async () => {
    await runScenario(579147444, 'failed', 1, undefined, [
      { kind: 'start', idempotent: false },
      { kind: 'wait', ms: 3152 },
      { kind: 'wait', ms: 3734 },
      { kind: 'resume' },
      { kind: 'cancel' },
      { kind: 'wait', ms: 0 },
    ]);
  });
});

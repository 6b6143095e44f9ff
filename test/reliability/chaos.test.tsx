import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiProvider, type SenseiProviderProps } from '../../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { createMockSenseiApi, type MockScenario, type MockSenseiApi } from '../../src/testing/index.js';
import { FUZZ_API_KEY } from './arbitraries.js';
import { createChaosFetch, seededRandom, type Fault } from './chaosFetch.js';
import { CHAOS_SEEDS } from './reliabilityConfig.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const seeds = Array.from({ length: CHAOS_SEEDS }, (_, i) => 1000 + i * 7919);

/** Faults injected over the whole file, for the README's figures. */
const injected: Record<Fault, number> = { '500': 0, '502': 0, '503': 0, '504': 0, drop: 0, timeout: 0, '429': 0 };
let requestsSeen = 0;

function chaosHarness(seed: number, options: { scenario?: MockScenario; retries?: number; rate?: number } = {}) {
  const api = createMockSenseiApi({ apiKey: FUZZ_API_KEY, scenario: options.scenario });
  // The retry jitter is seeded too, so a seed replays the same run.
  const provider: Omit<SenseiProviderProps, 'client' | 'children'> = {
    retry: { retries: options.retries ?? 3, random: seededRandom(seed ^ 0x5eed) },
  };
  const chaos = createChaosFetch(api.fetch, seededRandom(seed), { rate: options.rate });
  const client = createSenseiClient({
    baseUrl: api.baseUrl,
    apiKey: FUZZ_API_KEY,
    fetch: chaos.fetch,
    timeoutMs: 5_000,
    shareAcrossTabs: false,
  });
  const queryClient = new QueryClient();
  function wrapper({ children }: { children?: ReactNode }) {
    return (
      <SenseiProvider client={client} queryClient={queryClient} {...provider}>
        {children}
      </SenseiProvider>
    );
  }
  const tally = () => {
    for (const [fault, count] of Object.entries(chaos.counts)) injected[fault as Fault] += count;
    requestsSeen += chaos.log.length;
  };
  return { api, chaos, client, queryClient, wrapper, tally };
}

/** The server's own view of a migration, read without moving it along (list reads do not poll). */
async function serverMigration(api: MockSenseiApi, id: string) {
  const n = Number(id.replace('mig_', ''));
  const page = Math.ceil(n / 100);
  const response = await api.handle(
    new Request(`${api.baseUrl}/v1/migrations?page=${page}&per_page=100`, { headers: { Authorization: `Bearer ${FUZZ_API_KEY}` } }),
  );
  const body = (await response.json()) as { data: { id: string; status: string }[] };
  return body.data.find((m) => m.id === id);
}

/** Advances fake time in steps until `done()` or `maxMs` of fake time passed. */
async function until(done: () => boolean, maxMs: number, onStep?: () => void): Promise<void> {
  for (let elapsed = 0; elapsed < maxMs && !done(); elapsed += 500) {
    onStep?.();
    await flush(500);
  }
}

describe('chaos: 30 % of responses fail (5xx, drops, timeouts, 429) with random latency', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(seeds)('seed %i: a paginated list still ends up showing each page asked for, with its items', async (seed) => {
    const h = chaosHarness(seed);
    const { result } = renderHook(() => usePaginatedList<{ id: string }>({ path: '/v1/migrations', perPage: 20 }), {
      wrapper: h.wrapper,
    });
    let userRetries = 0;
    // As a user would: press Retry on the error panel whenever one shows.
    const retryOnError = () => {
      if (result.current.isError && !result.current.isFetching) {
        userRetries += 1;
        act(() => {
          void result.current.refetch();
        });
      }
    };
    const settled = (page: number) => () =>
      result.current.isSuccess && !result.current.isFetching && result.current.pagination?.page === page;
    await until(settled(1), 15 * 60_000, retryOnError);
    for (const page of [4, 2, 8, 3]) {
      act(() => result.current.setPage(page));
      await until(settled(page), 15 * 60_000, retryOnError);
      expect(result.current.page).toBe(page);
      expect(result.current.pagination).toMatchObject({ page, per_page: 20, total: 150, total_pages: 8 });
      const first = (page - 1) * 20 + 1;
      const count = Math.min(20, 150 - first + 1);
      expect(result.current.items.map((item) => item.id)).toEqual(
        Array.from({ length: count }, (_, i) => `mig_${String(first + i).padStart(6, '0')}`),
      );
      expect(result.current.isPlaceholderData).toBe(false);
    }
    // With 3 automatic retries a query fails for good about once in 120: then the user retried.
    expect(userRetries).toBeLessThanOrEqual(2);
    h.tally();
  });

  it.each(seeds)(
    'seed %i: an operation started once (with an idempotency key) ends in its true terminal state, created once',
    async (seed) => {
      const outcome = seed % 3 === 0 ? 'failed' : 'completed';
      const h = chaosHarness(seed, { scenario: { operations: { outcome, pollsToComplete: 6 } }, retries: 10 });
      const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
      act(() => result.current.start({ name: `chaos ${seed}` }, { idempotencyKey: `key-${seed}` }));
      await until(() => result.current.status === 'succeeded' || result.current.status === 'failed', 30 * 60_000);

      // One migration was created, however many times the POST was sent.
      expect(h.api.itemCount).toBe(151);
      expect(result.current.operation?.id).toBe('mig_000151');
      const server = await serverMigration(h.api, 'mig_000151');
      expect(server?.status).toBe(outcome);
      if (outcome === 'completed') {
        expect(result.current.status).toBe('succeeded');
        expect(result.current.error).toBeNull();
      } else {
        expect(result.current.status).toBe('failed');
        expect(result.current.error?.kind).toBe('operation');
      }
      const posts = h.chaos.log.filter((r) => r.method === 'POST');
      expect(posts.filter((r) => r.reachedServer).length).toBe(h.api.countRequests({ method: 'POST' }));
      // Polling stopped at the terminal status.
      const polls = h.api.countRequests({ method: 'GET' });
      await flush(10 * 60_000);
      expect(h.api.countRequests({ method: 'GET' })).toBe(polls);
      h.tally();
    },
  );

  it.each(seeds)('seed %i: without an idempotency key each start sends exactly one POST, whatever happens to it', async (seed) => {
    const h = chaosHarness(seed, { scenario: { operations: { pollsToComplete: 3 } }, retries: 10 });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    const starts = 5;
    for (let i = 1; i <= starts; i += 1) {
      act(() => result.current.reset());
      await flush();
      expect(result.current.status).toBe('idle');
      act(() => result.current.start({ name: `no key ${i}` }));
      await flush();
      await until(() => ['polling', 'succeeded', 'failed'].includes(result.current.status), 60_000);
      // The POST left the client once, and never again: not by a retry, not by a later start.
      expect(h.chaos.log.filter((r) => r.method === 'POST')).toHaveLength(i);
      if (result.current.status === 'failed') {
        // A lost answer: the typed error says the write may not be repeated automatically.
        expect(['http', 'network', 'timeout']).toContain(result.current.error?.kind);
        expect(result.current.error?.idempotent).toBe(false);
      } else {
        await until(() => result.current.status === 'succeeded', 30 * 60_000);
        expect(result.current.status).toBe('succeeded');
        expect((await serverMigration(h.api, result.current.operation!.id))?.status).toBe('completed');
      }
    }
    await flush(10 * 60_000);
    const reached = h.chaos.log.filter((r) => r.method === 'POST' && r.reachedServer).length;
    expect(h.chaos.log.filter((r) => r.method === 'POST')).toHaveLength(starts);
    expect(h.api.countRequests({ method: 'POST' })).toBe(reached);
    expect(h.api.itemCount).toBe(150 + reached);
    h.tally();
  });

  it.each(seeds)('seed %i: duplicate starts with one idempotency key create one operation, all answered with its id', async (seed) => {
    const h = chaosHarness(seed, { retries: 10 });
    const { result } = renderHook(
      () => ({ a: useAsyncOperation({ startPath: '/v1/migrations' }), b: useAsyncOperation({ startPath: '/v1/migrations' }) }),
      { wrapper: h.wrapper },
    );
    // A double click in two components, plus two direct calls, all with the same key.
    act(() => {
      result.current.a.start({ name: 'dup' }, { idempotencyKey: `dup-${seed}` });
      result.current.b.start({ name: 'dup' }, { idempotencyKey: `dup-${seed}` });
    });
    const direct = [1, 2].map(() =>
      (async () => {
        for (let attempt = 0; attempt < 20; attempt += 1) {
          try {
            return (await h.client.startOperation('/v1/migrations', { name: 'dup' }, { idempotencyKey: `dup-${seed}` })).operation.id;
          } catch {
            // chaos: send it again, as the key allows
          }
        }
        return undefined;
      })(),
    );
    await until(() => result.current.a.operation !== undefined && result.current.b.operation !== undefined, 10 * 60_000);
    const ids: (string | undefined)[] = [];
    void Promise.all(direct).then((values) => ids.push(...values));
    await until(() => ids.length === 2, 10 * 60_000);
    expect(h.api.itemCount).toBe(151);
    expect(new Set([result.current.a.operation?.id, result.current.b.operation?.id, ...ids])).toEqual(new Set(['mig_000151']));
    h.tally();
  });

  it('injected every kind of fault', () => {
    // Printed for the README's figures; each kind must really have been exercised.
    console.info(`chaos: ${requestsSeen} requests, faults injected: ${JSON.stringify(injected)}`);
    for (const count of Object.values(injected)) expect(count).toBeGreaterThan(0);
  });
});

describe('faults: a poll that fails past its retries', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the poll error (not an operation failure), and resume() follows the operation to its true end', async () => {
    const h = chaosHarness(1, { scenario: { operations: { pollsToComplete: 3 } }, rate: 0 });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'outage' }));
    await until(() => result.current.status === 'polling', 60_000);
    // A 5-minute outage of the status endpoint: more failures than the 3 retries absorb.
    h.api.setScenario({ error: { status: 503, match: { method: 'GET' }, retryAfterSeconds: 1 } });
    await until(() => result.current.status === 'failed', 10 * 60_000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.kind).toBe('http'); // the poll's error: the operation itself did not fail
    expect(result.current.error?.status).toBe(503);
    h.api.setScenario({ error: undefined });
    expect(['pending', 'running']).toContain((await serverMigration(h.api, result.current.operation!.id))?.status);

    act(() => result.current.resume());
    await until(() => result.current.status === 'succeeded', 10 * 60_000);
    expect(result.current.status).toBe('succeeded');
  });
});

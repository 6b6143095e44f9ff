import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OperationProgress } from '../../src/components/OperationProgress.js';
import { Paginator } from '../../src/components/Paginator.js';
import { RateLimitBanner } from '../../src/components/RateLimitBanner.js';
import { SenseiErrorPanel } from '../../src/components/SenseiErrorPanel.js';
import { createSenseiClient, type SenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { useRateLimit } from '../../src/react/useRateLimit.js';
import { createMockSenseiApi, type MockSenseiApi } from '../../src/testing/index.js';
import { FUZZ_API_KEY } from './arbitraries.js';
import { LEAK_CYCLES, FUZZ_TIMEOUT_MS } from './reliabilityConfig.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

interface Tracked {
  method: string;
  signal: AbortSignal | undefined;
  outcome: 'pending' | 'answered' | 'aborted' | 'failed';
}

/** The mock API's fetch, recording how each request ended: answered, or aborted as the mock saw it. */
function trackedFetch(api: MockSenseiApi) {
  const requests: Tracked[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const record: Tracked = { method: init?.method ?? 'GET', signal: init?.signal ?? undefined, outcome: 'pending' };
    requests.push(record);
    try {
      const response = await api.fetch(input, init);
      record.outcome = 'answered';
      return response;
    } catch (error) {
      // The mock rejects with the signal's own reason when it sees the abort mid-request.
      record.outcome = record.signal?.aborted && error === record.signal.reason ? 'aborted' : 'failed';
      throw error;
    }
  };
  return { fetch, requests, inFlight: () => requests.filter((r) => r.outcome === 'pending') };
}

function leakHarness(options: { latencyMs: number; pollsToComplete?: number }) {
  const api = createMockSenseiApi({
    apiKey: FUZZ_API_KEY,
    scenario: { slow: { latencyMs: options.latencyMs }, operations: { pollsToComplete: options.pollsToComplete ?? 1e9 } },
  });
  const tracked = trackedFetch(api);
  const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: FUZZ_API_KEY, fetch: tracked.fetch, shareAcrossTabs: false });
  // gcTime 0: an unmounted query is dropped at once, so its gc timer is part of what must settle.
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 0 }, mutations: { gcTime: 0 } } });
  return { api, tracked, client, queryClient };
}

function ListPage() {
  const list = usePaginatedList<{ id: string }>({ path: '/v1/migrations', perPage: 10 });
  const remaining = useRateLimit((s) => s.remaining);
  return (
    <section data-remaining={remaining}>
      <RateLimitBanner />
      <SenseiErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      <ul>
        {list.items.map((item) => (
          <li key={item.id}>{item.id}</li>
        ))}
      </ul>
      <Paginator list={list} />
    </section>
  );
}

function OperationPage({ id }: { id: string }) {
  const operation = useAsyncOperation({ startPath: '/v1/migrations', id });
  return (
    <>
      <RateLimitBanner />
      <OperationProgress operation={operation} />
    </>
  );
}

function expectNoLeftovers(h: ReturnType<typeof leakHarness>, baseline: number, cycle: number) {
  const timers = vi.getTimerCount();
  if (timers !== baseline || h.tracked.inFlight().length > 0 || h.client.rateLimit.listenerCount !== 0) {
    throw new Error(
      `cycle ${cycle}: ${timers - baseline} timer(s) left, ${h.tracked.inFlight().length} request(s) in flight, ` +
        `${h.client.rateLimit.listenerCount} rate-limit listener(s)`,
    );
  }
  expect(h.queryClient.isFetching()).toBe(0);
  expect(h.queryClient.getQueryCache().getAll()).toHaveLength(0);
}

describe(`leaks: ${LEAK_CYCLES} mount/unmount cycles per component, mid-request and mid-poll`, () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it(
    'a list page leaves no timer, no request in flight and no store listener behind',
    async () => {
      const h = leakHarness({ latencyMs: 300 });
      const baseline = vi.getTimerCount();
      let abortedMidRequest = 0;
      for (let cycle = 0; cycle < LEAK_CYCLES; cycle += 1) {
        const view = render(
          <SenseiProvider client={h.client} queryClient={h.queryClient}>
            <ListPage />
          </SenseiProvider>,
        );
        // Unmount at every point of the request's life: before it leaves, while the server thinks, after.
        await flush((cycle * 37) % 700);
        const inFlight = h.tracked.inFlight().length;
        view.unmount();
        await flush(1); // TanStack's gc timer (gcTime 0) and the aborts settle
        abortedMidRequest += inFlight;
        expectNoLeftovers(h, baseline, cycle);
      }
      const aborted = h.tracked.requests.filter((r) => r.outcome === 'aborted').length;
      expect(aborted).toBe(abortedMidRequest);
      expect(aborted).toBeGreaterThan(LEAK_CYCLES / 3); // most cycles really ended mid-request
      expect(h.tracked.requests.filter((r) => r.outcome === 'failed')).toHaveLength(0);
      console.info(`leaks/list: ${LEAK_CYCLES} cycles, ${h.tracked.requests.length} requests, ${aborted} aborted mid-request`);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'an operation page leaves no timer, no poll in flight and no store listener behind',
    async () => {
      const h = leakHarness({ latencyMs: 300 });
      const id = await (async () => {
        const start = h.client.startOperation('/v1/migrations', { name: 'leak' });
        await vi.advanceTimersByTimeAsync(300);
        return (await start).operation.id;
      })();
      const baseline = vi.getTimerCount();
      let abortedMidPoll = 0;
      for (let cycle = 0; cycle < LEAK_CYCLES; cycle += 1) {
        const view = render(
          <SenseiProvider client={h.client} queryClient={h.queryClient}>
            <OperationPage id={id} />
          </SenseiProvider>,
        );
        // Between polls (Retry-After 1 s) or while one is in flight, elapsed clock ticking.
        await flush((cycle * 53) % 2600);
        const inFlight = h.tracked.inFlight().length;
        view.unmount();
        await flush(1);
        abortedMidPoll += inFlight;
        expectNoLeftovers(h, baseline, cycle);
      }
      const aborted = h.tracked.requests.filter((r) => r.outcome === 'aborted').length;
      expect(aborted).toBe(abortedMidPoll);
      expect(aborted).toBeGreaterThan(LEAK_CYCLES / 5);
      // Nothing polls once every watcher is gone.
      const polls = h.tracked.requests.length;
      await flush(60_000);
      expect(h.tracked.requests).toHaveLength(polls);
      console.info(`leaks/operation: ${LEAK_CYCLES} cycles, ${polls} polls, ${aborted} aborted mid-poll`);
    },
    FUZZ_TIMEOUT_MS,
  );

  it('an operation unmounted while its start POST is in flight: the POST is aborted, nothing polls, no timer stays', async () => {
    const h = leakHarness({ latencyMs: 300 });
    const baseline = vi.getTimerCount();
    for (let cycle = 0; cycle < 20; cycle += 1) {
      function Starter() {
        const operation = useAsyncOperation({ startPath: '/v1/migrations' });
        return (
          <button type="button" onClick={() => operation.start({ name: `cycle ${cycle}` })}>
            start
          </button>
        );
      }
      const view = render(
        <SenseiProvider client={h.client} queryClient={h.queryClient}>
          <Starter />
        </SenseiProvider>,
      );
      act(() => view.getByRole('button').click());
      await flush(100);
      view.unmount();
      await flush(1000);
      expect(vi.getTimerCount()).toBe(baseline);
      expect(h.tracked.inFlight()).toHaveLength(0);
    }
    await flush(60_000);
    expect(h.api.countRequests({ method: 'POST' })).toBe(20);
    // Unmount aborts the POST (the server may still have acted on it: that is why the key exists).
    expect(h.tracked.requests.filter((r) => r.method === 'POST' && r.outcome === 'aborted')).toHaveLength(20);
    expect(h.api.countRequests({ method: 'GET' })).toBe(0);
  });
});

describe('leaks: clients sharing the rate limit across tabs', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('dispose() closes the BroadcastChannel and releases the store: nothing is sent or taken in afterwards', async () => {
    const open = new Set<BroadcastChannel>();
    const Real = globalThis.BroadcastChannel;
    class CountingChannel extends Real {
      constructor(name: string) {
        super(name);
        open.add(this);
      }
      override close() {
        open.delete(this);
        super.close();
      }
    }
    vi.stubGlobal('BroadcastChannel', CountingChannel);
    // A quota that the long mode's thousands of requests do not exhaust.
    const api = createMockSenseiApi({ apiKey: FUZZ_API_KEY, scenario: { rateLimit: { limit: 1_000_000, windowMs: 60_000 } } });
    const cycles = Math.max(50, LEAK_CYCLES / 10);
    const clients: SenseiClient[] = [];
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: FUZZ_API_KEY, fetch: api.fetch, shareAcrossTabs: true });
      const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 0 } } });
      const view = render(
        <SenseiProvider client={client} queryClient={queryClient}>
          <ListPage />
        </SenseiProvider>,
      );
      await client.get('/v1/migrations/mig_000001'); // the store hears a response (and would post it)
      view.unmount();
      queryClient.clear();
      expect(client.rateLimit.listenerCount).toBe(0);
      client.dispose();
      clients.push(client);
    }
    expect(open.size).toBe(0);

    // A tab that is still open hears nothing from the disposed clients, and they hear nothing from it.
    const probe = new Real(`sensei-rate-limit:${new URL(api.baseUrl).origin}`);
    const heard: unknown[] = [];
    probe.onmessage = (event: MessageEvent) => heard.push(event.data);
    for (const client of clients) client.rateLimit.update({ limit: 10, remaining: 0, resetAt: Date.now() + 60_000 }, 200);
    probe.postMessage({ type: 'sensei-rate-limit', retryAt: Date.now() + 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    probe.close();
    expect(heard).toHaveLength(0);
    for (const client of clients) expect(client.rateLimit.getSnapshot().retryAt).toBeUndefined();
  }, FUZZ_TIMEOUT_MS);
});

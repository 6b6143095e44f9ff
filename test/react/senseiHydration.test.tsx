import { type DehydratedState, dehydrate, hydrate, HydrationBoundary, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { isSenseiError, SenseiError, SenseiHttpError, SenseiTimeoutError } from '../../src/core/SenseiError.js';
import { dehydrateSensei, hydrateSensei, senseiDehydrateOptions } from '../../src/core/senseiHydration.js';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { createMockSenseiApi, type MockSenseiApi } from '../../src/testing/index.js';

const SERVER_KEY = 'sk_live_server_only_9d3e';
const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

const clientFor = (api: MockSenseiApi, apiKey = SERVER_KEY) =>
  createSenseiClient({ baseUrl: api.baseUrl, apiKey, fetch: api.fetch, shareAcrossTabs: false });

/** What crosses from server to browser: the JSON text of the dehydrated state. */
const overTheWire = (state: DehydratedState) => {
  const text = JSON.stringify(state);
  return { text, state: JSON.parse(text) as DehydratedState };
};

describe('server prefetch and hydration', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a SenseiError survives dehydrate → JSON → hydrate as a real SenseiError with its safe fields, never the key or the cause', async () => {
    const api = createMockSenseiApi({ scenario: { error: { status: 503, retryAfterSeconds: 30, code: 'E5030', message: 'Down for maintenance' } } });
    const server = new QueryClient();
    const failed = server.query(senseiQueries(clientFor(api), { retry: 0 }).resource({ path: '/v1/migrations/mig_000001' })).catch((e: unknown) => e);
    await flush();
    const original = (await failed) as SenseiHttpError;
    expect(original).toBeInstanceOf(SenseiHttpError);

    const { text, state } = overTheWire(dehydrateSensei(server));
    expect(text).not.toContain(SERVER_KEY);
    expect(text).not.toContain('Bearer');
    expect(text).not.toContain('cause');

    const browser = new QueryClient();
    hydrate(browser, hydrateSensei(state));
    const [query] = browser.getQueryCache().getAll();
    const error = query!.state.error;
    expect(error).toBeInstanceOf(SenseiHttpError);
    expect(error).toBeInstanceOf(SenseiError);
    expect(isSenseiError(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'http',
      status: 503,
      code: 'E5030',
      message: original.message,
      details: original.details,
      requestId: original.requestId,
      retryAt: original.retryAt,
      retryAfterMs: original.retryAfterMs,
      idempotent: true,
    });
    expect(original.requestId).toMatch(/./);
    expect(original.retryAt).toBeGreaterThan(Date.now());
    expect((error as Error).cause).toBeUndefined();
  });

  it('keeps the subclass by kind (a timeout is a SenseiTimeoutError again) and leaves other errors to TanStack’s redaction', () => {
    const state: DehydratedState = {
      mutations: [],
      queries: [
        { queryHash: '["a"]', queryKey: ['a'], dehydratedAt: 0, state: { ...emptyState(), status: 'error', error: { $senseiError: { kind: 'timeout', message: 'Timed out' } } } },
        { queryHash: '["b"]', queryKey: ['b'], dehydratedAt: 0, state: { ...emptyState(), status: 'error', error: { message: 'plain' } } },
      ],
    } as never;
    const [timeout, other] = hydrateSensei(state).queries;
    expect(timeout!.state.error).toBeInstanceOf(SenseiTimeoutError);
    expect(other!.state.error).toEqual({ message: 'plain' });
    const notSensei = new QueryClient();
    notSensei.getQueryCache().build(notSensei, { queryKey: ['x'] }, { ...emptyState(), status: 'error', error: new Error('secret internals') } as never);
    expect(senseiDehydrateOptions.shouldRedactErrors(new Error('secret internals'))).toBe(true);
    expect(dehydrateSensei(notSensei).queries).toHaveLength(0);
  });

  it('includes pending queries, as the App Router streams them', async () => {
    const api = createMockSenseiApi({ scenario: { slow: { latencyMs: 500 } } });
    const server = new QueryClient();
    void server.query(senseiQueries(clientFor(api)).list({ path: '/v1/migrations' }));
    await flush();
    const [pending] = dehydrateSensei(server).queries;
    expect(pending?.state.status).toBe('pending');
    expect(pending?.promise).toBeInstanceOf(Promise);
    expect(dehydrate(server).queries).toHaveLength(0); // TanStack's default leaves it out
    await flush(500);
  });

  it('a pending query sent as JSON (its promise is then `{}`) hydrates as pending and the browser fetches it, instead of crashing hydrate', async () => {
    const api = createMockSenseiApi({ scenario: { slow: { latencyMs: 500 } } });
    const server = new QueryClient();
    void server.query(senseiQueries(clientFor(api)).list({ path: '/v1/migrations', perPage: 10 }));
    await flush();
    const { state } = overTheWire(dehydrateSensei(server));
    expect(() => hydrate(new QueryClient(), state)).toThrow(TypeError); // what TanStack alone does with it
    const browser = new QueryClient();
    hydrate(browser, hydrateSensei(state));
    api.setScenario({ slow: undefined });
    api.clearRequests();
    const page = browser.query(senseiQueries(clientFor(api, 'sk_browser_key')).list({ path: '/v1/migrations', perPage: 10 }));
    await flush();
    await expect(page).resolves.toMatchObject({ pagination: { page: 1, per_page: 10 } });
    expect(api.countRequests()).toBe(1);
    await flush(500);
  });

  it('a page prefetched on the server with the factories is rendered by usePaginatedList with 0 requests in the browser', async () => {
    const api = createMockSenseiApi({ items: 120 });
    const server = new QueryClient();
    const serverQueries = senseiQueries(clientFor(api));
    const first = server.query(serverQueries.list({ path: '/v1/migrations', page: 3, perPage: 20 }));
    // The next page too, so the hook's own prefetch of it is free as well.
    const second = server.query(serverQueries.list({ path: '/v1/migrations', page: 4, perPage: 20 }));
    await flush();
    await Promise.all([first, second]);
    const { state } = overTheWire(dehydrateSensei(server));
    api.clearRequests();

    const browser = new QueryClient();
    const browserClient = clientFor(api, 'sk_browser_key');
    function Rows() {
      const list = usePaginatedList<{ id: string }>({ path: '/v1/migrations', defaultPage: 3, defaultPerPage: 20 });
      return (
        <p>
          {list.isPending ? 'loading' : `page ${list.pagination?.page} of ${list.pagination?.total_pages}: ${list.items[0]?.id}…`}
        </p>
      );
    }
    render(
      <QueryClientProvider client={browser}>
        <HydrationBoundary state={hydrateSensei(state)}>
          <SenseiProvider client={browserClient} queryClient={browser}>
            <Rows />
          </SenseiProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    );
    expect(screen.getByText('page 3 of 6: mig_000041…')).toBeInTheDocument();
    await flush(1000);
    expect(api.countRequests()).toBe(0);
  });
});

function emptyState() {
  return {
    data: undefined,
    dataUpdateCount: 0,
    dataUpdatedAt: 0,
    error: null,
    errorUpdateCount: 0,
    errorUpdatedAt: 0,
    fetchFailureCount: 0,
    fetchFailureReason: null,
    fetchMeta: null,
    isInvalidated: false,
    status: 'pending',
    fetchStatus: 'idle',
  };
}

import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { isSenseiError, SenseiResponseError } from '../../src/core/SenseiError.js';
import { senseiKeys } from '../../src/core/senseiKeys.js';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { createMockSenseiApi, type MockSenseiApiOptions } from '../../src/testing/index.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

/** A mock API, a client and a bare QueryClient: no SenseiProvider, as an app using the factories alone. */
function setup(api: MockSenseiApiOptions = {}) {
  const mock = createMockSenseiApi(api);
  const client = createSenseiClient({ baseUrl: mock.baseUrl, apiKey: 'sk_test_factories', fetch: mock.fetch, shareAcrossTabs: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  const wrapper = ({ children }: { children?: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { api: mock, client, queryClient, wrapper };
}

describe('senseiQueries outside the hooks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a plain useQuery(senseiQueries(client).list(…)) meets a 429, waits for the server’s Retry-After and succeeds', async () => {
    const s = setup({ scenario: { rateLimitOnce: { retryAfterSeconds: 2 } } });
    function Page() {
      const query = useQuery(senseiQueries(s.client).list({ path: '/v1/migrations', page: 2, perPage: 10 }));
      return <p>{query.data ? `rows ${query.data.data.length}, page ${query.data.pagination.page}` : query.isError ? `failed ${query.error.status}` : 'loading'}</p>;
    }
    const start = Date.now();
    render(<Page />, { wrapper: s.wrapper });
    await flush();
    expect(s.api.countRequests()).toBe(1); // the 429
    await flush(1999);
    // The policy's retryDelay is the server's 2 s, and the gate holds anything earlier.
    expect(s.api.countRequests()).toBe(1);
    expect(screen.getByText('loading')).toBeInTheDocument();
    // X-RateLimit-Reset is in whole epoch seconds, so the gate may open up to 1 s later.
    await flush(1001);
    expect(screen.getByText('rows 10, page 2')).toBeInTheDocument();
    expect(s.api.countRequests()).toBe(2);
    expect(s.api.requests[1]!.time).toBeGreaterThanOrEqual(start + 2000);
    expect(s.api.requests[1]!.searchParams.get('page')).toBe('2');
  });

  it('the gate holds a factory query while another request’s 429 is in force: nothing leaves before the server’s time', async () => {
    const s = setup({ scenario: { rateLimitOnce: { retryAfterSeconds: 3 } } });
    await s.client.get('/v1/migrations/mig_000001').catch(() => undefined);
    s.api.clearRequests();
    const start = Date.now();
    const result = s.queryClient.query(senseiQueries(s.client).resource({ path: '/v1/migrations/mig_000001' }));
    await flush(2990);
    expect(s.api.countRequests()).toBe(0);
    await flush(1010);
    await expect(result).resolves.toMatchObject({ id: 'mig_000001' });
    expect(s.api.countRequests()).toBe(1);
    expect(s.api.requests[0]!.time).toBeGreaterThanOrEqual(start + 2990);
  });

  it('retries a 503 with the policy (count and server delay) and never a write without an idempotency key', async () => {
    const s = setup({ scenario: { flaky: { sequence: [503, 503], retryAfterSeconds: 1 } } });
    const read = s.queryClient.query(senseiQueries(s.client, { retry: 1 }).list({ path: '/v1/migrations' }));
    const failed = read.catch((error: unknown) => error);
    await flush(1000);
    // retry: 1 → two attempts, both 503, 1 s apart.
    const error = await failed;
    expect(isSenseiError(error) && error.status).toBe(503);
    expect(s.api.countRequests()).toBe(2);

    s.api.setScenario({ flaky: { sequence: [503] } });
    s.api.clearRequests();
    function Create() {
      const create = useMutation(senseiQueries(s.client).mutation<unknown, { name: string }>({ path: '/v1/migrations' }));
      return (
        <button type="button" onClick={() => create.mutate({ name: 'users' })}>
          {create.isError ? `failed ${create.error.status}` : 'create'}
        </button>
      );
    }
    render(<Create />, { wrapper: s.wrapper });
    act(() => screen.getByRole('button').click());
    await flush(60_000);
    expect(screen.getByRole('button')).toHaveTextContent('failed 503');
    expect(s.api.countRequests({ method: 'POST' })).toBe(1);
  });

  it('a page past the end answers with the last page and caches it under its own key', async () => {
    const s = setup({ items: 25 });
    const queries = senseiQueries(s.client);
    const page = s.queryClient.query(queries.list({ path: '/v1/migrations', page: 9, perPage: 10 }));
    await flush();
    await expect(page).resolves.toMatchObject({ pagination: { page: 3, total_pages: 3 } });
    expect(s.queryClient.getQueryData(queries.list({ path: '/v1/migrations', page: 3, perPage: 10 }).queryKey)?.data).toHaveLength(5);
    expect(s.api.countRequests()).toBe(2);
  });

  it('keys name the API, and queries carry the Sensei marker; a schema mismatch is a typed SenseiResponseError', async () => {
    const s = setup();
    const queries = senseiQueries(s.client);
    const options = queries.resource({ path: '/v1/migrations/mig_000001', query: { expand: 'steps' } });
    expect(options.queryKey).toEqual(senseiKeys.resource(s.client, '/v1/migrations/mig_000001', { expand: 'steps' }));
    expect(options.queryKey[1]).toBe('https://api.sensei.test');
    expect(options.meta).toEqual({ sensei: true });
    const strict = queries.resource({
      path: '/v1/migrations/mig_000001',
      schema: { '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: [{ message: 'nope' }] }) } },
    });
    const outcome = s.queryClient.query(strict).catch((error: unknown) => error);
    await flush();
    const error = await outcome;
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(s.api.countRequests()).toBe(1); // a malformed success is never retried
  });
});

import { QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createMockSenseiApi } from '../../src/testing/index.js';
import { TEST_API_KEY } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

function Total({ label }: { label: string }) {
  const list = usePaginatedList({ path: '/v1/migrations', prefetchNext: false });
  return <p>{`${label}: ${list.pagination?.total ?? '…'}`}</p>;
}

function First({ label, id }: { label: string; id: string }) {
  const one = useSenseiQuery<{ id: string; name?: string }>({ path: `/v1/migrations/${id}` });
  return <p>{`${label} item: ${one.data?.id ?? (one.error ? 'error' : '…')}`}</p>;
}

// #13 item 2: the README's default — one QueryClient for the whole app — with two APIs.
describe('cache identity: two APIs under one QueryClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function twoApis() {
    const eu = createMockSenseiApi({ baseUrl: 'https://api.eu.sensei.test', items: 150 });
    const us = createMockSenseiApi({ baseUrl: 'https://api.us.sensei.test', items: 40 });
    const clientFor = (api: typeof eu) =>
      createSenseiClient({ baseUrl: api.baseUrl, apiKey: TEST_API_KEY, fetch: api.fetch, shareAcrossTabs: false });
    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
    return { eu, us, euClient: clientFor(eu), usClient: clientFor(us), queryClient };
  }

  it('each provider lists its own API: its own total, and each API gets its request', async () => {
    const { eu, us, euClient, usClient, queryClient } = twoApis();
    render(
      <SenseiProvider client={euClient} queryClient={queryClient}>
        <Total label="EU" />
        <SenseiProvider client={usClient} queryClient={queryClient}>
          <Total label="US" />
        </SenseiProvider>
      </SenseiProvider>,
    );
    await flush();
    expect(screen.getByText('EU: 150')).toBeInTheDocument();
    expect(screen.getByText('US: 40')).toBeInTheDocument();
    expect(eu.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(1);
    expect(us.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(1);
  });

  it('a list mounted later for the second API does not read the first API’s cached page', async () => {
    const { us, euClient, usClient, queryClient } = twoApis();
    const { rerender } = render(
      <SenseiProvider client={euClient} queryClient={queryClient}>
        <Total label="EU" />
      </SenseiProvider>,
    );
    await flush();
    expect(screen.getByText('EU: 150')).toBeInTheDocument();
    rerender(
      <SenseiProvider client={euClient} queryClient={queryClient}>
        <Total label="EU" />
        <SenseiProvider client={usClient} queryClient={queryClient}>
          <Total label="US" />
        </SenseiProvider>
      </SenseiProvider>,
    );
    // Never the EU total, not even for one render.
    expect(screen.queryByText('US: 150')).not.toBeInTheDocument();
    await flush();
    expect(screen.getByText('US: 40')).toBeInTheDocument();
    expect(us.countRequests({ method: 'GET', path: '/v1/migrations' })).toBe(1);
  });

  it('useSenseiQuery reads one resource per API: the same path answers from each API', async () => {
    const { eu, us, euClient, usClient, queryClient } = twoApis();
    render(
      <SenseiProvider client={euClient} queryClient={queryClient}>
        <First label="EU" id="mig_000150" />
        <SenseiProvider client={usClient} queryClient={queryClient}>
          <First label="US" id="mig_000150" />
        </SenseiProvider>
      </SenseiProvider>,
    );
    await flush();
    // The EU API holds 150 items, the US one 40: the same id exists only in the EU.
    expect(eu.countRequests({ method: 'GET' })).toBe(1);
    expect(us.countRequests({ method: 'GET' })).toBe(1);
    expect(screen.getByText('EU item: mig_000150')).toBeInTheDocument();
    expect(screen.getByText('US item: error')).toBeInTheDocument();
  });
});

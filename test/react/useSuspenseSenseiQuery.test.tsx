import { hydrate, QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { isSenseiError } from '../../src/core/SenseiError.js';
import { dehydrateSensei, hydrateSensei } from '../../src/core/senseiHydration.js';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { useSuspenseSenseiQuery } from '../../src/react/useSuspenseSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

function Migration({ id }: { id: string }) {
  const { data } = useSuspenseSenseiQuery<{ id: string; status: string }>({ path: `/v1/migrations/${id}` });
  return <p>{`${data.id}: ${data.status}`}</p>;
}

describe('useSuspenseSenseiQuery', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('suspends until the resource is there, then renders it', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 300 } } } });
    render(
      <h.wrapper>
        <Suspense fallback={<p>Loading…</p>}>
          <Migration id="mig_000001" />
        </Suspense>
      </h.wrapper>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await flush(300);
    expect(screen.getByText('mig_000001: completed')).toBeInTheDocument();
    expect(h.api.countRequests()).toBe(1);
  });

  it('throws a SenseiError to the error boundary after the policy’s retries', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 404 } } } });
    // React reports the error the boundary caught; expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <h.wrapper>
        <ErrorBoundary fallbackRender={({ error }) => <p role="alert">{isSenseiError(error) ? `Sensei ${error.status}` : 'other'}</p>}>
          <Suspense fallback={<p>Loading…</p>}>
            <Migration id="mig_404" />
          </Suspense>
        </ErrorBoundary>
      </h.wrapper>,
    );
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('Sensei 404');
    expect(h.api.countRequests()).toBe(1); // a 404 is never retried
  });

  it('renders a resource prefetched on the server without a fallback or a request', async () => {
    const h = createHarness();
    const server = new QueryClient();
    const serverClient = createSenseiClient({ baseUrl: h.api.baseUrl, apiKey: 'sk_server', fetch: h.api.fetch, shareAcrossTabs: false });
    const prefetched = server.query(senseiQueries(serverClient).resource({ path: '/v1/migrations/mig_000002' }));
    await flush();
    await prefetched;
    hydrate(h.queryClient, hydrateSensei(JSON.parse(JSON.stringify(dehydrateSensei(server)))));
    h.api.clearRequests();
    render(
      <h.wrapper>
        <Suspense fallback={<p>Loading…</p>}>
          <Migration id="mig_000002" />
        </Suspense>
      </h.wrapper>,
    );
    expect(screen.getByText('mig_000002: completed')).toBeInTheDocument();
    await flush(1000);
    expect(h.api.countRequests()).toBe(0);
  });
});

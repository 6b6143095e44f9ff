import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenseiErrorBoundary } from '../../src/components/SenseiErrorBoundary.js';
import { SenseiErrorPanel } from '../../src/components/SenseiErrorPanel.js';
import { SenseiToaster } from '../../src/components/SenseiToaster.js';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { RetryActivityStore } from '../../src/react/RetryActivityStore.js';
import { senseiThrowOnError } from '../../src/react/senseiThrowOnError.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

// Issue 18 §1: each failure shows in exactly one place — the panel or boundary that renders it,
// else one toast per query; background work never toasts; a query can opt out through `meta`.

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const PATH = '/v1/migrations/mig_000001';
const toasts = () => [...document.querySelectorAll<HTMLElement>('[data-slot="toast"]')];
const panels = () => [...document.querySelectorAll<HTMLElement>('[data-slot="error-panel"]')];

/** Every toast that was ever put in the document, even for one commit: a flash counts too. */
function countMountedToasts(): { readonly count: number; stop: () => void } {
  const seen = new Set<Element>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('[data-slot="toast"]')) seen.add(node);
        for (const inner of node.querySelectorAll('[data-slot="toast"]')) seen.add(inner);
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return {
    get count() {
      observer.takeRecords().forEach(() => {});
      return seen.size;
    },
    stop: () => observer.disconnect(),
  };
}

/** A component that shows its own failure inline, as the demo's table does. */
function Inline({ meta }: { meta?: Record<string, unknown> }) {
  const query = useSenseiQuery<{ id: string }>({ path: PATH, ...(meta && { meta }) });
  return (
    <>
      <p>{query.data ? `loaded ${query.data.id}` : query.isError ? 'failed' : 'loading'}</p>
      {query.error && <SenseiErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
    </>
  );
}

/** A component that shows nothing of its failure: a toast is the only place left. */
function Silent({ meta }: { meta?: Record<string, unknown> }) {
  const query = useSenseiQuery<{ id: string }>({ path: PATH, ...(meta && { meta }) });
  return <p>{query.data ? `loaded ${query.data.id}` : query.isError ? 'failed' : 'loading'}</p>;
}

function Throwing() {
  const query = useSenseiQuery<{ id: string }>({ path: PATH, throwOnError: senseiThrowOnError });
  return <p>{query.data ? `loaded ${query.data.id}` : 'loading'}</p>;
}

describe('where a failure shows (the provider rule)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('an inline panel that renders the final failure is its only surface: no "Gave up" toast, not even for a frame', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 1 } } }, provider: { retry: 2 } });
    const mounted = countMountedToasts();
    render(
      <h.wrapper>
        <Inline />
        <SenseiToaster />
      </h.wrapper>,
    );
    await flush();
    expect(toasts()).toHaveLength(1); // retrying: nothing else shows it yet
    await flush(5000);
    expect(screen.getByText('failed')).toBeInTheDocument();
    expect(panels()).toHaveLength(1);
    expect(document.querySelector('[data-slot="toast"][data-kind="failed"]')).toBeNull();
    expect(toasts()).toHaveLength(0);
    expect(mounted.count).toBe(1); // the retry toast only
    mounted.stop();
  });

  it('when the panel Retry starts over, the final failure it showed does not turn into a toast', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 1 }, slow: { latencyMs: 500 } } }, provider: { retry: 1 } });
    render(
      <h.wrapper>
        <Inline />
        <SenseiToaster />
      </h.wrapper>,
    );
    await flush(5000);
    expect(panels()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await flush(100); // the new attempt is on its way; the panel went with the error
    expect(panels()).toHaveLength(0);
    expect(document.querySelector('[data-slot="toast"][data-kind="failed"]')).toBeNull();
  });

  it('a boundary that catches the failure is its only surface', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React logs what a boundary catches
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 1 } } }, provider: { retry: 1 } });
    const mounted = countMountedToasts();
    render(
      <h.wrapper>
        <SenseiErrorBoundary>
          <Throwing />
        </SenseiErrorBoundary>
        <SenseiToaster />
      </h.wrapper>,
    );
    // Its own step, so React 18 (which renders once per act) renders the retrying state too.
    await flush();
    expect(toasts()).toHaveLength(1); // retrying: nothing else shows it yet
    await flush(5000);
    expect(screen.getByRole('heading', { name: 'Service unavailable' })).toBeInTheDocument();
    expect(toasts()).toHaveLength(0);
    expect(mounted.count).toBe(1); // the retry toast while nothing else showed it
    mounted.stop();
  });

  it('without a panel the final failure toasts, once per query however many components read it', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 1 } } }, provider: { retry: 1 } });
    render(
      <h.wrapper>
        <Silent />
        <Silent />
        <SenseiToaster />
      </h.wrapper>,
    );
    await flush(5000);
    expect(toasts()).toHaveLength(1);
    expect(document.querySelector('[data-slot="toast"][data-kind="failed"]')).toHaveTextContent('Service unavailable (503)');
  });

  it('a final failure toasts only once React committed a render after its grace, also when React holds renders back', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 1 } } } });
    const store = new RetryActivityStore({ queryClient: h.queryClient, retryPolicy: createRetryPolicy(1), surfaces: { backgroundToasts: true } });
    const unsubscribe = store.subscribe(() => {});
    store.committed(store.getSnapshot()); // React reports its commits, as useRetryActivity does
    void h.queryClient.prefetchQuery(senseiQueries(h.client, { retry: 1 }).resource({ path: PATH }));
    await flush(1000);
    const beforeGraceEnded = store.getSnapshot();
    await flush(4000); // the grace is long over, but no render has been committed since
    expect(h.api.countRequests({ path: PATH })).toBe(2);
    const surfaces = () => store.getSnapshot().map(({ status, surface }) => ({ status, surface }));
    expect(surfaces()).toEqual([{ status: 'failed', surface: 'none' }]);
    store.committed(beforeGraceEnded); // a commit of an older snapshot: a panel may still be on its way
    expect(surfaces()).toEqual([{ status: 'failed', surface: 'none' }]);
    store.committed(store.getSnapshot());
    expect(surfaces()).toEqual([{ status: 'failed', surface: 'toast' }]);
    unsubscribe();
  });

  it('a store used without React (no commits reported) gives a final failure its toast surface after the grace alone', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 1 } } } });
    const store = new RetryActivityStore({ queryClient: h.queryClient, retryPolicy: createRetryPolicy(1), surfaces: { backgroundToasts: true } });
    const unsubscribe = store.subscribe(() => {});
    void h.queryClient.prefetchQuery(senseiQueries(h.client, { retry: 1 }).resource({ path: PATH }));
    await flush(5000);
    expect(h.api.countRequests({ path: PATH })).toBe(2);
    expect(store.getSnapshot().map(({ status, surface }) => ({ status, surface }))).toEqual([{ status: 'failed', surface: 'toast' }]);
    unsubscribe();
  });

  it('a prefetch nobody looks at never toasts; the same query toasts once a component shows it', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 429, retryAfterSeconds: 2 } } }, provider: { surfaces: { rateLimited: 'toast' } } });
    const { rerender } = render(
      <h.wrapper>
        <SenseiToaster />
      </h.wrapper>,
    );
    const queries = senseiQueries(h.client, { retry: 3 });
    void h.queryClient.prefetchQuery(queries.resource({ path: PATH }));
    await flush();
    expect(h.api.countRequests({ path: PATH })).toBe(1);
    await flush(2000);
    expect(h.api.countRequests({ path: PATH })).toBe(2); // it is retrying
    expect(toasts()).toHaveLength(0);

    rerender(
      <h.wrapper>
        <Silent />
        <SenseiToaster />
      </h.wrapper>,
    );
    await flush();
    expect(toasts()).toHaveLength(1);
  });

  it('a query opts out with meta: { senseiToast: false }', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 503, retryAfterSeconds: 1 } } }, provider: { retry: 1 } });
    render(
      <h.wrapper>
        <Silent meta={{ senseiToast: false }} />
        <SenseiToaster />
      </h.wrapper>,
    );
    await flush();
    expect(h.api.countRequests({ path: PATH })).toBe(1);
    expect(toasts()).toHaveLength(0);
    await flush(5000);
    expect(screen.getByText('failed')).toBeInTheDocument();
    expect(toasts()).toHaveLength(0);
  });

  it('a 429 is left to the rate-limit banner by default; rateLimited: "toast" gives it a toast', async () => {
    const scenario = { rateLimitOnce: { retryAfterSeconds: 5 } } as const;
    const quiet = createHarness({ api: { scenario } });
    const first = render(
      <quiet.wrapper>
        <Silent />
        <SenseiToaster />
      </quiet.wrapper>,
    );
    await flush();
    expect(quiet.api.countRequests({ path: PATH })).toBe(1);
    expect(toasts()).toHaveLength(0);
    await flush(5000);
    expect(screen.getByText('loaded mig_000001')).toBeInTheDocument();
    first.unmount();

    const loud = createHarness({ api: { scenario }, provider: { surfaces: { rateLimited: 'toast' } } });
    render(
      <loud.wrapper>
        <Silent />
        <SenseiToaster />
      </loud.wrapper>,
    );
    await flush();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('Too many requests (429)');
  });
});

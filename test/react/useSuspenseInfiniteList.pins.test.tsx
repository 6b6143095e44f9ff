import { act, render, renderHook, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSuspenseInfiniteList } from '../../src/react/useSuspenseInfiniteList.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const lists = { method: 'GET', path: '/v1/migrations' } as const;

function Rows() {
  const list = useSuspenseInfiniteList({ path: '/v1/migrations', meta: { screen: 'rows' } });
  return <p>{`loaded ${list.items.length}`}</p>;
}

function renderRows(h: ReturnType<typeof createHarness>) {
  return render(
    <h.wrapper>
      <ErrorBoundary fallbackRender={({ error }) => <p role="alert">{`failed: ${(error as Error).message}`}</p>}>
        <Suspense fallback={<p>Loading…</p>}>
          <Rows />
        </Suspense>
      </ErrorBoundary>
    </h.wrapper>,
  );
}

describe('useSuspenseInfiniteList pins', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('outside the provider throws a message naming this hook', () => {
    // React reports the thrown render error on the console.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSuspenseInfiniteList({ path: '/v1/migrations' }))).toThrow('`useSuspenseInfiniteList` must be used within `<SenseiProvider>`');
  });

  it('suspends with the provider retry policy: retry 0 shows the first failure', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = createHarness({ api: { scenario: { flaky: { sequence: [503, 200] } } }, provider: { retry: 0 } });
    renderRows(h);
    await flush();
    await flush(5_000);
    expect(screen.getByRole('alert').textContent).toMatch(/^failed: /);
    expect(h.api.countRequests(lists)).toBe(1);
  });

  it('marks its query as a Sensei request, keeping the caller meta', async () => {
    const h = createHarness();
    renderRows(h);
    await flush();
    await flush();
    expect(screen.getByText(/^loaded /)).toBeTruthy();
    const query = h.queryClient.getQueryCache().findAll({ predicate: (q) => q.state.status === 'success' })[0];
    expect(query?.meta).toEqual({ screen: 'rows', sensei: true });
  });

  it('is a Sensei request already while the first page suspends', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
    renderRows(h);
    await flush(50);
    expect(screen.getByText('Loading…')).toBeTruthy();
    const [query] = h.queryClient.getQueryCache().findAll({ predicate: (q) => q.state.fetchStatus === 'fetching' });
    expect(query?.meta).toEqual({ screen: 'rows', sensei: true });
  });
});

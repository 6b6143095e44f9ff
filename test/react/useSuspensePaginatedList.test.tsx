import { act, render, screen } from '@testing-library/react';
import { Suspense, useLayoutEffect, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSenseiError } from '../../src/core/SenseiError.js';
import { type UseSuspensePaginatedListOptions, useSuspensePaginatedList } from '../../src/react/useSuspensePaginatedList.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const lists = { method: 'GET', path: '/v1/migrations' } as const;

/** How often the fallback reached the screen (a commit, not a discarded render). */
let fallbacks = 0;
function Fallback() {
  useLayoutEffect(() => {
    fallbacks += 1;
  }, []);
  return <p>Loading…</p>;
}

function Rows(props: Partial<UseSuspensePaginatedListOptions<{ id: string }>>) {
  const list = useSuspensePaginatedList<{ id: string }>({ path: '/v1/migrations', defaultPerPage: 10, ...props });
  return (
    <>
      <p data-placeholder={String(list.isPlaceholderData)} data-page={list.page}>
        {`page ${list.pagination.page} of ${list.pagination.total_pages}: ${list.items[0]?.id}`}
      </p>
      <button type="button" onClick={() => list.setPage(4)}>
        Page 4
      </button>
    </>
  );
}

function renderRows(h: ReturnType<typeof createHarness>, props: Partial<UseSuspensePaginatedListOptions<{ id: string }>> = {}) {
  return render(
    <h.wrapper>
      <Suspense fallback={<Fallback />}>
        <Rows {...props} />
      </Suspense>
    </h.wrapper>,
  );
}

describe('useSuspensePaginatedList', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fallbacks = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('suspends for the first page, then keeps the previous page on screen while the next loads: no fallback flash', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
    renderRows(h, { prefetchNext: false });
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await flush(200);
    expect(screen.getByText('page 1 of 15: mig_000001')).toBeInTheDocument();
    expect(fallbacks).toBe(1);

    act(() => screen.getByRole('button', { name: 'Page 4' }).click());
    expect(screen.queryByText('Loading…')).toBeNull();
    await flush(100);
    // Mid-flight: the previous page, marked as a placeholder; never the fallback.
    expect(screen.getByText('page 1 of 15: mig_000001')).toHaveAttribute('data-placeholder', 'true');
    await flush(100);
    await flush();
    expect(screen.getByText('page 4 of 15: mig_000031')).toHaveAttribute('data-placeholder', 'false');
    expect(fallbacks).toBe(1);
    expect(h.api.countRequests(lists)).toBe(2);
  });

  it('a page changed by the parent (controlled) keeps the previous page too', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
    function Parent() {
      const [page, setPage] = useState(1);
      return (
        <>
          <button type="button" onClick={() => setPage(2)}>
            Parent: page 2
          </button>
          <Rows page={page} prefetchNext={false} />
        </>
      );
    }
    render(
      <h.wrapper>
        <Suspense fallback={<Fallback />}>
          <Parent />
        </Suspense>
      </h.wrapper>,
    );
    await flush(200);
    act(() => screen.getByRole('button', { name: 'Parent: page 2' }).click());
    await flush(100);
    expect(screen.getByText('page 1 of 15: mig_000001')).toBeInTheDocument();
    await flush(100);
    await flush();
    expect(screen.getByText('page 2 of 15: mig_000011')).toBeInTheDocument();
    expect(fallbacks).toBe(1);
  });

  it('prefetches the next page and lands on the last page when the requested one is past the end', async () => {
    const h = createHarness({ api: { items: 25 } });
    renderRows(h, { defaultPage: 9 });
    await flush();
    await flush();
    expect(screen.getByText('page 3 of 3: mig_000021')).toBeInTheDocument();
    expect(screen.getByText(/^page 3 of 3/)).toHaveAttribute('data-page', '3');

    const next = createHarness({ api: { items: 25 } });
    renderRows(next);
    await flush();
    await flush();
    expect(next.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2']);
  });

  it('throws a SenseiError to the error boundary when the first page fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    const h = createHarness({ api: { scenario: { error: { status: 403 } } } });
    render(
      <h.wrapper>
        <ErrorBoundary fallbackRender={({ error }) => <p role="alert">{isSenseiError(error) ? `Sensei ${error.status}` : 'other'}</p>}>
          <Suspense fallback={<Fallback />}>
            <Rows />
          </Suspense>
        </ErrorBoundary>
      </h.wrapper>,
    );
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('Sensei 403');
    expect(h.api.countRequests()).toBe(1);
  });
});

import { act, render, screen } from '@testing-library/react';
import { Suspense, useLayoutEffect } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSenseiError } from '../../src/core/SenseiError.js';
import { useSuspenseInfiniteList } from '../../src/react/useSuspenseInfiniteList.js';
import type { ActivityEvent } from '../../src/testing/index.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const feed = { method: 'GET', path: '/v1/activity' } as const;

let fallbacks = 0;
function Fallback() {
  useLayoutEffect(() => {
    fallbacks += 1;
  }, []);
  return <p>Loading…</p>;
}

function Feed() {
  const list = useSuspenseInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchNext: false });
  return (
    <>
      <p>{`${list.items.length} of ${list.total}, first ${list.items[0]?.id}`}</p>
      <p>{list.isFetchNextPageError ? `page failed: ${list.error?.status}` : 'ok'}</p>
      <button type="button" onClick={list.fetchNextPage}>
        More
      </button>
    </>
  );
}

function renderFeed(h: ReturnType<typeof createHarness>) {
  return render(
    <h.wrapper>
      <ErrorBoundary fallbackRender={({ error }) => <p role="alert">{isSenseiError(error) ? `boundary: ${error.status}` : 'other'}</p>}>
        <Suspense fallback={<Fallback />}>
          <Feed />
        </Suspense>
      </ErrorBoundary>
    </h.wrapper>,
  );
}

describe('useSuspenseInfiniteList', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fallbacks = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('suspends for the first page only; loading more never shows the fallback again', async () => {
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
    renderFeed(h);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await flush(200);
    expect(screen.getByText('50 of 150, first evt_000150')).toBeInTheDocument();
    act(() => screen.getByRole('button', { name: 'More' }).click());
    await flush(100);
    expect(screen.getByText('50 of 150, first evt_000150')).toBeInTheDocument();
    await flush(100);
    expect(screen.getByText('100 of 150, first evt_000150')).toBeInTheDocument();
    expect(fallbacks).toBe(1);
  });

  it('a first page that fails goes to the boundary; a later page that fails stays beside the loaded pages', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the boundary's catch
    const failing = createHarness({ api: { scenario: { error: { status: 403, match: feed } } } });
    renderFeed(failing);
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('boundary: 403');
    failing.api.reset();

    const h = createHarness();
    renderFeed(h);
    await flush();
    expect(screen.getAllByText('50 of 150, first evt_000150')).toHaveLength(1);
    h.api.setScenario({ error: { status: 404, match: feed } });
    act(() => screen.getByRole('button', { name: 'More' }).click());
    await flush();
    expect(screen.getByText('page failed: 404')).toBeInTheDocument();
    expect(screen.getByText('50 of 150, first evt_000150')).toBeInTheDocument();
  });
});

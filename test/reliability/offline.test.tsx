import { onlineManager, QueryClient } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenseiErrorPanel } from '../../src/components/SenseiErrorPanel.js';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { toErrorState } from '../../src/core/toErrorState.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { createMockSenseiApi } from '../../src/testing/index.js';
import { FUZZ_API_KEY } from './arbitraries.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const lists = { method: 'GET', path: '/v1/migrations' } as const;

/** The list as a component reading it would: TanStack re-renders only for the fields read in render. */
function useWatchedList() {
  const list = usePaginatedList({ path: '/v1/migrations', prefetchNext: false });
  void [list.query.fetchStatus, list.query.failureReason, list.query.failureCount];
  return list;
}

function setup() {
  const api = createMockSenseiApi({ apiKey: FUZZ_API_KEY });
  const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: FUZZ_API_KEY, fetch: api.fetch, shareAcrossTabs: false });
  const queryClient = new QueryClient();
  function wrapper({ children }: { children?: ReactNode }) {
    return (
      <SenseiProvider client={client} queryClient={queryClient}>
        {children}
      </SenseiProvider>
    );
  }
  return { api, client, queryClient, wrapper };
}

/** The browser loses the network: requests fail, `navigator.onLine` is false, `offline` fires. */
function goOffline(api: ReturnType<typeof setup>['api'], { event = true } = {}) {
  api.setScenario({ offline: true });
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  if (event) window.dispatchEvent(new Event('offline'));
}

function goOnline(api: ReturnType<typeof setup>['api']) {
  api.setScenario({ offline: undefined });
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  window.dispatchEvent(new Event('online'));
}

describe('offline: queries pause and resume with the browser', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
    localStorage.clear();
  });
  afterEach(() => {
    onlineManager.setOnline(true);
    vi.useRealTimers();
  });

  it('a page asked for while offline waits (paused, nothing sent) and loads when the browser is back', async () => {
    const h = setup();
    const { result } = renderHook(useWatchedList, { wrapper: h.wrapper });
    await flush();
    expect(result.current.pagination?.page).toBe(1);

    act(() => goOffline(h.api));
    expect(onlineManager.isOnline()).toBe(false);
    h.api.clearRequests();
    act(() => result.current.setPage(2));
    await flush(60_000);
    expect(result.current.query.fetchStatus).toBe('paused');
    expect(result.current.isError).toBe(false);
    expect(result.current.isPlaceholderData).toBe(true); // page 1 stays on screen
    expect(h.api.countRequests()).toBe(0);

    act(() => goOnline(h.api));
    await flush();
    expect(result.current.pagination?.page).toBe(2);
    expect(result.current.query.fetchStatus).toBe('idle');
    expect(h.api.countRequests(lists)).toBe(1);
  });

  it('a request that fails as the network drops is retried only once the browser is back, with no error shown meanwhile', async () => {
    const h = setup();
    const { result } = renderHook(useWatchedList, { wrapper: h.wrapper });
    // The connection drops before the browser notices: the request fails with a network error.
    act(() => goOffline(h.api, { event: false }));
    await flush(10);
    expect(h.api.countRequests(lists)).toBe(1);
    const failure = result.current.query.failureReason;
    expect(failure?.kind).toBe('network');
    expect(toErrorState(failure).kind).toBe('offline');
    expect(toErrorState(failure).title).toMatch(/offline/i);

    // Then `offline` fires: the retry waits for the network instead of failing.
    act(() => window.dispatchEvent(new Event('offline')));
    await flush(5 * 60_000);
    expect(result.current.query.fetchStatus).toBe('paused');
    expect(result.current.isError).toBe(false);
    expect(h.api.countRequests(lists)).toBe(1);

    act(() => goOnline(h.api));
    await flush();
    expect(result.current.isSuccess).toBe(true);
    expect(result.current.pagination?.page).toBe(1);
    expect(h.api.countRequests(lists)).toBe(2);
  });

  it('an error shown while offline says so, and a retried query recovers once online', async () => {
    const h = setup();
    act(() => goOffline(h.api));
    await flush();
    function View() {
      const list = usePaginatedList({ path: '/v1/migrations', prefetchNext: false, networkMode: 'always', throwOnError: false });
      return <SenseiErrorPanel error={list.error} onRetry={() => void list.refetch()} />;
    }
    render(
      <h.wrapper>
        <View />
      </h.wrapper>,
    );
    // `networkMode: 'always'` fails instead of pausing: the panel names the cause.
    await flush(5 * 60_000);
    expect(screen.getByRole('alert')).toHaveAttribute('data-kind', 'offline');
    expect(screen.getByRole('heading')).toHaveTextContent(/offline/i);
    act(() => goOnline(h.api));
    act(() => screen.getByRole('button', { name: /retry/i }).click());
    await flush();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an operation keeps its place while offline: polling pauses and resumes to completion', async () => {
    const h = setup();
    h.api.setScenario({ operations: { pollsToComplete: 3 } });
    const { result } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper: h.wrapper });
    act(() => result.current.start({ name: 'offline' }));
    await flush(1000);
    expect(result.current.status).toBe('polling');
    const polls = () => h.api.countRequests({ method: 'GET', pathPrefix: '/v1/migrations/' });
    const before = polls();

    act(() => goOffline(h.api));
    await flush(10 * 60_000);
    expect(result.current.status).toBe('polling'); // not failed: waiting for the network
    expect(polls()).toBe(before);

    act(() => goOnline(h.api));
    await flush(10_000);
    expect(result.current.status).toBe('succeeded');
  });
});

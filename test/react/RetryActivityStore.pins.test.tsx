import { MutationObserver, onlineManager, QueryObserver } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCatalog } from '../../src/core/errorCatalog.js';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import { senseiQueries } from '../../src/core/senseiQueries.js';
import { type ErrorSurfaceOptions, RetryActivityStore } from '../../src/react/RetryActivityStore.js';
import { errorClaimsFor } from '../../src/react/ErrorClaims.js';
import { createHarness } from './senseiTestHarness.js';

// The store as a caller uses it (subscribe, getSnapshot, retryNow, dismiss, committed), over a
// mock API that answers 503 with `Retry-After: 1` until told otherwise.

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const PATH = '/v1/migrations/mig_000001';
const MUTATION_PATH = '/v1/migrations/mig_000002';

function setup(options: { surfaces?: ErrorSurfaceOptions; status?: number; errorCatalog?: ErrorCatalog } = {}) {
  const h = createHarness({ api: { scenario: { error: { status: options.status ?? 503, retryAfterSeconds: 1, code: 'E9999' } } } });
  const retryPolicy = createRetryPolicy(1);
  const store = new RetryActivityStore({
    queryClient: h.queryClient,
    retryPolicy,
    errorCatalog: options.errorCatalog,
    surfaces: options.surfaces ?? { backgroundToasts: true },
  });
  const listener = vi.fn();
  const unsubscribe = store.subscribe(listener);
  const queries = senseiQueries(h.client, { retry: retryPolicy });
  const prefetch = (meta?: Record<string, unknown>) => {
    const query = queries.resource({ path: PATH });
    void h.queryClient.prefetchQuery(meta ? { ...query, meta: { ...query.meta, ...meta } } : query);
  };
  const statuses = () => store.getSnapshot().map(({ kind, status }) => ({ kind, status }));
  const requests = () => h.api.countRequests({ path: PATH });
  return { h, store, listener, unsubscribe, queries, prefetch, statuses, requests };
}

/** A Sensei mutation (as useSenseiMutation marks it) that GETs once and retries once after 1 s. */
function mutate(h: ReturnType<typeof createHarness>) {
  const observer = new MutationObserver(h.queryClient, {
    mutationFn: () => h.client.request(MUTATION_PATH, { method: 'GET' }),
    retry: 1,
    retryDelay: 1000,
    meta: { sensei: true },
  });
  void observer.mutate(undefined).catch(() => {});
  return observer;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('retryNow on a query that gave up', () => {
  it('drops the failed entry at once and sends exactly one new request', async () => {
    const s = setup();
    s.prefetch();
    await flush(5000);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'failed' }]);
    expect(s.requests()).toBe(2);
    s.h.api.setScenario({ error: undefined });
    const done = s.store.retryNow(s.store.getSnapshot()[0]!);
    expect(s.store.getSnapshot()).toEqual([]); // a new episode starts if this attempt fails again
    await flush();
    await done;
    expect(s.requests()).toBe(3);
    expect(s.h.queryClient.getQueryState(s.queries.resource({ path: PATH }).queryKey)?.status).toBe('success');
    s.unsubscribe();
  });

  it('starts a failed query over even when nothing enabled observes it (a disabled query)', async () => {
    const s = setup();
    s.prefetch();
    await flush(5000);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'failed' }]);
    const disabled = new QueryObserver(s.h.queryClient, { ...s.queries.resource({ path: PATH }), enabled: false });
    const stopObserving = disabled.subscribe(() => {});
    s.h.api.setScenario({ error: undefined });
    await s.store.retryNow(s.store.getSnapshot()[0]!.id);
    await flush();
    expect(s.requests()).toBe(3);
    expect(disabled.getCurrentResult().status).toBe('success');
    expect(s.store.getSnapshot()).toEqual([]);
    stopObserving();
    s.unsubscribe();
  });

  it('a disabled query that already has data is fetched afresh even while another fetch of it is running', async () => {
    const s = setup();
    s.h.api.setScenario({ error: undefined });
    const query = s.queries.resource({ path: PATH });
    await act(() => s.h.queryClient.prefetchQuery(query));
    s.h.api.setScenario({ error: { status: 503, retryAfterSeconds: 1 } });
    void s.h.queryClient.refetchQueries({ queryKey: query.queryKey });
    await flush(5000);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'failed' }]);
    expect(s.requests()).toBe(3);
    const disabled = new QueryObserver(s.h.queryClient, { ...query, enabled: false });
    const stopObserving = disabled.subscribe(() => {});
    s.h.api.setScenario({ error: undefined, slow: { latencyMs: 500 } });
    void s.h.queryClient.getQueryCache().find({ queryKey: query.queryKey })!.fetch();
    await flush(10);
    expect(s.requests()).toBe(4);
    void s.store.retryNow(s.store.getSnapshot()[0]!.id); // replaces the running fetch: one more request
    await flush(1000);
    expect(s.requests()).toBe(5);
    stopObserving();
    s.unsubscribe();
  });

  it('a failed query fetched fine some other way is old news: its entry goes', async () => {
    const s = setup();
    s.prefetch();
    await flush(5000);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'failed' }]);
    s.h.api.setScenario({ error: undefined });
    await act(() => s.h.queryClient.refetchQueries());
    await flush();
    expect(s.store.getSnapshot()).toEqual([]);
    s.unsubscribe();
  });
});

describe('a query removed from the cache', () => {
  it('mid-retry: its entry goes at once, nothing more will happen to it', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'retrying' }]);
    s.h.queryClient.removeQueries();
    expect(s.store.getSnapshot()).toEqual([]);
    await flush(5000);
    expect(s.store.getSnapshot()).toEqual([]);
    s.unsubscribe();
  });

  it('once settled: the final failure stays to be seen', async () => {
    const s = setup();
    s.prefetch();
    await flush(5000);
    s.h.queryClient.removeQueries();
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'failed' }]);
    s.unsubscribe();
  });

  it('that never failed: removing it is no concern of the store', async () => {
    const s = setup();
    s.h.api.setScenario({ error: undefined });
    await act(() => s.h.queryClient.prefetchQuery(s.queries.resource({ path: PATH })));
    expect(() => s.h.queryClient.removeQueries()).not.toThrow();
    expect(s.store.getSnapshot()).toEqual([]);
    s.unsubscribe();
  });
});

describe('mutations', () => {
  it('a retrying mutation that fails again is a final failure, and retryNow cannot skip its wait', async () => {
    const s = setup();
    mutate(s.h);
    await flush(10);
    expect(s.statuses()).toEqual([{ kind: 'mutation', status: 'retrying' }]);
    const [entry] = s.store.getSnapshot();
    expect(entry).toMatchObject({ canRetryNow: false, failureCount: 1, httpStatus: 503, label: 'Service unavailable (503)' });
    await s.store.retryNow(entry!);
    expect(s.h.api.countRequests({ path: MUTATION_PATH })).toBe(1);
    await flush(2000);
    expect(s.h.api.countRequests({ path: MUTATION_PATH })).toBe(2);
    expect(s.statuses()).toEqual([{ kind: 'mutation', status: 'failed' }]);
    expect(s.store.getSnapshot()[0]).toMatchObject({ failureCount: 2, retryAt: undefined, waiting: null });
    s.unsubscribe();
  });

  it('a retrying mutation whose retry succeeds has recovered', async () => {
    const s = setup();
    mutate(s.h);
    await flush(10);
    s.h.api.setScenario({ error: undefined });
    await flush(2000);
    expect(s.statuses()).toEqual([{ kind: 'mutation', status: 'recovered' }]);
    s.unsubscribe();
  });

  it('a mutation removed from its cache mid-retry leaves no entry', async () => {
    const s = setup();
    mutate(s.h);
    await flush(10);
    expect(s.statuses()).toEqual([{ kind: 'mutation', status: 'retrying' }]);
    s.h.queryClient.getMutationCache().clear();
    expect(s.store.getSnapshot()).toEqual([]);
    s.unsubscribe();
  });

  it('a mutation without the Sensei marker is not tracked', async () => {
    const s = setup();
    const observer = new MutationObserver(s.h.queryClient, {
      mutationFn: () => s.h.client.request(MUTATION_PATH, { method: 'GET' }),
      retry: 1,
      retryDelay: 1000,
    });
    void observer.mutate(undefined).catch(() => {});
    await flush(10);
    expect(s.store.getSnapshot()).toEqual([]);
    s.unsubscribe();
  });
});

describe('dismiss', () => {
  it('a retrying entry stays dismissed until it settles; its recovery is not reported', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    s.store.dismiss(s.store.getSnapshot()[0]!);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', dismissed: true });
    s.h.api.setScenario({ error: undefined });
    await flush(2000);
    expect(s.store.getSnapshot()).toEqual([]);
    s.unsubscribe();
  });

  it('a dismissed retrying entry shows again, not dismissed, when it finally fails', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    s.store.dismiss([s.store.getSnapshot()[0]!.id]);
    await flush(5000);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', dismissed: false });
    s.unsubscribe();
  });

  it('settled entries go, several at once; unknown ids are ignored', async () => {
    const s = setup();
    s.prefetch();
    mutate(s.h);
    await flush(5000);
    expect(s.statuses()).toEqual([
      { kind: 'query', status: 'failed' },
      { kind: 'mutation', status: 'failed' },
    ]);
    s.store.dismiss(['query:nope', ...s.store.getSnapshot()]);
    expect(s.store.getSnapshot()).toEqual([]);
    s.unsubscribe();
  });
});

describe('where an entry shows (surface)', () => {
  it('a query nothing observes is background work: no toast unless backgroundToasts', async () => {
    const quiet = setup({ surfaces: {} });
    quiet.prefetch();
    await flush(10);
    expect(quiet.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', surface: 'none' });
    const observer = new QueryObserver(quiet.h.queryClient, quiet.queries.resource({ path: PATH }));
    const stop = observer.subscribe(() => {});
    await flush();
    expect(quiet.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', surface: 'toast' });
    stop(); // the last observer leaving cancels the retry: nothing to report
    await flush();
    expect(quiet.store.getSnapshot()).toEqual([]);
    quiet.unsubscribe();

    const loud = setup({ surfaces: { backgroundToasts: true } });
    loud.prefetch();
    await flush(10);
    expect(loud.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', surface: 'toast' });
    loud.unsubscribe();
  });

  it('a query that opts out through meta.senseiToast never toasts', async () => {
    const s = setup();
    s.prefetch({ senseiToast: false });
    await flush(10);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', surface: 'none' });
    await flush(5000);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    s.unsubscribe();
  });

  it('a mutation that opts out through meta.senseiToast never toasts; others do', async () => {
    const s = setup();
    const observer = new MutationObserver(s.h.queryClient, {
      mutationFn: () => s.h.client.request(MUTATION_PATH, { method: 'GET' }),
      retry: 1,
      retryDelay: 1000,
      meta: { sensei: true, senseiToast: false },
    });
    void observer.mutate(undefined).catch(() => {});
    mutate(s.h);
    await flush(10);
    expect(s.store.getSnapshot().map(({ surface }) => surface)).toEqual(['none', 'toast']);
    s.unsubscribe();
  });

  it('a 429 is left to the banner, unless rateLimited is toast', async () => {
    const banner = setup({ status: 429, surfaces: { backgroundToasts: true } });
    banner.prefetch();
    await flush(10);
    expect(banner.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', httpStatus: 429, surface: 'none' });
    banner.unsubscribe();

    const toast = setup({ status: 429, surfaces: { backgroundToasts: true, rateLimited: 'toast' } });
    toast.prefetch();
    await flush(10);
    expect(toast.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', httpStatus: 429, surface: 'toast' });
    toast.unsubscribe();
  });

  it('a final failure is no toast during its 100 ms grace, a toast after it (no React)', async () => {
    const s = setup();
    s.prefetch();
    await flush(1000);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    await flush(99);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    await flush(1);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'toast' });
    s.unsubscribe();
  });
});

describe('subscribers', () => {
  it('the last unsubscribe forgets every entry and stops listening; a new subscriber picks up running retries', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'retrying' }]);
    const calls = s.listener.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    s.unsubscribe();
    expect(s.store.getSnapshot()).toEqual([]);
    await flush(5000);
    expect(s.listener).toHaveBeenCalledTimes(calls);
    expect(s.store.getSnapshot()).toEqual([]);

    s.h.queryClient.clear();
    s.prefetch();
    await flush(10);
    const again = vi.fn();
    const unsubscribe = s.store.subscribe(again);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'retrying' }]);
    unsubscribe();
  });

  it('one subscriber leaving keeps the store connected for the others', async () => {
    const s = setup();
    const other = vi.fn();
    const leave = s.store.subscribe(other);
    leave();
    s.prefetch();
    await flush(10);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'retrying' }]);
    expect(s.listener).toHaveBeenCalled();
    expect(other).not.toHaveBeenCalled();
    s.unsubscribe();
  });

  it('a final failure in its grace when the last subscriber leaves does not wake anyone later', async () => {
    const s = setup();
    s.prefetch();
    await flush(1000);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    s.unsubscribe();
    const late = vi.fn();
    const unsubscribe = s.store.subscribe(late);
    late.mockClear();
    await flush(500);
    expect(late).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('once every one of several subscribers left, the store hears nothing of new retries', async () => {
    const s = setup();
    const leave = s.store.subscribe(() => {});
    leave();
    s.unsubscribe();
    s.prefetch();
    await flush(10);
    expect(s.h.api.countRequests({ path: PATH })).toBe(1);
    expect(s.store.getSnapshot()).toEqual([]);
  });

  it('getServerSnapshot is always empty', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    expect(s.store.getSnapshot()).toHaveLength(1);
    expect(s.store.getServerSnapshot()).toEqual([]);
    s.unsubscribe();
  });
});

describe('retryNow on a query that waits to retry', () => {
  it('sends the next attempt at once, marks it retryingNow, and ignores a second click', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    const [entry] = s.store.getSnapshot();
    expect(entry).toMatchObject({ status: 'retrying', waiting: 'retry', retryingNow: false, canRetryNow: true });
    expect(s.requests()).toBe(1);
    s.h.api.setScenario({ error: undefined });
    void s.store.retryNow(entry!);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', retryingNow: true });
    void s.store.retryNow(entry!.id);
    await flush(10);
    expect(s.requests()).toBe(2);
    await flush(2000);
    expect(s.requests()).toBe(2); // the scheduled retry sent nothing more
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'recovered' }]);
    s.unsubscribe();
  });

  it('a query that has data is refetched at once too, and other queries are left alone', async () => {
    const s = setup();
    s.h.api.setScenario({ error: undefined });
    const query = s.queries.resource({ path: PATH });
    const other = s.queries.resource({ path: MUTATION_PATH });
    await act(() => s.h.queryClient.prefetchQuery(query));
    await act(() => s.h.queryClient.prefetchQuery(other));
    s.h.api.setScenario({ error: { status: 503, retryAfterSeconds: 1 } });
    void s.h.queryClient.refetchQueries({ queryKey: query.queryKey });
    await flush(10);
    expect(s.statuses()).toEqual([{ kind: 'query', status: 'retrying' }]);
    expect(s.requests()).toBe(2);
    void s.store.retryNow(s.store.getSnapshot()[0]!);
    await flush(10);
    expect(s.requests()).toBe(3);
    expect(s.h.api.countRequests({ path: MUTATION_PATH })).toBe(1);
    s.unsubscribe();
  });

  it('does nothing at the very millisecond the scheduled retry is due: that attempt goes out by itself', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    const [entry] = s.store.getSnapshot();
    expect(entry).toMatchObject({ status: 'retrying', waiting: 'retry' });
    vi.setSystemTime(entry!.retryAt!); // the clock reads the due time; the retry's timer has not run yet
    void s.store.retryNow(entry!);
    expect(s.store.getSnapshot()[0]).toMatchObject({ retryingNow: false });
    await flush();
    expect(s.requests()).toBe(1);
    await flush(2000);
    expect(s.requests()).toBe(2);
    s.unsubscribe();
  });

  it('does nothing once the scheduled retry is due, for a recovered entry, or for an unknown id', async () => {
    const s = setup();
    s.h.api.setScenario({ slow: { latencyMs: 500 } });
    s.prefetch();
    await flush(1500); // the retry went out at 1.5 s and is on its way
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', waiting: null });
    expect(s.requests()).toBe(2);
    await s.store.retryNow(s.store.getSnapshot()[0]!);
    await s.store.retryNow('query:unknown');
    await flush(10);
    expect(s.requests()).toBe(2);
    expect(s.store.getSnapshot()[0]).toMatchObject({ retryingNow: false });
    s.unsubscribe();

    const r = setup();
    r.prefetch();
    await flush(10);
    r.h.api.setScenario({ error: undefined });
    await flush(2000);
    expect(r.statuses()).toEqual([{ kind: 'query', status: 'recovered' }]);
    await r.store.retryNow(r.store.getSnapshot()[0]!);
    await flush(10);
    expect(r.requests()).toBe(2);
    expect(r.statuses()).toEqual([{ kind: 'query', status: 'recovered' }]);
    r.unsubscribe();
  });
});

describe('what an entry says', () => {
  it('a recovered query keeps the failure it recovered from; a final failure counts each failed attempt', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    s.h.api.setScenario({ error: undefined });
    await flush(2000);
    expect(s.store.getSnapshot()[0]).toMatchObject({
      status: 'recovered',
      failureCount: 1,
      httpStatus: 503,
      paused: false,
      retryingNow: false,
      waiting: null,
      retryAt: undefined,
      nextAttemptAt: undefined,
      since: Date.parse('2025-03-01T14:00:00.000Z'),
    });
    s.unsubscribe();

    const f = setup();
    f.prefetch();
    await flush(5000);
    expect(f.store.getSnapshot()[0]).toMatchObject({ status: 'failed', failureCount: 2, label: 'Service unavailable (503)', paused: false });
    f.unsubscribe();
  });

  it('labels come through the error catalog', async () => {
    const s = setup({ errorCatalog: { codes: { E9999: { title: 'Engine resting' } } } });
    s.prefetch();
    await flush(10);
    expect(s.store.getSnapshot()[0]).toMatchObject({ label: 'Engine resting (503)' });
    s.unsubscribe();
  });

  it('a retry paused while offline says so', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    act(() => onlineManager.setOnline(false));
    try {
      await flush(2000);
      expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', paused: true, waiting: 'offline' });
    } finally {
      act(() => onlineManager.setOnline(true));
    }
    await flush(10);
    s.unsubscribe();
  });

  it('the snapshot stays the same array while nothing an entry shows changes', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    const before = s.store.getSnapshot();
    const calls = s.listener.mock.calls.length;
    s.h.queryClient.getQueryCache().find({ queryKey: s.queries.resource({ path: PATH }).queryKey })!.setState({});
    await flush(10);
    expect(s.store.getSnapshot()).toBe(before);
    expect(s.listener).toHaveBeenCalledTimes(calls);
    s.unsubscribe();
  });
});

describe('surfaces follow who looks', () => {
  it('a final failure toasts while a component observes it, and goes quiet once none does', async () => {
    const s = setup({ surfaces: {} });
    const observer = new QueryObserver(s.h.queryClient, { ...s.queries.resource({ path: PATH }), retry: 1 });
    const stop = observer.subscribe(() => {});
    await flush(5000);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'toast' });
    stop();
    await flush();
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    s.unsubscribe();
  });

  it('a panel claiming the error makes it the only surface; a final failure it showed is gone with it', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    const claims = errorClaimsFor(s.h.queryClient);
    const release = claims.claim(s.store.getSnapshot()[0]!.error);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', surface: 'panel' });
    release();
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', surface: 'toast' });
    await flush(5000);
    const releaseFinal = claims.claim(s.store.getSnapshot()[0]!.error);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'panel' });
    releaseFinal();
    expect(s.store.getSnapshot()).toEqual([]);
    s.unsubscribe();
  });
});

describe('a panel still showing the last error', () => {
  it('keeps a refetch that retries off the toasts: the panel shows the query error while it retries', async () => {
    const s = setup();
    s.h.api.setScenario({ error: undefined });
    await act(() => s.h.queryClient.prefetchQuery(s.queries.resource({ path: PATH })));
    s.h.api.setScenario({ error: { status: 503, retryAfterSeconds: 1 } });
    void s.h.queryClient.refetchQueries();
    await flush(5000); // a query with data keeps its error while it fetches again
    const query = s.h.queryClient.getQueryCache().find({ queryKey: s.queries.resource({ path: PATH }).queryKey })!;
    const release = errorClaimsFor(s.h.queryClient).claim(query.state.error); // as a panel rendering query.error does
    void s.h.queryClient.refetchQueries();
    await flush(10);
    const [entry] = s.store.getSnapshot();
    expect(entry).toMatchObject({ status: 'retrying', surface: 'panel' });
    expect(entry!.error).not.toBe(query.state.error); // the retry answers a newer failure
    release();
    await flush(10);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'retrying', surface: 'toast' });
    s.unsubscribe();
  });
});

describe('more retryNow and grace edges', () => {
  it('a retry paused offline can be retried now: it is marked on its way', async () => {
    const s = setup();
    s.prefetch();
    await flush(10);
    act(() => onlineManager.setOnline(false));
    try {
      await flush(2000);
      const [entry] = s.store.getSnapshot();
      expect(entry).toMatchObject({ status: 'retrying', paused: true, waiting: 'offline' });
      void s.store.retryNow(entry!);
      expect(s.store.getSnapshot()[0]).toMatchObject({ retryingNow: true });
    } finally {
      act(() => onlineManager.setOnline(true));
    }
    await flush(10);
    s.unsubscribe();
  });

  it('a query started over that gives up again gets a fresh grace before its toast', async () => {
    const s = setup();
    s.prefetch();
    await flush(5000);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'toast' });
    void s.store.retryNow(s.store.getSnapshot()[0]!);
    await flush(1050); // fails, waits 1 s, fails again
    expect(s.requests()).toBe(4);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    await flush(100);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'toast' });
    s.unsubscribe();
  });

  it('with React reporting commits, a final failure toasts only after a commit of the snapshot its grace emitted', async () => {
    const s = setup();
    s.store.committed(s.store.getSnapshot());
    s.prefetch();
    await flush(1000);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    const calls = s.listener.mock.calls.length;
    await flush(100);
    expect(s.listener.mock.calls.length).toBeGreaterThan(calls); // the grace's end asks for a render
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    s.store.committed(s.store.getSnapshot());
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'toast' });
    s.unsubscribe();
  });

  it('a commit of an older snapshot does not end the wait: the render the grace asked for may still be on its way', async () => {
    const s = setup();
    s.store.committed(s.store.getSnapshot());
    s.prefetch();
    await flush(1000);
    const older = s.store.getSnapshot();
    await flush(100);
    expect(s.store.getSnapshot()).not.toBe(older);
    s.store.committed(older);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    s.unsubscribe();
  });

  it('a final failure dismissed during its grace is gone for good: its grace ends with it, no later notification', async () => {
    const s = setup();
    s.prefetch();
    await flush(1000);
    expect(s.store.getSnapshot()[0]).toMatchObject({ status: 'failed', surface: 'none' });
    s.store.dismiss(s.store.getSnapshot()[0]!);
    await flush();
    expect(s.store.getSnapshot()).toEqual([]);
    const calls = s.listener.mock.calls.length;
    await flush(500);
    expect(s.listener).toHaveBeenCalledTimes(calls);
    s.unsubscribe();
  });
});

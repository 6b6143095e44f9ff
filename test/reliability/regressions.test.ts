/**
 * Counterexamples the fuzzers found, kept as plain cases so they run on every `npm test`
 * whatever seed the fuzzers draw next.
 *
 * When a property fails, fast-check prints `{ seed, path }` and the shrunk counterexample:
 * 1. Replay it: `SENSEI_FC_SEED=<seed> SENSEI_FC_PATH=<path> npm run test:reliability`.
 * 2. Add the shrunk input here as an `it(...)` that states what must hold, and name the
 *    property and seed it came from.
 * 3. Fix `src/` until this case (and the property) pass. Never edit the property to skip it.
 */
import { QueryClient } from '@tanstack/react-query';
import { act, render, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Paginator } from '../../src/components/Paginator.js';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import type { Pagination } from '../../src/core/paginationSchema.js';
import { paginationRange, paginationWindow } from '../../src/core/paginationWindow.js';
import { MAX_SERVER_DELAY_MS } from '../../src/core/parseRetryAfter.js';
import { RateLimitStore } from '../../src/core/RateLimitStore.js';
import { backoffDelay, createRetryPolicy } from '../../src/core/retryPolicy.js';
import { isSenseiError, SenseiHttpError, SenseiRequestError } from '../../src/core/SenseiError.js';
import { setTimerProvider } from '../../src/core/timers.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { FUZZ_API_KEY } from './arbitraries.js';
import { expectSaneError } from './invariants.js';

const BASE = 'https://api.sensei.test';

function clientRejectingWith(make: () => unknown) {
  const fetch = vi.fn(async (): Promise<Response> => {
    throw make();
  });
  return createSenseiClient({ baseUrl: BASE, apiKey: FUZZ_API_KEY, fetch, shareAcrossTabs: false });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

describe('regressions found by the fuzzers', () => {
  afterEach(() => {
    setTimerProvider();
    vi.useRealTimers();
  });

  // fuzzClient, seed 521960363 path "446:1": ["get", { kind: 'reject', error: 'revoked proxy' }, 0].
  // `cause instanceof SenseiError` threw on the proxy, so a raw TypeError escaped the client.
  // A revoked proxy is no network failure (#13 item 6): a typed, non-retried invalid-request error.
  it('fetch rejecting with a revoked proxy still gives a typed SenseiError', async () => {
    const client = clientRejectingWith(revokedProxy);
    const error = await client.get('/v1/migrations').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SenseiRequestError);
    expectSaneError(error, Date.now());
  });

  // fuzzErrorState (retry policy), seed -1383625729 path "11:0:0:0:0": [revoked proxy, 1000000, {}].
  // The cross-realm type guard read a symbol off the proxy and threw instead of answering false.
  it('isSenseiError answers false for a revoked proxy, and the retry policy copes with one', () => {
    const proxy = revokedProxy();
    expect(isSenseiError(proxy)).toBe(false);
    const policy = createRetryPolicy();
    expect(policy.retry(0, proxy)).toBe(false);
    expect(Number.isFinite(policy.retryDelay(0, proxy))).toBe(true);
  });

  // fuzzErrorState (retry policy): [error, 1000000, { baseDelayMs: 0 }]. 0 × 2 ** 1e6 = 0 × Infinity = NaN.
  it('backoff stays finite after a thousand failures with a zero base delay', () => {
    expect(backoffDelay(1_000_000, { baseDelayMs: 0 })).toBe(0);
    expect(backoffDelay(1_000_000, { random: () => 0.5 })).toBe(15_000);
    expect(createRetryPolicy({ baseDelayMs: 0, retries: Infinity }).retryDelay(5_000, new Error('x'))).toBe(0);
  });

  // fuzzErrorState (retry policy): [SenseiError { retryAfterMs: NaN }, 0, {}].
  it('a hand-built error with a NaN retryAfterMs gets a delay of 0, not NaN', () => {
    const error = new SenseiHttpError({ kind: 'http', message: 'x', status: 503, retryAfterMs: NaN, idempotent: true });
    expect(createRetryPolicy().retryDelay(0, error)).toBe(0);
    expect(createRetryPolicy().retryDelay(0, new SenseiHttpError({ kind: 'http', message: 'x', status: 503, retryAfterMs: Infinity }))).toBe(300_000);
  });

  // fuzzHeaders (rate-limit store): [{ kind: 'merge', retryIn: 86400001 }, …]. Another tab's message
  // was taken as is: a far retryAt shut the gate for years and re-armed a timer every millisecond,
  // since a delay over 2^31 - 1 ms fires at once.
  it("another tab's far-future retryAt closes the gate for at most the cap, on one quiet timer", async () => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
    let armed = 0;
    setTimerProvider({
      now: () => Date.now(),
      setTimeout: (callback, ms) => {
        armed += 1;
        return setTimeout(callback, ms);
      },
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    const store = new RateLimitStore();
    store.merge({ limit: 100, remaining: 0, resetAt: Date.now() + 1e12, retryAt: Date.now() + 1e12 });
    expect(store.openAt()! - Date.now()).toBe(MAX_SERVER_DELAY_MS);
    await vi.advanceTimersByTimeAsync(1000);
    expect(armed).toBe(1);
    await vi.advanceTimersByTimeAsync(MAX_SERVER_DELAY_MS);
    expect(store.getSnapshot().isLimited).toBe(false);
  });

  it('a hand-fed Infinity retryAt is no time at all, not a spinning timer', () => {
    vi.useFakeTimers();
    const store = new RateLimitStore();
    store.update({ retryAt: Infinity, resetAt: Number.MAX_VALUE, remaining: 0 }, 200);
    expect(store.openAt()! - Date.now()).toBe(MAX_SERVER_DELAY_MS);
  });

  // fuzzPagination (Paginator), a run that killed the worker: { total_pages: 2 ** 53 + 20, page near the end }.
  // Past 2^53 `page += 1` no longer changes the number: the window loop never ended (out of memory).
  it('the page window of a list with more than 2^53 pages is computed, and small', () => {
    for (const totalPages of [2 ** 53 + 20, 1e300]) {
      for (const page of [1, 2 ** 53 - 3, totalPages]) {
        const items = paginationWindow({ page, totalPages });
        expect(items.length).toBeLessThanOrEqual(7);
      }
    }
  });

  // fuzzPagination (Paginator): { total: 1, page: 0, per_page: Infinity, total_pages: 0 } showed "Showing NaN–1 of 1".
  it('an infinite per_page does not put NaN in the range text', () => {
    expect(paginationRange({ page: 1, perPage: Infinity, total: 1 })).toEqual({ first: 1, last: 1, total: 1, isEmpty: false });
  });

  // fuzzPagination (Paginator), seed 2138176733: { page: 0, has_prev: true } with getHref gave a link to ?page=-1;
  // { total_pages: Infinity } or 1.0000000000000002 gave "Last" a link to page Infinity or 1.0000000000000002.
  it('Paginator links only point at whole pages from 1, whatever the server claims', () => {
    const hrefs: number[] = [];
    const getHref = (page: number) => {
      hrefs.push(page);
      return `?page=${page}`;
    };
    const envelopes: Pagination[] = [
      { total: 0, page: 0, per_page: 0, total_pages: 0, has_next: false, has_prev: true },
      { total: 0, page: 1, per_page: 0, total_pages: 0, has_next: false, has_prev: true },
      { total: 0, page: 0, per_page: 0, total_pages: Infinity, has_next: true, has_prev: false },
      { total: 0, page: 0, per_page: 0, total_pages: 1.0000000000000002, has_next: true, has_prev: false },
    ];
    for (const pagination of envelopes) {
      // An empty list (issue 18) renders "No items" alone: no control to point anywhere.
      const empty = render(createElement(Paginator, { pagination, getHref }));
      expect(empty.container.querySelector('[data-slot="paginator-previous"]')).toBeNull();
      empty.unmount();
      const view = render(createElement(Paginator, { pagination: { ...pagination, total: 1 }, getHref }));
      expect(view.container.querySelector('[data-slot="paginator-previous"]')).toHaveAttribute('aria-disabled', 'true');
      view.unmount();
    }
    for (const page of hrefs) {
      expect(Number.isSafeInteger(page)).toBe(true);
      expect(page).toBeGreaterThanOrEqual(1);
    }
  });

  // fuzzPagination (usePaginatedList), seed 1552588974: every answer said { page: 2, total_pages: 0 }; the hook
  // took the server's `page` and showed page 2 of 0. With { page: requested + 1 } it walked the whole list.
  it.each([
    ['a fixed page 2 of 0 pages', (_requested: number) => 2, 0],
    ['always the next page', (requested: number) => requested + 1, 1000],
  ])('usePaginatedList keeps the requested page when the server misreports `page`: %s', async (_name, served, totalPages) => {
    vi.useFakeTimers();
    const requested: number[] = [];
    const fetch = vi.fn(async (input: RequestInfo | URL): Promise<Response> => {
      const page = Number(new URL(String(input)).searchParams.get('page'));
      requested.push(page);
      const pagination = { total: totalPages * 10, page: served(page), per_page: 10, total_pages: totalPages, has_next: false, has_prev: false };
      return new Response(JSON.stringify({ data: [], pagination }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const client = createSenseiClient({ baseUrl: BASE, apiKey: FUZZ_API_KEY, fetch, shareAcrossTabs: false });
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children?: ReactNode }) => createElement(SenseiProvider, { client, queryClient }, children);
    const { result } = renderHook(() => usePaginatedList({ path: '/v1/migrations' }), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(result.current.page).toBe(1);
    expect(requested).toEqual([1]);
  });
});

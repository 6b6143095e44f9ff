// @vitest-environment node
// 8. Infinite lists (issue 17), through the client + `QueryClient` (query-core), as the hook runs them:
// - memory: JS heap held after loading 200 pages of 100 items, `maxPages: 5` vs unbounded
//   (the in-process mock API; heap measured after a full GC);
// - a refetch of 10 loaded pages against express-rate-limit (3 per 4 s, legacy `X-RateLimit-*`,
//   started here on 127.0.0.1, real time): requests and 429s, ours vs plain TanStack Query.
import { InfiniteQueryObserver, QueryClient } from '@tanstack/query-core';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { it } from 'vitest';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import { infiniteListOptions } from '../src/core/senseiInfiniteQueries.js';
import { createMockSenseiApi } from '../src/testing/index.js';
import { report } from './benchKit.js';

const PAGES = 200;
const PER_PAGE = 100;
const LIMIT = 3;
const WINDOW_MS = 4000;
const REFETCH_PAGES = 10;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

/** Loads PAGES pages with an observer (as `useInfiniteList` does) and returns the heap it holds. */
async function heapAfterPages(maxPages: number | undefined) {
  const api = createMockSenseiApi({ activity: PAGES * PER_PAGE, scenario: { rateLimit: { limit: 1_000_000, windowMs: 60_000 } } });
  const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: 'sk_bench', fetch: api.fetch, shareAcrossTabs: false });
  const queryClient = new QueryClient();
  const before = heapUsed();
  const observer = new InfiniteQueryObserver(queryClient, infiniteListOptions(client, { path: '/v1/activity', perPage: PER_PAGE, maxPages }));
  const unsubscribe = observer.subscribe(() => {});
  await observer.refetch();
  let requests = api.requests.length;
  for (let page = 2; page <= PAGES; page += 1) {
    await observer.fetchNextPage();
    // The mock's request log is the bench's, not the app's: keep it out of the heap.
    requests += api.requests.length;
    api.clearRequests();
  }
  const pagesHeld = observer.getCurrentResult().data?.pages.length ?? 0;
  const held = heapUsed() - before;
  unsubscribe();
  queryClient.clear();
  return { pagesHeld, heapBytes: Math.max(0, held), requests };
}

interface Limiter {
  url: string;
  statuses: number[];
  close: () => Promise<void>;
}

/** express-rate-limit in front of a 100-event feed, 10 per page. */
async function startLimitedFeed(): Promise<Limiter> {
  const statuses: number[] = [];
  const app = express();
  app.use((_req, res, next) => {
    res.on('finish', () => statuses.push(res.statusCode));
    next();
  });
  app.use(rateLimit({ windowMs: WINDOW_MS, limit: LIMIT, legacyHeaders: true, standardHeaders: false }));
  app.get('/v1/activity', (req, res) => {
    const page = Number(req.query.page ?? 1);
    const data = Array.from({ length: 10 }, (_, i) => ({ id: `evt_${(page - 1) * 10 + i}` }));
    res.json({ data, pagination: { total: 100, page, per_page: 10, total_pages: 10, has_next: page < 10, has_prev: page > 1 } });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  setTimeout(() => void close(), 180_000).unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, statuses, close };
}

type Observer = InfiniteQueryObserver<unknown, Error, unknown, readonly unknown[], number>;

/** Loads every page, then measures one refetch of all of them. */
async function refetchRun(make: (url: string, queryClient: QueryClient) => Observer) {
  const limiter = await startLimitedFeed();
  try {
    const queryClient = new QueryClient();
    const observer = make(limiter.url, queryClient);
    const unsubscribe = observer.subscribe(() => {});
    await observer.refetch();
    for (let page = 2; page <= REFETCH_PAGES; page += 1) await observer.fetchNextPage();
    const loaded = (observer.getCurrentResult().data as { pages: unknown[] } | undefined)?.pages.length ?? 0;
    // A full window later, as a user coming back to the tab would.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
    const before = limiter.statuses.length;
    const start = performance.now();
    const result = await observer.refetch();
    const wallMs = Math.round(performance.now() - start);
    const statuses = limiter.statuses.slice(before);
    unsubscribe();
    queryClient.clear();
    return {
      pagesLoaded: loaded,
      requests: statuses.length,
      responses429: statuses.filter((s) => s === 429).length,
      wallMs,
      ok: result.status === 'success' && !result.isRefetchError,
      // Full windows of LIMIT each; the last window's requests leave the moment it opens.
      optimalMs: (Math.ceil(REFETCH_PAGES / LIMIT) - 1) * WINDOW_MS,
    };
  } finally {
    await limiter.close();
  }
}

const ours = (url: string, queryClient: QueryClient) =>
  new InfiniteQueryObserver(queryClient, infiniteListOptions(createSenseiClient({ baseUrl: url, apiKey: 'bench', shareAcrossTabs: false }), { path: '/v1/activity', perPage: 10 })) as unknown as Observer;

/** Plain TanStack Query as `useInfiniteQuery` runs by default: `fetch`, throw on !ok, retry 3 with its backoff. */
const plain = (url: string, queryClient: QueryClient) =>
  new InfiniteQueryObserver(queryClient, {
    queryKey: ['plain-feed'],
    queryFn: async ({ pageParam, signal }: { pageParam: number; signal: AbortSignal }) => {
      const response = await fetch(`${url}/v1/activity?page=${pageParam}&per_page=10`, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<{ pagination: { has_next: boolean } }>;
    },
    initialPageParam: 1,
    getNextPageParam: (last: { pagination: { has_next: boolean } }, _all: unknown, param: number) => (last.pagination.has_next ? param + 1 : undefined),
    retry: 3,
  }) as unknown as Observer;

it('infinite lists: heap after 200 pages (maxPages 5 vs unbounded), refetching 10 pages against a real limiter', async () => {
  // A first run pays the one-time costs (compiled code, lazily built schemas): not the list's.
  await heapAfterPages(5);
  const bounded = await heapAfterPages(5);
  const unbounded = await heapAfterPages(undefined);
  const [refetchOurs, refetchPlain] = await Promise.all([refetchRun(ours), refetchRun(plain)]);
  report('infinite', {
    pages: PAGES,
    perPage: PER_PAGE,
    memory: { bounded, unbounded },
    limit: LIMIT,
    windowMs: WINDOW_MS,
    refetchPages: REFETCH_PAGES,
    refetch: { ours: refetchOurs, plain: refetchPlain },
  });
}, 240_000);

// @vitest-environment node
// 7. Real rate limiters (issue 14): express-rate-limit and @fastify/rate-limit, started here on
// 127.0.0.1 with a limit of 3 per 4 s, legacy `X-RateLimit-*` and `Retry-After` on 429. N lists
// (one request each) start at once, cold (nothing known about the limit) and then again once
// the limit is known, through this library's client and through plain TanStack Query. Real time:
// the limiters run on the wall clock. Every server closes itself after the run (or 3 minutes).
import { QueryClient } from '@tanstack/query-core';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import fastify from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import type { AddressInfo } from 'node:net';
import { it } from 'vitest';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import { createRetryPolicy } from '../src/core/retryPolicy.js';
import { report } from './benchKit.js';

const LIMIT = 3;
const WINDOW_MS = 4000;
const SIZES = [10, 20] as const;
const SERVER_LIFETIME_MS = 180_000;

interface Limiter {
  url: string;
  /** Statuses of every request the server received, in order. */
  statuses: number[];
  close: () => Promise<void>;
}

function listBody(page: number) {
  return { data: [{ id: `mig_${page}` }], pagination: { total: 1, page, per_page: 10, total_pages: 1, has_next: false, has_prev: false } };
}

/** express-rate-limit with the legacy headers (epoch-second reset) or draft 7's `RateLimit` (delta reset). */
async function startExpress(headers: 'legacy' | 'draft-7' = 'legacy'): Promise<Limiter> {
  const statuses: number[] = [];
  const app = express();
  app.use((_req, res, next) => {
    res.on('finish', () => statuses.push(res.statusCode));
    next();
  });
  app.use(
    rateLimit({ windowMs: WINDOW_MS, limit: LIMIT, legacyHeaders: headers === 'legacy', standardHeaders: headers === 'legacy' ? false : 'draft-7' }),
  );
  app.get('/v1/migrations', (req, res) => {
    res.json(listBody(Number(req.query.page ?? 1)));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  setTimeout(() => void close(), SERVER_LIFETIME_MS).unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, statuses, close };
}

async function startFastify(): Promise<Limiter> {
  const statuses: number[] = [];
  const app = fastify({ forceCloseConnections: true });
  app.addHook('onResponse', async (_req, reply) => {
    statuses.push(reply.statusCode);
  });
  await app.register(fastifyRateLimit, { max: LIMIT, timeWindow: WINDOW_MS });
  app.get('/v1/migrations', async (req) => listBody(Number((req.query as { page?: string }).page ?? 1)));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const close = () => app.close();
  setTimeout(() => void close(), SERVER_LIFETIME_MS).unref();
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, statuses, close };
}

type Fetcher = (queryClient: QueryClient, n: number) => Promise<unknown>;

/** This library: the client (its gate and budget) and its retry policy. */
function ours(url: string): Fetcher {
  const client = createSenseiClient({ baseUrl: url, apiKey: 'bench', shareAcrossTabs: false });
  const policy = createRetryPolicy();
  return (queryClient, n) =>
    queryClient.fetchQuery({
      queryKey: ['ours', n],
      queryFn: ({ signal }) => client.list('/v1/migrations', { page: 1, perPage: 10, query: { owner: `team-${n}` }, signal }),
      retry: policy.retry,
      retryDelay: policy.retryDelay,
    });
}

/** Plain TanStack Query as `useQuery` runs it by default: `fetch`, throw on !ok, retry 3 with its backoff. */
function plain(url: string): Fetcher {
  return (queryClient, n) =>
    queryClient.fetchQuery({
      queryKey: ['plain', n],
      queryFn: async ({ signal }) => {
        const response = await fetch(`${url}/v1/migrations?page=1&per_page=10&owner=team-${n}`, { signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<unknown>;
      },
      retry: 3,
    });
}

/** Starts `lists` queries at once and waits for all of them to settle. */
async function burst(limiter: Limiter, fetcher: Fetcher, queryClient: QueryClient, lists: number) {
  const before = limiter.statuses.length;
  const start = performance.now();
  const results = await Promise.allSettled(Array.from({ length: lists }, (_, n) => fetcher(queryClient, n)));
  const wallMs = performance.now() - start;
  const statuses = limiter.statuses.slice(before);
  return {
    lists,
    loaded: results.filter((r) => r.status === 'fulfilled').length,
    requests: statuses.length,
    responses429: statuses.filter((s) => s === 429).length,
    wallMs: Math.round(wallMs),
    // Full windows of LIMIT each; the last window's requests leave the moment it opens.
    optimalMs: (Math.ceil(lists / LIMIT) - 1) * WINDOW_MS,
  };
}

/** Cold bursts of every size on fresh servers, then a second 10-list burst once the limit is known. */
async function measure(start: () => Promise<Limiter>, make: (url: string) => Fetcher) {
  const rows = [];
  for (const lists of SIZES) {
    const limiter = await start();
    try {
      const fetcher = make(limiter.url);
      const cold = await burst(limiter, fetcher, new QueryClient(), lists);
      rows.push({ phase: 'cold', ...cold });
      if (lists === SIZES[0]) rows.push({ phase: 'known', ...(await burst(limiter, fetcher, new QueryClient(), lists)) });
    } finally {
      await limiter.close();
    }
  }
  return rows;
}

it('real rate limiters: express-rate-limit and @fastify/rate-limit, 3 per 4 s', async () => {
  // Four independent servers, each with its own store: the runs wait on the limiters, not the CPU.
  const [expressOurs, expressPlain, fastifyOurs, fastifyPlain, draft7Ours] = await Promise.all([
    measure(() => startExpress(), ours),
    measure(() => startExpress(), plain),
    measure(startFastify, ours),
    measure(startFastify, plain),
    measure(() => startExpress('draft-7'), ours),
  ]);
  report('realLimiters', {
    limit: LIMIT,
    windowMs: WINDOW_MS,
    express: { ours: expressOurs, plain: expressPlain },
    fastify: { ours: fastifyOurs, plain: fastifyPlain },
    expressDraft7: { ours: draft7Ours },
  });
}, 240_000);

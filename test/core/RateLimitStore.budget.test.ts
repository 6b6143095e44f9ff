import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetryPolicy, createSenseiClient, RateLimitStore, SenseiHttpError, type SenseiClientOptions } from '../../src/core/index.js';
import { createFakeFetch, json, track, type Responder } from './fakeFetch.js';
import { createFakeRateLimiter } from './fakeRateLimiter.js';

const START = Date.UTC(2026, 0, 15, 12, 0, 0);
let origin = 0;

function setup(responder: Responder, options: Partial<SenseiClientOptions> = {}) {
  const fake = createFakeFetch(responder);
  origin += 1;
  const client = createSenseiClient({ baseUrl: `https://budget${origin}.example.com`, apiKey: 'k', fetch: fake.fetch, shareAcrossTabs: false, ...options });
  return { client, ...fake };
}

/** Answers each call after `latencyMs`, with these headers. */
const answer =
  (headers: Record<string, string> = {}, latencyMs = 100): Responder =>
  () =>
    new Promise((resolve) => setTimeout(() => resolve(json({ ok: true }, 200, headers)), latencyMs));

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the request budget (#14 item 1)', () => {
  it('a cold burst of 10 against 3 per 4 s: every request reaches the server once, and none gets a 429', async () => {
    const server = createFakeRateLimiter({ limit: 3, windowMs: 4000 });
    const { client } = setup(server.responder);
    const requests = Array.from({ length: 10 }, (_, i) => track(client.get(`/v1/items/${i}`)));
    await vi.advanceTimersByTimeAsync(12_500);
    expect(requests.filter((r) => r.settled && !r.rejected)).toHaveLength(10);
    expect(server.count()).toBe(10);
    expect(server.count(429)).toBe(0);
  });

  it('slow start: one request first while the limit is unknown; the rest wait, told why, until its headers arrive', async () => {
    const { client, calls } = setup(answer({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '99', 'X-RateLimit-Reset': '60' }));
    const holds: unknown[] = [];
    const first = track(client.get('/v1/a'));
    const second = track(client.get('/v1/b', { onGateHold: (hold) => holds.push(hold) }));
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toHaveLength(1);
    expect(holds).toEqual([{ reason: 'budget', until: undefined }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(first.settled).toBe(true);
    expect(calls).toHaveLength(2);
    expect(holds).toEqual([{ reason: 'budget', until: undefined }, null]);
    await vi.advanceTimersByTimeAsync(100);
    expect(second.settled).toBe(true);
  });

  it('never has more requests in flight than the remaining count, and releases them as answers arrive', async () => {
    let remaining = 3;
    let inFlight = 0;
    let most = 0;
    const { client, calls } = setup(
      () =>
        new Promise((resolve) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          setTimeout(() => {
            inFlight -= 1;
            remaining = Math.max(0, remaining - 1);
            resolve(json({}, 200, { 'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': String(remaining + 2), 'X-RateLimit-Reset': '60' }));
          }, 100);
        }),
    );
    const requests = Array.from({ length: 8 }, (_, i) => track(client.get(`/v1/${i}`)));
    await vi.advanceTimersByTimeAsync(100); // the probe says 4 left (2 + 2)
    expect(calls).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(2000);
    expect(requests.every((r) => r.settled && !r.rejected)).toBe(true);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('lets as many go at once as slowStart says', async () => {
    const { client, calls } = setup(answer(), { rateLimitStore: new RateLimitStore({ slowStart: 3 }) });
    for (let i = 0; i < 5; i += 1) void client.get(`/v1/${i}`);
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toHaveLength(3);
  });

  it('an API that sends no rate-limit headers is not slowed down after its first answer', async () => {
    const { client, calls } = setup(answer());
    void client.get('/v1/first');
    await vi.advanceTimersByTimeAsync(100);
    for (let i = 0; i < 20; i += 1) void client.get(`/v1/${i}`);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(21);
  });

  it('a request that fails without an answer (network, abort) frees its slot', async () => {
    let n = 0;
    const { client, calls } = setup((call) => {
      n += 1;
      if (n === 1) return Promise.reject(new TypeError('Failed to fetch'));
      if (n === 2) return new Promise((_resolve, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason)));
      return json({});
    });
    const controller = new AbortController();
    const failed = track(client.get('/v1/a'));
    const aborted = track(client.get('/v1/b', { signal: controller.signal }));
    const third = track(client.get('/v1/c'));
    await vi.advanceTimersByTimeAsync(30);
    expect(failed.rejected).toBe(true);
    expect(calls).toHaveLength(2);
    controller.abort();
    await vi.advanceTimersByTimeAsync(30);
    expect(aborted.rejected).toBe(true);
    expect(third.settled && !third.rejected).toBe(true);
    expect(client.rateLimit.inFlightCount).toBe(0);
  });

  it('probes with one request again when a window reset without fresh headers', async () => {
    const store = new RateLimitStore();
    store.update({ limit: 3, remaining: 0, resetAt: START + 1000 }, 200);
    const releases: Array<() => void> = [];
    const waiting = [track(store.acquire()), track(store.acquire()), track(store.acquire())];
    await vi.advanceTimersByTimeAsync(1000);
    expect(waiting.map((w) => w.settled)).toEqual([true, false, false]);
    releases.push(waiting[0]?.value as () => void);
    store.update({ limit: 3, remaining: 2, resetAt: START + 5000 }, 200);
    releases[0]?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.map((w) => w.settled)).toEqual([true, true, true]);
  });
});

describe('windows in order (#14 item 2)', () => {
  it("a late answer from an older window never overwrites the newer window's counts", () => {
    const store = new RateLimitStore();
    store.update({ limit: 3, remaining: 1, resetAt: START + 8000 }, 200);
    store.update({ limit: 3, remaining: 2, resetAt: START + 4000 }, 200);
    expect(store.getSnapshot()).toMatchObject({ remaining: 1, resetAt: START + 8000 });
  });

  it('a spent window that still runs holds requests until its reset, even when it is not the newest', () => {
    const store = new RateLimitStore();
    store.update({ limit: 1000, remaining: 999, resetAt: START + 60_000 }, 200);
    store.update({ limit: 1000, remaining: 0, resetAt: START + 5000 }, 200);
    expect(store.getSnapshot()).toMatchObject({ remaining: 999, resetAt: START + 60_000, isLimited: true });
    expect(store.openAt()).toBe(START + 5000);
    // A spent window that has already reset says nothing.
    store.update({ limit: 1000, remaining: 0, resetAt: START - 1000 }, 200);
    expect(store.openAt()).toBe(START + 5000);
  });

  it('within one window the count only goes down, whatever order the answers arrive in', () => {
    const store = new RateLimitStore();
    store.update({ limit: 10, remaining: 3, resetAt: START + 4000 }, 200);
    store.update({ limit: 10, remaining: 5, resetAt: START + 4400 }, 200); // sent earlier, delta reset rounded
    expect(store.getSnapshot().remaining).toBe(3);
    store.update({ limit: 10, remaining: 9, resetAt: START + 9000 }, 200); // a new window
    expect(store.getSnapshot()).toMatchObject({ remaining: 9, resetAt: START + 9000 });
  });
});

describe('no herd when the gate opens (#14 item 3)', () => {
  it('queued requests and TanStack retries timed to the reset go out within the budget, not in one millisecond', async () => {
    const server = createFakeRateLimiter({ limit: 3, windowMs: 4000 });
    // Someone else (another user of the key) spent this window already.
    for (let i = 0; i < 3; i += 1) void server.responder({ url: '/other', method: 'GET', headers: new Headers(), body: undefined, signal: undefined });
    server.log.length = 0;
    const { client } = setup(server.responder);
    const policy = createRetryPolicy({ retries: 5 });
    const queryClient = new QueryClient();
    const queries = Array.from({ length: 10 }, (_, i) =>
      track(
        queryClient.fetchQuery({
          queryKey: ['herd', i],
          queryFn: ({ signal }) => client.get(`/v1/items/${i}`, { signal }),
          retry: policy.retry,
          retryDelay: policy.retryDelay,
        }),
      ),
    );
    // Windows the server names by whole epoch seconds: 4.02 s → 9 s → 13 s → 17 s.
    await vi.advanceTimersByTimeAsync(17_500);
    expect(queries.every((q) => q.settled && !q.rejected)).toBe(true);
    expect(server.count(429)).toBeLessThanOrEqual(1);
    expect(server.count(200)).toBe(10);
    expect(server.maxPerMs()).toBeLessThanOrEqual(3);
    queryClient.clear();
  });
});

describe('long server waits: one rule (#13 item 8)', () => {
  it('past the cap, every request reaching the closed gate fails at once with a rate-limited error saying when', async () => {
    let n = 0;
    const { client, calls } = setup(() => {
      n += 1;
      return n === 1 ? json({ error: { code: 'E429', message: 'slow down' } }, 429, { 'Retry-After': '3600' }) : json({});
    });
    const first = track(client.get('/v1/a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.error).toMatchObject({ status: 429, retryAt: START + 3_600_000 });
    const next = track(client.post('/v1/b', { x: 1 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(next.settled).toBe(true);
    expect(next.error).toBeInstanceOf(SenseiHttpError);
    expect(next.error).toMatchObject({ status: 429, retryAt: START + 3_600_000, retryAfterMs: 3_600_000, method: 'POST' });
    expect(calls).toHaveLength(1);
  });

  it('a request already waiting fails when a later 429 pushes the wait past the cap; shorter waits still wait', async () => {
    const store = new RateLimitStore();
    store.update({ retryAt: START + 60_000 }, 429);
    const waiting = track(store.acquire());
    await vi.advanceTimersByTimeAsync(59_000);
    expect(waiting.settled).toBe(false);
    store.update({ retryAt: START + 59_000 + 301_000 }, 429);
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.error).toMatchObject({ status: 429, retryAt: START + 360_000, retryAfterMs: 301_000 });
    const capped = new RateLimitStore({ maxServerDelayMs: 1000 });
    capped.update({ retryAt: START + 59_000 + 1001 }, 429);
    await expect(capped.acquire()).rejects.toMatchObject({ status: 429 });
  });
});

describe('no herd from an API that sends only Retry-After (#14 item 3)', () => {
  it('ten TanStack retries timed to the same reset leave one stagger apart, not in one millisecond', async () => {
    const arrivals: number[] = [];
    let open = true;
    const { client } = setup(() => {
      arrivals.push(Date.now());
      return open ? json({}) : json({ error: { code: 'E429', message: 'wait' } }, 429, { 'Retry-After': '2' });
    });
    await vi.advanceTimersByTimeAsync(0);
    void client.get('/v1/first'); // no counts: the budget is lifted after this answer
    await vi.advanceTimersByTimeAsync(0);
    open = false;
    setTimeout(() => (open = true), 1000);
    const policy = createRetryPolicy({ random: () => 0 });
    const queryClient = new QueryClient();
    const queries = Array.from({ length: 10 }, (_, i) =>
      track(queryClient.fetchQuery({ queryKey: ['only-retry-after', i], queryFn: () => client.get(`/v1/${i}`), retry: policy.retry, retryDelay: policy.retryDelay })),
    );
    await vi.advanceTimersByTimeAsync(3000);
    expect(queries.every((q) => q.settled && !q.rejected)).toBe(true);
    const retries = arrivals.slice(11);
    expect(retries).toHaveLength(10);
    expect(new Set(retries).size).toBe(10); // each in its own millisecond
    queryClient.clear();
  });

  it('a request held for the budget is told when a 429 turns its wait into a rate-limit wait', async () => {
    const store = new RateLimitStore();
    const probe = await store.acquire();
    const holds: unknown[] = [];
    const waiting = track(store.acquire(undefined, (hold) => holds.push(hold)));
    store.update({ retryAt: START + 2000 }, 429);
    probe();
    await vi.advanceTimersByTimeAsync(2000);
    expect(waiting.settled).toBe(true);
    expect(holds).toEqual([{ reason: 'budget', until: undefined }, { reason: 'rate-limit', until: START + 2000 }, null]);
  });
});

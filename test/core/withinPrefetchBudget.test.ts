import { describe, expect, it } from 'vitest';
import { RateLimitStore } from '../../src/core/RateLimitStore.js';
import { withinPrefetchBudget } from '../../src/core/withinPrefetchBudget.js';

const RESET_IN = 60_000;

/** A store that has seen `remaining` of `limit` left, with `inFlight` requests sent and not answered. */
async function storeWith({ limit, remaining, inFlight = 0 }: { limit?: number; remaining?: number; inFlight?: number }) {
  const store = new RateLimitStore();
  if (remaining !== undefined) store.merge({ limit, remaining, resetAt: Date.now() + RESET_IN, retryAt: undefined });
  for (let i = 0; i < inFlight; i += 1) await store.acquire();
  expect(store.inFlightCount).toBe(inFlight);
  return store;
}

describe('withinPrefetchBudget: the limit is unknown', () => {
  it('lets an idle client prefetch', async () => {
    expect(withinPrefetchBudget(await storeWith({}))).toBe(true);
  });

  it('keeps a busy client from prefetching (the slow-start slot is for requests on screen)', async () => {
    expect(withinPrefetchBudget(await storeWith({ inFlight: 1 }))).toBe(false);
  });

  it('never prefetches while the gate is closed, idle or not', () => {
    const store = new RateLimitStore();
    store.merge({ limit: undefined, remaining: undefined, resetAt: undefined, retryAt: Date.now() + RESET_IN });
    expect(store.getSnapshot()).toMatchObject({ isLimited: true, remaining: undefined });
    expect(withinPrefetchBudget(store)).toBe(false);
  });
});

describe('withinPrefetchBudget: the limit is known', () => {
  it('prefetches while more than 10 % of the limit is left, and stops at 10 %', async () => {
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 11 }))).toBe(true);
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 10 }))).toBe(false);
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 3 }))).toBe(false);
  });

  it('counts the requests in flight against what is left', async () => {
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 12, inFlight: 1 }))).toBe(true);
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 11, inFlight: 1 }))).toBe(false);
  });

  it('uses minRemaining instead of 10 % when given, 0 included', async () => {
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 3 }), 2)).toBe(true);
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 2 }), 2)).toBe(false);
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 50 }), 60)).toBe(false);
    expect(withinPrefetchBudget(await storeWith({ limit: 100, remaining: 1 }), 0)).toBe(true);
  });

  it('never prefetches while the gate is closed, however much is left', async () => {
    const store = await storeWith({ limit: 100, remaining: 90 });
    store.merge({ limit: 100, remaining: 90, resetAt: Date.now() + RESET_IN, retryAt: Date.now() + 5000 });
    expect(store.getSnapshot().isLimited).toBe(true);
    expect(withinPrefetchBudget(store)).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitStore } from '../../src/core/index.js';
import { track } from './fakeFetch.js';

const START = Date.UTC(2026, 0, 15, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('RateLimitStore state', () => {
  it('starts open, with nothing known', () => {
    const store = new RateLimitStore();
    expect(store.getSnapshot()).toEqual({
      limit: undefined,
      remaining: undefined,
      resetAt: undefined,
      retryAt: undefined,
      isLimited: false,
      headersHidden: false,
    });
    expect(store.openAt()).toBeUndefined();
  });

  it('takes limit, remaining and reset from each response', () => {
    const store = new RateLimitStore();
    store.update({ limit: 1000, remaining: 999, resetAt: START + 60_000 }, 200);
    expect(store.getSnapshot()).toMatchObject({ limit: 1000, remaining: 999, resetAt: START + 60_000, isLimited: false });
    store.update({ remaining: 998 }, 200);
    expect(store.getSnapshot()).toMatchObject({ limit: 1000, remaining: 998, resetAt: START + 60_000 });
  });

  it('keeps what it knew when a response carries no rate-limit headers', () => {
    const store = new RateLimitStore();
    store.update({ limit: 10, remaining: 5 }, 200);
    const before = store.getSnapshot();
    store.update(undefined, 200);
    store.update(undefined, 404);
    expect(store.getSnapshot()).toBe(before);
  });

  it('returns the same snapshot object until something changes, and a frozen one', () => {
    const store = new RateLimitStore();
    const initial = store.getSnapshot();
    store.update(undefined, 200);
    expect(store.getSnapshot()).toBe(initial);

    store.update({ limit: 10, remaining: 9 }, 200);
    const changed = store.getSnapshot();
    expect(changed).not.toBe(initial);
    expect(Object.isFrozen(changed)).toBe(true);
    store.update({ limit: 10, remaining: 9 }, 200);
    expect(store.getSnapshot()).toBe(changed);
  });

  it('notifies subscribers on change only, and stops after unsubscribe', () => {
    const store = new RateLimitStore();
    const listener = vi.fn();
    const other = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.subscribe(other);
    expect(store.listenerCount).toBe(2);

    store.update({ remaining: 9 }, 200);
    expect(listener).toHaveBeenCalledTimes(1);
    store.update({ remaining: 9 }, 200);
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    expect(store.listenerCount).toBe(1);
    store.update({ remaining: 8 }, 200);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(2);
  });

  it('lets a listener unsubscribe itself while being notified', () => {
    const store = new RateLimitStore();
    const second = vi.fn();
    const unsubscribeFirst = store.subscribe(() => unsubscribeFirst());
    store.subscribe(second);
    store.update({ remaining: 1 }, 200);
    expect(second).toHaveBeenCalledTimes(1);
    expect(store.listenerCount).toBe(1);
  });
});

describe('RateLimitStore gate', () => {
  it('after a 429 with Retry-After: 2, holds waiters for 2000 ms, then lets them all out, staggered', async () => {
    const store = new RateLimitStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.update({ retryAt: START + 2000 }, 429);
    expect(store.getSnapshot()).toMatchObject({ isLimited: true, retryAt: START + 2000, headersHidden: false });
    expect(store.openAt()).toBe(START + 2000);
    expect(listener).toHaveBeenCalledTimes(1);

    const waiters = [track(store.waitUntilOpen()), track(store.waitUntilOpen()), track(store.waitUntilOpen())];
    expect(store.waitingCount).toBe(3);

    await vi.advanceTimersByTimeAsync(1999);
    expect(waiters.map((w) => w.settled)).toEqual([false, false, false]);
    expect(store.getSnapshot().isLimited).toBe(true);

    await vi.advanceTimersByTimeAsync(1);
    expect(store.getSnapshot().isLimited).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(waiters.map((w) => w.settled)).toEqual([true, false, false]);

    await vi.advanceTimersByTimeAsync(25);
    expect(waiters.map((w) => w.settled)).toEqual([true, true, false]);
    await vi.advanceTimersByTimeAsync(25);
    expect(waiters.map((w) => w.settled)).toEqual([true, true, true]);
    expect(waiters.some((w) => w.rejected)).toBe(false);
    expect(store.waitingCount).toBe(0);
  });

  it('honours a custom stagger', async () => {
    const store = new RateLimitStore({ staggerMs: 100 });
    store.update({ retryAt: START + 1000 }, 429);
    const waiters = [track(store.waitUntilOpen()), track(store.waitUntilOpen())];
    await vi.advanceTimersByTimeAsync(1000);
    expect(waiters.map((w) => w.settled)).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(99);
    expect(waiters[1]?.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiters[1]?.settled).toBe(true);
  });

  it('resolves at once while open', async () => {
    const store = new RateLimitStore();
    const waiter = track(store.waitUntilOpen());
    await vi.advanceTimersByTimeAsync(0);
    expect(waiter.settled).toBe(true);
  });

  it('closes while X-RateLimit-Remaining is 0 and the reset is in the future', async () => {
    const store = new RateLimitStore();
    store.update({ limit: 100, remaining: 0, resetAt: START + 5000 }, 200);
    expect(store.getSnapshot().isLimited).toBe(true);
    expect(store.openAt()).toBe(START + 5000);
    const waiter = track(store.waitUntilOpen());
    await vi.advanceTimersByTimeAsync(4999);
    expect(waiter.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiter.settled).toBe(true);
    expect(store.getSnapshot().isLimited).toBe(false);
  });

  it('stays open when requests remain, or when the reset is already past', async () => {
    const store = new RateLimitStore();
    store.update({ remaining: 1, resetAt: START + 5000 }, 200);
    expect(store.getSnapshot().isLimited).toBe(false);
    store.update({ remaining: 0, resetAt: START }, 200);
    expect(store.getSnapshot().isLimited).toBe(false);
    const waiter = track(store.waitUntilOpen());
    await vi.advanceTimersByTimeAsync(0);
    expect(waiter.settled).toBe(true);
  });

  it('uses a future reset for a 429 without Retry-After, and the later of both', async () => {
    const store = new RateLimitStore();
    store.update({ resetAt: START + 3000 }, 429);
    expect(store.openAt()).toBe(START + 3000);
    expect(store.getSnapshot().headersHidden).toBe(false);

    const other = new RateLimitStore();
    other.update({ retryAt: START + 1000, remaining: 0, resetAt: START + 4000 }, 429);
    expect(other.openAt()).toBe(START + 4000);
  });

  it('extends the wait when another 429 arrives while requests wait', async () => {
    const store = new RateLimitStore();
    store.update({ retryAt: START + 1000 }, 429);
    const waiter = track(store.waitUntilOpen());
    await vi.advanceTimersByTimeAsync(500);
    store.update({ retryAt: START + 3000 }, 429);
    await vi.advanceTimersByTimeAsync(2499);
    expect(waiter.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiter.settled).toBe(true);
  });

  it('does not shorten the wait when a later 429 asks for less', async () => {
    const store = new RateLimitStore();
    store.update({ retryAt: START + 3000 }, 429);
    store.update({ retryAt: START + 1000 }, 429);
    expect(store.openAt()).toBe(START + 3000);
  });

  it('rejects a waiter with the abort reason and forgets it', async () => {
    const store = new RateLimitStore();
    store.update({ retryAt: START + 2000 }, 429);
    const controller = new AbortController();
    const aborted = track(store.waitUntilOpen(controller.signal));
    const kept = track(store.waitUntilOpen());
    expect(store.waitingCount).toBe(2);
    const reason = new Error('unmounted');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(aborted).toMatchObject({ settled: true, rejected: true, error: reason });
    expect(store.waitingCount).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(kept).toMatchObject({ settled: true, rejected: false });
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const store = new RateLimitStore();
    const reason = new Error('gone');
    await expect(store.waitUntilOpen(AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(store.waitingCount).toBe(0);
  });

  it('reset() forgets the limit and lets waiting requests go', async () => {
    const store = new RateLimitStore();
    store.update({ retryAt: START + 60_000, limit: 5, remaining: 0 }, 429);
    const waiter = track(store.waitUntilOpen());
    store.reset();
    await vi.advanceTimersByTimeAsync(0);
    expect(waiter.settled).toBe(true);
    expect(store.getSnapshot()).toMatchObject({ isLimited: false, limit: undefined, retryAt: undefined });
  });
});

describe('RateLimitStore when a 429 has no readable headers', () => {
  it('sets headersHidden and backs off 1 s, doubling on each such 429 in a row', async () => {
    const store = new RateLimitStore();
    store.update(undefined, 429);
    expect(store.getSnapshot()).toMatchObject({ headersHidden: true, isLimited: true, retryAt: START + 1000 });

    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getSnapshot().isLimited).toBe(false);
    store.update(undefined, 429);
    expect(store.getSnapshot().retryAt).toBe(START + 1000 + 2000);

    await vi.advanceTimersByTimeAsync(2000);
    store.update({}, 429);
    expect(store.getSnapshot().retryAt).toBe(START + 3000 + 4000);
  });

  it('caps the fallback delay', () => {
    const store = new RateLimitStore({ fallbackDelayMs: 1000, maxFallbackDelayMs: 3000 });
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      store.update(undefined, 429);
      delays.push((store.getSnapshot().retryAt ?? 0) - START);
    }
    expect(delays).toEqual([1000, 2000, 3000, 3000]);
  });

  it('starts the backoff again after a success', async () => {
    const store = new RateLimitStore({ fallbackDelayMs: 500 });
    store.update(undefined, 429);
    store.update(undefined, 429);
    expect(store.getSnapshot().retryAt).toBe(START + 1000);
    await vi.advanceTimersByTimeAsync(1000);
    store.update(undefined, 200);
    store.update(undefined, 429);
    expect(store.getSnapshot().retryAt).toBe(START + 1000 + 500);
  });

  it('clears headersHidden once a 429 carries a readable time', () => {
    const store = new RateLimitStore();
    store.update(undefined, 429);
    expect(store.getSnapshot().headersHidden).toBe(true);
    store.update({ retryAt: START + 5000 }, 429);
    expect(store.getSnapshot()).toMatchObject({ headersHidden: false, retryAt: START + 5000 });
  });
});

describe('RateLimitStore hold reports', () => {
  it('tells a held request why and until when it waits, and when it leaves', async () => {
    const store = new RateLimitStore();
    store.update({ retryAt: START + 3000 }, 429);
    const holds: unknown[] = [];
    const waiter = track(store.waitUntilOpen(undefined, (hold) => holds.push(hold)));
    expect(holds).toEqual([{ reason: 'rate-limit', until: START + 3000 }]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(waiter.settled).toBe(true);
    expect(holds).toEqual([{ reason: 'rate-limit', until: START + 3000 }, null]);
  });

  it('reports nothing for a request that passes an open gate, and null for one aborted while held', async () => {
    const store = new RateLimitStore();
    const passed: unknown[] = [];
    await store.waitUntilOpen(undefined, (hold) => passed.push(hold));
    expect(passed).toEqual([]);

    store.update({ retryAt: START + 3000 }, 429);
    const controller = new AbortController();
    const holds: unknown[] = [];
    const waiter = track(store.waitUntilOpen(controller.signal, (hold) => holds.push(hold)));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(waiter.rejected).toBe(true);
    expect(holds).toEqual([{ reason: 'rate-limit', until: START + 3000 }, null]);
  });
});

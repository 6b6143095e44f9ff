import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitStore, setTimerProvider, timers, type TimerProvider } from '../../src/core/index.js';

afterEach(() => {
  setTimerProvider();
});

/** A manual clock: nothing runs until `advance` is called. */
function manualClock(start = 1_000_000) {
  let now = start;
  const pending = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  const provider: TimerProvider = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = until;
  };
  return { provider, advance, pendingCount: () => pending.size };
}

describe('timers', () => {
  it('uses the global clock and timers by default, looked up at call time', async () => {
    vi.useFakeTimers({ now: 5000 });
    expect(timers.now()).toBe(5000);
    const callback = vi.fn();
    const handle = timers.setTimeout(callback, 100);
    await vi.advanceTimersByTimeAsync(99);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(callback).toHaveBeenCalledTimes(1);
    const cancelled = vi.fn();
    timers.clearTimeout(timers.setTimeout(cancelled, 10));
    await vi.advanceTimersByTimeAsync(50);
    expect(cancelled).not.toHaveBeenCalled();
    expect(handle).toBeDefined();
  });

  it('lets a provider drive the core without touching globals (the rate-limit gate here)', async () => {
    const clock = manualClock();
    setTimerProvider(clock.provider);
    expect(timers.now()).toBe(1_000_000);

    const store = new RateLimitStore();
    store.update({ retryAt: 1_000_000 + 3000 }, 429);
    expect(store.getSnapshot().isLimited).toBe(true);
    let opened = false;
    void store.waitUntilOpen().then(() => {
      opened = true;
    });
    clock.advance(2999);
    await Promise.resolve();
    expect(opened).toBe(false);
    clock.advance(1);
    await Promise.resolve();
    expect(opened).toBe(true);
    expect(store.getSnapshot().isLimited).toBe(false);
  });

  it('restores the default provider when called without an argument', () => {
    setTimerProvider(manualClock(42).provider);
    expect(timers.now()).toBe(42);
    setTimerProvider();
    expect(Math.abs(timers.now() - Date.now())).toBeLessThan(1000);
  });
});

describe('timers past the platform maximum', () => {
  const MAX = 2 ** 31 - 1;

  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires a 2^31 + 1000 ms timer at its time, not at once', async () => {
    vi.useFakeTimers({ now: 0 });
    const callback = vi.fn();
    timers.setTimeout(callback, 2 ** 31 + 1000);
    await vi.advanceTimersByTimeAsync(1);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(MAX);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2 ** 31 + 1000 - MAX - 2);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('can clear a long timer mid-way, after it was re-armed', async () => {
    vi.useFakeTimers({ now: 0 });
    const callback = vi.fn();
    const handle = timers.setTimeout(callback, 3 * MAX);
    await vi.advanceTimersByTimeAsync(MAX + 5);
    timers.clearTimeout(handle);
    await vi.advanceTimersByTimeAsync(3 * MAX);
    expect(callback).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never fires an Infinity timer, and never arms a provider past the maximum', () => {
    const clock = manualClock(0);
    const asked: number[] = [];
    setTimerProvider({ ...clock.provider, setTimeout: (cb, ms) => (asked.push(ms), clock.provider.setTimeout(cb, ms)) });
    const callback = vi.fn();
    const handle = timers.setTimeout(callback, Number.POSITIVE_INFINITY);
    clock.advance(10 * MAX);
    expect(callback).not.toHaveBeenCalled();
    expect(Math.max(...asked)).toBe(MAX);
    timers.clearTimeout(handle);
    expect(clock.pendingCount()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { pollDelay } from '../../src/core/pollDelay.js';

const MAX_TIMER_MS = 2 ** 31 - 1;

describe('pollDelay', () => {
  it('grows from initialMs by factor up to maxMs, and follows the server within [250 ms, 5 min]', () => {
    expect([1, 2, 3, 4, 10].map((n) => pollDelay(n, undefined))).toEqual([1000, 1500, 2250, 3375, 10_000]);
    expect(pollDelay(3, 2000)).toBe(2000);
    expect(pollDelay(3, 0)).toBe(250);
    expect(pollDelay(3, 3_600_000)).toBe(300_000);
  });

  it.each([
    { initialMs: Number.NaN },
    { initialMs: -5 },
    { initialMs: Infinity },
    { factor: Number.NaN },
    { factor: Infinity },
    { factor: -2 },
    { maxMs: Infinity },
    { maxMs: Number.NaN },
    { maxMs: -1 },
    { initialMs: 2 ** 40, maxMs: 2 ** 41 },
  ])('always gives a delay a timer can hold for %o', (options) => {
    for (const count of [0, 1, 2, 10, 100, 5_000, Infinity, Number.NaN, -3]) {
      const delay = pollDelay(count, undefined, options);
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(MAX_TIMER_MS);
    }
  });

  it('ignores a server delay that is not a finite number', () => {
    expect(pollDelay(1, Number.NaN)).toBe(1000);
    expect(pollDelay(1, Infinity)).toBe(1000);
  });
});

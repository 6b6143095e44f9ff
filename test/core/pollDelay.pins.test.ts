import { describe, expect, it } from 'vitest';
import { pollDelay } from '../../src/core/pollDelay.js';

// Pins found by mutation testing (issue 21): the caller's own poll options are used as given,
// down to the smallest value each accepts.
describe('pollDelay pins', () => {
  it('uses the caller’s initialMs, factor and maxMs', () => {
    const options = { initialMs: 200, factor: 2, maxMs: 5000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => pollDelay(n, undefined, options))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it('accepts the smallest value of each option: initialMs 0, factor 1, maxMs 0', () => {
    expect(pollDelay(4, undefined, { initialMs: 0 })).toBe(0);
    expect([1, 5, 50].map((n) => pollDelay(n, undefined, { initialMs: 700, factor: 1 }))).toEqual([700, 700, 700]);
    expect(pollDelay(3, undefined, { maxMs: 0 })).toBe(0);
  });

  it('clamps the server’s delay exactly at 250 ms and 5 min', () => {
    expect(pollDelay(1, 251)).toBe(251);
    expect(pollDelay(1, 249)).toBe(250);
    expect(pollDelay(1, 299_999)).toBe(299_999);
    expect(pollDelay(1, 300_001)).toBe(300_000);
  });
});

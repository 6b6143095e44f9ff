import { describe, expect, it } from 'vitest';
import { parseRateLimit, parseRateLimitReset, serverNow } from '../../src/core/parseRateLimit.js';

// Pins found by mutation testing (issue 21): what a caller reads from odd headers.
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('parseRateLimit: counts', () => {
  it('reports only the headers that are present', () => {
    expect(parseRateLimit({ 'x-ratelimit-remaining': '5' }, NOW)).toStrictEqual({ remaining: 5 });
    expect(parseRateLimit({}, NOW)).toBeUndefined();
  });

  it('reads a count with surrounding spaces, and no blank or decimal count', () => {
    expect(parseRateLimit({ 'X-RateLimit-Limit': '10 ' }, NOW)).toStrictEqual({ limit: 10 });
    expect(parseRateLimit({ 'X-RateLimit-Limit': ' ', 'X-RateLimit-Remaining': '1.5' }, NOW)).toBeUndefined();
  });

  it('ignores a header value that is not a string', () => {
    expect(parseRateLimit({ 'X-RateLimit-Limit': 100 as unknown as string }, NOW)).toBeUndefined();
  });
});

describe('parseRateLimitReset: malformed values', () => {
  it('reads nothing from a missing or non-numeric reset', () => {
    expect(parseRateLimitReset(null, NOW)).toBeUndefined();
    expect(parseRateLimitReset(undefined, NOW)).toBeUndefined();
    expect(parseRateLimitReset('soon', NOW)).toBeUndefined();
  });

  it('reads every decimal digit of a fractional reset', () => {
    expect(parseRateLimitReset('1.25', NOW)).toBe(NOW + 1250);
  });
});

describe('serverNow', () => {
  it('reads only a Date that ends in GMT', () => {
    expect(serverNow('Thu, 15 Jan 2026 13:00:30 GMT+0100', NOW)).toBe(NOW);
    expect(serverNow(httpDate(NOW + 30_000), NOW)).toBe(NOW + 30_000);
  });

  it('trusts the client clock for the whole second the Date names, and not a second later', () => {
    expect(serverNow(httpDate(NOW), NOW + 999)).toBe(NOW + 999);
    expect(serverNow(httpDate(NOW), NOW + 1_000)).toBe(NOW);
  });
});

describe('parseRateLimit: IETF fields', () => {
  it('reads draft 7 with remaining after limit, with or without spaces', () => {
    for (const header of ['limit=100,remaining=50, reset=30', 'remaining=50, limit=100, reset=30']) {
      expect(parseRateLimit({ RateLimit: header }, NOW)).toStrictEqual({ limit: 100, remaining: 50, resetAt: NOW + 30_000 });
    }
  });

  it('follows the policy with the fewest requests left, the first of equals', () => {
    expect(parseRateLimit({ RateLimit: '"a";r=1;t=10, "b";r=5;t=60' }, NOW)).toStrictEqual({ remaining: 1, resetAt: NOW + 10_000 });
    expect(parseRateLimit({ RateLimit: '"a";r=5;t=10, "b";r=5;t=60' }, NOW)).toStrictEqual({ remaining: 5, resetAt: NOW + 10_000 });
  });

  it('reads no more than the first 4096 characters of the field', () => {
    expect(parseRateLimit({ RateLimit: `${' '.repeat(4_096)}"a";r=5;t=30` }, NOW)).toBeUndefined();
  });
});

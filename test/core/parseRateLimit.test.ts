import { describe, expect, it } from 'vitest';
import { MAX_SERVER_DELAY_MS, parseRateLimit, parseRateLimitReset } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const NOW_SECONDS = NOW / 1000;

describe('parseRateLimitReset', () => {
  it('reads values of 1e9 and more as epoch seconds', () => {
    expect(parseRateLimitReset(String(NOW_SECONDS + 60), NOW)).toBe(NOW + 60_000);
    expect(parseRateLimitReset(` ${NOW_SECONDS + 1} `, NOW)).toBe(NOW + 1000);
  });

  it('reads values below 1e9 as seconds until the reset', () => {
    expect(parseRateLimitReset('60', NOW)).toBe(NOW + 60_000);
    expect(parseRateLimitReset('0', NOW)).toBe(NOW);
    expect(parseRateLimitReset('1.5', NOW)).toBe(NOW + 1500);
    // Just under the threshold is still a (clamped) delta, not a date in 2001.
    expect(parseRateLimitReset('999999999', NOW)).toBe(NOW + MAX_SERVER_DELAY_MS);
  });

  it('reads an epoch in the past as now', () => {
    expect(parseRateLimitReset('1677849600', NOW)).toBe(NOW);
    expect(parseRateLimitReset('1000000000', NOW)).toBe(NOW);
  });

  it('clamps an epoch far in the future', () => {
    expect(parseRateLimitReset(String(NOW_SECONDS + 365 * 24 * 3600), NOW)).toBe(NOW + MAX_SERVER_DELAY_MS);
    expect(parseRateLimitReset('9'.repeat(400), NOW)).toBe(NOW + MAX_SERVER_DELAY_MS);
  });

  it.each([undefined, null, '', ' ', '-5', 'soon', '5s', '1e10', '0x10', 'Thu, 15 Jan 2026 12:00:30 GMT'])(
    'returns undefined for %j',
    (value) => {
      expect(parseRateLimitReset(value, NOW)).toBeUndefined();
    },
  );
});

describe('parseRateLimit', () => {
  it("reads the seed's 429 headers", () => {
    const headers = new Headers({
      'X-RateLimit-Limit': '1000',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(NOW_SECONDS + 60),
      'Retry-After': '60',
    });
    expect(parseRateLimit(headers, NOW)).toEqual({ limit: 1000, remaining: 0, resetAt: NOW + 60_000, retryAt: NOW + 60_000 });
  });

  it('reads a plain header record case-insensitively', () => {
    expect(parseRateLimit({ 'x-ratelimit-limit': '10', 'X-RATELIMIT-REMAINING': '3', 'retry-after': '2' }, NOW)).toEqual({
      limit: 10,
      remaining: 3,
      retryAt: NOW + 2000,
    });
    expect(parseRateLimit({ 'x-ratelimit-limit': null, 'x-ratelimit-remaining': undefined }, NOW)).toBeUndefined();
  });

  it('returns undefined when no header is there (or CORS hides them)', () => {
    expect(parseRateLimit(new Headers(), NOW)).toBeUndefined();
    expect(parseRateLimit(new Headers({ 'Content-Type': 'application/json' }), NOW)).toBeUndefined();
  });

  it('drops malformed values and keeps the readable ones', () => {
    const headers = new Headers({
      'X-RateLimit-Limit': 'lots',
      'X-RateLimit-Remaining': '-1',
      'X-RateLimit-Reset': 'tomorrow',
      'Retry-After': '30',
    });
    expect(parseRateLimit(headers, NOW)).toEqual({ retryAt: NOW + 30_000 });
    expect(
      parseRateLimit(new Headers({ 'X-RateLimit-Limit': '1.5', 'X-RateLimit-Remaining': '99999999999999999999' }), NOW),
    ).toBeUndefined();
  });

  it('never reports more remaining than the limit', () => {
    expect(parseRateLimit(new Headers({ 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '50' }), NOW)).toEqual({
      limit: 10,
      remaining: 10,
    });
  });

  it('reads the reset as a delta when it is small', () => {
    expect(parseRateLimit(new Headers({ 'X-RateLimit-Reset': '30' }), NOW)).toEqual({ resetAt: NOW + 30_000 });
  });

  it('drops a malformed Retry-After but keeps the reset to fall back on', () => {
    const info = parseRateLimit(new Headers({ 'Retry-After': 'later 2', 'X-RateLimit-Reset': '30' }), NOW);
    expect(info).toEqual({ resetAt: NOW + 30_000 });
  });

  it('reads a Retry-After date', () => {
    expect(parseRateLimit(new Headers({ 'Retry-After': 'Thu, 15 Jan 2026 12:00:05 GMT' }), NOW)).toEqual({ retryAt: NOW + 5000 });
  });
});

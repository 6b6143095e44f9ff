import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRateLimit, serverNow as readServerNow } from '../../src/core/parseRateLimit.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('parseRateLimit: IETF fields (#14 item 6)', () => {
  it('reads RateLimit and RateLimit-Policy structured fields', () => {
    expect(parseRateLimit({ RateLimit: '"default";r=50;t=30', 'RateLimit-Policy': '"default";q=100;w=60' }, NOW)).toEqual({
      limit: 100,
      remaining: 50,
      resetAt: NOW + 30_000,
    });
  });

  it("reads draft 7's combined RateLimit (express-rate-limit standardHeaders: 'draft-7')", () => {
    expect(parseRateLimit({ RateLimit: 'limit=3, remaining=2, reset=4', 'RateLimit-Policy': '3;w=4' }, NOW)).toEqual({
      limit: 3,
      remaining: 2,
      resetAt: NOW + 4000,
    });
  });

  it('reads RateLimit-Limit / -Remaining / -Reset (draft 6, @fastify/rate-limit)', () => {
    expect(parseRateLimit({ 'RateLimit-Limit': '3', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '4' }, NOW)).toEqual({
      limit: 3,
      remaining: 0,
      resetAt: NOW + 4000,
    });
  });

  it('with several policies, the one with the fewest requests left rules', () => {
    expect(parseRateLimit({ RateLimit: '"hour";r=900;t=3000, "second";r=1;t=1' }, NOW)).toEqual({ remaining: 1, resetAt: NOW + 1000 });
  });

  it("the seed's X-RateLimit-* win when both are present", () => {
    const headers = {
      'X-RateLimit-Limit': '1000',
      'X-RateLimit-Remaining': '998',
      'X-RateLimit-Reset': '60',
      RateLimit: '"default";r=5;t=2',
      'RateLimit-Policy': '"default";q=10;w=60',
      'RateLimit-Remaining': '7',
    };
    expect(parseRateLimit(headers, NOW)).toEqual({ limit: 1000, remaining: 998, resetAt: NOW + 60_000 });
  });

  it.each(['"default";r=-1;t=30', '"default";r=1.5', 'r=abc', '";;;===', '"default";r=99999999999999999999999', ''])('drops unreadable %j', (value) => {
    expect(parseRateLimit({ RateLimit: value }, NOW)?.remaining).toBeUndefined();
  });

  it('never throws, and whatever it reads is a whole count or a time within a day (fuzz)', () => {
    const header = fc.oneof(fc.string(), fc.stringMatching(/^[ "a-z0-9;=,.-]{0,60}$/));
    fc.assert(
      fc.property(header, header, header, (rateLimit, policy, reset) => {
        const info = parseRateLimit({ RateLimit: rateLimit, 'RateLimit-Policy': policy, 'RateLimit-Reset': reset }, NOW);
        for (const count of [info?.limit, info?.remaining]) if (count !== undefined) expect(Number.isSafeInteger(count) && count >= 0).toBe(true);
        if (info?.resetAt !== undefined) expect(info.resetAt - NOW).toBeGreaterThanOrEqual(0);
        if (info?.resetAt !== undefined) expect(info.resetAt - NOW).toBeLessThanOrEqual(24 * 3600 * 1000);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseRateLimit: the server's clock (#14 item 4)", () => {
  const tenMinutes = 10 * 60_000;
  const serverNow = NOW; // what the server's clock says when it answers
  const date = new Date(serverNow).toUTCString();

  it.each([
    ['10 min ahead', tenMinutes],
    ['10 min behind', -tenMinutes],
    ['in step', 0],
  ])('a client clock %s still waits the server’s 30 s for an epoch reset and an HTTP-date Retry-After', (_label, skew) => {
    const clientNow = serverNow + skew;
    const info = parseRateLimit(
      { Date: date, 'X-RateLimit-Reset': String(serverNow / 1000 + 30), 'Retry-After': new Date(serverNow + 30_000).toUTCString() },
      clientNow,
    );
    expect(info?.resetAt).toBe(clientNow + 30_000);
    expect(info?.retryAt).toBe(clientNow + 30_000);
  });

  it('falls back to the client clock without a readable Date, and trusts the finer client clock within the same second', () => {
    const reset = String(NOW / 1000 + 30);
    expect(parseRateLimit({ 'X-RateLimit-Reset': reset }, NOW + 5000)?.resetAt).toBe(NOW + 30_000);
    expect(parseRateLimit({ Date: 'yesterday', 'X-RateLimit-Reset': reset }, NOW + 5000)?.resetAt).toBe(NOW + 30_000);
    expect(parseRateLimit({ Date: date, 'X-RateLimit-Reset': reset }, NOW + 400)?.resetAt).toBe(NOW + 30_000);
  });

  it('serverNow reads a GMT date, and ignores anything else', () => {
    expect(readServerNow('Thu, 15 Jan 2026 12:00:00 GMT', NOW - 60_000)).toBe(NOW);
    for (const bad of ['2026-01-15T12:00:00Z', '', 'Thu, 15 Jan 2026 12:00:00 PST', 'soon GMT', undefined]) {
      expect(readServerNow(bad, NOW - 60_000)).toBe(NOW - 60_000);
    }
  });
});

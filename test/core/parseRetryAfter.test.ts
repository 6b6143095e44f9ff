import { describe, expect, it } from 'vitest';
import { clampDelay, MAX_SERVER_DELAY_MS, parseRetryAfter } from '../../src/core/index.js';
import { parseHttpDate } from '../../src/core/parseHttpDate.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['60', 60_000],
    ['  120  ', 120_000],
    ['007', 7000],
  ])('reads delta seconds %j as %d ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('reads an IMF-fixdate in the future as the time until then', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:30 GMT', NOW)).toBe(30_000);
  });

  it('reads the obsolete RFC 850 and asctime date formats as UTC', () => {
    expect(parseRetryAfter('Thursday, 15-Jan-26 12:01:00 GMT', NOW)).toBe(60_000);
    // asctime carries no zone; RFC 9110 says it is UTC, whatever the machine's zone.
    expect(parseRetryAfter('Thu Jan 15 12:00:10 2026', NOW)).toBe(10_000);
    expect(parseRetryAfter('Thu Jan  1 00:00:00 2026', Date.UTC(2025, 11, 31, 23, 59, 0))).toBe(60_000);
  });

  it('reads a date in the past as 0 (retry now)', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', NOW)).toBe(0);
  });

  it('uses Date.now() when no clock is given', () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    const delay = parseRetryAfter(inOneMinute);
    expect(delay).toBeGreaterThan(55_000);
    expect(delay).toBeLessThanOrEqual(60_000);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['negative', '-5'],
    ['negative decimal', '-0.5'],
    ['signed', '+5'],
    ['with a unit', '5s'],
    ['a word', 'soon'],
    ['words with a number', 'later 2'],
    ['a number and words', 'in 5 minutes'],
    ['hex', '0x10'],
    ['exponent', '1e3'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['two numbers', '1 2'],
    ['a list', '5, 10'],
    ['a trailing dot', '5.'],
    ['a fraction', '1.5'],
    ['a leading-dot fraction', '.5'],
    ['a decimal', '0.25'],
    ['a negative integer', '-1'],
    ['a number with a suffix', ' 5x'],
    ['an ISO date', '2026-01-15T12:00:30Z'],
    ['a date with another zone', 'Thu, 15 Jan 2026 12:00:30 PST'],
    ['a date with an offset', 'Thu, 15 Jan 2026 12:00:30 +0000'],
    ['a date without a zone', 'Thu, 15 Jan 2026 12:00:30'],
    ['a date with a one-digit day', 'Thu, 5 Jan 2026 12:00:30 GMT'],
    ['a date with a two-digit year', 'Thu, 15 Jan 26 12:00:30 GMT'],
    ['a date with a bad month', 'Thu, 15 Jab 2026 12:00:30 GMT'],
    ['a date with a 25th hour', 'Thu, 15 Jan 2026 25:00:30 GMT'],
    ['a date with a 61st minute', 'Thu, 15 Jan 2026 12:61:30 GMT'],
    ['a 31st of February', 'Sat, 31 Feb 2026 12:00:30 GMT'],
    ['a date with trailing words', 'Thu, 15 Jan 2026 12:00:30 GMT later'],
    ['words around a time', 'maybe at 12:00:30 or so'],
    ['an RFC 850 date with a four-digit year', 'Thursday, 15-Jan-2026 12:01:00 GMT'],
    ['an asctime date with a two-digit day without padding', 'Thu Jan 5 12:00:10 2026'],
    ['an asctime date with a zone', 'Thu Jan 15 12:00:10 2026 GMT'],
  ])('returns undefined for a %s value', (_label, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('clamps a huge delta to MAX_SERVER_DELAY_MS', () => {
    expect(MAX_SERVER_DELAY_MS).toBe(24 * 60 * 60 * 1000);
    expect(parseRetryAfter('999999999999', NOW)).toBe(MAX_SERVER_DELAY_MS);
    expect(parseRetryAfter('9'.repeat(400), NOW)).toBe(MAX_SERVER_DELAY_MS);
    expect(parseRetryAfter(String(24 * 60 * 60 + 1), NOW)).toBe(MAX_SERVER_DELAY_MS);
    expect(parseRetryAfter(String(24 * 60 * 60 - 1), NOW)).toBe(MAX_SERVER_DELAY_MS - 1000);
  });

  it('clamps a date far in the future to MAX_SERVER_DELAY_MS', () => {
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(MAX_SERVER_DELAY_MS);
  });
});

describe('parseHttpDate', () => {
  const SUNDAY = 784111777000; // RFC 9110's example: Sun, 06 Nov 1994 08:49:37 GMT

  it('reads the three forms of RFC 9110 as the same UTC instant, whatever the time zone', () => {
    // Run this file under TZ=America/New_York and TZ=Asia/Tokyo: the results do not move.
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(SUNDAY);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(2026, 0, 1))).toBe(SUNDAY);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(SUNDAY);
  });

  it('reads an RFC 850 two-digit year more than 50 years ahead as the past century (RFC 9110 §5.6.7)', () => {
    const in2026 = Date.UTC(2026, 5, 1);
    expect(parseHttpDate('Monday, 01-Jan-76 00:00:00 GMT', in2026)).toBe(Date.UTC(2076, 0, 1));
    expect(parseHttpDate('Tuesday, 01-Jan-77 00:00:00 GMT', in2026)).toBe(Date.UTC(1977, 0, 1));
    expect(parseHttpDate('Wednesday, 01-Jan-25 00:00:00 GMT', in2026)).toBe(Date.UTC(2025, 0, 1));
    // Near a century's end the next century is the nearer one.
    expect(parseHttpDate('Friday, 01-Jan-01 00:00:00 GMT', Date.UTC(2099, 0, 1))).toBe(Date.UTC(2101, 0, 1));
  });

  it('accepts a leap second and a 29th of February in a leap year only', () => {
    expect(parseHttpDate('Sat, 31 Dec 2016 23:59:60 GMT')).toBe(Date.UTC(2017, 0, 1));
    expect(parseHttpDate('Thu, 29 Feb 2024 00:00:00 GMT')).toBe(Date.UTC(2024, 1, 29));
    expect(parseHttpDate('Sun, 29 Feb 2026 00:00:00 GMT')).toBeUndefined();
  });

  it.each(['', 'GMT', '1994-11-06T08:49:37Z', 'Sun, 06 Nov 1994 08:49:37 UTC', 'Sun, 06 Nov 1994 8:49:37 GMT', 'Sun,  06 Nov 1994 08:49:37 GMT'])(
    'refuses %j',
    (value) => {
      expect(parseHttpDate(value)).toBeUndefined();
    },
  );
});

describe('clampDelay', () => {
  it('keeps a delay inside [0, max]', () => {
    expect(clampDelay(1234)).toBe(1234);
    expect(clampDelay(-1)).toBe(0);
    expect(clampDelay(MAX_SERVER_DELAY_MS + 1)).toBe(MAX_SERVER_DELAY_MS);
    expect(clampDelay(5000, 2000)).toBe(2000);
  });

  it('turns NaN and -Infinity into 0 and Infinity into the max', () => {
    expect(clampDelay(Number.NaN)).toBe(0);
    expect(clampDelay(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(clampDelay(Number.POSITIVE_INFINITY)).toBe(MAX_SERVER_DELAY_MS);
  });
});

describe('parseHttpDate: four-digit years are taken as written', () => {
  it('reads year 0099 as 99, not 1999', () => {
    expect(parseHttpDate('Thu, 01 Jan 0099 00:00:00 GMT')).toBe(new Date('0099-01-01T00:00:00Z').getTime());
  });
});

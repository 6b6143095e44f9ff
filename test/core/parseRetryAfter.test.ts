import { describe, expect, it } from 'vitest';
import { clampDelay, MAX_SERVER_DELAY_MS, parseRetryAfter } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['60', 60_000],
    ['  120  ', 120_000],
    ['1.5', 1500],
    ['0.25', 250],
  ])('reads delta seconds %j as %d ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('reads an IMF-fixdate in the future as the time until then', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:30 GMT', NOW)).toBe(30_000);
  });

  it('reads the obsolete RFC 850 and asctime date formats', () => {
    expect(parseRetryAfter('Thursday, 15-Jan-26 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Thu Jan 15 12:00:10 2026', NOW)).toBeGreaterThanOrEqual(0);
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

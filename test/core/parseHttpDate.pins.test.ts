import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../src/core/parseHttpDate.js';

// Pins found by mutation testing (issue 21): the exact edges of a valid time of day and of
// RFC 850's two-digit years.
const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);

describe('parseHttpDate pins', () => {
  it('accepts 23:59:60 (a leap second) and nothing past it', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 23:59:60 GMT')).toBe(Date.UTC(1994, 10, 6, 23, 59, 60));
    expect(parseHttpDate('Sun, 06 Nov 1994 23:59:59 GMT')).toBe(Date.UTC(1994, 10, 6, 23, 59, 59));
    expect(parseHttpDate('Sun, 06 Nov 1994 24:00:00 GMT')).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Nov 1994 23:60:00 GMT')).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Nov 1994 23:59:61 GMT')).toBeUndefined();
  });

  it('reads a two-digit year exactly 50 years ahead as ahead, 51 as the past century', () => {
    expect(parseHttpDate('Sunday, 06-Nov-76 08:49:37 GMT', NOW)).toBe(Date.UTC(2076, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Sunday, 06-Nov-77 08:49:37 GMT', NOW)).toBe(Date.UTC(1977, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Sunday, 06-Nov-26 08:49:37 GMT', NOW)).toBe(Date.UTC(2026, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Sunday, 06-Nov-25 08:49:37 GMT', NOW)).toBe(Date.UTC(2025, 10, 6, 8, 49, 37));
  });

  it('reads every month, and no day past the month’s end', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(months.map((month) => parseHttpDate(`Mon, 01 ${month} 2029 00:00:00 GMT`))).toEqual(months.map((_, i) => Date.UTC(2029, i, 1)));
    expect(parseHttpDate('Mon, 31 Apr 2029 00:00:00 GMT')).toBeUndefined();
    expect(parseHttpDate('Mon, 01 Sept 2029 00:00:00 GMT')).toBeUndefined();
  });

  it('reads asctime with a one-digit day padded by a space', () => {
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Sun Nov 16 08:49:37 1994')).toBe(Date.UTC(1994, 10, 16, 8, 49, 37));
  });

  it('refuses a four-digit year after dashes and a two-digit one after spaces', () => {
    expect(parseHttpDate('Sunday, 06-Nov-1994 08:49:37 GMT', NOW)).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Nov 94 08:49:37 GMT', NOW)).toBeUndefined();
  });
});

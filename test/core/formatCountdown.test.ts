import { describe, expect, it } from 'vitest';
import { formatCountdown } from '../../src/core/formatCountdown.js';

describe('formatCountdown', () => {
  it.each([
    [42_000, '0:42'],
    [41_001, '0:42'],
    [1, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
    [60_000, '1:00'],
    [62_000, '1:02'],
    [3_723_000, '1:02:03'],
    [86_400_000, '24:00:00'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { lowRemainingThreshold } from '../../src/core/lowRemainingThreshold.js';

describe('lowRemainingThreshold', () => {
  it('is 10 % of the limit, rounded up', () => {
    expect(lowRemainingThreshold(100)).toBe(10);
    expect(lowRemainingThreshold(5000)).toBe(500);
    expect(lowRemainingThreshold(15)).toBe(2);
  });

  it('is at least 1, also when the limit is unknown or nonsense', () => {
    expect(lowRemainingThreshold(5)).toBe(1);
    expect(lowRemainingThreshold(0)).toBe(1);
    expect(lowRemainingThreshold(undefined)).toBe(1);
    expect(lowRemainingThreshold(-20)).toBe(1);
    expect(lowRemainingThreshold(Number.NaN)).toBe(1);
    expect(lowRemainingThreshold(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

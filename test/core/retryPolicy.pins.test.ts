import { describe, expect, it } from 'vitest';
import { backoffDelay, createRetryPolicy } from '../../src/core/retryPolicy.js';

describe('backoffDelay options', () => {
  it('uses a positive baseDelayMs and maxDelayMs as given', () => {
    expect(backoffDelay(0, { baseDelayMs: 500, random: () => 0.999 })).toBe(499);
    expect(backoffDelay(5, { baseDelayMs: 500, maxDelayMs: 2000, random: () => 0.999 })).toBe(1998);
  });
});

describe('retryDelay with a thrown value that is no object', () => {
  it('backs off for a thrown string or null without failing, and schedules nothing', () => {
    const policy = createRetryPolicy({ random: () => 0.5 });
    for (const thrown of ['boom', null, 42, undefined]) {
      expect(policy.retryDelay(0, thrown as unknown as Error)).toBe(500);
      expect(policy.scheduledRetryAt(thrown)).toBeUndefined();
    }
  });
});

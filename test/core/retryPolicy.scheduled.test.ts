import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import { SenseiHttpError } from '../../src/core/SenseiError.js';

describe('createRetryPolicy().scheduledRetryAt', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('remembers when the retry that retryDelay chose will go out, jitter included', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const policy = createRetryPolicy({ random: () => 0.5 });
    const error = new SenseiHttpError({ kind: 'http', message: 'x', status: 502, idempotent: true });
    expect(policy.scheduledRetryAt(error)).toBeUndefined();
    expect(policy.retryDelay(1, error)).toBe(1000); // 0.5 × min(30 s, 1 s × 2¹)
    expect(policy.scheduledRetryAt(error)).toBe(1_001_000);
    const limited = new SenseiHttpError({ kind: 'http', message: 'x', status: 429, retryAfterMs: 7000, idempotent: true });
    policy.retryDelay(0, limited);
    expect(policy.scheduledRetryAt(limited)).toBe(1_007_000);
    expect(policy.scheduledRetryAt('not an object')).toBeUndefined();
  });
});

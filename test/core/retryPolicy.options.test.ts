import { QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRetryPolicy } from '../../src/core/retryPolicy.js';
import { SenseiHttpError } from '../../src/core/SenseiError.js';

const MAX_TIMER_MS = 2 ** 31 - 1;
const badGateway = () => new SenseiHttpError({ kind: 'http', message: 'x', status: 502, idempotent: true });
const limited = (retryAfterMs: number) => new SenseiHttpError({ kind: 'http', message: 'x', status: 429, retryAfterMs, idempotent: true });

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('retry options are normalised once (#13 item 7)', () => {
  it.each([
    [NaN, 3],
    [-1, 0],
    [1.5, 1],
  ])('retries: %s is clamped: it retries %s times', (retries, times) => {
    const policy = createRetryPolicy({ retries });
    const error = badGateway();
    let count = 0;
    while (count < 100 && policy.retry(count, error)) count += 1;
    expect(count).toBe(times);
  });

  it('retries: Infinity retries for ever, quietly', () => {
    const policy = createRetryPolicy({ retries: Infinity });
    expect(policy.retry(1e9, badGateway())).toBe(true);
  });

  it('no delay is ever past 2^31 - 1 ms, whatever maxDelayMs, baseDelayMs or maxServerDelayMs say', () => {
    const policy = createRetryPolicy({ maxDelayMs: Infinity, baseDelayMs: 1e15, maxServerDelayMs: Infinity, random: () => 0.999 });
    for (const failureCount of [0, 10, 2000]) {
      const delay = policy.retryDelay(failureCount, badGateway());
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(MAX_TIMER_MS);
    }
    expect(policy.retryDelay(0, limited(1e13))).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it('a NaN delay falls back to the default and a negative one is 0, instead of NaN timers', () => {
    expect(createRetryPolicy({ baseDelayMs: NaN, random: () => 0.5 }).retryDelay(0, badGateway())).toBe(500);
    expect(createRetryPolicy({ maxDelayMs: -5, random: () => 0.5 }).retryDelay(3, badGateway())).toBe(0);
  });
});

describe('scheduledRetryAt when retry() refused (#13 item 9)', () => {
  it('is undefined after the last attempt, in the order TanStack calls retryDelay and retry', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const policy = createRetryPolicy({ retries: 1, random: () => 0.5 });
    const errors: SenseiHttpError[] = [];
    const calls: string[] = [];
    const queryClient = new QueryClient();
    const query = queryClient
      .fetchQuery({
        queryKey: ['scheduled'],
        queryFn: () => {
          const error = badGateway();
          errors.push(error);
          throw error;
        },
        retry: (count, error) => {
          calls.push('retry');
          return policy.retry(count, error);
        },
        retryDelay: (count, error) => {
          calls.push('retryDelay');
          return policy.retryDelay(count, error);
        },
      })
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    expect(policy.scheduledRetryAt(errors[0])).toBe(1_000_500);
    await vi.advanceTimersByTimeAsync(500);
    expect(await query).toBe(errors[1]);
    expect(calls).toEqual(['retryDelay', 'retry', 'retryDelay', 'retry']);
    expect(policy.scheduledRetryAt(errors[1])).toBeUndefined();
    queryClient.clear();
  });
});

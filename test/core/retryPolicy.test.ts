import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  createRetryPolicy,
  isRetryable,
  SenseiAbortError,
  SenseiError,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiResponseError,
  SenseiTimeoutError,
} from '../../src/core/index.js';

const http = (status: number, idempotent = true, retryAfterMs?: number) =>
  new SenseiHttpError({ kind: 'http', message: 'm', status, idempotent, retryAfterMs });

describe('isRetryable', () => {
  it.each([429, 500, 502, 503, 504])('retries %i for an idempotent request', (status) => {
    expect(isRetryable(http(status))).toBe(true);
    expect(isRetryable(http(status, false))).toBe(false);
  });

  it.each([400, 401, 403, 404, 405, 409, 413, 415, 422, 418, 501, 505])('never retries %i', (status) => {
    expect(isRetryable(http(status))).toBe(false);
  });

  it('retries network failures and timeouts of idempotent requests only', () => {
    expect(isRetryable(new SenseiNetworkError({ kind: 'network', message: 'm', idempotent: true }))).toBe(true);
    expect(isRetryable(new SenseiNetworkError({ kind: 'network', message: 'm', idempotent: false }))).toBe(false);
    expect(isRetryable(new SenseiTimeoutError({ kind: 'timeout', message: 'm', timeoutMs: 1, idempotent: true }))).toBe(true);
    expect(isRetryable(new SenseiTimeoutError({ kind: 'timeout', message: 'm', timeoutMs: 1, idempotent: false }))).toBe(false);
  });

  it('never retries aborts, malformed success bodies, refused requests or unknown errors', () => {
    expect(isRetryable(new SenseiAbortError({ kind: 'aborted', message: 'm', idempotent: true }))).toBe(false);
    expect(isRetryable(new SenseiResponseError({ kind: 'invalid-response', message: 'm', status: 200, idempotent: true }))).toBe(false);
    expect(isRetryable(new SenseiRequestError({ kind: 'invalid-request', message: 'm', idempotent: true }))).toBe(false);
    expect(isRetryable(new SenseiError({ kind: 'http', message: 'm', idempotent: true }))).toBe(false);
    for (const value of [new Error('bug'), new TypeError('x is undefined'), 'boom', null, undefined, { status: 503 }]) {
      expect(isRetryable(value)).toBe(false);
    }
  });
});

describe('backoffDelay', () => {
  it('doubles the ceiling each time, with full jitter', () => {
    const half = () => 0.5;
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, { random: half }))).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(backoffDelay(3, { random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { random: () => 0.999_999 })).toBe(7999);
  });

  it('is capped by maxDelayMs (default 30 s)', () => {
    expect(backoffDelay(20, { random: () => 0.999_999 })).toBe(29_999);
    expect(backoffDelay(1000, { random: () => 0.5 })).toBe(15_000);
    expect(backoffDelay(5, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 })).toBe(500);
  });

  it('treats a negative count as the first attempt', () => {
    expect(backoffDelay(-3, { random: () => 0.5 })).toBe(500);
  });

  it('uses Math.random by default and stays in range', () => {
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelay(2);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(4000);
    }
  });
});

describe('createRetryPolicy', () => {
  it('retries 3 times by default (failureCount starts at 0, as in TanStack Query)', () => {
    const { retry } = createRetryPolicy();
    const error = http(503);
    expect([0, 1, 2, 3, 4].map((n) => retry(n, error))).toEqual([true, true, true, false, false]);
  });

  it('accepts a number as shorthand for retries', () => {
    const error = http(500);
    expect([0, 1, 2, 3].map((n) => createRetryPolicy(1).retry(n, error))).toEqual([true, false, false, false]);
    expect(createRetryPolicy(0).retry(0, error)).toBe(false);
    expect(createRetryPolicy(5).retry(4, error)).toBe(true);
    expect(createRetryPolicy(5).retry(5, error)).toBe(false);
  });

  it('never retries what isRetryable refuses, whatever the count', () => {
    const { retry } = createRetryPolicy(10);
    expect(retry(0, http(404))).toBe(false);
    expect(retry(0, http(503, false))).toBe(false);
    expect(retry(0, new Error('bug'))).toBe(false);
  });

  it('waits as long as the server asked (Retry-After wins over backoff)', () => {
    const policy = createRetryPolicy({ random: () => 0.5 });
    expect(policy.retryDelay(0, http(503, true, 7000))).toBe(7000);
    expect(policy.retryDelay(5, http(429, true, 0))).toBe(0);
    expect(policy.retryDelay(2, http(503))).toBe(2000);
  });

  it('does not retry when the server asks for longer than maxServerDelayMs', () => {
    const policy = createRetryPolicy({ maxServerDelayMs: 60_000 });
    expect(policy.retry(0, http(429, true, 60_000))).toBe(true);
    expect(policy.retry(0, http(429, true, 60_001))).toBe(false);
    expect(createRetryPolicy().retry(0, http(503, true, 300_000))).toBe(true);
    expect(createRetryPolicy().retry(0, http(503, true, 300_001))).toBe(false);
    expect(policy.retryDelay(0, http(429, true, 90_000))).toBe(60_000);
  });

  it('uses backoff with the given options for errors without a server delay', () => {
    const policy = createRetryPolicy({ baseDelayMs: 200, maxDelayMs: 1000, random: () => 0.5 });
    expect([0, 1, 2, 3].map((n) => policy.retryDelay(n, new SenseiNetworkError({ kind: 'network', message: 'm', idempotent: true })))).toEqual([
      100, 200, 400, 500,
    ]);
    expect(policy.retryDelay(0, new Error('not ours'))).toBe(100);
  });
});

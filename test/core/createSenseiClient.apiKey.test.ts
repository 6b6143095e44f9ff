import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { isRetryable } from '../../src/core/retryPolicy.js';
import { createFakeFetch } from './fakeFetch.js';

describe('getApiKey', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('failing gives a SenseiRequestError that is not retried, and nothing is sent', async () => {
    const { fetch: fetchFn, fetchMock } = createFakeFetch();
    const client = createSenseiClient({
      baseUrl: 'https://api.sensei.test',
      fetch: fetchFn,
      shareAcrossTabs: false,
      getApiKey: () => Promise.reject(new Error('token refresh failed')),
    });
    const error = await client.get('/v1/migrations').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SenseiRequestError', kind: 'invalid-request' });
    expect(isRetryable(error)).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('hanging is cut off by the client timeout', async () => {
    vi.useFakeTimers();
    const { fetch: fetchFn, fetchMock } = createFakeFetch();
    const client = createSenseiClient({
      baseUrl: 'https://api.sensei.test',
      fetch: fetchFn,
      shareAcrossTabs: false,
      timeoutMs: 5000,
      getApiKey: () => new Promise<string>(() => {}),
    });
    const outcome = client.get('/v1/migrations').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4999);
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ name: 'SenseiTimeoutError', timeoutMs: 5000 });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

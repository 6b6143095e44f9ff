// @vitest-environment jsdom
// (Browser globals: document, navigator or a relative base URL; the rest of test/core runs in Node.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createRetryPolicy,
  createSenseiClient,
  isRetryable,
  SenseiAbortError,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiTimeoutError,
  toErrorState,
  type SenseiClientOptions,
} from '../../src/core/index.js';
import { QueryClient } from '@tanstack/query-core';
import { createFakeFetch, errorBody, json, never, rejectionOf, track, type Responder } from './fakeFetch.js';

const KEY = 'sk_test_timing_123456';
const START = Date.UTC(2026, 0, 15, 12, 0, 0);
let origin = 0;

/** Each client gets its own origin: the hidden-header warning is once per origin per module. */
function setup(responder?: Responder, options: Partial<SenseiClientOptions> = {}) {
  const fake = createFakeFetch(responder);
  origin += 1;
  const client = createSenseiClient({
    baseUrl: `https://api${origin}.example.com`,
    apiKey: KEY,
    fetch: fake.fetch,
    shareAcrossTabs: false,
    ...options,
  });
  return { client, ...fake };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('timeout', () => {
  it('fails with SenseiTimeoutError after exactly timeoutMs, not before', async () => {
    const { client, calls } = setup(never, { timeoutMs: 5000 });
    const request = track(client.get('/v1/slow'));
    await vi.advanceTimersByTimeAsync(4999);
    expect(request.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(request.settled).toBe(true);
    expect(request.error).toBeInstanceOf(SenseiTimeoutError);
    expect(request.error).toMatchObject({ kind: 'timeout', timeoutMs: 5000, message: 'No response within 5000 ms.', method: 'GET' });
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('defaults to 30 s', async () => {
    const { client } = setup(never);
    const request = track(client.get('/v1/slow'));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(request.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(request.error).toMatchObject({ timeoutMs: 30_000 });
  });

  it('can be set per request', async () => {
    const { client } = setup(never, { timeoutMs: 5000 });
    const request = track(client.get('/v1/slow', { timeoutMs: 100 }));
    await vi.advanceTimersByTimeAsync(100);
    expect(request.error).toBeInstanceOf(SenseiTimeoutError);
  });

  it('is off with timeoutMs: 0', async () => {
    const { client } = setup(never, { timeoutMs: 0 });
    const controller = new AbortController();
    const request = track(client.get('/v1/slow', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(request.settled).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(request.error).toBeInstanceOf(SenseiAbortError);
  });

  it('covers reading the body, not just the headers', async () => {
    const { client } = setup(
      ({ signal }) =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"data": ['));
              signal?.addEventListener('abort', () => controller.error(signal.reason));
            },
          }),
          { status: 200 },
        ),
      { timeoutMs: 2000 },
    );
    const request = track(client.get('/v1/stalled-body'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(request.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(request.error).toBeInstanceOf(SenseiTimeoutError);
  });

  it('is retried for idempotent requests only', async () => {
    const { client } = setup(never, { timeoutMs: 10 });
    const get = track(client.get('/v1/x'));
    const post = track(client.post('/v1/x', {}));
    const keyed = track(client.post('/v1/x', {}, { idempotencyKey: 'k' }));
    // Slow start sends them one after another while nothing is known about the limit.
    await vi.advanceTimersByTimeAsync(100);
    expect([get, post, keyed].map((r) => isRetryable(r.error))).toEqual([true, false, true]);
  });

  it('Infinity means no timeout: nothing fires at once (a timer past 2^31-1 ms would)', async () => {
    const { client } = setup(never, { timeoutMs: Number.POSITIVE_INFINITY });
    const controller = new AbortController();
    const request = track(client.get('/v1/slow', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(request.settled).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(request.error).toBeInstanceOf(SenseiAbortError);
  });

  it('a timeout past the platform maximum fires at its time, not at once', async () => {
    const long = 2 ** 31 + 1000;
    const { client } = setup(never, { timeoutMs: long });
    const request = track(client.get('/v1/slow'));
    await vi.advanceTimersByTimeAsync(long - 1);
    expect(request.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(request.error).toMatchObject({ kind: 'timeout', timeoutMs: long });
  });

  it.each([
    ['NaN', Number.NaN],
    ['negative', -5],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a string', '5000' as unknown as number],
  ])('a %s timeoutMs warns in development and keeps the 30 s default (it never hangs)', async (_label, timeoutMs) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client } = setup(never, { timeoutMs });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('timeoutMs'));
    const request = track(client.get('/v1/slow'));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(request.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(request.error).toMatchObject({ kind: 'timeout', timeoutMs: 30_000 });
    warn.mockRestore();
  });

  it("a bad per-request timeoutMs warns and keeps the client's", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client } = setup(never, { timeoutMs: 5000 });
    const request = track(client.get('/v1/slow', { timeoutMs: -7 }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(request.error).toMatchObject({ kind: 'timeout', timeoutMs: 5000 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('timeoutMs'));
    warn.mockRestore();
  });

  it('leaves no timer behind after a response', async () => {
    const { client } = setup(() => json({ ok: true }), { timeoutMs: 5000 });
    await client.get('/v1/fast');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('abort', () => {
  it("fails with SenseiAbortError when the caller's signal aborts", async () => {
    const { client, calls } = setup(never);
    const controller = new AbortController();
    const request = track(client.get('/v1/slow', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(50);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(request.error).toBeInstanceOf(SenseiAbortError);
    expect(request.error).toMatchObject({ kind: 'aborted', message: 'The request was aborted.' });
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(isRetryable(request.error)).toBe(false);
    expect(createRetryPolicy().retry(0, request.error)).toBe(false);
  });

  it('does not call fetch for a signal that is already aborted', async () => {
    const { client, fetchMock } = setup();
    const error = await rejectionOf(client.get('/v1/x', { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(SenseiAbortError);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps the abort reason as the cause', async () => {
    const { client } = setup(never);
    const controller = new AbortController();
    const request = track(client.get('/v1/x', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(0);
    const reason = new Error('component unmounted');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect((request.error as Error).cause).toBe(reason);
  });

  it('while waiting at the rate-limit gate: no fetch, and the waiter is gone', async () => {
    const { client, fetchMock } = setup();
    client.rateLimit.update({ retryAt: START + 5000 }, 429);
    const controller = new AbortController();
    const request = track(client.get('/v1/x', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(client.rateLimit.waitingCount).toBe(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(request.error).toBeInstanceOf(SenseiAbortError);
    expect(client.rateLimit.waitingCount).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('network failure', () => {
  it('a rejected fetch is a SenseiNetworkError, retried for idempotent requests', async () => {
    const failure = new TypeError('Failed to fetch');
    const { client } = setup(() => Promise.reject(failure));
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toBeInstanceOf(SenseiNetworkError);
    expect(error).toMatchObject({ kind: 'network', offline: false, message: 'The Sensei API could not be reached.', status: undefined });
    expect((error as Error).cause).toBe(failure);
    expect(isRetryable(error)).toBe(true);
    expect(isRetryable(await rejectionOf(client.post('/v1/x', {})))).toBe(false);
  });

  it('says offline when the browser reports being offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { client } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toBeInstanceOf(SenseiNetworkError);
    expect(error).toMatchObject({ offline: true, message: 'You are offline.' });
  });

  it('a body that breaks off mid-way is a network failure too', async () => {
    const { client } = setup(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"a":'));
              controller.error(new TypeError('terminated'));
            },
          }),
          { status: 200 },
        ),
    );
    await expect(client.get('/v1/x')).rejects.toBeInstanceOf(SenseiNetworkError);
  });
});

describe('only network failures are network errors', () => {
  /** How many times fetch was called when TanStack Query runs the request with the default policy. */
  async function callsThroughQuery(failure: () => unknown) {
    vi.useRealTimers();
    const { client, fetchMock } = setup(() => {
      throw failure();
    });
    const queryClient = new QueryClient();
    const error = await rejectionOf(
      queryClient.fetchQuery({ queryKey: ['x', Math.random()], queryFn: () => client.get('/v1/x'), retry: createRetryPolicy().retry, retryDelay: 1 }),
    );
    queryClient.clear();
    return { error, calls: fetchMock.mock.calls.length };
  }

  it.each([
    ['a string thrown by a fetch wrapper', () => 'boom'],
    ['an object thrown by a fetch wrapper', () => ({ code: 'WRAPPER' })],
    ['a TypeError from a bad init', () => new TypeError("Failed to execute 'fetch' on 'Window': Invalid value")],
    ['a TypeError of a bug in a wrapper', () => new TypeError("Cannot read properties of undefined (reading 'headers')")],
    ['a RangeError', () => new RangeError('Invalid status code')],
    ['a plain Error', () => new Error('wrapper misconfigured')],
  ])('%s is a non-retried invalid-request error that keeps its cause: 1 call, not 4', async (_label, failure) => {
    const { error, calls } = await callsThroughQuery(failure);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(SenseiRequestError);
    expect(error).toMatchObject({ kind: 'invalid-request' });
    expect((error as Error).cause).toEqual(failure());
    expect(isRetryable(error)).toBe(false);
    expect(toErrorState(error).kind).toBe('client-bug');
  });

  it.each([
    'fetch failed', // undici (Node)
    'terminated', // undici, body cut off
    'Failed to fetch', // Chrome
    'NetworkError when attempting to fetch resource.', // Firefox
    'Load failed', // Safari
    'The Internet connection appears to be offline.', // Safari
    'Network request failed', // cross-fetch, React Native
  ])('TypeError(%j) is a network error and is retried: 4 calls', async (message) => {
    const { error, calls } = await callsThroughQuery(() => new TypeError(message));
    expect(calls).toBe(4);
    expect(error).toBeInstanceOf(SenseiNetworkError);
    expect(toErrorState(error).kind).toBe('offline');
  });

  it('anything fetch throws while the browser is offline is a network error', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { client } = setup(() => Promise.reject(new Error('whatever the wrapper says')));
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toBeInstanceOf(SenseiNetworkError);
    expect(error).toMatchObject({ offline: true });
    vi.restoreAllMocks();
  });

  it('the cause of a non-network failure is redacted', async () => {
    const { client } = setup(() => {
      throw new TypeError(`Invalid header value "Bearer ${KEY}"`);
    });
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toBeInstanceOf(SenseiRequestError);
    expect(String((error as Error).cause)).toBe('TypeError: Invalid header value "Bearer [redacted]"');
  });
});

describe('the rate-limit gate through the client', () => {
  const limited: Responder = () => json(errorBody(429), 429, { 'Retry-After': '2' });

  it('after a 429 with Retry-After: 2, 20 concurrent gets send nothing until 2000 ms have passed', async () => {
    let first = true;
    const { client, fetchMock } = setup((call) => {
      if (first) {
        first = false;
        return limited(call);
      }
      return json({ ok: true });
    });
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toBeInstanceOf(SenseiHttpError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 2000 });
    expect(client.rateLimit.getSnapshot()).toMatchObject({ isLimited: true, retryAt: START + 2000 });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    const requests = Array.from({ length: 20 }, (_, i) => track(client.get(`/v1/items/${i}`)));
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(client.rateLimit.waitingCount).toBe(20);

    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // Released a few milliseconds apart, not all at once.
    await vi.advanceTimersByTimeAsync(19 * 25);
    expect(fetchMock).toHaveBeenCalledTimes(21);
    expect(requests.every((r) => r.settled && !r.rejected)).toBe(true);
    expect(client.rateLimit.getSnapshot().isLimited).toBe(false);
  });

  it("a request's timeout does not run while it waits at the gate", async () => {
    const { client, fetchMock } = setup(() => json({ ok: true }), { timeoutMs: 1000 });
    client.rateLimit.update({ retryAt: START + 5000 }, 429);
    const request = track(client.get('/v1/x'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(request).toMatchObject({ settled: true, rejected: false, value: { ok: true } });
  });

  it('X-RateLimit-Remaining: 0 with a future reset holds the next request until the reset', async () => {
    const { client, fetchMock } = setup(() =>
      json({ ok: true }, 200, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(START / 1000 + 5) }),
    );
    await client.get('/v1/a');
    expect(client.rateLimit.getSnapshot()).toMatchObject({ isLimited: true, remaining: 0, limit: 100 });
    const next = track(client.get('/v1/b'));
    await vi.advanceTimersByTimeAsync(4999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await next.done;
  });

  it('rateLimitGate: false sends at once, and still tracks the limit', async () => {
    const { client, fetchMock } = setup(limited, { rateLimitGate: false });
    await rejectionOf(client.get('/v1/a'));
    await rejectionOf(client.get('/v1/b'));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(client.rateLimit.getSnapshot().isLimited).toBe(true);
  });

  it('a 429 without readable headers backs off (doubling) and warns once in development', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client, fetchMock } = setup(() => json(errorBody(429), 429));

    const first = await rejectionOf(client.get('/v1/a'));
    expect(first).toMatchObject({ status: 429, retryAfterMs: undefined });
    expect(client.rateLimit.getSnapshot()).toMatchObject({ headersHidden: true, isLimited: true, retryAt: START + 1000 });

    const second = track(client.get('/v1/b'));
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await second.done;
    expect(client.rateLimit.getSnapshot().retryAt).toBe(START + 1000 + 2000);

    const third = track(client.get('/v1/c'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await third.done;

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[@sensei\/react\] A 429 from https:\/\/api\d+\.example\.com carried no readable Retry-After/);
    expect(String(warn.mock.calls[0]?.[0])).toContain('Access-Control-Expose-Headers: Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset');
  });

  it('does not warn about hidden headers when the 429 has them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client } = setup(limited);
    await rejectionOf(client.get('/v1/a'));
    expect(warn).not.toHaveBeenCalled();
  });

  it('clients sharing a store share the gate', async () => {
    const first = setup(limited);
    const second = setup(() => json({ ok: true }), { rateLimitStore: first.client.rateLimit });
    await rejectionOf(first.client.get('/v1/a'));
    const request = track(second.client.get('/v1/b'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(second.fetchMock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await request.done;
    expect(second.fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe("the server's clock (#14 item 4)", () => {
  it.each([
    ['10 min ahead of the server', -600_000],
    ['10 min behind the server', 600_000],
  ])('a client clock %s waits the server’s 30 s after a 429 with an epoch reset, not 0 or 630 s', async (_label, serverAheadMs) => {
    const arrivals: number[] = [];
    const { client } = setup(() => {
      arrivals.push(Date.now());
      const serverNow = Date.now() + serverAheadMs;
      if (arrivals.length > 1) return json({});
      return json(errorBody(429), 429, { Date: new Date(serverNow).toUTCString(), 'X-RateLimit-Reset': String(Math.floor(serverNow / 1000) + 30) });
    });
    const first = track(client.get('/v1/a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.error).toMatchObject({ status: 429, retryAfterMs: 30_000 });
    const second = track(client.get('/v1/b'));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(arrivals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1001);
    expect(second.settled && !second.rejected).toBe(true);
    expect((arrivals[1] ?? 0) - START).toBeGreaterThanOrEqual(30_000);
    expect((arrivals[1] ?? 0) - START).toBeLessThanOrEqual(31_000);
  });

  it('names every header to expose in the hidden-headers warning, Date included', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client } = setup(() => json(errorBody(429), 429));
    await rejectionOf(client.get('/v1/a'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(
      'Access-Control-Expose-Headers: Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, RateLimit, RateLimit-Policy, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Date, X-Request-Id',
    );
    warn.mockRestore();
  });
});

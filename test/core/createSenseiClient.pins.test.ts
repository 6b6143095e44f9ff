// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient, RateLimitStore, SenseiAbortError, SenseiRequestError, SenseiResponseError, type SenseiClientOptions, type SenseiEvent } from '../../src/core/index.js';
import { httpError } from '../../src/core/createSenseiClient.js';
import { createFakeFetch, json, never, rejectionOf, text, type Responder } from './fakeFetch.js';

const BASE = 'https://api.test';
const KEY = 'sk_live_pins_client_0123456789';

function setup(responder?: Responder, options: Partial<SenseiClientOptions> = {}) {
  const fake = createFakeFetch(responder);
  const client = createSenseiClient({ baseUrl: BASE, apiKey: KEY, fetch: fake.fetch, shareAcrossTabs: false, ...options });
  return { ...fake, client };
}

/** Runs `run` while the runtime has no `process` global, as a browser without a bundler. */
function withoutProcess<T>(run: () => T): T {
  const saved = globalThis.process;
  try {
    // @ts-expect-error -- a browser without a bundler has no `process`
    globalThis.process = undefined;
    return run();
  } finally {
    globalThis.process = saved;
  }
}

const redirect = (status: number, location: string, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { location, ...headers } });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a runtime without process', () => {
  it('creates a client without a key, and without a warning for a bad timeout', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = withoutProcess(() => createSenseiClient({ baseUrl: BASE, fetch: createFakeFetch().fetch, shareAcrossTabs: false, timeoutMs: Number.NaN }));
    expect(client.baseUrl).toBe(`${BASE}/`);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('redirects on the same origin', () => {
  it('repeats a POST answered 301 or 302 as a GET without body, keeping the other headers', async () => {
    for (const status of [301, 302]) {
      const { client, calls } = setup(({ url }) => (url.endsWith('/old') ? redirect(status, '/new') : json({ ok: true })));
      await expect(client.post('/old', { name: 'x' }, { headers: { 'X-Trace': 't' } })).resolves.toEqual({ ok: true });
      expect(calls.map((c) => c.method)).toEqual(['POST', 'GET']);
      const second = calls[1]!;
      expect(second.body).toBeUndefined();
      expect(second.headers.get('content-type')).toBeNull();
      expect(second.headers.get('authorization')).toBe(`Bearer ${KEY}`);
      expect(second.headers.get('x-trace')).toBe('t');
      expect(second.signal).toBeDefined();
    }
  });

  it('keeps the method and body of a PUT answered 301 or 302, and of anything answered 307', async () => {
    for (const [method, status] of [['PUT', 301], ['PUT', 302], ['POST', 307]] as const) {
      const { client, calls } = setup(({ url }) => (url.endsWith('/old') ? redirect(status, '/new') : json({ ok: true })));
      await client.request('/old', { method, body: { name: 'x' } });
      expect(calls.map((c) => [c.method, c.body])).toEqual([
        [method, '{"name":"x"}'],
        [method, '{"name":"x"}'],
      ]);
    }
  });

  it('repeats a 303 as a GET, except a HEAD, which stays a HEAD', async () => {
    for (const [method, expected] of [['PUT', 'GET'], ['HEAD', 'HEAD']] as const) {
      const { client, calls } = setup(({ url }) => (url.endsWith('/old') ? redirect(303, '/new') : json({})));
      await client.request('/old', { method });
      expect(calls.map((c) => c.method)).toEqual([method, expected]);
    }
  });
});

describe('refused redirects', () => {
  it('refuses a redirect to another origin with a bodiless response, keeping its request id', async () => {
    const { client } = setup(() => redirect(302, 'https://elsewhere.test/x', { 'x-request-id': 'req_redirect' }));
    const error = await rejectionOf(client.get('/x'));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 302, requestId: 'req_redirect' });
  });
});

describe('bodies that are not read', () => {
  /** A response that claims `status` but still carries a stray body, as a wrapper may hand over. */
  const claiming = (status: number) => {
    const response = text('not json', 200);
    Object.defineProperty(response, 'status', { value: status });
    return response;
  };

  it('ignores the body of 204, 205 and 304 answers and of a HEAD', async () => {
    for (const status of [204, 205, 304]) {
      const { client } = setup(() => claiming(status));
      await expect(client.request('/x')).resolves.toMatchObject({ status, data: undefined });
    }
    const { client } = setup(() => text('not json', 200));
    await expect(client.request('/x', { method: 'HEAD' })).resolves.toMatchObject({ status: 200, data: undefined });
  });

  it('treats a body of only whitespace as no body', async () => {
    const { client } = setup(() => text(' \n\t', 200));
    await expect(client.request('/x')).resolves.toMatchObject({ status: 200, data: undefined });
  });
});

describe('errors before and around the request', () => {
  it('says why when getApiKey fails, and reports the failure as taking no time', async () => {
    const { client, calls } = setup(undefined, { apiKey: undefined, getApiKey: () => Promise.reject(new Error('vault down')) });
    const events: SenseiEvent[] = [];
    client.events.subscribe((event) => events.push(event));
    const error = await rejectionOf(client.get('/x'));
    expect(error).toBeInstanceOf(SenseiRequestError);
    expect((error as Error).message).toBe('getApiKey failed; no request was sent.');
    expect(calls).toHaveLength(0);
    expect(events.find((e) => e.type === 'failed')).toMatchObject({ durationMs: 0 });
  });

  it('says so when fetch fails for a reason other than the network', async () => {
    const { client } = setup(() => {
      throw new RangeError('bad init');
    });
    const error = await rejectionOf(client.get('/x'));
    expect(error).toBeInstanceOf(SenseiRequestError);
    expect((error as Error).message).toBe('The request failed, not for the network: see cause.');
  });

  it('says so when the body cannot be sent as JSON', async () => {
    const { client, calls } = setup();
    const error = await rejectionOf(client.post('/x', { n: 1n }));
    expect((error as Error).message).toBe('The request body cannot be sent as JSON.');
    expect(calls).toHaveLength(0);
  });

  it('leaves no listener on the caller’s signal once the request settled', async () => {
    const { client } = setup();
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    await client.get('/x', { signal: controller.signal });
    expect(added).toHaveBeenCalled();
    for (const [type, listener] of added.mock.calls) expect(removed).toHaveBeenCalledWith(type, listener);
  });
});

describe('timeouts that are off', () => {
  it('arms no timer for timeoutMs Infinity or 0', async () => {
    vi.useFakeTimers();
    for (const timeoutMs of [Infinity, 0]) {
      const { client } = setup(never, { timeoutMs, rateLimitGate: false });
      const controller = new AbortController();
      const pending = client.get('/x', { signal: controller.signal }).catch(() => {});
      await vi.advanceTimersByTimeAsync(0);
      expect(vi.getTimerCount()).toBe(0);
      controller.abort();
      await pending;
    }
  });
});

describe('response shapes', () => {
  it('says what it expected when an operation endpoint answers something else', async () => {
    const { client } = setup(() => json({ nope: true }));
    const error = await rejectionOf(client.startOperation('/jobs', {}));
    expect((error as Error).message).toBe('Expected an operation ({ id, status, status_url }) but the server sent something else (200).');
  });

  it('reports a list that is no list as a failed GET, which is safe to retry', async () => {
    const { client } = setup(() => json({ nope: true }));
    const error = await rejectionOf(client.list('/items'));
    expect(error).toMatchObject({ kind: 'invalid-response', method: 'GET', url: `${BASE}/items`, idempotent: true });
  });

  it('names the API by its origin and path without any trailing slashes', () => {
    const { client } = setup(undefined, { baseUrl: `${BASE}/v1//` });
    expect(client.apiId).toBe(`${BASE}/v1`);
  });
});

describe('httpError body size', () => {
  it('still reads an error body of exactly the 1 000 000-character limit', () => {
    const body = JSON.stringify({ error: { code: 'E', message: 'Readable', pad: '' } });
    const padded = body.replace('"pad":""', `"pad":"${'x'.repeat(1_000_000 - body.length)}"`);
    expect(padded).toHaveLength(1_000_000);
    expect(httpError(padded, undefined, { status: 400 }).message).toBe('Readable');
    expect(httpError(`${padded} `, undefined, { status: 400 }).bodyUnreadable).toBe(true);
  });
});

describe('sharing across tabs', () => {
  const peerOf = () => {
    const peer = new BroadcastChannel(`sensei-rate-limit:${BASE}`);
    const messages: unknown[] = [];
    peer.onmessage = (event: MessageEvent) => messages.push(event.data);
    return { peer, messages };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('shares by default where there is a document, on the origin’s channel', async () => {
    vi.stubGlobal('document', {});
    const { peer, messages } = peerOf();
    const { client } = setup(undefined, { shareAcrossTabs: undefined });
    expect(client.sharesAcrossTabs).toBe(true);
    await settle();
    expect(messages).toHaveLength(1);
    client.dispose();
    peer.close();
  });

  it('passes its options on: askTimeoutMs 0 does not ask the other tabs', async () => {
    const { peer, messages } = peerOf();
    const { client } = setup(() => json({}, 200, { 'x-ratelimit-remaining': '5', 'x-ratelimit-limit': '10' }), { shareAcrossTabs: { askTimeoutMs: 0 } });
    await settle();
    expect(messages).toEqual([]);
    await client.get('/x');
    await settle();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatchObject({ remaining: 5 });
    client.dispose();
    peer.close();
  });
});

describe('options handed to the rate-limit store', () => {
  it('gives the store the client’s maxServerDelayMs', () => {
    const { client } = setup(undefined, { maxServerDelayMs: 1234 });
    expect(client.rateLimit.maxServerDelayMs).toBe(1234);
  });
});

describe('an abort that lands while the gate lets the request go', () => {
  it('stops at once instead of waiting for getApiKey', async () => {
    const controller = new AbortController();
    class AbortingStore extends RateLimitStore {
      override acquire(...args: Parameters<RateLimitStore['acquire']>) {
        const release = super.acquire(...args);
        controller.abort(); // the caller gives up just as the slot is granted
        return release;
      }
    }
    const { client, calls } = setup(undefined, { apiKey: undefined, getApiKey: () => new Promise<string>(() => {}), rateLimitStore: new AbortingStore() });
    const error = await rejectionOf(client.get('/x', { signal: controller.signal }));
    expect(error).toBeInstanceOf(SenseiAbortError);
    expect(calls).toHaveLength(0);
  });
});

describe('the hidden-headers warning in a runtime without process', () => {
  it('stays silent for a 429 without readable timing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client } = setup(() => json({}, 429), { baseUrl: 'https://no-process.test' });
    const saved = globalThis.process;
    let error: unknown;
    try {
      // @ts-expect-error -- a browser without a bundler has no `process`
      globalThis.process = undefined;
      error = await client.get('/x').catch((e: unknown) => e);
    } finally {
      globalThis.process = saved;
    }
    expect(error).toMatchObject({ kind: 'http', status: 429 });
    expect(warn).not.toHaveBeenCalled();
  });
});

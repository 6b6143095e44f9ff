import { describe, expect, it, vi } from 'vitest';
import {
  createRetryPolicy,
  createSenseiClient,
  describeStatus,
  isRetryable,
  isSenseiError,
  type SenseiError,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiResponseError,
  type HttpMethod,
  type SenseiClientOptions,
  type StandardSchemaV1,
} from '../../src/core/index.js';
import { createFakeFetch, errorBody, everyTextOf, json, rejectionOf, text, type Responder } from './fakeFetch.js';

const BASE = 'https://api.example.com';
const KEY = 'sk_live_SECRET_0123456789abcdef';

function setup(responder?: Responder, options: Partial<SenseiClientOptions> = {}) {
  const fake = createFakeFetch(responder);
  const client = createSenseiClient({ baseUrl: BASE, apiKey: KEY, fetch: fake.fetch, shareAcrossTabs: false, ...options });
  return { client, ...fake };
}

const ERROR_STATUSES = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503, 504] as const;
const RETRIED = new Set<number>([429, 500, 502, 503, 504]);

// A 429 always says when to come back here, so no test depends on the hidden-header fallback.
const headersFor = (status: number): Record<string, string> => (status === 429 ? { 'Retry-After': '1' } : {});

async function failWith(status: number, method: HttpMethod = 'GET', idempotencyKey?: string): Promise<SenseiHttpError> {
  const { client } = setup(() => json(errorBody(status), status, headersFor(status)));
  const error = await rejectionOf(client.request('/v1/things/1', { method, body: method === 'GET' ? undefined : {}, idempotencyKey }));
  expect(error).toBeInstanceOf(SenseiHttpError);
  return error as SenseiHttpError;
}

describe('every error status of the seed', () => {
  it.each(ERROR_STATUSES)('%i gives a SenseiHttpError with the standard body', async (status) => {
    const error = await failWith(status);
    expect(isSenseiError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'SenseiHttpError',
      kind: 'http',
      status,
      code: `E${status}`,
      message: `Message for ${status}`,
      details: { field: 'name', reason: 'required', status },
      requestId: `req_${status}`,
      bodyUnreadable: false,
      method: 'GET',
      url: 'https://api.example.com/v1/things/1',
      idempotent: true,
    });
  });

  it.each(ERROR_STATUSES)('%i: retried for GET/PUT/DELETE only if DESIGN.md says so', async (status) => {
    const policy = createRetryPolicy();
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const error = await failWith(status, method);
      expect(isRetryable(error)).toBe(RETRIED.has(status));
      expect(policy.retry(0, error)).toBe(RETRIED.has(status));
    }
  });

  it.each(ERROR_STATUSES)('%i: never retried for POST or PATCH without an idempotency key', async (status) => {
    const policy = createRetryPolicy();
    for (const method of ['POST', 'PATCH'] as const) {
      const error = await failWith(status, method);
      expect(error.idempotent).toBe(false);
      expect(isRetryable(error)).toBe(false);
      expect(policy.retry(0, error)).toBe(false);
    }
  });

  it.each(ERROR_STATUSES)('%i: a POST with an idempotency key is retried like a GET', async (status) => {
    const error = await failWith(status, 'POST', 'idem-42');
    expect(error.idempotent).toBe(true);
    expect(createRetryPolicy().retry(0, error)).toBe(RETRIED.has(status));
  });

  it('the retry table holds through startOperation too (POST)', async () => {
    const { client } = setup(() => json(errorBody(503), 503));
    const error = await rejectionOf(client.startOperation('/v1/migrations', {}));
    expect(error).toMatchObject({ status: 503, idempotent: false });
    expect(isRetryable(error)).toBe(false);
    const keyed = await rejectionOf(client.startOperation('/v1/migrations', {}, { idempotencyKey: 'k' }));
    expect(isRetryable(keyed)).toBe(true);
  });

  it('an undocumented status is still a typed error, described by its class', async () => {
    const { client } = setup(() => text('', 418));
    const error = await rejectionOf(client.get('/v1/teapot'));
    expect(error).toBeInstanceOf(SenseiHttpError);
    expect(error).toMatchObject({
      status: 418,
      bodyUnreadable: true,
      message: 'Client error (418)',
      diagnostic: 'Client error (418): the response body was not a Sensei error.',
    });
    expect(isRetryable(error)).toBe(false);
  });

  it('a standard body without a message falls back to the status text', async () => {
    const { client } = setup(() => json({ error: { code: 'E5000' } }, 500));
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toMatchObject({ status: 500, code: 'E5000', message: 'Internal Server Error (500)', bodyUnreadable: false });
  });

  it('takes the request id from X-Request-Id when the body has none', async () => {
    const { client } = setup(() => json({ error: { message: 'Nope' } }, 404, { 'X-Request-Id': 'req_from_header' }));
    await expect(client.get('/v1/x')).rejects.toMatchObject({ requestId: 'req_from_header' });
    const both = setup(() => json(errorBody(404), 404, { 'X-Request-Id': 'req_from_header' }));
    await expect(both.client.get('/v1/x')).rejects.toMatchObject({ requestId: 'req_404' });
  });

  it('caps a very long server message', async () => {
    const { client } = setup(() => json(errorBody(400, { message: 'x'.repeat(50_000) }), 400));
    const error = (await rejectionOf(client.get('/v1/x'))) as Error;
    expect(error.message).toHaveLength(2000);
  });
});

describe('server timing on errors', () => {
  it('503 with Retry-After: the error carries the delay and the policy waits for it', async () => {
    const { client } = setup(() => json(errorBody(503), 503, { 'Retry-After': '7' }));
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toMatchObject({ status: 503, retryAfterMs: 7000 });
    expect(createRetryPolicy({ random: () => 0 }).retryDelay(0, error)).toBe(7000);
  });

  it('429: retryAfterMs and rateLimit come from the headers', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const { client } = setup(() =>
      json(errorBody(429), 429, {
        'X-RateLimit-Limit': '1000',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(reset),
        'Retry-After': '60',
      }),
    );
    const error = (await rejectionOf(client.get('/v1/x'))) as SenseiHttpError;
    expect(error.retryAfterMs).toBe(60_000);
    expect(error.rateLimit).toMatchObject({ limit: 1000, remaining: 0, resetAt: reset * 1000 });
  });

  it.each([
    ['malformed', 'soon'],
    ['words with a number', 'later 2'],
    ['negative', '-10'],
  ])('429 with a %s Retry-After falls back to the reset header', async (_label, retryAfter) => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 15, 12, 0, 0) });
    const { client } = setup(() => json(errorBody(429), 429, { 'Retry-After': retryAfter, 'X-RateLimit-Reset': '30' }));
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 30_000 });
    expect(client.rateLimit.getSnapshot()).toMatchObject({ isLimited: true, headersHidden: false });
  });

  it('a 429 whose server delay exceeds maxServerDelayMs is surfaced, not retried', async () => {
    const { client } = setup(() => json(errorBody(429), 429, { 'Retry-After': '3600' }));
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toMatchObject({ retryAfterMs: 3_600_000 });
    expect(createRetryPolicy().retry(0, error)).toBe(false);
    expect(createRetryPolicy({ maxServerDelayMs: 3_600_000 }).retry(0, error)).toBe(true);
  });

  it('a 500 without Retry-After has no server delay and uses jittered backoff', async () => {
    const { client } = setup(() => json(errorBody(500), 500, { 'X-RateLimit-Reset': '30' }));
    const error = await rejectionOf(client.get('/v1/x'));
    expect(error).toMatchObject({ retryAfterMs: undefined });
    expect(createRetryPolicy({ random: () => 0.5 }).retryDelay(1, error)).toBe(1000);
  });
});

describe('malformed error bodies', () => {
  const TEN_MB = 10 * 1024 * 1024;
  const cases: Array<[string, number, () => Response]> = [
    ['HTML from a proxy', 502, () => text('<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>', 502, { 'Content-Type': 'text/html' })],
    ['an empty body', 500, () => text('', 500)],
    ['no body at all', 503, () => new Response(null, { status: 503 })],
    ['truncated JSON', 400, () => text('{"error": {"code": "E7003", "message": "Invalid requ', 400, { 'Content-Type': 'application/json' })],
    ['a JSON array', 422, () => json([errorBody(422)], 422)],
    ['JSON null', 404, () => text('null', 404)],
    ['a JSON string', 403, () => json('Forbidden', 403)],
    ['JSON of the wrong shape', 409, () => json({ message: 'Conflict', status: 409 }, 409)],
    ['error as a string', 401, () => json({ error: 'unauthorized' }, 401)],
    ['a numeric code', 400, () => json({ error: { code: 7003, message: 'typed wrong' } }, 400)],
    ['a 10 MB standard-looking body', 413, () => text(`{"error":{"message":"${'a'.repeat(TEN_MB)}"}}`, 413)],
    ['10 MB of garbage', 504, () => text('\u0000<'.repeat(TEN_MB / 2), 504)],
  ];

  it.each(cases)('%s still gives a typed SenseiHttpError with the status', async (_label, status, respond) => {
    const { client } = setup(() => respond());
    const error = await rejectionOf(client.get('/v1/things'));
    expect(error).toBeInstanceOf(SenseiHttpError);
    const http = error as SenseiHttpError;
    expect(http).toMatchObject({ status, bodyUnreadable: true, code: undefined, details: undefined, kind: 'http' });
    // `message` is for people; the diagnostic is for developers.
    expect(http.message).toBe(describeStatus(status));
    expect(http.diagnostic).toBe(`${describeStatus(status)}: the response body was not a Sensei error.`);
    expect(isRetryable(http)).toBe(RETRIED.has(status));
  });

  it('HTML on a 502 keeps the X-Request-Id and reads as "Bad Gateway"', async () => {
    const { client } = setup(() => text('<html>bad gateway</html>', 502, { 'Content-Type': 'text/html', 'X-Request-Id': 'req_proxy' }));
    const error = await rejectionOf(client.get('/v1/things'));
    expect(error).toMatchObject({
      status: 502,
      requestId: 'req_proxy',
      message: 'Bad Gateway (502)',
      diagnostic: 'Bad Gateway (502): the response body was not a Sensei error.',
    });
  });

  it('throws nothing but SenseiErrors, whatever the body and status', async () => {
    const bodies = ['', ' ', 'null', 'true', '0', '[]', '{}', '{"error":null}', '{"error":[]}', '<html/>', '{"a":', '\u0000', '{"error":{"message":{}}}'];
    const statuses = [200, 201, 202, 400, 404, 429, 500, 502, 503];
    for (const status of statuses) {
      for (const body of bodies) {
        const { client } = setup(() => text(body, status, { 'Retry-After': '0' }));
        for (const call of [
          () => client.get('/v1/x'),
          () => client.list('/v1/x'),
          () => client.startOperation('/v1/x'),
          () => client.getOperation('/v1/x'),
        ]) {
          try {
            await call();
          } catch (error) {
            expect(isSenseiError(error), `${status} ${JSON.stringify(body)}: ${String(error)}`).toBe(true);
            if (status >= 400) expect(error).toBeInstanceOf(SenseiHttpError);
            else expect(error).toBeInstanceOf(SenseiResponseError);
          }
        }
      }
    }
  });
});

describe('the API key never leaks into errors', () => {
  const echoed = {
    error: {
      code: 'E4010',
      message: `Invalid API key: Bearer ${KEY}`,
      details: {
        received: `Bearer ${KEY}`,
        headers: [{ name: 'Authorization', value: `Bearer ${KEY}` }],
        [KEY]: 'as a key',
      },
      request_id: `req_${KEY}`,
    },
  };

  const assertClean = (error: unknown, key = KEY) => {
    expect(isSenseiError(error)).toBe(true);
    for (const shown of everyTextOf(error)) expect(shown).not.toContain(key);
  };

  it('is redacted from a 401 that echoes it in message, details and request id', async () => {
    const { client } = setup(() => json(echoed, 401));
    const error = (await rejectionOf(client.get('/v1/me'))) as SenseiHttpError;
    assertClean(error);
    expect(error.message).toBe('Invalid API key: Bearer [redacted]');
    expect(error.details).toEqual({
      received: 'Bearer [redacted]',
      headers: [{ name: 'Authorization', value: 'Bearer [redacted]' }],
      '[redacted]': 'as a key',
    });
    expect(String(error)).toBe('SenseiHttpError: Invalid API key: Bearer [redacted]');
  });

  it('is redacted from a message where the key straddles the 2,000-character cut', async () => {
    for (const shift of [1, 5, 12, KEY.length - 1]) {
      const message = `${'x'.repeat(2000 - shift)}${KEY} tail`;
      const { client } = setup(() => json({ error: { code: 'E4010', message } }, 401));
      const error = (await rejectionOf(client.get('/v1/me'))) as SenseiHttpError;
      // Redacted first, then cut: what is left of the key is part of the placeholder.
      expect(error.message).toBe(`${'x'.repeat(2000 - shift)}${'[redacted] tail'.slice(0, shift)}`);
      if (shift >= 5) assertClean(error, KEY.slice(0, shift));
    }
  });

  it('is redacted from details nested far deeper than the walk goes, and from very wide details', async () => {
    let details: unknown = { token: `Bearer ${KEY}` };
    for (let i = 0; i < 60; i += 1) details = { nested: details };
    const wide = Array.from({ length: 20_000 }, (_, i) => `${i} ${KEY}`);
    for (const body of [{ error: { message: 'deep', details } }, { error: { message: 'wide', details: { wide } } }]) {
      const { client } = setup(() => json(body, 401));
      const error = (await rejectionOf(client.get('/v1/me'))) as SenseiHttpError;
      assertClean(error);
      expect(JSON.stringify(error.toJSON())).not.toContain(KEY);
    }
  });

  it("is redacted from an itemSchema message that quotes the item", async () => {
    const quoting: StandardSchemaV1<unknown, { name: string }> = {
      '~standard': { version: 1, vendor: 'test', validate: (value) => ({ issues: [{ message: `got ${JSON.stringify(value)}` }] }) },
    };
    const page = { data: [{ token: KEY }], pagination: { page: 1, per_page: 1, total: 1, total_pages: 1, has_next: false, has_prev: false } };
    const { client } = setup(() => json(page));
    const error = await rejectionOf(client.list('/v1/things', { itemSchema: quoting }));
    expect((error as Error).message).toBe('Item 0 of the list does not match itemSchema: got {"token":"[redacted]"}');
    assertClean(error);
  });

  it('is redacted when the key comes from getApiKey', async () => {
    const { client } = setup(() => json(echoed, 403), { apiKey: undefined, getApiKey: async () => KEY });
    assertClean(await rejectionOf(client.get('/v1/me')));
  });

  it('is redacted from a custom auth header setup', async () => {
    const { client } = setup(() => json(echoed, 401), { authHeader: 'X-API-Key', authScheme: '' });
    assertClean(await rejectionOf(client.get('/v1/me')));
  });

  it('is redacted from the cause chain of a network error, which stays an error', async () => {
    const root = new Error(`connect ECONNRESET while sending ${KEY}`);
    const failure = Object.assign(new TypeError('fetch failed', { cause: root }), { header: `Authorization: Bearer ${KEY}` });
    const { client } = setup(() => Promise.reject(failure));
    const error = await rejectionOf(client.get('/v1/me'));
    expect(error).toBeInstanceOf(SenseiNetworkError);
    assertClean(error);
    const cause = (error as SenseiError).cause;
    expect(cause).toBeInstanceOf(TypeError);
    expect(cause).toMatchObject({ message: 'fetch failed', header: 'Authorization: Bearer [redacted]' });
    expect(((cause as Error).cause as Error).message).toBe('connect ECONNRESET while sending [redacted]');
  });

  it('a network error whose cause holds no key keeps the original cause', async () => {
    const original = new TypeError('Failed to fetch');
    const { client } = setup(() => Promise.reject(original));
    const error = await rejectionOf(client.get('/v1/me'));
    expect((error as SenseiError).cause).toBe(original);
  });

  it('is absent from every error kind', async () => {
    const responders: Responder[] = [
      () => text(`<html>${KEY}</html>`, 502),
      () => text(`not json ${KEY}`, 200),
      () => json({ data: KEY, pagination: KEY }, 200),
      () => json(echoed, 429, { 'Retry-After': '1' }),
    ];
    for (const responder of responders) {
      const { client } = setup(responder);
      assertClean(await rejectionOf(client.list('/v1/things')));
    }
  });
});

describe('redirects in a browser (redirect: "manual")', () => {
  /** What a browser's fetch answers for a redirect under `redirect: 'manual'`: the target is hidden. */
  const opaqueRedirect = (): Response =>
    ({
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      redirected: false,
      url: '',
      headers: new Headers(),
      body: null,
      text: async () => JSON.stringify({ id: 'op_evil', status: 'completed', status_url: '/v1/x' }),
      json: async () => ({ id: 'op_evil', status: 'completed', status_url: '/v1/x' }),
    }) as unknown as Response;

  it('asks fetch not to follow redirects', async () => {
    const { client, fetchMock } = setup(() => json({ ok: true }));
    await client.get('/v1/x');
    expect((fetchMock.mock.calls[0]?.[1] as RequestInit).redirect).toBe('manual');
  });

  it('refuses an opaque redirect with a typed error that says its target is hidden, and reads nothing from it', async () => {
    const { client, calls } = setup(() => opaqueRedirect());
    const error = await rejectionOf(client.getOperation('/v1/operations/op_1'));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ kind: 'invalid-response' });
    expect((error as Error).message).toMatch(/redirect.*hid/i);
    expect((error as SenseiError).status).toBeUndefined();
    expect(isRetryable(error)).toBe(false);
    expect(calls).toHaveLength(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import {
  createSenseiClient,
  isSenseiError,
  RateLimitStore,
  SenseiRequestError,
  SenseiResponseError,
  type SenseiClientOptions,
} from '../../src/core/index.js';
import { createFakeFetch, json, rejectionOf, text, type Responder } from './fakeFetch.js';

const BASE = 'https://api.example.com';
const KEY = 'sk_test_4f9a8b7c6d5e';

function setup(responder?: Responder, options: Partial<SenseiClientOptions> = {}) {
  const fake = createFakeFetch(responder);
  const client = createSenseiClient({ baseUrl: BASE, apiKey: KEY, fetch: fake.fetch, shareAcrossTabs: false, ...options });
  return { client, ...fake };
}

const pagination = { total: 150, page: 2, per_page: 50, total_pages: 3, has_next: true, has_prev: true };

describe('createSenseiClient', () => {
  it('sends nothing when created', () => {
    const { client, fetchMock } = setup();
    expect(client.baseUrl).toBe('https://api.example.com/');
    expect(client.rateLimit).toBeInstanceOf(RateLimitStore);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('names its API by origin and base path, the same for equal base URLs', () => {
    expect(setup().client.apiId).toBe('https://api.example.com');
    expect(setup(undefined, { baseUrl: 'https://API.example.com:443/v1/' }).client.apiId).toBe('https://api.example.com/v1');
    expect(setup(undefined, { baseUrl: 'https://eu.example.com/v1' }).client.apiId).toBe('https://eu.example.com/v1');
  });

  it('shares a rate-limit store that is passed in', () => {
    const store = new RateLimitStore();
    expect(setup(undefined, { rateLimitStore: store }).client.rateLimit).toBe(store);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createSenseiClient({ baseUrl: 'ftp://api.example.com' })).toThrow(SenseiRequestError);
  });

  it('uses globalThis.fetch, looked up on each request, when none is given', async () => {
    const fake = createFakeFetch(() => json({ ok: true }));
    const client = createSenseiClient({ baseUrl: BASE, apiKey: KEY, shareAcrossTabs: false });
    vi.stubGlobal('fetch', fake.fetch);
    await expect(client.get('/v1/ping')).resolves.toEqual({ ok: true });
    expect(fake.calls[0]?.url).toBe('https://api.example.com/v1/ping');
  });
});

describe('success codes', () => {
  it('200: get returns the parsed body', async () => {
    const { client, calls } = setup(() => json({ id: 'usr_1', name: 'Ada' }));
    await expect(client.get('/v1/users/usr_1')).resolves.toEqual({ id: 'usr_1', name: 'Ada' });
    expect(calls[0]).toMatchObject({ method: 'GET', url: 'https://api.example.com/v1/users/usr_1', body: undefined });
  });

  it('200: put and patch return the body', async () => {
    const { client, calls } = setup(({ body }) => json({ echoed: JSON.parse(body ?? 'null') as unknown }));
    await expect(client.put('/v1/things/1', { a: 1 })).resolves.toEqual({ echoed: { a: 1 } });
    await expect(client.patch('/v1/things/1', { b: 2 })).resolves.toEqual({ echoed: { b: 2 } });
    expect(calls.map((c) => c.method)).toEqual(['PUT', 'PATCH']);
  });

  it('201: post returns the created resource', async () => {
    const { client, calls } = setup(() => json({ id: 'prj_9', name: 'New' }, 201));
    await expect(client.post('/v1/projects', { name: 'New' })).resolves.toEqual({ id: 'prj_9', name: 'New' });
    expect(calls[0]?.method).toBe('POST');
  });

  it('202: startOperation returns the operation and the server hint for the next poll', async () => {
    const { client, calls } = setup(() =>
      json({ id: 'mig_abc123', status: 'pending', status_url: '/v1/migrations/mig_abc123' }, 202, { 'Retry-After': '5' }),
    );
    const result = await client.startOperation('/v1/migrations', { source: 'a' }, { idempotencyKey: 'idem-1' });
    expect(result.operation).toEqual({ id: 'mig_abc123', status: 'pending', status_url: '/v1/migrations/mig_abc123' });
    expect(result.retryAfterMs).toBe(5000);
    expect(calls[0]).toMatchObject({ method: 'POST', body: '{"source":"a"}' });
    expect(calls[0]?.headers.get('Idempotency-Key')).toBe('idem-1');
  });

  it('202 without a usable operation body is a SenseiResponseError', async () => {
    const { client } = setup(() => json({ accepted: true }, 202));
    const error = await rejectionOf(client.startOperation('/v1/migrations'));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 202, method: 'POST', url: 'https://api.example.com/v1/migrations' });
  });

  it('204: delete resolves to undefined without reading the body at all', async () => {
    // A 204 cannot be built with a body, so a 200 with invalid JSON is relabelled 204.
    let response: Response | undefined;
    const { client } = setup(() => {
      response = new Response('{definitely not json', { status: 200 });
      Object.defineProperty(response, 'status', { value: 204 });
      vi.spyOn(response, 'text');
      vi.spyOn(response, 'json');
      return response;
    });
    await expect(client.delete('/v1/things/1')).resolves.toBeUndefined();
    expect(response?.text).not.toHaveBeenCalled();
    expect(response?.json).not.toHaveBeenCalled();
  });

  it('204 through request() reports the status and no data', async () => {
    const { client } = setup(() => new Response(null, { status: 204, headers: { 'X-Request-Id': 'req_204' } }));
    const response = await client.request('/v1/things/1', { method: 'DELETE' });
    expect(response).toMatchObject({ status: 204, data: undefined, requestId: 'req_204', retryAfterMs: undefined });
  });

  it('a 200 with an empty body gives undefined', async () => {
    const { client } = setup(() => new Response('', { status: 200 }));
    await expect(client.get('/v1/empty')).resolves.toBeUndefined();
  });

  it('HEAD never reads a body', async () => {
    const { client } = setup(() => new Response(null, { status: 200 }));
    await expect(client.request('/v1/things', { method: 'HEAD' })).resolves.toMatchObject({ status: 200, data: undefined });
  });

  it('request() exposes headers, rate limit and request id of a success', async () => {
    const { client } = setup(() =>
      json({ ok: true }, 200, { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '998', 'X-Request-Id': 'req_h' }),
    );
    const response = await client.request<{ ok: boolean }>('/v1/ping');
    expect(response.data.ok).toBe(true);
    expect(response.rateLimit).toEqual({ limit: 1000, remaining: 998 });
    expect(response.requestId).toBe('req_h');
    expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(client.rateLimit.getSnapshot()).toMatchObject({ limit: 1000, remaining: 998 });
  });

  it.each([
    ['HTML', '<html><body>OK</body></html>'],
    ['truncated JSON', '{"id": "usr_1", "na'],
    ['plain text', 'OK'],
  ])('a 200 with %s is a SenseiResponseError', async (_label, body) => {
    const { client } = setup(() => text(body, 200, { 'X-Request-Id': 'req_bad' }));
    const error = await rejectionOf(client.get('/v1/users/usr_1'));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, requestId: 'req_bad', idempotent: true });
    expect((error as Error).message).toMatch(/200 with a body that is not JSON/);
  });
});

describe('building requests', () => {
  it('sends Authorization: Bearer <key> and Accept: application/json by default', async () => {
    const { client, calls } = setup();
    await client.get('/v1/me');
    expect(calls[0]?.headers.get('Authorization')).toBe(`Bearer ${KEY}`);
    expect(calls[0]?.headers.get('Accept')).toBe('application/json');
  });

  it('sends the key in another header, bare, when configured', async () => {
    const { client, calls } = setup(undefined, { authHeader: 'X-API-Key', authScheme: '' });
    await client.get('/v1/me');
    expect(calls[0]?.headers.get('X-API-Key')).toBe(KEY);
    expect(calls[0]?.headers.has('Authorization')).toBe(false);
  });

  it('uses another scheme when configured', async () => {
    const { client, calls } = setup(undefined, { authScheme: 'Token' });
    await client.get('/v1/me');
    expect(calls[0]?.headers.get('Authorization')).toBe(`Token ${KEY}`);
  });

  it('reads the key from an async getApiKey for every request, over apiKey', async () => {
    const keys = ['rotated_key_1', 'rotated_key_2'];
    const getApiKey = vi.fn(async () => keys.shift());
    const { client, calls } = setup(undefined, { getApiKey });
    await client.get('/v1/a');
    await client.get('/v1/b');
    await client.get('/v1/c');
    expect(calls.map((c) => c.headers.get('Authorization'))).toEqual(['Bearer rotated_key_1', 'Bearer rotated_key_2', null]);
    expect(getApiKey).toHaveBeenCalledTimes(3);
  });

  it('sends no credential without a key', async () => {
    const { client, calls } = setup(undefined, { apiKey: undefined, getApiKey: () => null });
    await client.get('/v1/public');
    expect(calls[0]?.headers.has('Authorization')).toBe(false);
  });

  it('merges client and request headers, the request winning', async () => {
    const { client, calls } = setup(undefined, { headers: { 'X-Client': 'dashboard', 'X-Team': 'a' } });
    await client.get('/v1/me', { headers: { 'X-Team': 'b' } });
    expect(calls[0]?.headers.get('X-Client')).toBe('dashboard');
    expect(calls[0]?.headers.get('X-Team')).toBe('b');
  });

  it('sends Idempotency-Key only when given', async () => {
    const { client, calls } = setup(() => json({}, 201));
    await client.post('/v1/things', { a: 1 }, { idempotencyKey: 'key-123' });
    await client.post('/v1/things', { a: 1 });
    expect(calls[0]?.headers.get('Idempotency-Key')).toBe('key-123');
    expect(calls[1]?.headers.has('Idempotency-Key')).toBe(false);
  });

  it('encodes query parameters and leaves out null and undefined', async () => {
    const { client, calls } = setup();
    await client.get('/v1/search?fixed=1', {
      query: { q: 'a b&c', page: 2, archived: false, owner: null, team: undefined, empty: '' },
    });
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({ fixed: '1', q: 'a b&c', page: '2', archived: 'false', empty: '' });
  });

  it('sends a JSON body with Content-Type: application/json', async () => {
    const { client, calls } = setup(() => json({}, 201));
    await client.post('/v1/things', { name: 'ü', tags: ['a'], n: null });
    expect(calls[0]?.body).toBe('{"name":"ü","tags":["a"],"n":null}');
    expect(calls[0]?.headers.get('Content-Type')).toBe('application/json');
  });

  it("keeps the caller's Content-Type, and sends none without a body", async () => {
    const { client, calls } = setup();
    await client.post('/v1/things', { a: 1 }, { headers: { 'Content-Type': 'application/merge-patch+json' } });
    await client.get('/v1/things');
    await client.post('/v1/things');
    expect(calls[0]?.headers.get('Content-Type')).toBe('application/merge-patch+json');
    expect(calls[1]?.headers.has('Content-Type')).toBe(false);
    expect(calls[2]).toMatchObject({ body: undefined });
    expect(calls[2]?.headers.has('Content-Type')).toBe(false);
  });

  it('refuses a body JSON cannot encode as a SenseiRequestError, without sending', async () => {
    const { client, fetchMock } = setup();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const body of [circular, { n: 10n }]) {
      const error = await rejectionOf(client.put('/v1/things/1', body));
      expect(error).toBeInstanceOf(SenseiRequestError);
      expect(error).toMatchObject({ kind: 'invalid-request', method: 'PUT' });
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps the path prefix of the base URL for request paths', async () => {
    const { client, calls } = setup(undefined, { baseUrl: 'https://api.example.com/api/' });
    await client.get('/v1/users');
    await client.get('v1/teams');
    await client.request('/v1/raw');
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.example.com/api/v1/users',
      'https://api.example.com/api/v1/teams',
      'https://api.example.com/api/v1/raw',
    ]);
    expect(client.resolveUrl('/v1/x').href).toBe('https://api.example.com/api/v1/x');
  });
});

describe('list', () => {
  it('asks for page and per_page and returns { data, pagination }', async () => {
    const { client, calls } = setup(() => json({ data: [{ id: 'a' }, { id: 'b' }], pagination }));
    const result = await client.list('/v1/projects', { page: 2, perPage: 50, query: { sort: 'name' } });
    expect(result).toEqual({ data: [{ id: 'a' }, { id: 'b' }], pagination });
    const url = new URL(calls[0]?.url ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({ sort: 'name', page: '2', per_page: '50' });
  });

  it('asks for page 1 and leaves per_page to the API by default', async () => {
    const { client, calls } = setup(() => json({ data: [], pagination: { ...pagination, page: 1 } }));
    await client.list('/v1/projects');
    expect(Object.fromEntries(new URL(calls[0]?.url ?? '').searchParams)).toEqual({ page: '1' });
  });

  it('returns what itemSchema outputs', async () => {
    const item = z.object({ id: z.string(), created: z.pipe(z.string(), z.transform((s) => new Date(s))) });
    const { client } = setup(() => json({ data: [{ id: 'a', created: '2026-01-01T00:00:00Z' }], pagination }));
    const result = await client.list('/v1/projects', { itemSchema: item });
    expect(result.data[0]?.created).toBeInstanceOf(Date);
    expect(result.pagination).toEqual(pagination);
  });

  it.each([
    ['data is not an array', { data: { id: 'a' }, pagination }],
    ['pagination is missing', { data: [] }],
    ['pagination is wrong', { data: [], pagination: { ...pagination, page: '2' } }],
    ['the body is a bare array', [{ id: 'a' }]],
    ['the body is null', null],
  ])('is a SenseiResponseError when %s', async (_label, body) => {
    const { client } = setup(() => json(body, 200, { 'X-Request-Id': 'req_list' }));
    const error = await rejectionOf(client.list('/v1/projects'));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, requestId: 'req_list' });
    expect((error as Error).message).toMatch(/Expected a list/);
  });

  it('is a SenseiResponseError naming the item when one fails itemSchema', async () => {
    const item = z.object({ id: z.string(), name: z.string() });
    const { client } = setup(() => json({ data: [{ id: 'a', name: 'A' }, { id: 'b', name: 42 }], pagination }));
    const error = await rejectionOf(client.list('/v1/projects', { itemSchema: item }));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect((error as Error).message).toMatch(/^Item 1 of the list does not match itemSchema: name: /);
  });
});

describe('getOperation and the same-origin guard', () => {
  const operation = { id: 'mig_1', status: 'running', progress: 0.4 };

  it('resolves a relative status_url against the base URL', async () => {
    const { client, calls } = setup(() => json(operation, 200, { 'Retry-After': '3' }));
    const result = await client.getOperation('/v1/migrations/mig_1');
    expect(calls[0]?.url).toBe('https://api.example.com/v1/migrations/mig_1');
    expect(calls[0]?.headers.get('Authorization')).toBe(`Bearer ${KEY}`);
    expect(result).toEqual({ operation, retryAfterMs: 3000 });
  });

  it('accepts an absolute status_url on the same origin', async () => {
    const { client, calls } = setup(() => json(operation));
    await client.getOperation('https://api.example.com/v1/migrations/mig_1?x=1');
    expect(calls[0]?.url).toBe('https://api.example.com/v1/migrations/mig_1?x=1');
  });

  it('is a SenseiResponseError when the status endpoint sends no operation', async () => {
    const { client } = setup(() => json({ state: 'running' }));
    const error = await rejectionOf(client.getOperation('/v1/migrations/mig_1'));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ method: 'GET', url: 'https://api.example.com/v1/migrations/mig_1' });
  });

  it.each([
    'https://evil.example/v1/migrations/mig_1',
    'http://api.example.com/v1/migrations/mig_1',
    'https://api.example.com.evil.example/v1/x',
    'https://api.example.com@evil.example/v1/x',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example\\x',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:application/json,{"id":"x","status":"done"}',
    'http://[::1',
  ])('refuses status_url %j without calling fetch', async (statusUrl) => {
    const { client, fetchMock } = setup(() => json(operation));
    const error = await rejectionOf(client.getOperation(statusUrl));
    expect(error).toBeInstanceOf(SenseiRequestError);
    expect(error).toMatchObject({ kind: 'invalid-request' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/x', '//evil.example/x', '/\\evil.example/x', '\\\\evil.example/x'])(
    'refuses request path %j without calling fetch',
    async (path) => {
      const { client, fetchMock } = setup();
      await expect(client.get(path)).rejects.toBeInstanceOf(SenseiRequestError);
      await expect(client.request(path, { method: 'POST', body: {} })).rejects.toBeInstanceOf(SenseiRequestError);
      expect(() => client.resolveUrl(path)).toThrow(SenseiRequestError);
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );

  it('the refusal names the trusted origin but never the key', async () => {
    const { client } = setup();
    const error = await rejectionOf(client.getOperation('https://evil.example/x'));
    expect(isSenseiError(error)).toBe(true);
    expect((error as Error).message).toBe('Refused to send the API key to https://evil.example: only https://api.example.com is trusted.');
    expect(JSON.stringify(error)).not.toContain(KEY);
  });
});

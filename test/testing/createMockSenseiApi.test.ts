import { describe, expect, it } from 'vitest';
import {
  createMockSenseiApi,
  type Migration,
  type MigrationListResponse,
  type MockSenseiApi,
  type StandardErrorBody,
} from '../../src/testing/index.js';

const auth = { Authorization: 'Bearer test-key' };

function list(api = createMockSenseiApi(), query = '') {
  return api.fetch(`/v1/migrations${query}`, { headers: auth });
}

function create(api: MockSenseiApi, body: unknown = { name: 'Import users' }, headers = {}) {
  return api.fetch('/v1/migrations', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function poll(api: MockSenseiApi, statusUrl: string) {
  const response = await api.fetch(statusUrl, { headers: auth });
  return { response, body: (await response.json()) as Migration };
}

function expectStandardError(body: unknown, code?: string) {
  expect(body).toEqual({
    error: {
      code: code ?? expect.stringMatching(/^E\d{4}$/),
      message: expect.any(String),
      details: expect.any(Object),
      request_id: expect.stringMatching(/^req_[0-9a-f]{12}$/),
    },
  });
}

describe('GET /v1/migrations', () => {
  it('pages 150 items 50 at a time by default', async () => {
    const api = createMockSenseiApi();
    const first = await list(api);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    const body = (await first.json()) as MigrationListResponse;
    expect(body.data).toHaveLength(50);
    expect(body.data[0]).toMatchObject({ id: 'mig_000001', status: 'completed', result: expect.any(Object) });
    expect(body.pagination).toEqual({
      total: 150,
      page: 1,
      per_page: 50,
      total_pages: 3,
      has_next: true,
      has_prev: false,
    });

    const middle = (await (await list(api, '?page=2')).json()) as MigrationListResponse;
    expect(middle.data[0]?.id).toBe('mig_000051');
    expect(middle.pagination).toMatchObject({ page: 2, has_next: true, has_prev: true });

    const last = (await (await list(api, '?page=3&per_page=50')).json()) as MigrationListResponse;
    expect(last.data.at(-1)?.id).toBe('mig_000150');
    expect(last.pagination).toMatchObject({ page: 3, total_pages: 3, has_next: false, has_prev: true });
  });

  it('caps per_page at 100 and honours the items option', async () => {
    const api = createMockSenseiApi({ items: 7 });
    const capped = (await (await list(api, '?per_page=500')).json()) as MigrationListResponse;
    expect(capped.pagination).toMatchObject({ total: 7, per_page: 100, total_pages: 1, has_next: false });
    expect(capped.data).toHaveLength(7);

    const empty = (await (await list(createMockSenseiApi({ items: 0 }))).json()) as MigrationListResponse;
    expect(empty.pagination).toEqual({
      total: 0,
      page: 1,
      per_page: 50,
      total_pages: 1,
      has_next: false,
      has_prev: false,
    });
  });

  it('answers a page past the end with empty data and the real pagination', async () => {
    const api = createMockSenseiApi();
    api.deleteItems(60); // 90 left: page 3 no longer exists
    const response = await list(api, '?page=3');
    expect(response.status).toBe(200);
    const body = (await response.json()) as MigrationListResponse;
    expect(body.data).toEqual([]);
    expect(body.pagination).toEqual({
      total: 90,
      page: 3,
      per_page: 50,
      total_pages: 2,
      has_next: false,
      has_prev: true,
    });
  });

  const badQueries = [
    'page=0',
    'page=-1',
    'page=abc',
    'page=1.5',
    'per_page=0',
    'per_page=',
    'page=99999999999999999999',
  ];
  it.each(badQueries)(
    'rejects %s with 400 and the standard body',
    async (query) => {
      const response = await list(createMockSenseiApi(), `?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as StandardErrorBody;
      expectStandardError(body, 'E4000');
      expect(body.error.details).toMatchObject({ parameter: query.split('=')[0], reason: 'invalid' });
    },
  );

  it('serves a very long list cheaply: page 4,000 of 10,000', async () => {
    const api = createMockSenseiApi({ items: 500_000 });
    const body = (await (await list(api, '?page=4000')).json()) as MigrationListResponse;
    expect(body.pagination).toMatchObject({ total: 500_000, page: 4000, total_pages: 10_000 });
    expect(body.data[0]?.id).toBe('mig_199951');
  });

  it('closes the gap when an item in the middle is deleted', async () => {
    const api = createMockSenseiApi({ items: 5 });
    await api.fetch('/v1/migrations/mig_000002', { method: 'DELETE', headers: auth });
    const body = (await (await list(api)).json()) as MigrationListResponse;
    expect(body.data.map((m) => m.id)).toEqual(['mig_000001', 'mig_000003', 'mig_000004', 'mig_000005']);
  });

  it('reflects added and deleted items', async () => {
    const api = createMockSenseiApi({ items: 10 });
    expect(api.addItems(2).map((item) => item.id)).toEqual(['mig_000011', 'mig_000012']);
    expect(api.deleteItems(5)).toBe(5);
    expect(api.itemCount).toBe(7);
    const body = (await (await list(api)).json()) as MigrationListResponse;
    expect(body.pagination.total).toBe(7);
  });
});

describe('POST /v1/migrations and polling', () => {
  it('accepts with 202, Location and Retry-After, then completes on the 5th poll', async () => {
    const api = createMockSenseiApi();
    const response = await create(api);
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { id: string; status: string; status_url: string };
    expect(accepted).toEqual({
      id: expect.stringMatching(/^mig_/),
      status: 'pending',
      status_url: `/v1/migrations/${accepted.id}`,
    });
    expect(response.headers.get('location')).toBe(accepted.status_url);
    expect(response.headers.get('retry-after')).toBe('1');

    const seen: Migration[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { response: status, body } = await poll(api, accepted.status_url);
      expect(status.status).toBe(200);
      seen.push(body);
      if (i < 4) expect(status.headers.get('retry-after')).toBe('1');
      else expect(status.headers.get('retry-after')).toBeNull();
    }
    expect(seen.map((m) => m.status)).toEqual(['running', 'running', 'running', 'running', 'completed']);
    expect(seen.map((m) => m.progress?.percent)).toEqual([20, 40, 60, 80, 100]);
    expect(seen[4]).toMatchObject({ name: 'Import users', result: { records_migrated: 1000 } });
    expect(seen[4]?.error).toBeUndefined();

    // Terminal is terminal.
    expect((await poll(api, accepted.status_url)).body.status).toBe('completed');
    // A created migration shows up in the list.
    const page = (await (await list(api, '?page=4')).json()) as MigrationListResponse;
    expect(page.data.map((m) => m.id)).toContain(accepted.id);
  });

  it('fails with the standard error object when the outcome is failed', async () => {
    const api = createMockSenseiApi({ scenario: { operations: { outcome: 'failed', pollsToComplete: 2 } } });
    const { status_url } = (await (await create(api)).json()) as { status_url: string };
    expect((await poll(api, status_url)).body.status).toBe('running');
    const { body } = await poll(api, status_url);
    expect(body.status).toBe('failed');
    expect(body.result).toBeUndefined();
    expectStandardError({ error: body.error }, 'E5000');
    expect(body.error?.message).toMatch(/failed/i);
  });

  it('dedupes by Idempotency-Key', async () => {
    const api = createMockSenseiApi({ items: 0 });
    const first = await create(api, { name: 'Once' }, { 'Idempotency-Key': 'key-1' });
    const again = await create(api, { name: 'Once' }, { 'Idempotency-Key': 'key-1' });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(api.itemCount).toBe(1);

    await create(api, { name: 'Once' }, { 'Idempotency-Key': 'key-2' });
    expect(api.itemCount).toBe(2);

    const reused = await create(api, { name: 'Other' }, { 'Idempotency-Key': 'key-1' });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as StandardErrorBody).error.details).toEqual({
      field: 'Idempotency-Key',
      reason: 'mismatch',
    });
  });

  it.each([{}, { name: '' }, { name: '   ' }, { name: null }])('answers 422 E7003 for %j', async (body) => {
    const response = await create(createMockSenseiApi(), body);
    expect(response.status).toBe(422);
    const error = (await response.json()) as StandardErrorBody;
    expectStandardError(error, 'E7003');
    expect(error.error.details).toEqual({ field: 'name', reason: 'required' });
    expect(error.error.message).toBe("Invalid request: missing required field 'name'");
  });

  it('answers 415 for a body that is not JSON by Content-Type', async () => {
    const api = createMockSenseiApi();
    const response = await api.fetch('/v1/migrations', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: 'name=x',
    });
    expect(response.status).toBe(415);
    expectStandardError(await response.json(), 'E4150');
    expect(api.itemCount).toBe(150);
  });

  it('answers 400 for invalid JSON and 413 for a body over 1 MiB', async () => {
    const api = createMockSenseiApi();
    const invalid = await api.fetch('/v1/migrations', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"name":',
    });
    expect(invalid.status).toBe(400);
    const tooLarge = await create(api, { name: 'x'.repeat(1_100_000) });
    expect(tooLarge.status).toBe(413);
    expectStandardError(await tooLarge.json(), 'E4130');
  });
});

describe('GET and DELETE /v1/migrations/:id', () => {
  it('returns a listed migration as completed, and 404 for an unknown id', async () => {
    const api = createMockSenseiApi();
    const { response, body } = await poll(api, '/v1/migrations/mig_000042');
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      id: 'mig_000042',
      status: 'completed',
      status_url: '/v1/migrations/mig_000042',
    });

    const missing = await api.fetch('/v1/migrations/mig_nope', { headers: auth });
    expect(missing.status).toBe(404);
    const error = (await missing.json()) as StandardErrorBody;
    expectStandardError(error, 'E4040');
    expect(error.error.details).toEqual({ resource: 'migration', id: 'mig_nope' });
  });

  it('deletes with 204 and no body', async () => {
    const api = createMockSenseiApi();
    const response = await api.fetch('/v1/migrations/mig_000001', { method: 'DELETE', headers: auth });
    expect(response.status).toBe(204);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe('');
    expect(api.itemCount).toBe(149);
    expect((await api.fetch('/v1/migrations/mig_000001', { headers: auth })).status).toBe(404);
    const again = await api.fetch('/v1/migrations/mig_000001', { method: 'DELETE', headers: auth });
    expect(again.status).toBe(404);
  });

  it('answers 405 with Allow for other methods and 404 for unknown paths', async () => {
    const api = createMockSenseiApi();
    const put = await api.fetch('/v1/migrations/mig_000001', { method: 'PUT', headers: auth });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, DELETE');
    expectStandardError(await put.json(), 'E4050');

    const del = await api.fetch('/v1/migrations', { method: 'DELETE', headers: auth });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, POST');

    for (const path of ['/v1/other', '/v2/migrations', '/', '/v1/migrations/a/b']) {
      const response = await api.fetch(path, { headers: auth });
      expect(response.status, path).toBe(404);
      expectStandardError(await response.json(), 'E4040');
    }
  });
});

describe('authentication', () => {
  it('needs a bearer key; any key passes when apiKey is not set', async () => {
    const api = createMockSenseiApi();
    const missing = await api.fetch('/v1/migrations');
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as StandardErrorBody;
    expectStandardError(body, 'E4010');
    expect(body.error.message).toBe('Invalid or missing API key');
    const withHeader = (value: string) =>
      api.fetch('/v1/migrations', { headers: { Authorization: value } }).then((r) => r.status);
    expect(await withHeader('Bearer ')).toBe(401);
    expect(await withHeader('Basic abc')).toBe(401);
    expect(await withHeader('Bearer anything')).toBe(200);
  });

  it('accepts only the configured apiKey and never echoes it', async () => {
    const api = createMockSenseiApi({ apiKey: 'sk_live_secret' });
    const withKey = (key: string) => api.fetch('/v1/migrations', { headers: { Authorization: `Bearer ${key}` } });
    const wrong = await withKey('sk_live_other');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('sk_live');
    expect((await withKey('sk_live_secret')).status).toBe(200);
  });
});

describe('headers on every response', () => {
  it('carries rate-limit headers and a request id, also on errors', async () => {
    const api = createMockSenseiApi();
    const responses = [
      await list(api),
      await api.fetch('/v1/nope', { headers: auth }),
      await api.fetch('/v1/migrations'),
    ];
    for (const response of responses) {
      expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeLessThan(1000);
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{12}$/);
    }
    const error = await api.fetch('/v1/migrations');
    const body = (await error.json()) as StandardErrorBody;
    expect(body.error.request_id).toBe(error.headers.get('x-request-id'));
  });
});

describe('request log', () => {
  it('records requests and counts them by method and path', async () => {
    const api = createMockSenseiApi();
    await list(api, '?page=2&per_page=10');
    const { status_url } = (await (await create(api)).json()) as { status_url: string };
    await poll(api, status_url);
    await poll(api, status_url);

    expect(api.countRequests()).toBe(4);
    expect(api.countRequests({ method: 'GET' })).toBe(3);
    expect(api.countRequests({ method: 'post', path: '/v1/migrations' })).toBe(1);
    expect(api.countRequests({ pathPrefix: '/v1/migrations/' })).toBe(2);

    const [first] = api.requests;
    expect(first).toMatchObject({
      method: 'GET',
      path: '/v1/migrations',
      url: 'https://api.sensei.test/v1/migrations?page=2&per_page=10',
    });
    expect(first?.searchParams.get('per_page')).toBe('10');
    expect(first?.time).toBeTypeOf('number');

    api.clearRequests();
    expect(api.requests).toEqual([]);
  });

  it('keeps the Authorization header readable but out of printing and JSON', async () => {
    const api = createMockSenseiApi();
    await api.fetch('/v1/migrations', { headers: { Authorization: 'Bearer sk_secret', 'X-Trace': 't1' } });
    const [record] = api.requests;
    expect(record?.headers.authorization).toBe('Bearer sk_secret');
    expect(record?.headers['x-trace']).toBe('t1');
    expect(JSON.stringify(record)).not.toContain('sk_secret');
    expect(Object.keys(record?.headers ?? {})).not.toContain('authorization');
  });
});

describe('fetch', () => {
  it('accepts absolute URLs and Request objects, and works unbound', async () => {
    const { fetch } = createMockSenseiApi();
    const url = 'https://api.sensei.test/v1/migrations';
    expect((await fetch(url, { headers: auth })).status).toBe(200);
    expect((await fetch(new Request(url, { headers: auth }))).status).toBe(200);
    expect((await fetch(new URL(`${url}/mig_000001`), { headers: auth })).status).toBe(200);
  });

  it('rejects with the abort reason when the signal is already aborted', async () => {
    const api = createMockSenseiApi();
    const controller = new AbortController();
    controller.abort();
    const pending = api.fetch('/v1/migrations', { headers: auth, signal: controller.signal });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('handles a base URL with a path prefix', async () => {
    const api = createMockSenseiApi({ baseUrl: 'https://example.test/api/' });
    expect(api.baseUrl).toBe('https://example.test/api');
    expect((await api.fetch('https://example.test/api/v1/migrations', { headers: auth })).status).toBe(200);
    expect((await api.fetch('/v1/migrations', { headers: auth })).status).toBe(200);
    expect(api.requests.map((r) => [r.url, r.path])).toEqual([
      ['https://example.test/api/v1/migrations', '/v1/migrations'],
      ['https://example.test/api/v1/migrations', '/v1/migrations'],
    ]);
  });
});

describe('reset', () => {
  it('restores items, scenario, operations and the log', async () => {
    const api = createMockSenseiApi({ items: 3, scenario: { operations: { pollsToComplete: 1 } } });
    await create(api);
    api.deleteItems(2);
    api.setScenario({ offline: true });
    api.reset();
    expect(api.itemCount).toBe(3);
    expect(api.scenario).toEqual({ operations: { pollsToComplete: 1 } });
    expect(api.requests).toEqual([]);
    const { status_url, id } = (await (await create(api)).json()) as { status_url: string; id: string };
    expect(id).toBe('mig_000004');
    expect((await poll(api, status_url)).body.status).toBe('completed');
  });
});

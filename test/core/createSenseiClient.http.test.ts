// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createRetryPolicy,
  createSenseiClient,
  isRetryable,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiTimeoutError,
  type SenseiClientOptions,
} from '../../src/core/index.js';
import { everyTextOf, rejectionOf } from './fakeFetch.js';

const KEY = 'sk_live_http_test_abcdef123456';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];
const routes = new Map<string, (req: IncomingMessage, res: ServerResponse, body: string) => void>();

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() });
      const route = routes.get(path);
      if (route) route(req, res, body);
      else sendJson(res, 404, { error: { code: 'E4040', message: `No route ${path}`, request_id: 'req_404' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  routes.clear();
});

function client(options: Partial<SenseiClientOptions> = {}) {
  return createSenseiClient({ baseUrl, apiKey: KEY, shareAcrossTabs: false, ...options });
}

describe('against a real HTTP server on 127.0.0.1', () => {
  it('sends the key, JSON body, query and Idempotency-Key as the server receives them', async () => {
    routes.set('/v1/projects', (_req, res, body) => sendJson(res, 201, { id: 'prj_1', ...(JSON.parse(body) as object) }));
    const created = await client().post('/v1/projects', { name: 'Ada' }, { idempotencyKey: 'idem-7', query: { dry_run: false } });
    expect(created).toEqual({ id: 'prj_1', name: 'Ada' });
    const [request] = received;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/projects?dry_run=false', body: '{"name":"Ada"}' });
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe('idem-7');
  });

  it('sends a custom auth header when configured', async () => {
    routes.set('/v1/me', (_req, res) => sendJson(res, 200, { ok: true }));
    await client({ authHeader: 'X-API-Key', authScheme: '' }).get('/v1/me');
    expect(received[0]?.headers['x-api-key']).toBe(KEY);
    expect(received[0]?.headers.authorization).toBeUndefined();
  });

  it('reads X-RateLimit-* from real response headers into the store', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    routes.set('/v1/ping', (_req, res) =>
      sendJson(res, 200, { ok: true }, { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '998', 'X-RateLimit-Reset': String(reset) }),
    );
    const sensei = client();
    const response = await sensei.request('/v1/ping');
    expect(response.rateLimit).toEqual({ limit: 1000, remaining: 998, resetAt: reset * 1000 });
    expect(sensei.rateLimit.getSnapshot()).toMatchObject({ limit: 1000, remaining: 998, resetAt: reset * 1000, isLimited: false });
  });

  it('a real 429 with Retry-After closes the gate: the next request reaches the server only after it', async () => {
    let calls = 0;
    routes.set('/v1/limited', (_req, res) => {
      calls += 1;
      if (calls === 1) {
        sendJson(res, 429, { error: { code: 'E4290', message: 'Rate limit exceeded', request_id: 'req_429' } }, {
          'Retry-After': '1',
          'X-RateLimit-Limit': '1000',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 1),
        });
      } else {
        sendJson(res, 200, { ok: true });
      }
    });
    const sensei = client();
    const error = await rejectionOf(sensei.get('/v1/limited'));
    expect(error).toBeInstanceOf(SenseiHttpError);
    expect(error).toMatchObject({ status: 429, code: 'E4290', requestId: 'req_429', rateLimit: { limit: 1000, remaining: 0 } });
    const retryAfterMs = (error as SenseiHttpError).retryAfterMs ?? 0;
    expect(retryAfterMs).toBeGreaterThan(900);
    expect(retryAfterMs).toBeLessThanOrEqual(1000);
    expect(sensei.rateLimit.getSnapshot().isLimited).toBe(true);
    expect(createRetryPolicy().retryDelay(0, error)).toBe(retryAfterMs);

    const limitedAt = received[0]?.at ?? 0;
    await expect(sensei.get('/v1/limited')).resolves.toEqual({ ok: true });
    expect(received).toHaveLength(2);
    expect((received[1]?.at ?? 0) - limitedAt).toBeGreaterThanOrEqual(950);
  });

  it('a Retry-After HTTP date from the server is read too', async () => {
    routes.set('/v1/busy', (_req, res) =>
      sendJson(res, 503, { error: { message: 'Maintenance' } }, { 'Retry-After': new Date(Date.now() + 30_000).toUTCString() }),
    );
    const error = await rejectionOf(client().get('/v1/busy'));
    expect(error).toMatchObject({ status: 503, message: 'Maintenance' });
    expect((error as SenseiHttpError).retryAfterMs).toBeGreaterThan(28_000);
    expect((error as SenseiHttpError).retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('HTML from a proxy on 502 is a typed, retryable error that keeps X-Request-Id', async () => {
    routes.set('/v1/proxy', (_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html', 'X-Request-Id': 'req_edge_1' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const error = await rejectionOf(client().get('/v1/proxy'));
    expect(error).toBeInstanceOf(SenseiHttpError);
    expect(error).toMatchObject({ status: 502, bodyUnreadable: true, requestId: 'req_edge_1' });
    expect(isRetryable(error)).toBe(true);
  });

  it('204 gives undefined', async () => {
    routes.set('/v1/things/1', (_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(client().delete('/v1/things/1')).resolves.toBeUndefined();
    expect(received[0]?.method).toBe('DELETE');
  });

  it('times out against a server that never answers', async () => {
    routes.set('/v1/hang', () => {
      // never answers
    });
    const started = Date.now();
    const error = await rejectionOf(client({ timeoutMs: 200 }).get('/v1/hang'));
    expect(error).toBeInstanceOf(SenseiTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(isRetryable(error)).toBe(true);
  });

  it('times out when the body stalls after the headers', async () => {
    routes.set('/v1/stall', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"data": [');
    });
    await expect(client({ timeoutMs: 200 }).get('/v1/stall')).rejects.toBeInstanceOf(SenseiTimeoutError);
  });

  it('a dropped socket is a SenseiNetworkError whose cause is the real failure, without the key', async () => {
    routes.set('/v1/drop', (req) => {
      req.socket.destroy();
    });
    const error = await rejectionOf(client().get('/v1/drop'));
    expect(error).toBeInstanceOf(SenseiNetworkError);
    expect(error).toMatchObject({ kind: 'network', offline: false });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(isRetryable(error)).toBe(true);
    for (const shown of everyTextOf(error)) expect(shown).not.toContain(KEY);
  });

  it('a connection refused is a SenseiNetworkError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await rejectionOf(createSenseiClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, shareAcrossTabs: false }).get('/v1/x'));
    expect(error).toBeInstanceOf(SenseiNetworkError);
  });

  it('an echoed key in a real 401 is redacted', async () => {
    routes.set('/v1/me', (req, res) =>
      sendJson(res, 401, { error: { code: 'E4010', message: `Invalid key: ${req.headers.authorization ?? ''}`, details: { got: req.headers.authorization } } }),
    );
    const error = await rejectionOf(client().get('/v1/me'));
    expect(error).toMatchObject({ status: 401, message: 'Invalid key: Bearer [redacted]', details: { got: 'Bearer [redacted]' } });
    for (const shown of everyTextOf(error)) expect(shown).not.toContain(KEY);
  });
});

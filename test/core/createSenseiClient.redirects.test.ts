// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSenseiClient, isRetryable, SenseiResponseError, toErrorState, type SenseiClientOptions } from '../../src/core/index.js';
import { everyTextOf, rejectionOf } from './fakeFetch.js';

const KEY = 'sk_live_redirect_test_0123456789';
const OPERATION = { id: 'op_1', status: 'completed', status_url: '/v1/operations/op_1' };

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 that records every request; two of them are two origins. */
function recordingServer() {
  const received: Received[] = [];
  const routes = new Map<string, Route>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      received.push({ method: req.method ?? '', path, headers: req.headers, body });
      const route = routes.get(path);
      if (route) route(req, res);
      else sendJson(res, 200, OPERATION);
    });
  });
  return {
    received,
    routes,
    origin: '',
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const redirect = (status: number, location: () => string): Route => (_req, res) => {
  res.writeHead(status, { Location: location(), 'Content-Type': 'text/plain' });
  res.end('moved');
};

const api = recordingServer();
const foreign = recordingServer();

beforeAll(async () => {
  await api.start();
  await foreign.start();
});

afterAll(async () => {
  await api.stop();
  await foreign.stop();
});

beforeEach(() => {
  for (const server of [api, foreign]) {
    server.received.length = 0;
    server.routes.clear();
  }
});

function client(options: Partial<SenseiClientOptions> = {}) {
  return createSenseiClient({ baseUrl: api.origin, apiKey: KEY, shareAcrossTabs: false, ...options });
}

/** Every credential setup: the default Authorization, a custom auth header, and extra headers. */
const credentialSetups: [string, Partial<SenseiClientOptions>][] = [
  ['Authorization', {}],
  ['a custom authHeader', { authHeader: 'X-API-Key', authScheme: '' }],
  ['options.headers', { headers: { 'X-Tenant-Token': `tenant-${KEY}` } }],
];

describe('redirects', () => {
  describe.each(credentialSetups)('with the key in %s', (_label, options) => {
    it.each([301, 302, 303, 307, 308])('a %i to another origin is refused: the foreign server receives nothing', async (status) => {
      api.routes.set('/v1/operations/op_1', redirect(status, () => `${foreign.origin}/bucket/op_1.json`));
      const error = await rejectionOf(client(options).getOperation('/v1/operations/op_1'));
      expect(foreign.received).toHaveLength(0);
      expect(api.received).toHaveLength(1);
      expect(error).toBeInstanceOf(SenseiResponseError);
      expect(error).toMatchObject({ kind: 'invalid-response', status });
      expect((error as Error).message).toContain(`Refused a redirect to ${foreign.origin}.`);
      expect(isRetryable(error)).toBe(false);
      expect(toErrorState(error).kind).toBe('unexpected');
      for (const shown of everyTextOf(error)) expect(shown).not.toContain(KEY);
    });
  });

  it("a foreign 200 is never accepted as the operation, and request() and a POST's body never go there", async () => {
    api.routes.set('/v1/operations/op_1', redirect(302, () => `${foreign.origin}/op`));
    api.routes.set('/v1/migrations', redirect(307, () => `${foreign.origin}/migrations`));
    const sensei = client({ headers: { 'X-Tenant-Token': KEY } });
    await expect(sensei.getOperation(`${api.origin}/v1/operations/op_1`)).rejects.toBeInstanceOf(SenseiResponseError);
    await expect(sensei.request('/v1/operations/op_1')).rejects.toBeInstanceOf(SenseiResponseError);
    await expect(sensei.startOperation('/v1/migrations', { secret: KEY })).rejects.toBeInstanceOf(SenseiResponseError);
    expect(foreign.received).toHaveLength(0);
  });

  it('follows a same-origin redirect, with the key, keeping GET', async () => {
    api.routes.set('/v1/old', redirect(301, () => '/v1/operations/op_1'));
    const result = await client({ authHeader: 'X-API-Key', authScheme: '' }).getOperation('/v1/old');
    expect(result.operation).toMatchObject({ id: 'op_1', status: 'completed' });
    expect(api.received.map((r) => `${r.method} ${r.path} ${String(r.headers['x-api-key'])}`)).toEqual([
      `GET /v1/old ${KEY}`,
      `GET /v1/operations/op_1 ${KEY}`,
    ]);
  });

  it('303 turns a POST into a GET without body; 307 and 308 keep the method and body', async () => {
    api.routes.set('/v1/see-other', redirect(303, () => `${api.origin}/v1/result`));
    api.routes.set('/v1/temporary', redirect(307, () => '/v1/target'));
    api.routes.set('/v1/permanent', redirect(308, () => '/v1/target'));
    const sensei = client();
    await sensei.post('/v1/see-other', { a: 1 });
    await sensei.post('/v1/temporary', { b: 2 });
    await sensei.put('/v1/permanent', { c: 3 });
    expect(api.received.map((r) => `${r.method} ${r.path} ${r.body} ${r.headers['content-type'] ?? '-'}`)).toEqual([
      'POST /v1/see-other {"a":1} application/json',
      'GET /v1/result  -',
      'POST /v1/temporary {"b":2} application/json',
      'POST /v1/target {"b":2} application/json',
      'PUT /v1/permanent {"c":3} application/json',
      'PUT /v1/target {"c":3} application/json',
    ]);
  });

  it('stops after 5 same-origin hops with a typed error', async () => {
    api.routes.set('/v1/loop', redirect(302, () => '/v1/loop'));
    const error = await rejectionOf(client().get('/v1/loop'));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect((error as Error).message).toMatch(/too many redirects/i);
    expect(api.received).toHaveLength(6);
  });

  it('a redirect to another scheme or an unreadable Location is refused', async () => {
    api.routes.set('/v1/ftp', redirect(302, () => 'ftp://127.0.0.1/file'));
    api.routes.set('/v1/bad', redirect(302, () => 'http://[::1'));
    await expect(client().get('/v1/ftp')).rejects.toBeInstanceOf(SenseiResponseError);
    const bad = await rejectionOf(client().get('/v1/bad'));
    expect(bad).toMatchObject({ kind: 'invalid-request' });
    expect(isRetryable(bad)).toBe(false);
    expect(foreign.received).toHaveLength(0);
  });
});

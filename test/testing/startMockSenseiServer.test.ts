// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockSenseiApi } from '../../src/testing/index.js';
import { startMockSenseiServer, type MockSenseiServer } from '../../src/testing/server.js';

const auth = { Authorization: 'Bearer test-key' };
let server: MockSenseiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startMockSenseiServer', () => {
  it('serves the API on 127.0.0.1 with CORS and exposed headers', async () => {
    server = await startMockSenseiServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${server.url}/v1/migrations?per_page=10`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = response.headers.get('access-control-expose-headers')?.split(/,\s*/) ?? [];
    expect(exposed).toEqual(
      expect.arrayContaining([
        'Retry-After',
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
        'X-RateLimit-Reset',
        'X-Request-Id',
        'Location',
      ]),
    );
    expect(response.headers.get('x-ratelimit-remaining')).toBe('999');
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(10);
    expect(server.api.countRequests()).toBe(1);
  });

  it('answers a preflight without reaching the API', async () => {
    server = await startMockSenseiServer({ corsOrigin: 'http://localhost:6006' });
    const response = await fetch(`${server.url}/v1/migrations`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:6006',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type, Idempotency-Key',
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(server.api.countRequests()).toBe(0);
  });

  it('hides the headers from CORS with exposeHeaders: false', async () => {
    server = await startMockSenseiServer({ exposeHeaders: false });
    const response = await fetch(`${server.url}/v1/migrations`, { headers: auth });
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
    // The server still sends them; a browser would hide them from script.
    expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
  });

  it('switches the exposed headers at runtime with setExposeHeaders()', async () => {
    server = await startMockSenseiServer();
    expect(server.exposeHeaders).toBe(true);

    server.setExposeHeaders(false);
    expect(server.exposeHeaders).toBe(false);
    const hidden = await fetch(`${server.url}/v1/migrations`, { headers: auth });
    expect(hidden.headers.get('access-control-expose-headers')).toBeNull();
    expect(hidden.headers.get('x-ratelimit-limit')).toBe('1000');

    server.setExposeHeaders(true);
    const shown = await fetch(`${server.url}/v1/migrations`, { headers: auth });
    expect(shown.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');
  });

  it('passes request bodies and headers through and streams the answer back', async () => {
    const api = createMockSenseiApi({ apiKey: 'sk_test' });
    server = await startMockSenseiServer({ api });
    const post = () =>
      fetch(`${server?.url}/v1/migrations`, {
        method: 'POST',
        headers: {
          Authorization: 'Bearer sk_test',
          'Content-Type': 'application/json',
          'Idempotency-Key': 'k1',
        },
        body: JSON.stringify({ name: 'Over HTTP' }),
      });
    const created = await post();
    expect(created.status).toBe(202);
    expect(created.headers.get('location')).toMatch(/^\/v1\/migrations\/mig_/);
    await post();
    expect(api.itemCount).toBe(151);

    const deleted = await fetch(`${server.url}${created.headers.get('location') ?? ''}`, {
      method: 'DELETE',
      headers: { Authorization: 'Bearer sk_test' },
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');

    api.setScenario({ malformed: { kind: 'huge' } });
    const huge = await fetch(`${server.url}/v1/migrations`, { headers: { Authorization: 'Bearer sk_test' } });
    expect((await huge.arrayBuffer()).byteLength).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('drops the connection for offline', async () => {
    server = await startMockSenseiServer({ api: createMockSenseiApi({ scenario: { offline: true } }) });
    await expect(fetch(`${server.url}/v1/migrations`, { headers: auth })).rejects.toThrow(TypeError);
  });

  it('aborts a slow request when the client goes away', async () => {
    const api = createMockSenseiApi({ scenario: { slow: { latencyMs: 60_000 } } });
    server = await startMockSenseiServer({ api });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/v1/migrations`, { headers: auth, signal: controller.signal });
    await expect.poll(() => server?.api.countRequests()).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops serving after close(), which can be called twice', async () => {
    server = await startMockSenseiServer();
    const { url } = server;
    await server.close();
    await server.close();
    await expect(fetch(`${url}/v1/migrations`, { headers: auth })).rejects.toThrow(TypeError);
  });

  it('stays up with maxLifetimeMs: Infinity until close()', async () => {
    server = await startMockSenseiServer({ maxLifetimeMs: Number.POSITIVE_INFINITY });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await fetch(`${server.url}/v1/migrations`, { headers: auth })).status).toBe(200);
  });

  it('closes itself after maxLifetimeMs', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // checked below
    server = await startMockSenseiServer({ maxLifetimeMs: 50 });
    const { url } = server;
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(fetch(`${url}/v1/migrations`, { headers: auth })).rejects.toThrow(TypeError);
  });

  it('says so when it closes itself after maxLifetimeMs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server = await startMockSenseiServer({ maxLifetimeMs: 30 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`mock Sensei server at ${server.url} closed itself after maxLifetimeMs (30 ms)`));
    expect(warn.mock.calls[0]?.[0]).toContain('maxLifetimeMs: Infinity');
  });

  it('stays up with a lifetime past 2^31 - 1 ms, which a plain Node timer would fire at once', async () => {
    server = await startMockSenseiServer({ maxLifetimeMs: 2 ** 31 + 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await fetch(`${server.url}/v1/migrations`, { headers: auth })).status).toBe(200);
  });

  it.each([Number.NaN, -1])('refuses maxLifetimeMs %s with a RangeError', async (maxLifetimeMs) => {
    await expect(startMockSenseiServer({ maxLifetimeMs })).rejects.toThrow(RangeError);
  });
});

describe('startMockSenseiServer: the scenario control endpoint', () => {
  const control = (path = '/__sensei/scenario') => `${server!.url}${path}`;
  const post = (body: unknown) =>
    fetch(control(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('reads the scenario in force with GET, over real HTTP on 127.0.0.1', async () => {
    server = await startMockSenseiServer({ api: createMockSenseiApi({ scenario: { slow: { latencyMs: 5 } } }) });
    const response = await fetch(control());
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ scenario: { slow: { latencyMs: 5 } }, exposeHeaders: true });
    expect(server.api.countRequests()).toBe(0);
  });

  it('switches the scenario with POST, and the API answers by it at once', async () => {
    server = await startMockSenseiServer();
    const response = await post({ scenario: { error: { status: 503, retryAfterSeconds: 7 } } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ scenario: { error: { status: 503, retryAfterSeconds: 7 } }, exposeHeaders: true });

    const answer = await fetch(`${server.url}/v1/migrations`, { headers: auth });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('7');
  });

  it('merges switches by default, replaces them all with replace: true, and turns one off with null', async () => {
    server = await startMockSenseiServer();
    await post({ scenario: { slow: { latencyMs: 1 } } });
    await post({ scenario: { rateLimit: { limit: 2, windowMs: 60_000 } } });
    expect(server.api.scenario).toEqual({ slow: { latencyMs: 1 }, rateLimit: { limit: 2, windowMs: 60_000 } });
    await post({ scenario: { slow: null } });
    expect(server.api.scenario).toEqual({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const replaced = await post({ scenario: { offline: true }, replace: true });
    expect(((await replaced.json()) as { scenario: unknown }).scenario).toEqual({ offline: true });
    await post({ scenario: {}, replace: true });
    expect((await fetch(`${server.url}/v1/migrations`, { headers: auth })).status).toBe(200);
  });

  it('switches the exposed headers, as setExposeHeaders() does', async () => {
    server = await startMockSenseiServer();
    await post({ exposeHeaders: false });
    expect(server.exposeHeaders).toBe(false);
    const response = await fetch(`${server.url}/v1/migrations`, { headers: auth });
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('answers 400 to a body that is not JSON, not an object, or an impossible scenario, and changes nothing', async () => {
    server = await startMockSenseiServer();
    for (const body of ['{"scenario":', '[1]', { scenario: [] }, { scenario: { error: { status: 200 } } }, { exposeHeaders: 'yes' }]) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: string }).error).toEqual(expect.any(String));
    }
    expect(server.api.scenario).toEqual({});
    expect(server.exposeHeaders).toBe(true);
  });

  it('answers 405 with Allow to other methods, and passes its preflight', async () => {
    server = await startMockSenseiServer();
    const response = await fetch(control(), { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    const preflight = await fetch(control(), {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
  });

  it('is the API\'s own path with control: false', async () => {
    server = await startMockSenseiServer({ control: false });
    expect((await post({ scenario: { offline: true } })).status).toBe(401);
    expect(server.api.scenario).toEqual({});
  });
});

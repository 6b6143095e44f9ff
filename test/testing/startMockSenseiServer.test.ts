// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
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
    server = await startMockSenseiServer({ maxLifetimeMs: 50 });
    const { url } = server;
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(fetch(`${url}/v1/migrations`, { headers: auth })).rejects.toThrow(TypeError);
  });
});

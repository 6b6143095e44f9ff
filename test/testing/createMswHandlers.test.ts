import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockSenseiApi, type MigrationListResponse } from '../../src/testing/index.js';
import { createMswHandlers } from '../../src/testing/msw.js';

const api = createMockSenseiApi();
const server = setupServer(...createMswHandlers(api));
const auth = { Authorization: 'Bearer test-key' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => api.reset());
afterAll(() => server.close());

describe('createMswHandlers', () => {
  it('serves the mock API through the global fetch', async () => {
    const response = await fetch('https://api.sensei.test/v1/migrations?page=2', { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
    const body = (await response.json()) as MigrationListResponse;
    expect(body.pagination).toMatchObject({ page: 2, total_pages: 3 });
    expect(api.countRequests({ path: '/v1/migrations' })).toBe(1);
  });

  it('answers unknown paths under the base URL with the mock 404', async () => {
    const response = await fetch('https://api.sensei.test/v2/whatever', { headers: auth });
    expect(response.status).toBe(404);
  });

  it('creates and polls an operation', async () => {
    const created = await fetch('https://api.sensei.test/v1/migrations', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Via MSW' }),
    });
    expect(created.status).toBe(202);
    const { status_url } = (await created.json()) as { status_url: string };
    const status = await fetch(new URL(status_url, 'https://api.sensei.test'), { headers: auth });
    expect(await status.json()).toMatchObject({ name: 'Via MSW', status: 'running' });
  });

  it('follows scenario switches', async () => {
    api.setScenario({ rateLimitOnce: { retryAfterSeconds: 2 } });
    const response = await fetch('https://api.sensei.test/v1/migrations', { headers: auth });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('turns a dropped connection into a network error', async () => {
    api.setScenario({ offline: true });
    await expect(fetch('https://api.sensei.test/v1/migrations', { headers: auth })).rejects.toThrow(TypeError);
  });
});

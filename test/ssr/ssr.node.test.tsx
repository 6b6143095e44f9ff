// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'history'] as const;

describe('on a server (Node, no DOM)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('importing every entry touches no browser global and opens no BroadcastChannel', async () => {
    // Our modules must not read these at import time. (Radix's own `typeof window` guards do;
    // they are safe and not ours, so only reads from src/ count.)
    const touched: string[] = [];
    for (const name of BROWSER_GLOBALS) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          const caller = new Error().stack?.split('\n')[2] ?? '';
          if (caller.includes('/src/')) touched.push(`${name} from ${caller.trim()}`);
          return undefined;
        },
      });
    }
    const opened: string[] = [];
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        constructor(name: string) {
          opened.push(name);
        }
      },
    );
    try {
      vi.resetModules();
      await import('../../src/index.js');
      await import('../../src/core/index.js');
      await import('../../src/testing/index.js');
    } finally {
      for (const name of BROWSER_GLOBALS) delete (globalThis as Record<string, unknown>)[name];
    }
    expect(touched).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('renders a page with every hook and component to HTML', async () => {
    const { SsrDashboard } = await import('./SsrDashboard.js');
    const fetch = vi.fn();
    const html = renderToString(<SsrDashboard fetch={fetch} />);
    expect(html).toContain('<h1>Migrations</h1>');
    expect(html).toContain('Migration is already running');
    expect(html).toContain('aria-label="Pagination"');
    // Rendering on the server sends nothing: queries start on the client.
    expect(fetch).not.toHaveBeenCalled();
    expect(html).not.toContain('sk_ssr_key_123');
  });

  it('calls the Sensei API from Node through @sensei/react/core against the mock server over HTTP', async () => {
    const { createSenseiClient } = await import('../../src/core/index.js');
    const { startMockSenseiServer } = await import('../../src/testing/server.js');
    const server = await startMockSenseiServer();
    try {
      const client = createSenseiClient({ baseUrl: server.url, apiKey: 'sk_node_server_1', shareAcrossTabs: false });
      const page = await client.list<{ id: string }>('/v1/migrations', { page: 2, perPage: 10 });
      expect(page.pagination).toMatchObject({ page: 2, per_page: 10, total: 150 });
      expect(page.data[0]?.id).toMatch(/^mig_/);
      const { operation } = await client.startOperation('/v1/migrations', { name: 'from-node' });
      const polled = await client.getOperation(operation.status_url!);
      expect(polled.operation.id).toBe(operation.id);
      expect(client.rateLimit.getSnapshot().limit).toBe(1000);
      expect(server.api.countRequests()).toBe(3);
    } finally {
      await server.close();
    }
  });
});

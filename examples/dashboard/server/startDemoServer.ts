import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createMockSenseiApi, type MockScenario, type MockSenseiApi } from '../../../src/testing/index.js';
import { startMockSenseiServer, type MockSenseiServer } from '../../../src/testing/server.js';
import { CLEAN_SCENARIO, findPreset, type MockState, type ScenarioPresetId } from '../scenarios.js';

/** What the page reads from `/__demo/config.js` (see `src/config.ts`). */
export interface DemoPageConfig {
  /** Base URL of the Sensei API the page talks to. */
  apiUrl: string;
  /** The key the page sends. Only set for a real API: see the README on why that is a demo-only shortcut. */
  apiKey: string | null;
  /** True when `apiUrl` is the embedded mock: the page shows the scenario strip. */
  mock: boolean;
}

export interface DemoServerOptions {
  /** The built client (`examples/dashboard/dist/client`). */
  staticDir: string;
  /**
   * Interface of both servers. Loopback only, so the demo is never reachable from the network.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * Port of the page; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Port of the mock API; 0 picks a free one. A different port from the page's, so the page's
   * API calls are cross-origin and CORS is real.
   * @default 0
   */
  apiPort?: number;
  /** A real Sensei API instead of the mock (no scenario strip, no control endpoints). */
  realApi?: { url: string; apiKey?: string | undefined };
  /**
   * Migrations the mock starts with.
   * @default 150
   */
  items?: number;
}

/** A running demo: the page server and, unless `realApi`, the mock API server. */
export interface DemoServer {
  /** Origin of the dashboard, e.g. `http://127.0.0.1:4173`. */
  url: string;
  /** Base URL of the API the page uses. */
  apiUrl: string;
  /** The embedded mock, for tests: scenarios, request log. `undefined` with `realApi`. */
  mock: { api: MockSenseiApi; server: MockSenseiServer } | undefined;
  /** The mock as it started: scenario (preset `normal`), exposed headers, items, request log. */
  resetMock(): void;
  /** Stops both servers and ends open connections. Safe to call more than once. */
  close(): Promise<void>;
}

/** The key the page sends to the mock. The mock accepts any key; this one is not a secret. */
export const MOCK_API_KEY = 'sk_demo_mock_not_a_secret';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const MAX_CONTROL_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves the built dashboard and, unless a real API is given, the mock Sensei API on its own
 * port — both on 127.0.0.1. With the mock, the page server also answers the control endpoints
 * the scenario strip and the end-to-end tests use:
 *
 * - `GET /__mock/state` → `{ preset, exposeHeaders, requestCount }`
 * - `POST /__mock/scenario` with JSON `{ preset?: id, scenario?: MockScenario, exposeHeaders?: boolean }`:
 *   a preset (or a raw scenario) replaces every switch; `exposeHeaders` toggles the CORS headers
 * - `POST /__mock/reset`: the mock as it started (scenario, items, operations, request log)
 * - `GET /__mock/requests?method=&path=`: `{ count, requests: [{ method, path, query, time }] }`
 *
 * The control endpoints take JSON only (`Content-Type: application/json` needs a CORS preflight,
 * which this server never grants), so another site open in the browser cannot drive them.
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const { host = '127.0.0.1', port = 0, apiPort = 0, realApi, items = 150 } = options;
  const staticDir = resolve(options.staticDir);
  const indexHtml = await readFile(join(staticDir, 'index.html'), 'utf8').catch((error: unknown) => {
    throw new Error(`The demo is not built: ${join(staticDir, 'index.html')} is missing. Run \`npm run demo:build\`.`, { cause: error });
  });

  let mock: DemoServer['mock'];
  let preset: ScenarioPresetId | 'custom' = 'normal';
  if (!realApi) {
    const api = createMockSenseiApi({ items });
    // Lives as long as the demo: closed by `close()`, not by the test-server lifetime.
    const server = await startMockSenseiServer({ api, host, port: apiPort, maxLifetimeMs: Number.POSITIVE_INFINITY });
    mock = { api, server };
  }
  const apiUrl = realApi ? realApi.url.replace(/\/+$/, '') : (mock as NonNullable<typeof mock>).server.url;
  const pageConfig: DemoPageConfig = {
    apiUrl,
    apiKey: realApi ? (realApi.apiKey ?? null) : MOCK_API_KEY,
    mock: mock !== undefined,
  };

  const resetMock = () => {
    mock?.api.reset();
    mock?.server.setExposeHeaders(true);
    preset = 'normal';
  };

  const state = (): MockState => ({
    preset,
    exposeHeaders: mock?.server.exposeHeaders ?? true,
    requestCount: mock?.api.countRequests() ?? 0,
  });

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!mock) throw new HttpError(404, 'The demo runs against a real API: there is no mock to control.');
    const { api, server } = mock;
    if (path === '/__mock/state' && req.method === 'GET') return sendJson(res, 200, state());
    if (path === '/__mock/requests' && req.method === 'GET') {
      const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const method = params.get('method')?.toUpperCase();
      const apiPath = params.get('path');
      const requests = api.requests
        .filter((record) => (!method || record.method === method) && (!apiPath || record.path === apiPath))
        .map((record) => ({ method: record.method, path: record.path, query: Object.fromEntries(record.searchParams), time: record.time }));
      return sendJson(res, 200, { count: requests.length, requests });
    }
    if (req.method !== 'POST') throw new HttpError(405, `${req.method ?? 'GET'} ${path} is not supported.`);
    const body = await readJson(req);
    if (path === '/__mock/reset') {
      resetMock();
      return sendJson(res, 200, state());
    }
    if (path === '/__mock/scenario') {
      const { preset: presetId, scenario, exposeHeaders } = body as { preset?: unknown; scenario?: unknown; exposeHeaders?: unknown };
      if (presetId !== undefined) {
        const found = findPreset(presetId);
        if (!found) throw new HttpError(400, `Unknown preset ${JSON.stringify(presetId)}.`);
        applyScenario(api, found.scenario);
        preset = found.id as ScenarioPresetId;
      } else if (scenario !== undefined) {
        if (typeof scenario !== 'object' || scenario === null) throw new HttpError(400, '`scenario` must be an object.');
        applyScenario(api, scenario as MockScenario);
        preset = 'custom';
      }
      if (exposeHeaders !== undefined) {
        if (typeof exposeHeaders !== 'boolean') throw new HttpError(400, '`exposeHeaders` must be a boolean.');
        server.setExposeHeaders(exposeHeaders);
      }
      return sendJson(res, 200, state());
    }
    throw new HttpError(404, `No control endpoint ${path}.`);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Static files are GET only.');
    if (path === '/__demo/config.js') {
      // At serve time, never in the build: a rebuilt bundle can be deployed without a key in it.
      const script = `window.__SENSEI_DEMO__ = Object.freeze(${JSON.stringify(pageConfig).replace(/</g, '\\u003c')});\n`;
      return send(res, 200, script, { 'Content-Type': CONTENT_TYPES['.js'] as string, 'Cache-Control': 'no-store' }, req.method);
    }
    const file = normalize(join(staticDir, decodeURIComponent(path)));
    if (file !== staticDir && !file.startsWith(staticDir + sep)) throw new HttpError(404, 'Not found.');
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) {
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      // Vite names assets by content hash; index.html must always be fresh.
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      const content = extname(file) === '.html' ? indexHtml : await readFile(file);
      return send(res, 200, content, { 'Content-Type': type, 'Cache-Control': cache }, req.method);
    }
    // The dashboard has one page; any other path without an extension is that page.
    if (extname(path) === '') return send(res, 200, indexHtml, { 'Content-Type': CONTENT_TYPES['.html'] as string, 'Cache-Control': 'no-cache' }, req.method);
    throw new HttpError(404, 'Not found.');
  }

  const pageServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const handled = path.startsWith('/__mock/') ? control(req, res, path) : serveStatic(req, res, path);
    handled.catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = error instanceof HttpError ? error.status : error instanceof RangeError ? 400 : 500;
      sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  try {
    await listen(pageServer, port, host);
  } catch (error) {
    await mock?.server.close();
    throw error;
  }

  const address = pageServer.address();
  if (address === null || typeof address === 'string') throw new Error('The demo server has no TCP address.');
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= Promise.all([
      new Promise<void>((done) => {
        pageServer.close(() => done());
        pageServer.closeAllConnections();
      }),
      mock?.server.close(),
    ]).then(() => undefined);
    return closing;
  };

  return { url, apiUrl, mock, resetMock, close };
}

/** Replaces every switch of the mock with `scenario` (a switch it does not name is turned off). */
function applyScenario(api: MockSenseiApi, scenario: MockScenario): void {
  api.setScenario({ ...CLEAN_SCENARIO, ...scenario });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'Send control requests as application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_CONTROL_BODY) throw new HttpError(413, 'Control requests are small JSON bodies.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'Send a JSON object.');
    return value;
  } catch (error) {
    throw error instanceof HttpError ? error : new HttpError(400, 'The body is not JSON.');
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>, method = 'GET'): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), { 'Content-Type': CONTENT_TYPES['.json'] as string, 'Cache-Control': 'no-store' });
}

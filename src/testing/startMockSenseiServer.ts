import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
// Node's own timers: a test's fake timers must not keep the server alive or close it early.
import { clearTimeout, setTimeout } from 'node:timers';
import { createMockSenseiApi, type MockSenseiApi } from './createMockSenseiApi.js';
import { handleScenarioControl, SCENARIO_CONTROL_PATH } from './handleScenarioControl.js';

/** Options of `startMockSenseiServer`. */
export interface MockSenseiServerOptions {
  /**
   * The mock API to serve.
   * @default createMockSenseiApi()
   */
  api?: MockSenseiApi;
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Interface to bind. Loopback only, so a test server is never reachable from the network.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * Whether `Access-Control-Expose-Headers` lists the rate-limit headers, `Retry-After`,
   * `X-Request-Id` and `Location`. `false` hides them from browser code, as a misconfigured
   * API gateway does.
   * @default true
   */
  exposeHeaders?: boolean;
  /**
   * `Access-Control-Allow-Origin` of every response.
   * @default '*'
   */
  corsOrigin?: string;
  /**
   * The server closes itself this long after it started, so one a test forgot never keeps the
   * process alive for long; it says so with a `console.warn` when it does. `Infinity` keeps it
   * open until `close()` — use that for a dev server or a demo. Any length works, also one
   * past 2^31 − 1 ms (it is timed in steps); NaN or a negative value throws a `RangeError`.
   * @default 600_000 (10 minutes)
   */
  maxLifetimeMs?: number;
  /**
   * Answer `GET` and `POST /__sensei/scenario` (see `ScenarioControlRequest`), so another
   * process, `curl` or `<SenseiDevtools mockControlUrl>` can read and switch the scenario:
   * `curl -X POST $URL/__sensei/scenario -d '{"scenario":{"error":{"status":503}},"replace":true}'`.
   * The server listens on loopback only; turn this off to serve nothing but the API.
   * @default true
   */
  control?: boolean;
}

/** A running mock server. */
export interface MockSenseiServer {
  /** Origin to use as the client's base URL, e.g. `http://127.0.0.1:53117`. */
  url: string;
  api: MockSenseiApi;
  /** Whether responses expose the rate-limit headers to browser code right now. */
  readonly exposeHeaders: boolean;
  /**
   * Switches `Access-Control-Expose-Headers` on or off for the responses that follow, e.g. to
   * show a UI falling back to backoff when a gateway hides the rate-limit headers.
   */
  setExposeHeaders(expose: boolean): void;
  /** Stops listening and ends open connections. Safe to call more than once. */
  close(): Promise<void>;
}

/** Headers that browser code may read only when CORS exposes them. */
export const exposedHeaders: readonly string[] = [
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-Request-Id',
  'Location',
];

const allowedHeaders = ['Authorization', 'Content-Type', 'Idempotency-Key'];
// Hop-by-hop and framing headers belong to this connection, not to the Request we build.
const skippedRequestHeaders = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

/**
 * Serves a mock Sensei API over real HTTP on 127.0.0.1, with CORS, for tests where headers,
 * CORS or the network matter. Node only: import it from `@sensei/react/testing/server`.
 *
 * @example
 * const server = await startMockSenseiServer();
 * const response = await fetch(`${server.url}/v1/migrations`, { headers: { Authorization: 'Bearer k' } });
 * await server.close();
 */
export async function startMockSenseiServer(
  options: MockSenseiServerOptions = {},
): Promise<MockSenseiServer> {
  const {
    api = createMockSenseiApi(),
    port = 0,
    host = '127.0.0.1',
    corsOrigin = '*',
    maxLifetimeMs = 600_000,
    control = true,
  } = options;
  if (!(maxLifetimeMs >= 0)) {
    throw new RangeError(`maxLifetimeMs must be a duration in ms (>= 0, or Infinity), got ${String(maxLifetimeMs)}`);
  }
  let exposeHeaders = options.exposeHeaders ?? true;

  function setCorsHeaders(res: ServerResponse): void {
    res.setHeader('Access-Control-Allow-Origin', corsOrigin);
    if (corsOrigin !== '*') res.setHeader('Vary', 'Origin');
    if (exposeHeaders) res.setHeader('Access-Control-Expose-Headers', exposedHeaders.join(', '));
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCorsHeaders(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': allowedHeaders.join(', '),
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }

    const controller = new AbortController();
    // The client went away before the answer was complete: stop a slow scenario's wait.
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });

    const request = await toRequest(req, controller.signal, origin);
    let response: Response;
    try {
      response =
        control && new URL(request.url).pathname === SCENARIO_CONTROL_PATH
          ? await handleScenarioControl(request, api, handle)
          : await api.handle(request);
    } catch (error: unknown) {
      if (controller.signal.aborted) return; // Nobody is left to answer.
      throw error;
    }
    if (response.type === 'error') {
      req.socket.destroy(); // What a browser reports as "Failed to fetch".
      return;
    }

    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    if (!response.body) {
      res.end();
      return;
    }
    await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>), res);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A bug in the mock: answer with it rather than hang the client.
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`Mock Sensei server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref();

  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('Mock Sensei server has no TCP address');
  }
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostname}:${address.port}`;

  let closing: Promise<void> | undefined;
  let lifetime: ReturnType<typeof setTimeout> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  // Node turns a delay past 2^31 - 1 ms (about 24 days) into 1 ms: a longer one waits in steps.
  const endsAt = Date.now() + maxLifetimeMs;
  const armLifetime = () => {
    const left = endsAt - Date.now();
    lifetime = setTimeout(
      () => {
        if (left > MAX_TIMER_MS) return armLifetime();
        console.warn(
          `[@sensei/react/testing] The mock Sensei server at ${origin} closed itself after maxLifetimeMs (${maxLifetimeMs} ms). ` +
            'Pass maxLifetimeMs: Infinity to keep it open until close().',
        );
        void close();
      },
      Math.max(0, Math.min(left, MAX_TIMER_MS)),
    );
    lifetime.unref();
  };
  if (maxLifetimeMs !== Infinity) armLifetime();

  const handle: MockSenseiServer = {
    url: origin,
    api,
    get exposeHeaders() {
      return exposeHeaders;
    },
    setExposeHeaders(expose: boolean) {
      exposeHeaders = expose;
    },
    close,
  };
  return handle;
}

/** The longest delay a Node timer takes as it is. */
const MAX_TIMER_MS = 2 ** 31 - 1;

async function toRequest(req: IncomingMessage, signal: AbortSignal, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || skippedRequestHeaders.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  let body: ArrayBuffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const joined = Buffer.concat(chunks);
    body = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
  }
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body, signal });
}

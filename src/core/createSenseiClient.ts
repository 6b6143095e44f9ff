import { warnOnce } from './dev.js';
import { createSenseiEventStream, type SenseiEvent, type SenseiEventStream } from './SenseiEventStream.js';
import { errorBodySchema, type SenseiErrorPayload } from './errorBodySchema.js';
import { isNetworkError } from './isNetworkError.js';
import { type Operation, operationSchema } from './operationSchema.js';
import { type PaginatedResponse, paginatedResponseSchema } from './paginationSchema.js';
import { parseRateLimit, type RateLimitInfo } from './parseRateLimit.js';
import { type GateHold, type GateRelease, RateLimitStore } from './RateLimitStore.js';
import { redactSecret } from './redactSecret.js';
import { type ShareRateLimitOptions, shareRateLimitAcrossTabs } from './shareRateLimitAcrossTabs.js';
import { isHttp, joinPath, toBaseUrl } from './resolveSenseiUrl.js';
import {
  SenseiAbortError,
  SenseiError,
  type SenseiErrorInit,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiResponseError,
  SenseiTimeoutError,
} from './SenseiError.js';
import { type StandardSchemaV1, validateStandard } from './standardSchema.js';
import { describeStatus } from './statusCodes.js';
import { timers } from './timers.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Methods that may be repeated without duplicating a write. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Every response header the client reads; a cross-origin API must expose them all (README: CORS). */
const EXPOSE_HEADERS =
  'Access-Control-Expose-Headers: Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, RateLimit, RateLimit-Policy, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Date, X-Request-Id';

/** Error bodies larger than this are not parsed: no useful message is that long. */
const MAX_ERROR_BODY_CHARS = 1_000_000;
const MAX_MESSAGE_CHARS = 2_000;
/** Statuses whose `Location` is followed (same origin only). */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Same-origin redirects followed before giving up. */
const MAX_REDIRECTS = 5;

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface SenseiClientOptions {
  /**
   * Where the API lives, e.g. `https://api.sensei.example`. Request paths are appended to it
   * (a path prefix such as `/api` is kept) and `status_url`s are resolved against it.
   */
  baseUrl: string;
  /** The API key, sent as `Authorization: Bearer <key>` by default. */
  apiKey?: string;
  /** Reads the API key for each request (rotating tokens); wins over `apiKey`. */
  getApiKey?: () => string | null | undefined | Promise<string | null | undefined>;
  /**
   * In development, a client with neither `apiKey` nor `getApiKey` throws a `SenseiRequestError`
   * when it is created: an unset variable (`apiKey: process.env.X`) would otherwise send every
   * request without a key. Set `false` for an API that needs no key from this code: a session
   * cookie, or a proxy that adds the key. Production builds skip the check.
   * @default true
   */
  requireApiKey?: boolean;
  /**
   * The header that carries the key.
   * @default 'Authorization'
   */
  authHeader?: string;
  /**
   * The scheme before the key in `authHeader`; `''` sends the bare key.
   * @default 'Bearer'
   */
  authScheme?: string;
  /**
   * The fetch implementation.
   * @default globalThis.fetch, looked up on each request
   */
  fetch?: typeof fetch;
  /**
   * Client-side timeout per request in milliseconds, covering the response and its body;
   * `0` or `Infinity` disables it. Any delay works, also one past 2^31−1 ms; NaN or a negative
   * value keeps the default and warns in development.
   * @default 30000
   */
  timeoutMs?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * Hold requests while the rate limit is exhausted instead of sending them into a 429.
   * @default true
   */
  rateLimitGate?: boolean;
  /** A store to share between clients; by default each client owns one. */
  rateLimitStore?: RateLimitStore;
  /**
   * Share the rate-limit state with other tabs of the origin (`BroadcastChannel`), so a 429 in
   * one tab holds back all of them; a new tab asks the others first. Off on servers: two users'
   * clients in one process must never hold each other back. Ignored where `BroadcastChannel`
   * does not exist. An object turns it on with options (how long a new tab asks).
   * @default true in a browser document, false elsewhere
   */
  shareAcrossTabs?: boolean | ShareRateLimitOptions;
  /**
   * The longest server wait (`Retry-After`, reset) a request is held at the gate; past it,
   * requests fail at once with a rate-limited error saying when requests resume. Ignored with
   * your own `rateLimitStore`. Keep it equal to the provider's `retry.maxServerDelayMs`.
   * @default 300000
   */
  maxServerDelayMs?: number;
}

export interface RequestOptions {
  /** @default 'GET' */
  method?: HttpMethod;
  /** Query parameters; `null` and `undefined` are left out. */
  query?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Overrides the client's timeout for this request; `0` or `Infinity` disables it.
   * @default the client's `timeoutMs`
   */
  timeoutMs?: number;
  /**
   * Hears when the request is held at the rate-limit gate (why, until when) and `null` when it
   * leaves; hooks turn it into `waiting` and `nextAttemptAt`.
   */
  onGateHold?: (hold: GateHold | null) => void;
  /**
   * Sent as `Idempotency-Key`; makes a POST or PATCH safe to retry.
   */
  idempotencyKey?: string;
}

/** A successful response with what the hooks need beyond the body. */
export interface SenseiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
  /** `Retry-After` of this response in ms (polling honours it). */
  retryAfterMs: number | undefined;
  rateLimit: RateLimitInfo | undefined;
  requestId: string | undefined;
}

export interface ListOptions<T> {
  /** 1-based page. @default 1 */
  page?: number;
  /** Items per page; the API's default when omitted. */
  perPage?: number;
  /** Further query parameters (filters, sorting). */
  query?: QueryParams;
  /** Validates every item (any Standard Schema: zod, valibot…); a mismatch is a typed error. */
  itemSchema?: StandardSchemaV1<unknown, T>;
  signal?: AbortSignal;
  /** See {@link RequestOptions.onGateHold}. */
  onGateHold?: RequestOptions['onGateHold'];
}

/** `TOperation`: what the caller declares the status endpoint sends (the default is what is checked). */
export interface OperationResponse<TOperation = Operation> {
  operation: TOperation;
  /** `Retry-After` of the response, the server's hint for the next poll. */
  retryAfterMs: number | undefined;
}

export interface SenseiClient {
  /** The absolute base URL. */
  readonly baseUrl: string;
  /**
   * Which API this client talks to: the base URL's origin and path, without a trailing slash
   * (`https://api.eu.sensei.example/v1`). The same on the server and in the browser, so query
   * keys built from it match across hydration.
   */
  readonly apiId: string;
  /** The client's rate-limit store; hooks and components subscribe to it. */
  readonly rateLimit: RateLimitStore;
  /**
   * Every request's way through the client — `held`, `released`, `sent`, `answered`, `failed` —
   * and the retries TanStack Query schedules (`retried`): one subscription for devtools and
   * telemetry. See the README's "Events".
   */
  readonly events: SenseiEventStream;
  /** Whether this client shares state with other tabs (operations then poll from one tab). */
  readonly sharesAcrossTabs?: boolean;
  /** Any request; the body is parsed as JSON except for 204/205/HEAD. */
  request<T = unknown>(path: string, options?: RequestOptions): Promise<SenseiResponse<T>>;
  get<T = unknown>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  post<T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  put<T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  patch<T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  delete<T = undefined>(path: string, options?: Omit<RequestOptions, 'method'>): Promise<T>;
  /** A page of a list endpoint: `{ data, pagination }`, validated. */
  list<T = unknown>(path: string, options?: ListOptions<T>): Promise<PaginatedResponse<T>>;
  /** POSTs to start an async operation; expects the 202 `{ id, status, status_url }` body. */
  startOperation(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<OperationResponse>;
  /**
   * Reads an operation from its `status_url`: a path resolves like request paths (keeping the
   * base's prefix), an absolute URL must be on the base's origin.
   */
  getOperation(statusUrl: string, options?: Pick<RequestOptions, 'signal' | 'timeoutMs' | 'headers' | 'onGateHold'>): Promise<OperationResponse>;
  /** Resolves a path or server-given URL; throws `SenseiRequestError` for another origin. */
  resolveUrl(pathOrUrl: string): URL;
  /** Stops sharing rate-limit state with other tabs. The client still works afterwards. */
  dispose(): void;
}

/** Where a request went, as every error of the client reports it. */
interface RequestTarget {
  method: string;
  url: string;
  idempotent: boolean;
}

/** Creates a client for the Sensei API. Creating one sends nothing. */
export function createSenseiClient(options: SenseiClientOptions): SenseiClient {
  const base = toBaseUrl(options.baseUrl);
  try {
    // Inline `process.env.NODE_ENV`: a production build drops the check and its message; a
    // runtime with no `process` and no bundler skips it (the catch), never fails on it.
    if (process.env.NODE_ENV !== 'production' && !options.apiKey && !options.getApiKey && options.requireApiKey !== false) {
      throw new SenseiRequestError({
        kind: 'invalid-request',
        message: `No API key for ${base.origin}: pass \`apiKey\` or \`getApiKey\` (read it at runtime, never from a build-time variable), or \`requireApiKey: false\` for an API behind a session cookie or a proxy that adds the key.`,
      });
    }
  } catch (missing) {
    if (missing instanceof SenseiRequestError) throw missing;
  }
  const store = options.rateLimitStore ?? new RateLimitStore({ maxServerDelayMs: options.maxServerDelayMs });
  const gate = options.rateLimitGate ?? true;
  const defaultTimeout = normalizeTimeout(options.timeoutMs, 30_000);
  const authHeader = options.authHeader ?? 'Authorization';
  const authScheme = options.authScheme ?? 'Bearer';
  /** The key each successful response was fetched with, to redact what the UI will show of it. */
  const keysUsed = new WeakMap<SenseiResponse<unknown>, string>();
  const events = createSenseiEventStream();
  let requestCount = 0;
  // Servers are not tabs: only a browser document shares by default.
  const share = options.shareAcrossTabs ?? typeof document !== 'undefined';
  const stopSharing =
    !share || options.rateLimitStore
      ? () => {}
      : shareRateLimitAcrossTabs(store, `sensei-rate-limit:${base.origin}`, typeof share === 'object' ? share : undefined);

  async function readKey(): Promise<string | undefined> {
    return (options.getApiKey ? await options.getApiKey() : options.apiKey) || undefined;
  }

  /** Reads the key, bounded by the request's signal; a throwing `getApiKey` is not retryable. */
  async function readKeyUntil(signal: AbortSignal, where: RequestTarget): Promise<string | undefined> {
    let stop: () => void = () => {};
    const aborted = new Promise<never>((_resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      if (signal.aborted) onAbort();
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: stop() removes the listener when the race ends, and abort fires once
      signal.addEventListener('abort', onAbort, { once: true });
      stop = () => signal.removeEventListener('abort', onAbort);
    });
    aborted.catch(() => {}); // Only observed through the race below.
    try {
      return await Promise.race([
        readKey().catch((cause: unknown) => {
          throw invalidRequest('getApiKey failed; no request was sent.', where, cause);
        }),
        aborted,
      ]);
    } finally {
      stop();
    }
  }

  async function send<T>(url: URL, init: RequestOptions): Promise<SenseiResponse<T>> {
    const method = (init.method ?? 'GET').toUpperCase();
    const where = { method, url: url.href, idempotent: IDEMPOTENT_METHODS.has(method) || Boolean(init.idempotencyKey) };
    const timeoutMs = normalizeTimeout(init.timeoutMs, defaultTimeout);
    const userSignal = init.signal;
    const request = { id: (requestCount += 1), method, url: url.href };
    let sentAt: number | undefined;

    // One controller joins the caller's signal and our timeout, so fetch and body reads stop.
    const controller = new AbortController();
    const { signal } = controller;
    let timedOut = false;
    // Stryker disable next-line OptionalChaining: onAbort only ever runs as userSignal's listener, so userSignal is set
    const onAbort = () => controller.abort(userSignal?.reason);
    if (userSignal?.aborted) throw abortError(where, userSignal.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the finally removes the listener, and abort fires once
    userSignal?.addEventListener('abort', onAbort, { once: true });
    let timer: unknown;
    let key: string | undefined;
    /** The request's slot in the gate's budget, held from leaving until its answer's headers are in. */
    let release: GateRelease | undefined;

    /** The typed error for any failure; a `SenseiError` (ours or a wrapper's) passes through. */
    const fail = (raw: unknown): SenseiError => {
      let cause: unknown;
      try {
        if (raw instanceof SenseiError) return raw;
        // Whatever the failure, its cause may quote the request (a wrapper's or polyfill's error).
        cause = redactSecret(raw, key);
      } catch {
        // A cause that throws when read (a revoked proxy, a throwing getter) still yields a typed error, without it.
      }
      if (timedOut) {
        return new SenseiTimeoutError({ kind: 'timeout', message: `No response within ${timeoutMs} ms.`, timeoutMs, ...where, cause });
      }
      if (userSignal?.aborted) return abortError(where, cause);
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      // Anything else fetch (or a wrapper) throws is a bug or a bad init: retrying cannot help.
      if (!offline && !isNetworkError(raw)) {
        return invalidRequest('The request failed, not for the network: see cause.', where, cause);
      }
      return new SenseiNetworkError({
        kind: 'network',
        message: offline ? 'You are offline.' : 'The Sensei API could not be reached.',
        offline,
        ...where,
        cause,
      });
    };

    try {
      if (gate) {
        release = await store.acquire(
          signal,
          (hold) => {
            init.onGateHold?.(hold);
            events.emit({ type: hold ? 'held' : 'released', at: timers.now(), request, ...hold } as SenseiEvent);
          },
          where,
        );
      }
      // The timeout starts when the request leaves, not while it waits at the gate.
      if (timeoutMs > 0 && timeoutMs < Infinity) {
        timer = timers.setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
      }
      key = await readKeyUntil(signal, where);
      const headers = new Headers(options.headers);
      headers.set('Accept', 'application/json');
      for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
      if (key) headers.set(authHeader, authScheme ? `${authScheme} ${key}` : key);
      if (init.idempotencyKey) headers.set('Idempotency-Key', init.idempotencyKey);
      let body: string | undefined;
      if (init.body !== undefined) {
        body = serializeBody(init.body, where);
        if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      }

      sentAt = timers.now();
      events.emit({ type: 'sent', at: sentAt, request });
      const response = await fetchSameOrigin(url, { method, headers, body, signal }, key, where);
      const now = timers.now();
      const rateLimit = parseRateLimit(response.headers, now);
      const { status } = response;
      const requestId = response.headers.get('x-request-id') ?? undefined;
      store.update(rateLimit, status);
      release?.();
      events.emit({ type: 'answered', at: now, request, status, requestId, durationMs: now - sentAt, headers: response.headers });
      // Inline, not only inside warnOnce: a production build drops the message with the branch.
      if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' && status === 429 && rateLimit?.retryAt === undefined && rateLimit?.resetAt === undefined) {
        warnOnce(
          `hidden-headers:${base.origin}`,
          `A 429 from ${base.origin} carried no readable Retry-After or X-RateLimit-Reset header, so requests fall back to backoff. ` +
            `If the API is on another origin it must send "${EXPOSE_HEADERS}".`,
        );
      }
      const retryAfterMs = rateLimit?.retryAt !== undefined ? rateLimit.retryAt - now : undefined;
      const noBody = status === 204 || status === 205 || status === 304 || method === 'HEAD';
      const text = noBody ? '' : await response.text();

      if (!response.ok) {
        // For a 429 without Retry-After, the reset time is when to try again.
        const resetAt = rateLimit?.resetAt ?? now;
        const retryAt = rateLimit?.retryAt ?? (status === 429 && resetAt > now ? resetAt : undefined);
        throw httpError(text, key, { status, requestId, rateLimit, retryAfterMs: retryAt === undefined ? undefined : retryAt - now, retryAt, ...where });
      }
      let data: unknown = undefined;
      if (text.trim() !== '') {
        try {
          data = JSON.parse(text);
        } catch {
          throw invalidResponse(`The server answered ${status} with a body that is not JSON.`, { status, requestId }, where);
        }
      }
      const result: SenseiResponse<T> = { status, data: data as T, headers: response.headers, retryAfterMs, rateLimit, requestId };
      if (key) keysUsed.set(result, key);
      return result;
    } catch (cause) {
      const error = fail(cause);
      const at = timers.now();
      events.emit({ type: 'failed', at, request, error, durationMs: sentAt === undefined ? 0 : at - sentAt });
      throw error;
    } finally {
      if (timer !== undefined) timers.clearTimeout(timer);
      userSignal?.removeEventListener('abort', onAbort);
      release?.(); // No answer (network, abort, timeout): the slot is free again.
    }
  }

  /**
   * `fetch` without following redirects to other origins: the key (in any header) must not reach
   * them, and their body is not Sensei data. Same-origin redirects are followed, a few hops deep.
   */
  async function fetchSameOrigin(url: URL, init: RequestInit, key: string | undefined, where: RequestTarget): Promise<Response> {
    const doFetch = options.fetch ?? globalThis.fetch;
    let current = url;
    let next: RequestInit = { ...init, redirect: 'manual' };
    for (let hop = 0; ; hop += 1) {
      const response = await doFetch(current.href, next);
      const refuse = (why: string) => {
        void response.body?.cancel().catch(() => {}); // Unread: free the connection.
        const known = { status: response.status || undefined, requestId: response.headers.get('x-request-id') ?? undefined };
        return invalidResponse(redactSecret(`${why} The API key may only go to ${base.origin}.`, key), known, where);
      };
      // A browser hides where a manual redirect points (an opaque response with status 0).
      if (response.type === 'opaqueredirect') {
        throw refuse('Refused a redirect whose target the browser hides.');
      }
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      // An unreadable Location throws here: a typed error too, never retried (not the network).
      const target = new URL(location, current);
      const http = isHttp(target);
      if (!http || target.origin !== base.origin) {
        throw refuse(`Refused a redirect to ${http ? target.origin : target.protocol}.`);
      }
      if (hop >= MAX_REDIRECTS) throw refuse('Refused a redirect: too many redirects.');
      void response.body?.cancel().catch(() => {});
      // As fetch does: 303 (and 301/302 after a POST) repeat as a GET without a body; 307/308 keep both.
      // Stryker disable next-line StringLiteral: send always sets the method, so the fallback is never read
      const method = next.method ?? 'GET';
      if ((response.status === 303 && method !== 'HEAD') || (response.status <= 302 && method === 'POST')) {
        const headers = new Headers(next.headers);
        headers.delete('Content-Type');
        next = { ...next, method: 'GET', body: undefined, headers };
      }
      current = target;
    }
  }

  function request<T>(path: string, init: RequestOptions = {}): Promise<SenseiResponse<T>> {
    let url: URL;
    try {
      url = joinPath(base, path);
      for (const [name, value] of Object.entries(init.query ?? {})) {
        if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return send<T>(url, init);
  }

  /** `get` and `delete`: resolve to the body. */
  const withoutBody =
    (method: HttpMethod) =>
    async (path: string, opts?: Omit<RequestOptions, 'method'>): Promise<never> =>
      (await request(path, { ...opts, method })).data as never;
  /** `post`, `put` and `patch`: send `body`, resolve to the response body. */
  const withBody =
    (method: HttpMethod) =>
    async (path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>): Promise<never> =>
      (await request(path, { ...opts, method, body })).data as never;

  async function toOperation(response: SenseiResponse<unknown>, where: Omit<RequestTarget, 'idempotent'>): Promise<OperationResponse> {
    // A failed operation's `error` body becomes a SenseiError shown in the UI: a 200 that echoes
    // the key must not carry it there.
    const parsed = operationSchema.safeParse(redactSecret(response.data, keysUsed.get(response)));
    if (!parsed.success) {
      throw invalidResponse(
        `Expected an operation ({ id, status, status_url }) but the server sent something else (${response.status}).`,
        response,
        where,
      );
    }
    return { operation: parsed.data, retryAfterMs: response.retryAfterMs };
  }

  const client: SenseiClient = {
    baseUrl: base.href,
    apiId: `${base.origin}${base.pathname.replace(/\/+$/, '')}`,
    rateLimit: store,
    events,
    sharesAcrossTabs: Boolean(share) && !options.rateLimitStore,
    request,
    get: withoutBody('GET'),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: withoutBody('DELETE'),

    async list<T>(path: string, opts: ListOptions<T> = {}): Promise<PaginatedResponse<T>> {
      const query: QueryParams = { ...opts.query, page: opts.page ?? 1, per_page: opts.perPage };
      const response = await request(path, { query, signal: opts.signal, onGateHold: opts.onGateHold });
      const where = { method: 'GET', url: joinPath(base, path).href, idempotent: true };
      const parsed = paginatedResponseSchema().safeParse(response.data);
      if (!parsed.success) {
        throw invalidResponse('Expected a list ({ data, pagination }) but the server sent something else.', response, where);
      }
      const envelope = parsed.data as PaginatedResponse<unknown>;
      if (!opts.itemSchema) return envelope as PaginatedResponse<T>;
      const items: T[] = [];
      for (const [index, item] of envelope.data.entries()) {
        const result = await validateStandard(opts.itemSchema, item);
        if (!result.ok) {
          // Schema messages may quote the value, and with it a key the server echoed.
          const message = redactSecret(`Item ${index} of the list does not match itemSchema: ${result.message}`, keysUsed.get(response));
          throw invalidResponse(message, response, where);
        }
        items.push(result.value);
      }
      return { ...envelope, data: items };
    },

    async startOperation(path, body, opts) {
      const response = await request(path, { ...opts, method: 'POST', body });
      return toOperation(response, { method: 'POST', url: joinPath(base, path).href });
    },

    async getOperation(statusUrl, opts) {
      const url = joinPath(base, statusUrl);
      const response = await send(url, { ...opts, method: 'GET' });
      return toOperation(response, { method: 'GET', url: url.href });
    },

    resolveUrl: (pathOrUrl) => joinPath(base, pathOrUrl),
    dispose: stopSharing,
  };
  return client;
}

/**
 * `timeoutMs` as the client uses it: `0` and `Infinity` turn the timeout off; a value that is no
 * duration (NaN, negative, not a number) keeps `fallback` and says so in development, instead of
 * silently never timing out.
 */
function normalizeTimeout(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value >= 0) return value;
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') warnOnce(`timeoutMs:${String(value)}`, `timeoutMs ${String(value)} is no duration in ms; using ${fallback}.`);
  return fallback;
}

/** Refused before sending: the caller's bug, never reported (and retried) as a network failure. */
function invalidRequest(message: string, where: RequestTarget, cause: unknown): SenseiRequestError {
  return new SenseiRequestError({ kind: 'invalid-request', message, ...where, cause });
}

/** A body that JSON cannot encode is the caller's bug: refuse it, never report (and retry) it as a network failure. */
function serializeBody(body: unknown, where: RequestTarget): string {
  try {
    return JSON.stringify(body);
  } catch (cause) {
    throw invalidRequest('The request body cannot be sent as JSON.', where, cause);
  }
}

function abortError(where: RequestTarget, cause: unknown): SenseiAbortError {
  return new SenseiAbortError({ kind: 'aborted', message: 'The request was aborted.', ...where, cause });
}

/** A response whose body is not what the API promises. */
function invalidResponse(
  message: string,
  { status, requestId }: { status: number | undefined; requestId: string | undefined },
  where: Partial<RequestTarget>,
): SenseiResponseError {
  return new SenseiResponseError({ kind: 'invalid-response', message, status, requestId, ...where });
}

/**
 * Builds the typed error for a 4xx/5xx, whatever its body looks like. What the body says wins
 * over `known` (the response's status, headers and target). Exported for the devtools' injected
 * errors (`senseiErrorTypes`), which must be the client's own; not part of the public API.
 * @internal
 */
export function httpError(text: string, key: string | undefined, known: Omit<SenseiErrorInit, 'kind' | 'message'> & { status: number }): SenseiHttpError {
  let payload: SenseiErrorPayload | undefined;
  if (text.length <= MAX_ERROR_BODY_CHARS) {
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      // Redacted before the message is cut, so no part of a key straddling the cut survives.
      if (parsed.success) payload = redactSecret(parsed.data.error, key);
    } catch {
      // Not JSON (HTML from a proxy, truncated, empty): handled as an unreadable body below.
    }
  }
  // Without a message from the server, the status label is the one for people; why is for developers.
  const message = payload?.message?.trim().slice(0, MAX_MESSAGE_CHARS) || describeStatus(known.status);
  return new SenseiHttpError(
    redactSecret(
      {
        ...known,
        kind: 'http' as const,
        message,
        diagnostic: payload ? undefined : `${describeStatus(known.status)}: the response body was not a Sensei error.`,
        code: payload?.code,
        details: payload?.details,
        requestId: payload?.request_id ?? known.requestId,
        bodyUnreadable: payload === undefined,
      },
      key,
    ),
  );
}

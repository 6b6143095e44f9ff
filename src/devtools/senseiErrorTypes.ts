import { httpError } from '../core/createSenseiClient.js';
import { parseRateLimit } from '../core/parseRateLimit.js';
import type { SenseiHttpError } from '../core/SenseiError.js';
import { timers } from '../core/timers.js';

/** ReactQueryDevtools' `DevtoolsErrorType`, without importing the devtools package. */
export interface SenseiDevtoolsErrorType {
  name: string;
  initializer: (query: { queryKey: readonly unknown[] }) => Error;
}

/** A canned answer of the server: what the client turns into the injected error. */
export interface SenseiErrorResponse {
  status: number;
  /** The response body as text (JSON or not). */
  body: string;
  headers?: Record<string, string>;
}

const json = (error: Record<string, unknown>) => JSON.stringify({ error });

/**
 * The answers behind {@link senseiErrorTypes}, by name: change one to see your UI with other
 * values (their `Retry-After` and reset are seconds from the moment the error is injected).
 */
export const senseiErrorResponses: Readonly<Record<string, SenseiErrorResponse>> = Object.freeze({
  'Sensei 429 rate limited (Retry-After: 30)': {
    status: 429,
    body: json({ message: 'Rate limit exceeded. Try again in 30 seconds.', request_id: 'req_devtools_429' }),
    headers: { 'Retry-After': '30', 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30', 'X-Request-Id': 'req_devtools_429' },
  },
  'Sensei 503 unavailable (Retry-After: 5)': {
    status: 503,
    body: json({ message: 'The service is temporarily unavailable.', request_id: 'req_devtools_503' }),
    headers: { 'Retry-After': '5', 'X-Request-Id': 'req_devtools_503' },
  },
  'Sensei 422 validation (field details)': {
    status: 422,
    body: json({
      message: "Invalid request: missing required field 'name'",
      details: { field: 'name', reason: 'required' },
      request_id: 'req_devtools_422',
    }),
    headers: { 'X-Request-Id': 'req_devtools_422' },
  },
  'Sensei 401 unauthenticated': {
    status: 401,
    body: json({ message: 'The API key is missing or invalid.', request_id: 'req_devtools_401' }),
    headers: { 'X-Request-Id': 'req_devtools_401', 'WWW-Authenticate': 'Bearer realm="sensei"' },
  },
  'Sensei 502 unreadable body (HTML)': {
    status: 502,
    body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'req_devtools_502' },
  },
});

/** The URL a Sensei query key names (`['sensei', apiId, kind, path, …]`), for the error's `url`. */
function urlOf(queryKey: readonly unknown[]): string {
  const [, api, , path] = queryKey;
  return typeof api === 'string' && typeof path === 'string' ? (/^https?:/.test(path) ? path : `${api}${path}`) : '';
}

/**
 * The `SenseiError` the client raises for `response` to a GET of `url` at `now`: the same code
 * path as a real answer (headers read against the server's clock, the body parsed or found
 * unreadable), so the UI sees exactly what a misbehaving server would cause.
 */
export function toSenseiErrorResponse(response: SenseiErrorResponse, url: string, now: number = timers.now()): SenseiHttpError {
  const headers = new Headers(response.headers);
  const rateLimit = parseRateLimit(headers, now);
  const { status } = response;
  // As the client does: for a 429 without Retry-After, the reset is when to try again.
  const resetAt = rateLimit?.resetAt ?? now;
  const retryAt = rateLimit?.retryAt ?? (status === 429 && resetAt > now ? resetAt : undefined);
  return httpError(response.body, undefined, {
    status,
    requestId: headers.get('x-request-id') ?? undefined,
    rateLimit,
    retryAfterMs: retryAt === undefined ? undefined : retryAt - now,
    retryAt,
    method: 'GET',
    url,
    idempotent: true,
  });
}

/**
 * Presets for React Query Devtools' `errorTypes`: a 429 with `Retry-After`, a 503, a 422 with
 * field details, a 401 and a 502 with an unreadable body — each the typed `SenseiError` the
 * client would produce, so every error state can be seen in the real app.
 * @example
 * <ReactQueryDevtools errorTypes={senseiErrorTypes} />
 */
export const senseiErrorTypes: SenseiDevtoolsErrorType[] = Object.entries(senseiErrorResponses).map(([name, response]) => ({
  name,
  initializer: (query) => toSenseiErrorResponse(response, urlOf(query.queryKey)),
}));

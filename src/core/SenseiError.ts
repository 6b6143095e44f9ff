import type { RateLimitInfo } from './parseRateLimit.js';

/** What kind of failure a {@link SenseiError} is. */
export type SenseiErrorKind =
  /** The server answered with a 4xx or 5xx status. */
  | 'http'
  /** No response: offline, DNS, CORS refusal, connection dropped. */
  | 'network'
  /** The client-side timeout ran out. */
  | 'timeout'
  /** The caller aborted the request. */
  | 'aborted'
  /** A 2xx response whose body was not what the API promises. */
  | 'invalid-response'
  /** The request was refused before it left: a foreign `status_url`, no API key, a bad URL. */
  | 'invalid-request'
  /** An async operation ended in a failure status; its error body, if any, is carried. */
  | 'operation';

export interface SenseiErrorInit {
  kind: SenseiErrorKind;
  message: string;
  status?: number | undefined;
  code?: string | undefined;
  details?: unknown;
  requestId?: string | undefined;
  rateLimit?: RateLimitInfo | undefined;
  retryAfterMs?: number | undefined;
  /** When requests may go out again (epoch ms), if the server said. */
  retryAt?: number | undefined;
  method?: string | undefined;
  url?: string | undefined;
  /** Whether repeating the request cannot duplicate a write (safe method or idempotency key). */
  idempotent?: boolean | undefined;
  /** The error body was missing or not the standard shape (HTML from a proxy, truncated JSON…). */
  bodyUnreadable?: boolean | undefined;
  /** What went wrong, for developers (logs, devtools); `message` is the one written for people. */
  diagnostic?: string | undefined;
  cause?: unknown;
}

const BRAND = Symbol.for('@sensei/react.SenseiError');

/** What `toJSON()` copies, in this order. */
const JSON_KEYS = ['name', 'kind', 'message', 'status', 'code', 'details', 'requestId', 'retryAfterMs', 'retryAt', 'rateLimit', 'method', 'url', 'diagnostic'] as const;

/**
 * The one error type of the library. Every failure of a Sensei call — HTTP status, network,
 * timeout, abort, malformed body — is a `SenseiError` carrying what the UI needs to react.
 * Its message, `toJSON()` and `toString()` never contain the API key.
 */
export class SenseiError extends Error {
  override name: string = 'SenseiError';
  // `declare`: the constructor sets each of these once; no separate field definitions are emitted.
  declare readonly kind: SenseiErrorKind;
  /** The HTTP status, when the server answered. */
  declare readonly status: number | undefined;
  /** The Sensei error code from the body, such as `E7003`. */
  declare readonly code: string | undefined;
  /** The body's `details`, as sent (varies by error). */
  declare readonly details: unknown;
  /** The body's `request_id` (or the `X-Request-Id` header): quote it to support. */
  declare readonly requestId: string | undefined;
  /** Rate-limit headers of the failed response. */
  declare readonly rateLimit: RateLimitInfo | undefined;
  /** How long the server asked us to wait (`Retry-After`, or the reset for a 429), in ms. */
  declare readonly retryAfterMs: number | undefined;
  /** When requests may go out again (epoch ms): `Retry-After` or the reset, as the server said. */
  declare readonly retryAt: number | undefined;
  declare readonly method: string | undefined;
  declare readonly url: string | undefined;
  declare readonly idempotent: boolean;
  declare readonly bodyUnreadable: boolean;
  /**
   * What went wrong, for developers: logs and devtools, never error UI. Set when `message`
   * alone would hide it, e.g. "Bad Gateway (502): the response body was not a Sensei error.".
   */
  declare readonly diagnostic: string | undefined;

  constructor(init: SenseiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    // The fields `toJSON()` copies (but `name` and `message`, set above) come straight from `init`.
    for (const key of JSON_KEYS) if (key !== 'name' && key !== 'message') (this as Record<string, unknown>)[key] = init[key];
    this.idempotent = init.idempotent ?? false;
    this.bodyUnreadable = init.bodyUnreadable ?? false;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A plain, loggable copy. Contains no headers, so never the API key. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(JSON_KEYS.map((key) => [key, this[key]]));
  }
}

/** The server answered with an error status. */
export class SenseiHttpError extends SenseiError {
  override name = 'SenseiHttpError' as const;
  declare readonly status: number;
}

/** No response reached us. `offline` tells whether the browser reported being offline. */
export class SenseiNetworkError extends SenseiError {
  override name = 'SenseiNetworkError' as const;
  declare readonly offline: boolean;
  constructor(init: SenseiErrorInit & { offline?: boolean }) {
    super(init);
    this.offline = init.offline ?? false;
  }
}

/** The client-side timeout ran out before the response was read. */
export class SenseiTimeoutError extends SenseiError {
  override name = 'SenseiTimeoutError' as const;
  declare readonly timeoutMs: number;
  constructor(init: SenseiErrorInit & { timeoutMs: number }) {
    super(init);
    this.timeoutMs = init.timeoutMs;
  }
}

/** The caller aborted the request (unmount, cancel, navigation). */
export class SenseiAbortError extends SenseiError {
  override name = 'SenseiAbortError' as const;
}

/** A successful status with a body that is not what the API promises. */
export class SenseiResponseError extends SenseiError {
  override name = 'SenseiResponseError' as const;
}

/** Refused before sending: a foreign `status_url`, a missing API key, an unusable URL. */
export class SenseiRequestError extends SenseiError {
  override name = 'SenseiRequestError' as const;
}

/** True for any `SenseiError`, also one from another copy of the library or another realm. */
export function isSenseiError(value: unknown): value is SenseiError {
  try {
    return (
      typeof value === 'object' &&
      // Stryker disable next-line ConditionalExpression: without it null throws on the read below, and the catch answers false all the same
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  } catch {
    return false; // A revoked proxy throws on any read: it is no SenseiError, and a type guard must not throw.
  }
}

import { clampDelay, parseRetryAfter } from './parseRetryAfter.js';

/**
 * What one response said about the rate limit. Every field is optional: a header may be
 * missing, malformed, or hidden by CORS.
 */
export interface RateLimitInfo {
  /** `X-RateLimit-Limit` (or the IETF `RateLimit-Policy` quota): requests allowed per window. */
  limit?: number;
  /** `X-RateLimit-Remaining` (or the IETF `RateLimit` remaining): requests left in this window. */
  remaining?: number;
  /** `X-RateLimit-Reset` (or the IETF reset) as epoch milliseconds on the client's clock. */
  resetAt?: number;
  /** `Retry-After` as epoch milliseconds on the client's clock. */
  retryAt?: number;
}

/** Values this large are epoch seconds; smaller ones are seconds until the reset. */
const EPOCH_THRESHOLD_SECONDS = 1_000_000_000;

export type HeaderSource = Pick<Headers, 'get'> | Record<string, string | null | undefined>;

function readHeader(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return typeof value === 'string' ? value : null;
  }
  return null;
}

function parseCount(value: string | null | undefined): number | undefined {
  if (value == null || !/^\s*\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Reads `X-RateLimit-Reset` as epoch milliseconds. The seed sends unix seconds, but common
 * limiters send seconds-until-reset: values of 1e9 and more are epoch seconds, smaller ones a
 * delta. An epoch in the past means now; far futures are clamped.
 */
export function parseRateLimitReset(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null || !/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
  const seconds = Number(value);
  const delay = seconds >= EPOCH_THRESHOLD_SECONDS ? seconds * 1000 - now : seconds * 1000;
  return now + clampDelay(delay);
}

/**
 * The server's now for a response received at `now`, from its `Date` header (whole seconds,
 * rounded down). A `Date` within the second before `now` agrees with the client's clock, which
 * is finer; otherwise the clocks differ and `Date`, the server's earliest possible now, is used
 * so that no wait comes out shorter than the server meant. Without a readable `Date`: `now`.
 */
export function serverNow(date: string | null | undefined, now: number): number {
  const at = date && /GMT$/.test(date) ? Date.parse(date) : NaN;
  return Number.isNaN(at) || (at <= now && now < at + 1000) ? now : at;
}

/** Draft 7's member names, as the later drafts' parameters. */
const DRAFT_7: Record<string, string> = { limit: 'q', remaining: 'r', reset: 't' };

/**
 * The parameters of the IETF fields (draft-ietf-httpapi-ratelimit-headers): `RateLimit:
 * "default";r=50;t=30`, `RateLimit-Policy: "default";q=100;w=60`, or draft 7's dictionary
 * `RateLimit: limit=100, remaining=50, reset=30`. With several policies, the one with the
 * fewest requests left rules. Anything unreadable is left out.
 */
function parseStructured(value: string | null): Record<string, number> {
  // Stryker disable next-line StringLiteral: any text without `key=digits` parses to nothing, as '' does
  const text = (value ?? '').slice(0, 4096);
  let best: Record<string, number> = {};
  for (const item of /(^|,)\s*remaining=/.test(text) ? [text] : text.split(',')) {
    const params: Record<string, number> = {};
    // Stryker disable next-line StringLiteral: both groups always take part in a match; the defaults are for the type checker
    for (const [, key = '', digits = ''] of item.matchAll(/(?:^|[;,])\s*([a-z]+)\s*=\s*(\d+)\s*(?=[;,]|$)/g)) {
      const n = parseCount(digits);
      // Stryker disable next-line ConditionalExpression: a parameter set to undefined reads like a missing one
      if (n !== undefined) params[DRAFT_7[key] ?? key] = n;
    }
    if (best.r === undefined || (params.r as number) < best.r) best = params;
  }
  return best;
}

/**
 * Reads `X-RateLimit-Limit`, `-Remaining`, `-Reset` and `Retry-After`, and where the seed's
 * headers are absent the IETF `RateLimit` / `RateLimit-Policy` fields and the older
 * `RateLimit-Limit` / `-Remaining` / `-Reset`. Epoch resets and HTTP dates are read against the
 * server's clock (its `Date` header) when readable, and returned on the client's clock `now`.
 * Malformed values are dropped, never thrown on. Returns `undefined` when nothing was readable.
 */
export function parseRateLimit(headers: HeaderSource, now: number = Date.now()): RateLimitInfo | undefined {
  const info: RateLimitInfo = {};
  const read = (name: string) => readHeader(headers, name);
  // A client clock 10 minutes off must still wait the server's 30 s, not 0 or 630 s.
  const server = serverNow(read('date'), now);
  const ietf = parseStructured(read('ratelimit'));
  const count = (name: string) => parseCount(read(`x-ratelimit-${name}`)) ?? parseCount(read(`ratelimit-${name}`));
  const limit = count('limit') ?? ietf.q ?? parseStructured(read('ratelimit-policy')).q;
  const remaining = count('remaining') ?? ietf.r;
  const resetAt =
    parseRateLimitReset(read('x-ratelimit-reset'), server) ??
    // Stryker disable next-line ConditionalExpression: String(undefined) is 'undefined', which parseRateLimitReset rejects like null
    parseRateLimitReset(read('ratelimit-reset') ?? (ietf.t === undefined ? null : String(ietf.t)), server);
  const retryAfter = parseRetryAfter(read('retry-after'), server);
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = limit !== undefined ? Math.min(remaining, limit) : remaining;
  if (resetAt !== undefined) info.resetAt = now + (resetAt - server);
  if (retryAfter !== undefined) info.retryAt = now + retryAfter;
  return Object.keys(info).length > 0 ? info : undefined;
}

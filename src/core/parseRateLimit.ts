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

/** The IMF-fixdate form that servers must use for `Date` (RFC 9110 §5.6.7). */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

type HeaderSource = Pick<Headers, 'get'> | Record<string, string | null | undefined>;

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
 * The server's clock as its `Date` header gives it (epoch ms), or `undefined` when the header is
 * missing, hidden by CORS or not an IMF-fixdate. `Date` has whole seconds and rounds down, so
 * waits measured against it are never shorter than the server meant.
 */
export function parseServerDate(value: string | null | undefined): number | undefined {
  if (value == null || !IMF_FIXDATE.test(value.trim())) return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : undefined;
}

/**
 * The server's now for a response received at `now` whose `Date` said `date`. A `Date` within
 * the second before `now` agrees with the client's clock, which is finer; otherwise the clocks
 * differ and `Date` (rounded down, stamped before the answer travelled) is the server's earliest
 * possible now, so no wait comes out shorter than the server meant.
 */
function serverClock(date: number | undefined, now: number): number {
  return date === undefined || (date <= now && now < date + 1000) ? now : date;
}

/**
 * The parameters of the IETF fields (draft-ietf-httpapi-ratelimit-headers): `RateLimit:
 * "default";r=50;t=30` and `RateLimit-Policy: "default";q=100;w=60`, or draft 7's
 * `RateLimit: limit=100, remaining=50, reset=30`. With several policies, the one with the fewest
 * requests left rules. Anything unreadable is left out.
 */
function parseStructured(value: string | null): Record<string, number> {
  const best: Record<string, number> = {};
  if (value == null || value.length > 4096) return best;
  // Draft 7 puts one policy's members in a dictionary; later drafts give one list item per policy.
  const items = /(^|[\s,;])(limit|remaining|reset)=/.test(value) ? [value.replace(/,/g, ';')] : value.split(',');
  for (const item of items) {
    const params: Record<string, number> = {};
    for (const [, key, , raw] of item.matchAll(/(?:^|;)\s*([a-z]+)\s*=\s*("?)(\d+)\2\s*(?=;|$)/g)) {
      const n = parseCount(raw);
      if (key && n !== undefined) params[key === 'limit' ? 'q' : key === 'remaining' ? 'r' : key === 'reset' ? 't' : key] = n;
    }
    if (params.r !== undefined && (best.r === undefined || params.r < best.r)) Object.assign(best, params);
    else for (const key of Object.keys(params)) best[key] ??= params[key] as number;
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
  // A client clock 10 minutes off must still wait the server's 30 s, not 0 or 630 s.
  const serverNow = serverClock(parseServerDate(readHeader(headers, 'date')), now);
  const ietf = parseStructured(readHeader(headers, 'ratelimit'));
  const policy = parseStructured(readHeader(headers, 'ratelimit-policy'));
  const limit =
    parseCount(readHeader(headers, 'x-ratelimit-limit')) ?? parseCount(readHeader(headers, 'ratelimit-limit')) ?? ietf.q ?? policy.q;
  const remaining =
    parseCount(readHeader(headers, 'x-ratelimit-remaining')) ?? parseCount(readHeader(headers, 'ratelimit-remaining')) ?? ietf.r;
  const resetAt =
    parseRateLimitReset(readHeader(headers, 'x-ratelimit-reset'), serverNow) ??
    parseRateLimitReset(readHeader(headers, 'ratelimit-reset'), serverNow) ??
    (ietf.t !== undefined ? parseRateLimitReset(String(ietf.t), serverNow) : undefined);
  const retryAfter = parseRetryAfter(readHeader(headers, 'retry-after'), serverNow);
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = limit !== undefined ? Math.min(remaining, limit) : remaining;
  if (resetAt !== undefined) info.resetAt = now + (resetAt - serverNow);
  if (retryAfter !== undefined) info.retryAt = now + retryAfter;
  return Object.keys(info).length > 0 ? info : undefined;
}

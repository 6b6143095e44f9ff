import { clampDelay, parseRetryAfter } from './parseRetryAfter.js';

/**
 * What one response said about the rate limit. Every field is optional: a header may be
 * missing, malformed, or hidden by CORS.
 */
export interface RateLimitInfo {
  /** `X-RateLimit-Limit`: requests allowed per window. */
  limit?: number;
  /** `X-RateLimit-Remaining`: requests left in this window. */
  remaining?: number;
  /** `X-RateLimit-Reset` as epoch milliseconds. */
  resetAt?: number;
  /** `Retry-After` as epoch milliseconds. */
  retryAt?: number;
}

/** Values this large are epoch seconds; smaller ones are seconds until the reset. */
const EPOCH_THRESHOLD_SECONDS = 1_000_000_000;

type HeaderSource = Pick<Headers, 'get'> | Record<string, string | null | undefined>;

function readHeader(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return typeof value === 'string' ? value : null;
  }
  return null;
}

function parseCount(value: string | null): number | undefined {
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
 * Reads `X-RateLimit-Limit`, `-Remaining`, `-Reset` and `Retry-After`. Malformed values are
 * dropped, never thrown on. Returns `undefined` when none of them was readable.
 */
export function parseRateLimit(headers: HeaderSource, now: number = Date.now()): RateLimitInfo | undefined {
  const info: RateLimitInfo = {};
  const limit = parseCount(readHeader(headers, 'x-ratelimit-limit'));
  const remaining = parseCount(readHeader(headers, 'x-ratelimit-remaining'));
  const resetAt = parseRateLimitReset(readHeader(headers, 'x-ratelimit-reset'), now);
  const retryAfter = parseRetryAfter(readHeader(headers, 'retry-after'), now);
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = limit !== undefined ? Math.min(remaining, limit) : remaining;
  if (resetAt !== undefined) info.resetAt = resetAt;
  if (retryAfter !== undefined) info.retryAt = now + retryAfter;
  return Object.keys(info).length > 0 ? info : undefined;
}

import { parseHttpDate } from './parseHttpDate.js';

/** The longest delay the library takes from a server header: 24 hours. Longer is clamped. */
export const MAX_SERVER_DELAY_MS = 24 * 60 * 60 * 1000;

/** RFC 9110's delta-seconds: `1*DIGIT`, nothing else (no sign, fraction or unit). */
const DELTA_SECONDS = /^\d+$/;

/**
 * Reads a `Retry-After` header as milliseconds to wait from `now`.
 *
 * Accepts exactly RFC 9110's forms: delta-seconds as a non-negative integer (`"120"`) and the
 * three HTTP-date forms, read as UTC (`"Wed, 21 Oct 2026 07:28:00 GMT"`). A date in the past
 * means 0; a huge value is clamped to {@link MAX_SERVER_DELAY_MS}. Anything else (`"1.5"`,
 * `"-1"`, an ISO date…) returns `undefined` so the caller falls back to another header or backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  // Stryker disable next-line ConditionalExpression,StringLiteral: parseHttpDate('') is undefined too; this only skips the patterns
  if (text === '') return undefined;

  if (DELTA_SECONDS.test(text)) {
    return clampDelay(Number(text) * 1000);
  }
  const at = parseHttpDate(text, now);
  return at === undefined ? undefined : clampDelay(at - now);
}

/** Clamps a delay to [0, MAX_SERVER_DELAY_MS]; NaN becomes 0. */
export function clampDelay(ms: number, max: number = MAX_SERVER_DELAY_MS): number {
  // Stryker disable next-line EqualityOperator: a non-finite ms is never 0, so > and >= agree
  if (!Number.isFinite(ms)) return ms > 0 ? max : 0;
  return Math.min(Math.max(ms, 0), max);
}

/** The longest delay the library takes from a server header: 24 hours. Longer is clamped. */
export const MAX_SERVER_DELAY_MS = 24 * 60 * 60 * 1000;

const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * Reads a `Retry-After` header as milliseconds to wait from `now`.
 *
 * Accepts delta-seconds (`"120"`) and HTTP dates (`"Wed, 21 Oct 2026 07:28:00 GMT"`). A date in
 * the past means 0; a huge value is clamped to {@link MAX_SERVER_DELAY_MS}. Missing, negative or
 * unreadable values return `undefined` so the caller can fall back to another header or backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;

  if (DELTA_SECONDS.test(text)) {
    return clampDelay(Number(text) * 1000);
  }
  // Only something that looks like a date is read as one: Date.parse accepts far too much
  // ("later 2" is a date in 2001). Every HTTP-date format has a time of day.
  if (!/[a-z]/i.test(text) || !/\d{1,2}:\d{2}:\d{2}/.test(text) || /^-/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return clampDelay(at - now);
}

/** Clamps a delay to [0, MAX_SERVER_DELAY_MS]; NaN becomes 0. */
export function clampDelay(ms: number, max: number = MAX_SERVER_DELAY_MS): number {
  if (!Number.isFinite(ms)) return ms > 0 ? max : 0;
  return Math.min(Math.max(ms, 0), max);
}

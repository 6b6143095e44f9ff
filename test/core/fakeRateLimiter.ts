import { json, type FakeCall, type Responder } from './fakeFetch.js';

export interface FakeRateLimiterOptions {
  /** Requests per window. */
  limit: number;
  windowMs: number;
  /** Time each answer takes, on the fake clock. */
  latencyMs?: number;
  /** The server's clock minus the client's (`Date`, epoch resets). */
  serverAheadMs?: number;
  /** Which headers it sends: the seed's, the IETF fields, or none at all. */
  headers?: 'x-ratelimit' | 'ietf' | 'none';
}

/**
 * A fixed-window rate limiter like express-rate-limit's, on the fake clock: it counts every
 * request when it arrives, answers 429 with `Retry-After` beyond the limit, and logs when each
 * request arrived (client clock) and what it answered.
 */
export function createFakeRateLimiter(options: FakeRateLimiterOptions) {
  const { limit, windowMs, latencyMs = 20, serverAheadMs = 0, headers = 'x-ratelimit' } = options;
  const log: Array<{ at: number; status: number; url: string }> = [];
  let windowStart: number | undefined;
  let hits = 0;
  const responder: Responder = (call: FakeCall) => {
    const serverNow = Date.now() + serverAheadMs;
    if (windowStart === undefined || serverNow >= windowStart + windowMs) {
      windowStart = serverNow;
      hits = 0;
    }
    hits += 1;
    const status = hits > limit ? 429 : 200;
    log.push({ at: Date.now(), status, url: call.url });
    const resetAt = windowStart + windowMs;
    const sent: Record<string, string> = { Date: new Date(serverNow).toUTCString() };
    const remaining = String(Math.max(0, limit - hits));
    const untilReset = Math.ceil((resetAt - serverNow) / 1000);
    if (headers === 'x-ratelimit') {
      Object.assign(sent, { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': remaining, 'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)) });
    } else if (headers === 'ietf') {
      Object.assign(sent, { RateLimit: `"default";r=${remaining};t=${untilReset}`, 'RateLimit-Policy': `"default";q=${limit};w=${windowMs / 1000}` });
    }
    if (status === 429 && headers !== 'none') sent['Retry-After'] = String(untilReset);
    const body = status === 429 ? { error: { code: 'E429', message: 'Too many requests' } } : { data: [], pagination: { page: 1, per_page: 10, total: 0, total_pages: 1 } };
    return new Promise((resolve) => setTimeout(() => resolve(json(body, status, sent)), latencyMs));
  };
  return {
    responder,
    log,
    count: (status?: number) => log.filter((entry) => status === undefined || entry.status === status).length,
    /** The most requests that arrived in any one millisecond. */
    maxPerMs: () => Math.max(0, ...Object.values(log.reduce<Record<number, number>>((by, { at }) => ({ ...by, [at]: (by[at] ?? 0) + 1 }), {}))),
  };
}

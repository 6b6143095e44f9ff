import type { RateLimitOnceScenario, RateLimitScenario } from './MockScenario.js';

/** The quota a mock API enforces when no `rateLimit` scenario is set. */
export const defaultRateLimit: Readonly<RateLimitScenario> = { limit: 1000, windowMs: 60_000 };

interface ArmedSignals {
  left: number;
  mode: '429' | 'remaining-zero';
  retryAfterSeconds: number | undefined;
  resetInSeconds: number;
}

/** What the rate limiter says about one request. */
export interface RateLimitDecision {
  /** True when the request must be answered with 429. */
  limited: boolean;
  /** `Retry-After` for a 429, in seconds; undefined sends none. */
  retryAfterSeconds: number | undefined;
  /** `X-RateLimit-*` headers for the response, whatever its status. */
  headers: Record<string, string>;
}

/**
 * A fixed-window quota plus one-shot signals. Time comes from `now` (the API passes
 * `Date.now`), so fake timers move windows along.
 */
export class RateLimiter {
  #quota: RateLimitScenario = defaultRateLimit;
  #window: { resetAt: number; used: number } | undefined;
  #once: ArmedSignals = { left: 0, mode: '429', retryAfterSeconds: undefined, resetInSeconds: 1 };

  constructor(private readonly now: () => number) {}

  /** Sets the quota and starts a fresh window. */
  configure(quota: RateLimitScenario | undefined): void {
    this.#quota = quota ?? defaultRateLimit;
    this.#window = undefined;
  }

  /** Arms (or, with undefined, disarms) the one-shot signals. */
  armOnce(once: RateLimitOnceScenario | undefined): void {
    const retryAfterSeconds = once?.retryAfterSeconds === undefined ? 1 : once.retryAfterSeconds;
    this.#once = {
      left: once ? Math.max(0, once.next ?? 1) : 0,
      mode: once?.mode ?? '429',
      retryAfterSeconds: retryAfterSeconds ?? undefined,
      resetInSeconds: once?.resetInSeconds ?? retryAfterSeconds ?? 1,
    };
  }

  /** Counts one request against the quota, unless it is refused. */
  take(): RateLimitDecision {
    const now = this.now();
    const { limit, windowMs } = this.#quota;
    if (!this.#window || now >= this.#window.resetAt) {
      this.#window = { resetAt: now + windowMs, used: 0 };
    }
    const window = this.#window;

    if (this.#once.left > 0) {
      this.#once.left -= 1;
      const headers = rateLimitHeaders(limit, 0, now + this.#once.resetInSeconds * 1000);
      if (this.#once.mode === '429') {
        return { limited: true, retryAfterSeconds: this.#once.retryAfterSeconds, headers };
      }
      window.used += 1;
      return { limited: false, retryAfterSeconds: undefined, headers };
    }

    if (window.used >= limit) {
      const configured = this.#quota.retryAfterSeconds;
      return {
        limited: true,
        retryAfterSeconds:
          configured === null
            ? undefined
            : (configured ?? Math.max(1, Math.ceil((window.resetAt - now) / 1000))),
        headers: rateLimitHeaders(limit, 0, window.resetAt),
      };
    }
    window.used += 1;
    return {
      limited: false,
      retryAfterSeconds: undefined,
      headers: rateLimitHeaders(limit, limit - window.used, window.resetAt),
    };
  }
}

function rateLimitHeaders(limit: number, remaining: number, resetAt: number) {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(Math.max(0, remaining)),
    // Unix seconds, as in the seed; rounded up so a client never retries before the reset.
    'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
  };
}

import type { MockRequestFilter } from './matchesRequestFilter.js';

/** The kinds of body that `malformed` sends instead of a well-formed one. */
export type MalformedKind = 'html' | 'truncated' | 'empty' | 'array' | 'huge' | 'wrong-shape';

/**
 * A quota that runs out: the `limit` requests of each window pass, the rest get 429. Without
 * this switch the mock enforces `{ limit: 1000, windowMs: 60_000 }`.
 */
export interface RateLimitScenario {
  /** Requests allowed per window (`X-RateLimit-Limit`). */
  limit: number;
  /** Length of the fixed window, which starts at its first request. */
  windowMs: number;
  /**
   * `Retry-After` of the 429s; `null` sends none, leaving `X-RateLimit-Reset` as the only hint.
   * @default the whole seconds left in the window
   */
  retryAfterSeconds?: number | null;
}

/** A few rate-limit signals on the next requests, whatever the quota says. */
export interface RateLimitOnceScenario {
  /**
   * How many of the next requests are affected.
   * @default 1
   */
  next?: number;
  /**
   * `'429'` answers them with 429; `'remaining-zero'` lets them through but reports
   * `X-RateLimit-Remaining: 0` and a reset, as a server does on the last request of a window.
   * @default '429'
   */
  mode?: '429' | 'remaining-zero';
  /**
   * `Retry-After` of the 429s; `null` sends none (only `X-RateLimit-Reset`).
   * @default 1
   */
  retryAfterSeconds?: number | null;
  /**
   * Seconds from now that `X-RateLimit-Reset` points at.
   * @default retryAfterSeconds, or 1 when that is null
   */
  resetInSeconds?: number;
}

/** Gateway failures (5xx) on some requests. */
export interface FlakyScenario {
  /**
   * Status of each matching request in turn; 200 lets that request through. Once the sequence
   * is used up, requests pass. When set, `probability` is ignored.
   * @example [503, 503, 200] // fails twice, then succeeds
   */
  sequence?: number[];
  /**
   * Chance that a matching request fails, drawn from the API's `random` option.
   * @default 0.5
   */
  probability?: number;
  /**
   * Statuses to fail with, picked at random.
   * @default [500, 502, 503, 504]
   */
  statuses?: number[];
  /**
   * `Retry-After` on the failures.
   * @default none
   */
  retryAfterSeconds?: number;
  /** Only these requests are affected. @default every request */
  match?: MockRequestFilter;
}

/** Latency before each matching response; aborting the request ends the wait. */
export interface SlowScenario {
  latencyMs: number;
  /** Only these requests are delayed. @default every request */
  match?: MockRequestFilter;
}

/** A body that is not what the contract promises. */
export interface MalformedScenario {
  /**
   * - `html`: an HTML error page from a proxy (`text/html`)
   * - `truncated`: JSON cut off halfway
   * - `empty`: no body, yet `Content-Type: application/json`
   * - `array`: a JSON array instead of an object
   * - `huge`: a standard error body padded to 10 MiB
   * - `wrong-shape`: valid JSON in another framework's error shape
   */
  kind: MalformedKind;
  /**
   * Status to send it with.
   * @default 502 for `html`, 500 otherwise
   */
  status?: number;
  /** Only these requests get it. @default every request */
  match?: MockRequestFilter;
}

/** Forces a status with a realistic standard error body. */
export interface ErrorScenario {
  /** Any 4xx or 5xx status. */
  status: number;
  /** @default a mock code for the status (see `mockErrorDefaults`) */
  code?: string;
  /** @default a realistic message for the status */
  message?: string;
  /** @default realistic details for the status */
  details?: Record<string, unknown>;
  /**
   * `Retry-After` of the response.
   * @default 5 for 503 and 429, none otherwise
   */
  retryAfterSeconds?: number;
  /** Only these requests get it. @default every request */
  match?: MockRequestFilter;
}

/** How created migrations (async operations) progress. Read on every poll. */
export interface OperationsScenario {
  /**
   * The status GET that returns the terminal status; earlier ones report `running`.
   * @default 5
   */
  pollsToComplete?: number;
  /**
   * When set, time since creation (by `Date.now()`, so fake timers drive it) decides instead
   * of the number of polls.
   * @default undefined
   */
  completeAfterMs?: number;
  /** @default 'completed' */
  outcome?: 'completed' | 'failed';
  /** The `error` of a failed migration. @default a mock E5000 "upstream connection lost" */
  error?: { code?: string; message?: string; details?: Record<string, unknown> };
  /**
   * `Retry-After` on the 202 and on status responses of unfinished migrations; `null` omits it.
   * @default 1
   */
  retryAfterSeconds?: number | null;
  /**
   * Whether migrations report `progress`.
   * @default true
   */
  progress?: boolean;
}

/** Dropped connections on some requests. */
export interface DropScenario {
  /** How many of the next matching requests are dropped. @default all of them */
  next?: number;
  /** Only these requests are dropped. @default every request */
  match?: MockRequestFilter;
}

/**
 * Switches that make the mock misbehave. All combine; a request meets them in this order:
 * `offline`/`drop`, `slow`, rate limits, `flaky`, `malformed`, `error`, authentication, routing.
 */
export interface MockScenario {
  rateLimit?: RateLimitScenario;
  rateLimitOnce?: RateLimitOnceScenario;
  flaky?: FlakyScenario;
  slow?: SlowScenario;
  malformed?: MalformedScenario;
  error?: ErrorScenario;
  operations?: OperationsScenario;
  /**
   * Every request fails like a browser network error (`TypeError: Failed to fetch`).
   * @default false
   */
  offline?: boolean;
  /**
   * Like `offline`, for some requests: `true` drops them all.
   * @default false
   */
  drop?: boolean | DropScenario;
}

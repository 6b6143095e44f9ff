import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRateLimit, parseRateLimitReset } from '../../src/core/parseRateLimit.js';
import { MAX_SERVER_DELAY_MS, parseRetryAfter } from '../../src/core/parseRetryAfter.js';
import { RateLimitStore } from '../../src/core/RateLimitStore.js';
import { fuzzHeaders, headersOf, headerValue } from './arbitraries.js';
import { expectDelay, expectSaneGate } from './invariants.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './reliabilityConfig.js';

/** Clocks from 1970 to the year 2100: a wrong device clock is the client's reality too. */
const clock = fc.integer({ min: 0, max: 4_102_444_800_000 });

describe('fuzz: header parsing', () => {
  it(
    `Retry-After and X-RateLimit-* give finite, non-negative, capped delays or nothing (${FUZZ_RUNS.headerParsing} cases)`,
    () => {
      fc.assert(
        fc.property(headerValue, fuzzHeaders, clock, (value, headers, now) => {
          expectDelay(parseRetryAfter(value, now), MAX_SERVER_DELAY_MS, `parseRetryAfter(${JSON.stringify(value)})`);
          const reset = parseRateLimitReset(value, now);
          if (reset !== undefined) expectDelay(reset - now, MAX_SERVER_DELAY_MS, `parseRateLimitReset(${JSON.stringify(value)})`);

          const info = parseRateLimit(headersOf(headers), now);
          if (info === undefined) return;
          if (info.retryAt !== undefined) expectDelay(info.retryAt - now, MAX_SERVER_DELAY_MS, 'retryAt - now');
          if (info.resetAt !== undefined) expectDelay(info.resetAt - now, MAX_SERVER_DELAY_MS, 'resetAt - now');
          if (info.limit !== undefined) expect(Number.isSafeInteger(info.limit) && info.limit >= 0).toBe(true);
          if (info.remaining !== undefined) {
            expect(Number.isSafeInteger(info.remaining) && info.remaining >= 0).toBe(true);
            if (info.limit !== undefined) expect(info.remaining).toBeLessThanOrEqual(info.limit);
          }
          // Plain records (the other accepted header source) read the same.
          const record = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
          expect(parseRateLimit(record, now)).toEqual(info);
        }),
        fuzzParams(FUZZ_RUNS.headerParsing),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The three HTTP-date forms of RFC 9110 §5.6.7 for `at`, written by hand (UTC getters only). */
function httpDates(at: number): [imf: string, rfc850: string, asctime: string] {
  const d = new Date(at);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const [day, month, year] = [d.getUTCDate(), MONTHS[d.getUTCMonth()], d.getUTCFullYear()];
  return [
    `${DAYS[d.getUTCDay()]}, ${pad(day)} ${month} ${year} ${time} GMT`,
    `${LONG_DAYS[d.getUTCDay()]}, ${pad(day)}-${month}-${pad(year % 100)} ${time} GMT`,
    `${DAYS[d.getUTCDay()]} ${month} ${String(day).padStart(2, ' ')} ${time} ${year}`,
  ];
}

describe('fuzz: Retry-After as RFC 9110 writes it', () => {
  it(`reads each HTTP-date form of any second as that instant, as UTC (${FUZZ_RUNS.headerParsing} cases)`, () => {
    fc.assert(
      fc.property(clock, fc.integer({ min: 0, max: MAX_SERVER_DELAY_MS / 1000 }), (now, aheadSeconds) => {
        const at = Math.floor(now / 1000) * 1000 + aheadSeconds * 1000;
        const [imf, rfc850, asctime] = httpDates(at);
        // RFC 850's two-digit year is placed within 50 years of `now`: one day ahead always is.
        for (const value of [imf, rfc850, asctime]) expect(parseRetryAfter(value, now), value).toBe(Math.max(0, at - now));
      }),
      fuzzParams(FUZZ_RUNS.headerParsing),
    );
  });

  it(`accepts a value only as 1*DIGIT or an HTTP date (${FUZZ_RUNS.headerParsing} cases)`, () => {
    fc.assert(
      fc.property(headerValue, clock, (value, now) => {
        if (value === undefined || parseRetryAfter(value, now) === undefined) return;
        const text = value.trim();
        expect(/^\d+$/.test(text) || /GMT$|\d{4}$/.test(text), JSON.stringify(value)).toBe(true);
      }),
      fuzzParams(FUZZ_RUNS.headerParsing),
    );
  });
});

/** One thing that reaches a store: a response's headers, or another tab's message. */
const storeEvent = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('response' as const),
      status: fc.oneof(fc.constantFrom(200, 202, 204, 400, 429, 429, 500, 503), fc.integer({ min: 100, max: 599 })),
      headers: fuzzHeaders,
      advanceMs: fc.nat({ max: 120_000 }),
    }),
  },
  {
    weight: 1,
    // What another tab's store posts (counts as parsed there), with any finite times:
    // `shareRateLimitAcrossTabs` passes on every finite number, from any version of the library.
    arbitrary: fc.record({
      kind: fc.constant('merge' as const),
      limit: fc.option(fc.nat(), { nil: undefined }),
      remaining: fc.option(fc.nat(), { nil: undefined }),
      resetIn: fc.option(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: undefined }),
      retryIn: fc.option(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: undefined }),
      advanceMs: fc.nat({ max: 120_000 }),
    }),
  },
);

describe('fuzz: rate-limit store', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it(
    `after any sequence of responses and tab messages the gate opens within the cap, on one timer (${FUZZ_RUNS.rateLimitStore} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(storeEvent, { minLength: 1, maxLength: 12 }), async (events) => {
          vi.clearAllTimers(); // a failed run (while shrinking) may have left its gate timer
          const store = new RateLimitStore();
          for (const event of events) {
            const now = Date.now();
            if (event.kind === 'response') {
              store.update(parseRateLimit(headersOf(event.headers), now), event.status);
            } else {
              const at = (delta: number | undefined) => (delta === undefined ? undefined : now + delta);
              store.merge({ limit: event.limit, remaining: event.remaining, resetAt: at(event.resetIn), retryAt: at(event.retryIn) });
            }
            expectSaneGate(store, Date.now());
            expect(store.getSnapshot().isLimited).toBe(store.openAt() !== undefined);
            // One timer for the gate, whatever happened.
            expect(vi.getTimerCount()).toBeLessThanOrEqual(1);
            await vi.advanceTimersByTimeAsync(event.advanceMs);
          }
          // A request reaching the gate gets out within the store's cap, or fails at once saying when
          // requests resume (nothing hangs); either way the gate opens within the header cap.
          const openAt = store.openAt();
          let released = false;
          let refused: unknown;
          store.waitUntilOpen().then(
            () => {
              released = true;
            },
            (error: unknown) => {
              refused = error;
            },
          );
          await vi.advanceTimersByTimeAsync(0);
          if (openAt !== undefined && openAt - Date.now() > store.maxServerDelayMs) {
            expect(refused).toMatchObject({ status: 429, retryAt: openAt });
          } else {
            await vi.advanceTimersByTimeAsync(store.maxServerDelayMs + 1000);
            expect(released).toBe(true);
          }
          await vi.advanceTimersByTimeAsync(MAX_SERVER_DELAY_MS + 1000);
          expect(store.getSnapshot().isLimited).toBe(false);
          vi.clearAllTimers();
        }),
        fuzzParams(FUZZ_RUNS.rateLimitStore),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { RateLimitStore } from '../../src/core/RateLimitStore.js';
import {
  FUZZ_API_KEY,
  fetchRejection,
  fuzzBodyOrFailure,
  fuzzHeaders,
  headersOf,
  type FuzzBody,
  type FuzzHeaders,
} from './arbitraries.js';
import { errorTexts, expectSaneError, expectSaneGate } from './invariants.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './reliabilityConfig.js';

const BASE = 'https://api.sensei.test';

/** Statuses 100–599, with the seed's own and the edges drawn more often. */
const status = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 100, max: 599 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503, 504),
  },
  { weight: 1, arbitrary: fc.constantFrom(100, 101, 103, 205, 206, 301, 304, 399, 418, 451, 499, 505, 511, 599) },
);

const call = fc.constantFrom('get', 'list', 'post', 'post-idempotent', 'delete', 'startOperation', 'getOperation', 'head');
type Call = typeof call extends fc.Arbitrary<infer T> ? T : never;

interface Exchange {
  status: number;
  headers: FuzzHeaders;
  body: FuzzBody;
}

const exchange: fc.Arbitrary<Exchange> = fc.record({ status, headers: fuzzHeaders, body: fuzzBodyOrFailure });

/** What the fake network does with one request. */
const transport = fc.oneof(
  { weight: 9, arbitrary: exchange.map((e) => ({ kind: 'respond' as const, ...e })) },
  { weight: 1, arbitrary: fetchRejection.map((error) => ({ kind: 'reject' as const, error })) },
);

/** A `Response` look-alike: `new Response()` refuses 1xx statuses, a server or proxy does not. */
function responseOf({ status: code, headers, body }: Exchange): Response {
  return {
    status: code,
    ok: code >= 200 && code <= 299,
    headers: headersOf(headers),
    text: () => (body.kind === 'text' ? Promise.resolve(body.text) : Promise.reject(body.error)),
  } as unknown as Response;
}

async function send(kind: Call, client: ReturnType<typeof createSenseiClient>): Promise<unknown> {
  switch (kind) {
    case 'get':
      return client.get('/v1/migrations/mig_000001');
    case 'list':
      return client.list('/v1/migrations', { page: 2, perPage: 50 });
    case 'post':
      return client.post('/v1/migrations', { name: 'fuzz' });
    case 'post-idempotent':
      return client.post('/v1/migrations', { name: 'fuzz' }, { idempotencyKey: 'idem-1' });
    case 'delete':
      return client.delete('/v1/migrations/mig_000001');
    case 'startOperation':
      return client.startOperation('/v1/migrations', { name: 'fuzz' });
    case 'getOperation':
      return client.getOperation('/v1/migrations/mig_000001');
    case 'head':
      return client.request('/v1/migrations', { method: 'HEAD' });
  }
}

describe('fuzz: random responses through the client', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it(
    `only SenseiErrors escape, each maps to a usable state with capped delays, and the key never leaks (${FUZZ_RUNS.clientResponses} cases)`,
    async () => {
      // The one expected warning: a 429 without readable timing headers (said once per origin).
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      await fc.assert(
        fc.asyncProperty(call, transport, fc.integer({ min: 0, max: 10 * 86_400_000 }), async (kind, net, skew) => {
          vi.clearAllTimers(); // a failed run (while shrinking) may have left a timer
          vi.setSystemTime(Date.UTC(2025, 5, 1) + skew);
          const store = new RateLimitStore();
          const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit): Promise<Response> => {
            if (net.kind === 'reject') throw net.error.make();
            return responseOf(net);
          });
          const client = createSenseiClient({ baseUrl: BASE, apiKey: FUZZ_API_KEY, fetch, rateLimitStore: store });
          const now = Date.now();
          let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
          try {
            outcome = { ok: true, value: await send(kind, client) };
          } catch (error) {
            outcome = { ok: false, error };
          }
          expect(fetch).toHaveBeenCalledTimes(1);
          expect(String(fetch.mock.calls[0]?.[0])).toMatch(/^https:\/\/api\.sensei\.test\//);
          if (!outcome.ok) {
            expectSaneError(outcome.error, now);
            for (const text of errorTexts(outcome.error)) expect(text.includes(FUZZ_API_KEY)).toBe(false);
          } else if (net.kind === 'respond') {
            // A success only comes from a 2xx.
            expect(net.status >= 200 && net.status <= 299).toBe(true);
          }
          expectSaneGate(store, now);
          // At most the gate's one timer is armed; the request's timeout is gone.
          expect(vi.getTimerCount()).toBeLessThanOrEqual(1);
          vi.clearAllTimers();
        }),
        fuzzParams(FUZZ_RUNS.clientResponses),
      );
      for (const args of warn.mock.calls) {
        expect(String(args[0])).toMatch(/carried no readable Retry-After/);
        expect(args.map(String).join(' ')).not.toContain(FUZZ_API_KEY);
      }
    },
    FUZZ_TIMEOUT_MS,
  );
});

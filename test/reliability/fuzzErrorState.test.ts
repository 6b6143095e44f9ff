import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorCatalog } from '../../src/core/errorCatalog.js';
import { MAX_SERVER_DELAY_MS } from '../../src/core/parseRetryAfter.js';
import { backoffDelay, createRetryPolicy } from '../../src/core/retryPolicy.js';
import {
  SenseiAbortError,
  SenseiError,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiResponseError,
  SenseiTimeoutError,
  type SenseiErrorInit,
  type SenseiErrorKind,
} from '../../src/core/SenseiError.js';
import { toErrorState, type ErrorStateKind } from '../../src/core/toErrorState.js';
import { HOSTILE_STRINGS, serverText } from './arbitraries.js';
import { expectDelay, expectUsableState } from './invariants.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './reliabilityConfig.js';

const NOW = Date.UTC(2025, 5, 1, 12);

/** Any number, including the ones that break arithmetic. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, NOW, NOW + 1e9),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const kinds: SenseiErrorKind[] = ['http', 'network', 'timeout', 'aborted', 'invalid-response', 'invalid-request', 'operation'];
const classes = [SenseiError, SenseiHttpError, SenseiAbortError, SenseiResponseError, SenseiRequestError] as const;

/** A `SenseiError` as anyone could build it by hand: every field may be absurd. */
const handBuiltError: fc.Arbitrary<SenseiError> = fc
  .record({
    kind: fc.oneof(fc.constantFrom(...kinds), fc.string() as fc.Arbitrary<SenseiErrorKind>),
    message: fc.oneof(serverText, fc.constant('')),
    status: maybe(fc.oneof(fc.integer({ min: 100, max: 599 }), anyNumber)),
    code: maybe(fc.oneof(serverText, fc.constantFrom('E7003', ''))),
    details: fc.anything(),
    requestId: maybe(serverText),
    rateLimit: maybe(
      fc.record({ limit: anyNumber, remaining: anyNumber, resetAt: anyNumber, retryAt: anyNumber }, { requiredKeys: [] }),
    ),
    retryAfterMs: maybe(anyNumber),
    idempotent: fc.boolean(),
    bodyUnreadable: fc.boolean(),
    cause: fc.anything(),
    offline: fc.boolean(),
    which: fc.nat({ max: classes.length + 1 }),
  })
  .map(({ which, offline, ...init }) => {
    const full = init as SenseiErrorInit;
    if (which === classes.length) return new SenseiNetworkError({ ...full, offline });
    if (which === classes.length + 1) return new SenseiTimeoutError({ ...full, timeoutMs: 1000 });
    return new classes[which]!(full);
  });

/** Thrown values that are not SenseiErrors at all, including hostile objects. */
const foreignThrown: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    new TypeError('Failed to fetch'),
    new DOMException('aborted', 'AbortError'),
    new DOMException('timed out', 'TimeoutError'),
    Object.assign(new Error('x'), { name: 'CancelledError' }),
    new RangeError('Maximum call stack size exceeded'),
  ),
  fc.string().map((message) => ({ name: 'TypeError', message })),
  // Built inside the property: fast-check cannot hold a revoked proxy itself.
  fc.constant(
    hostile('revoked proxy', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }),
  ),
  fc.constant(
    hostile('branded object whose getters throw', () =>
      Object.defineProperties(Object.create(SenseiError.prototype) as object, {
        name: { get: throwing('name') },
        message: { get: throwing('message') },
        kind: { get: throwing('kind') },
        [Symbol.for('@sensei/react.SenseiError')]: { value: true },
      }),
    ),
  ),
);

interface Hostile {
  hostile: string;
  make: () => unknown;
}

function hostile(label: string, make: () => unknown): Hostile {
  return { hostile: label, make };
}

function throwing(what: string) {
  return () => {
    throw new Error(`${what} getter`);
  };
}

const unwrap = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'hostile' in value && typeof (value as Hostile).make === 'function'
    ? (value as Hostile).make()
    : value;

const stateKinds: ErrorStateKind[] = [
  'bad-request', 'unauthenticated', 'forbidden', 'not-found', 'client-bug', 'conflict', 'payload-too-large',
  'validation', 'rate-limited', 'server', 'unavailable', 'gateway', 'timeout', 'offline', 'unexpected', 'aborted',
];

/** Text an app writes: empty means "use the default"; a blank title would be the app's own choice, not ours. */
const appText = fc.oneof(fc.constant(''), fc.string().filter((s) => s.trim() !== ''));

/** App catalogs with odd but well-typed entries: empty strings, no actions, custom actions, throwing messages. */
const catalog: fc.Arbitrary<ErrorCatalog | undefined> = fc.option(
  fc.record({
    codes: fc.dictionary(
      fc.oneof(fc.constantFrom('E7003', 'E5000', ''), fc.string({ maxLength: 6 })),
      fc.record(
        {
          kind: fc.constantFrom(...stateKinds),
          title: appText,
          message: fc.oneof(
            appText,
            fc.constant(() => ''),
            fc.constant((): string => {
              throw new Error('catalog bug');
            }),
          ),
          solution: appText,
          actions: fc.array(
            fc.oneof(
              fc.constantFrom('retry', 'retry-at', 'refresh-and-retry', 'sign-in', 'go-back', 'contact-support', 'dismiss'),
              fc.record({ type: fc.constant('custom' as const), id: fc.string(), label: appText.filter((label) => label !== '') }),
            ),
            { maxLength: 4 },
          ),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 3 },
    ),
  }) as fc.Arbitrary<ErrorCatalog>,
  { nil: undefined },
);

describe('fuzz: toErrorState', () => {
  it(
    `never throws and always gives a title and a way out (${FUZZ_RUNS.toErrorState} cases)`,
    () => {
      const warnings: unknown[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args); // a throwing catalog message warns once per code
      try {
        fc.assert(
          fc.property(
            fc.oneof(handBuiltError, foreignThrown),
            catalog,
            fc.integer({ min: 0, max: 4_000_000_000_000 }),
            (thrown, errorCatalog, now) => {
              let state;
              try {
                state = toErrorState(unwrap(thrown), { catalog: errorCatalog, now });
              } catch (failure) {
                throw new Error(`toErrorState threw: ${String(failure)}`, { cause: failure });
              }
              expectUsableState(state, now);
              expect(state.kind).toBeTypeOf('string');
              // Hostile server text stays the server's text: it is never turned into a title.
              for (const hostile of HOSTILE_STRINGS) expect(state.title).not.toBe(hostile);
            },
          ),
          fuzzParams(FUZZ_RUNS.toErrorState),
        );
      } finally {
        console.warn = original;
      }
      for (const args of warnings) expect(String((args as unknown[])[0])).toMatch(/message function for code/);
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('fuzz: retry policy', () => {
  it(
    `retry is a boolean and retryDelay is finite, non-negative and capped for any error and count (${FUZZ_RUNS.retryPolicy} cases)`,
    () => {
      fc.assert(
        fc.property(
          fc.oneof(handBuiltError, foreignThrown),
          fc.oneof(fc.nat({ max: 50 }), fc.integer(), fc.constantFrom(1e6, 2 ** 31)),
          fc.record(
            {
              retries: fc.nat({ max: 20 }),
              baseDelayMs: fc.nat({ max: 60_000 }),
              maxDelayMs: fc.nat({ max: 600_000 }),
              maxServerDelayMs: fc.nat({ max: MAX_SERVER_DELAY_MS }),
              random: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((r) => () => r),
            },
            { requiredKeys: [] },
          ),
          (thrown, failureCount, options) => {
            const error = unwrap(thrown);
            const policy = createRetryPolicy(options);
            const cap = Math.max(options.maxDelayMs ?? 30_000, options.maxServerDelayMs ?? 300_000);
            expect(typeof policy.retry(failureCount, error)).toBe('boolean');
            expectDelay(policy.retryDelay(failureCount, error), cap, 'retryDelay');
            expectDelay(backoffDelay(failureCount, options), options.maxDelayMs ?? 30_000, 'backoffDelay');
            const at = policy.scheduledRetryAt(error);
            if (at !== undefined) expect(Number.isFinite(at)).toBe(true);
          },
        ),
        fuzzParams(FUZZ_RUNS.retryPolicy),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

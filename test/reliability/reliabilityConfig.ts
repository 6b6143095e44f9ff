import type fc from 'fast-check';

/**
 * Sizes of the reliability suite. `npm test` runs the CI sizes; `SENSEI_LONG=1 npm run
 * test:reliability` runs ten times as much, for a local soak before a release.
 *
 * Reproducing a fuzz failure: fast-check prints `seed` and `path`. Re-run the same property
 * with them (`SENSEI_FC_SEED=<seed> SENSEI_FC_PATH=<path> npm run test:reliability`), then copy
 * the shrunk counterexample into `regressions.test.ts` as a plain case.
 */
export const LONG = process.env.SENSEI_LONG === '1';

const scale = (ci: number) => (LONG ? ci * 10 : ci);

/** Fuzz cases per property; the CI total is at least 10,000 and the long one 100,000. */
export const FUZZ_RUNS = {
  /** Random responses (status, headers, body, transport failures) through the client. */
  clientResponses: scale(3_000),
  /** Any thrown value, and hand-built `SenseiError`s with hostile fields, through `toErrorState`. */
  toErrorState: scale(2_000),
  /** `Retry-After` and `X-RateLimit-*` values through the parsers. */
  headerParsing: scale(1_500),
  /** The retry policy's `retry`/`retryDelay` with any error and failure count. */
  retryPolicy: scale(1_000),
  /** Sequences of responses and cross-tab messages through the rate-limit store. */
  rateLimitStore: scale(500),
  /** Server-given `status_url`s: every request goes to the base origin, or none is sent. */
  statusUrls: scale(1_000),
  /** Pagination envelopes straight into `Paginator`. */
  paginator: scale(700),
  /** Pagination envelopes from a fake server through `usePaginatedList` and `Paginator`. */
  paginatedList: scale(300),
  /** Random start/cancel/reset/resume/enable/remount/wait sequences through `OperationObserver`, faulty network. */
  operationObserver: scale(300),
} as const;

export const TOTAL_FUZZ_RUNS = Object.values(FUZZ_RUNS).reduce((sum, runs) => sum + runs, 0);

/** Seeds of the chaos runs (each is one full scenario under injected faults). */
export const CHAOS_SEEDS = scale(40);

/** Mount/unmount cycles per component in the leak tests. */
export const LEAK_CYCLES = scale(1_000);

/** Per-test timeout: generous, so a slow CI machine fails on a bug rather than on time. */
export const FUZZ_TIMEOUT_MS = LONG ? 30 * 60_000 : 90_000;

/** fast-check parameters: the run count, and a seed/path from the environment to replay a failure. */
export function fuzzParams<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env.SENSEI_FC_SEED;
  const path = process.env.SENSEI_FC_PATH;
  return {
    numRuns,
    ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
    ...(path !== undefined && path !== '' ? { path } : {}),
  };
}

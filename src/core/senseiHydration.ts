import {
  type DehydratedState,
  type DehydrateOptions,
  dehydrate,
  defaultShouldDehydrateQuery,
  type QueryClient,
} from '@tanstack/query-core';
import {
  isSenseiError,
  SenseiAbortError,
  SenseiError,
  type SenseiErrorInit,
  type SenseiErrorKind,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiResponseError,
  SenseiTimeoutError,
} from './SenseiError.js';

/**
 * `dehydrate` options for Sensei queries: pending queries go too (the App Router streams them),
 * and so do failed Sensei queries; a Sensei error is never redacted (its fields are safe), any
 * other error is.
 */
export const senseiDehydrateOptions = {
  shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending' || isSenseiError(query.state.error),
  shouldRedactErrors: (error) => !isSenseiError(error),
} satisfies DehydrateOptions;

/** What of a `SenseiError` crosses to the browser: never the API key, headers, URL or `cause`. */
const SAFE_KEYS = ['kind', 'status', 'code', 'message', 'details', 'requestId', 'retryAfterMs', 'retryAt', 'diagnostic', 'idempotent'] as const;

/** A `SenseiError` as plain data in a dehydrated state. */
interface PlainSenseiError {
  $senseiError: Pick<SenseiErrorInit, (typeof SAFE_KEYS)[number]>;
}

const classes: Partial<Record<SenseiErrorKind, new (init: SenseiErrorInit & { timeoutMs: number }) => SenseiError>> = {
  http: SenseiHttpError,
  network: SenseiNetworkError,
  timeout: SenseiTimeoutError,
  aborted: SenseiAbortError,
  'invalid-response': SenseiResponseError,
  'invalid-request': SenseiRequestError,
};

const isPlain = (value: unknown): value is PlainSenseiError => typeof value === 'object' && value !== null && '$senseiError' in value;

/** Maps the errors of every query (`error`, `fetchFailureReason`) of a dehydrated state. */
function mapErrors(state: DehydratedState, map: (error: unknown) => unknown): DehydratedState {
  // Typed loosely on purpose: in between, an error is plain data, not the registered error type.
  return {
    ...state,
    queries: state.queries.map((query) => ({
      ...query,
      // A pending query's promise survives a stream (RSC), not JSON, where it arrives as `{}` and
      // would crash `hydrate`: without it the query hydrates as pending and the browser fetches.
      promise: typeof query.promise?.then === 'function' ? query.promise : undefined,
      state: { ...query.state, error: map(query.state.error), fetchFailureReason: map(query.state.fetchFailureReason) },
    })),
  } as DehydratedState;
}

/**
 * `dehydrate(queryClient)` with {@link senseiDehydrateOptions}, each `SenseiError` turned into
 * plain data (its safe fields), so the state passes JSON and the Server-to-Client Component
 * boundary. TanStack's `serializeData` only sees data, never errors, hence a function.
 * @example
 * return <HydrationBoundary state={dehydrateSensei(queryClient)}>…</HydrationBoundary>;
 */
export function dehydrateSensei(queryClient: QueryClient, options?: DehydrateOptions): DehydratedState {
  return mapErrors(dehydrate(queryClient, { ...senseiDehydrateOptions, ...options }), (error) =>
    isSenseiError(error) ? { $senseiError: Object.fromEntries(SAFE_KEYS.map((key) => [key, error[key]])) } : error,
  );
}

/**
 * The reverse of {@link dehydrateSensei}: the state with real `SenseiError`s again (`instanceof`
 * works), for `hydrate` or `<HydrationBoundary>` in the browser.
 */
export function hydrateSensei(state: DehydratedState): DehydratedState {
  return mapErrors(state, (error) => {
    if (!isPlain(error)) return error;
    const init = error.$senseiError;
    const Class = classes[init.kind] ?? SenseiError;
    return new Class({ ...init, timeoutMs: 0 });
  });
}

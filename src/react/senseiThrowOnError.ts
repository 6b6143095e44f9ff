import { toErrorState, type ErrorStateKind } from '../core/toErrorState.js';

/** Failures that leave a view with nothing to show and only "retry" as a way out. */
const BOUNDARY_KINDS: ReadonlySet<ErrorStateKind> = new Set<ErrorStateKind>([
  'server',
  'gateway',
  'unavailable',
  'unexpected',
  'timeout',
  'offline',
]);

/**
 * The library's default for TanStack Query's `throwOnError`: which errors go to the nearest
 * `<SenseiErrorBoundary>` and which stay with the component to show inline.
 *
 * - To the boundary: 5xx (server, gateway, unavailable), unexpected responses and bugs, timeouts
 *   and network failures — when the query has no data to show.
 * - Inline: 4xx (validation and bad request next to the fields, conflict, not found, forbidden,
 *   unauthenticated, rate limited — the banner and toasts cover those), aborts, and any error of
 *   a query that still has data (a failed background refetch keeps the data on screen).
 *
 * @example
 * useQuery({ queryKey, queryFn, throwOnError: senseiThrowOnError });
 * new QueryClient({ defaultOptions: { queries: { throwOnError: senseiThrowOnError } } });
 */
export function senseiThrowOnError(error: unknown, query?: { state: { data: unknown } }): boolean {
  if (query && query.state.data !== undefined) return false;
  return BOUNDARY_KINDS.has(toErrorState(error).kind);
}

/**
 * Selects requests by method and path, for `countRequests` and for scenarios that apply to
 * some requests only. Paths are the API path (`/v1/migrations/mig_000001`), without query.
 * `path` and `pathPrefix` exclude each other.
 *
 * @example { method: 'GET', pathPrefix: '/v1/migrations/' } // every status poll
 */
export type MockRequestFilter =
  | { method?: string; path?: string; pathPrefix?: never }
  | { method?: string; pathPrefix: string; path?: never };

/** Whether a request with this method and path is selected by `filter` (none selects all). */
export function matchesRequestFilter(
  request: { method: string; path: string },
  filter: MockRequestFilter | undefined,
): boolean {
  if (!filter) return true;
  if (filter.method !== undefined && filter.method.toUpperCase() !== request.method.toUpperCase()) {
    return false;
  }
  if (filter.path !== undefined && filter.path !== request.path) return false;
  if (filter.pathPrefix !== undefined && !request.path.startsWith(filter.pathPrefix)) return false;
  return true;
}

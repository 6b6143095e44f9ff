import type { QueryParams } from './createSenseiClient.js';

/**
 * Query keys of every Sensei query, for invalidating or prefetching them with TanStack Query:
 * `queryClient.invalidateQueries({ queryKey: senseiKeys.lists('/v1/migrations') })`.
 * Keys read well in the React Query Devtools: `['sensei', 'list', '/v1/migrations', {…}]`.
 */
export const senseiKeys = {
  /** Every Sensei query. */
  all: () => ['sensei'] as const,
  /** Every page of every list at `path`. */
  lists: (path: string) => ['sensei', 'list', path] as const,
  /** One page of a list. */
  list: (path: string, params: { page: number; perPage?: number | undefined; query?: QueryParams | undefined }) =>
    ['sensei', 'list', path, params] as const,
  /** A single resource read with `useSenseiQuery`. */
  resource: (path: string, query?: QueryParams) => (query ? (['sensei', 'get', path, query] as const) : (['sensei', 'get', path] as const)),
  /** An async operation, by its resolved status URL. */
  operation: (statusUrl: string) => ['sensei', 'operation', statusUrl] as const,
};

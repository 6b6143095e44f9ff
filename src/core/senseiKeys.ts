import type { QueryParams, SenseiClient } from './createSenseiClient.js';

/** Which API a key belongs to: a client, or its `apiId`. */
export type SenseiApi = Pick<SenseiClient, 'apiId'> | string;

const idOf = (api: SenseiApi): string => (typeof api === 'string' ? api : api.apiId);

/**
 * Query keys of every Sensei query, for invalidating or prefetching them with TanStack Query:
 * `queryClient.invalidateQueries({ queryKey: senseiKeys.lists(client, '/v1/migrations') })`.
 * Every key names its API (`client.apiId`), so two APIs under one `QueryClient` never read each
 * other's cache, and keys read well in the React Query Devtools:
 * `['sensei', 'https://api.sensei.example', 'list', '/v1/migrations', {…}]`.
 */
export const senseiKeys = {
  /** Every Sensei query of every API. */
  all: () => ['sensei'] as const,
  /** Every Sensei query of one API. */
  api: (api: SenseiApi) => ['sensei', idOf(api)] as const,
  /** Every page of every list at `path`. */
  lists: (api: SenseiApi, path: string) => ['sensei', idOf(api), 'list', path] as const,
  /** One page of a list. */
  list: (api: SenseiApi, path: string, params: { page: number; perPage?: number | undefined; query?: QueryParams | undefined }) =>
    ['sensei', idOf(api), 'list', path, params] as const,
  /**
   * A list loaded page after page (`useInfiniteList`): under `lists(api, path)`, so invalidating
   * a list also refetches its infinite views, and marked `'infinite'` so it never meets a page key.
   */
  infiniteList: (api: SenseiApi, path: string, params: { perPage?: number | undefined; query?: QueryParams | undefined }) =>
    ['sensei', idOf(api), 'list', path, 'infinite', params] as const,
  /** A single resource read with `useSenseiQuery`. */
  resource: (api: SenseiApi, path: string, query?: QueryParams) =>
    query ? (['sensei', idOf(api), 'get', path, query] as const) : (['sensei', idOf(api), 'get', path] as const),
  /** An async operation, by its resolved status URL. */
  operation: (api: SenseiApi, statusUrl: string) => ['sensei', idOf(api), 'operation', statusUrl] as const,
};

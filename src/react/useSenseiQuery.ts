'use client';
import { hashKey, type QueryKey, type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { QueryParams } from '../core/createSenseiClient.js';
import type { SenseiError } from '../core/SenseiError.js';
import { type SenseiQueryOptions, senseiQueries } from '../core/senseiQueries.js';
import type { StandardSchemaV1 } from '../core/standardSchema.js';
import type { RequestWait } from '../core/RequestWaitStore.js';
import { type SenseiContextValue, useSenseiContext } from './SenseiContext.js';
import { useRequestWait, withWait } from './useRequestWait.js';

/** `useQuery`'s result, and why the request waits (`waiting`, `nextAttemptAt`). */
export type UseSenseiQueryResult<TData = unknown> = UseQueryResult<TData, SenseiError> & RequestWait;

export interface UseSenseiQueryOptions<TQueryFnData = unknown, TData = TQueryFnData>
  extends Omit<UseQueryOptions<TQueryFnData, SenseiError, TData, QueryKey>, 'queryKey' | 'queryFn'> {
  /** The API path, e.g. `/v1/migrations/mig_123`. */
  path: string;
  /** Query parameters; `null`/`undefined` values are left out. */
  query?: QueryParams;
  /** Validates the body (zod, valibot…); a mismatch is a typed `SenseiResponseError`. */
  schema?: StandardSchemaV1<unknown, TQueryFnData>;
  /**
   * The query key.
   * @default senseiKeys.resource(client, path, query)
   */
  queryKey?: QueryKey;
}

/**
 * Reads one resource (a 200) with the library's retry policy, rate-limit gate and typed
 * errors. Accepts every `useQuery` option except `queryFn`.
 * @example
 * const { data, error } = useSenseiQuery({ path: `/v1/migrations/${id}`, schema: Migration });
 */
export function useSenseiQuery<TQueryFnData = unknown, TData = TQueryFnData>(
  options: UseSenseiQueryOptions<TQueryFnData, TData>,
): UseSenseiQueryResult<TData> {
  const context = useSenseiContext('useSenseiQuery');
  const built = resourceOptions(context, options);
  const result = useQuery<TQueryFnData, SenseiError, TData, QueryKey>(built, context.queryClient);
  const { fetchStatus } = result;
  const wait = useRequestWait(context, hashKey(built.queryKey), fetchStatus === 'paused', fetchStatus !== 'idle', result.failureReason);
  return withWait(result, wait);
}

/**
 * What both resource hooks hand TanStack: the factory's query, the caller's options over it,
 * and the marker, not the key, making it a Sensei query (retry activity, toasts): keys may be the
 * app's own.
 */
export function resourceOptions<TQueryFnData, TRest extends { meta?: Record<string, unknown> | undefined }>(
  { client, retryPolicy }: SenseiContextValue,
  { path, query, schema, queryKey, ...rest }: TRest & Pick<UseSenseiQueryOptions<TQueryFnData>, 'path' | 'query' | 'schema' | 'queryKey'>,
) {
  // A plain key type: the factory's tagged key would put query-core's `dataTagSymbol` into the
  // shipped declarations without an import, which fails projects with `skipLibCheck: false`.
  const built: Omit<SenseiQueryOptions<TQueryFnData>, 'queryKey'> & { queryKey: QueryKey } = senseiQueries(client, {
    retry: retryPolicy,
  }).resource({ path, query, schema });
  return { ...built, ...rest, queryKey: queryKey ?? built.queryKey, meta: { ...rest.meta, sensei: true } };
}

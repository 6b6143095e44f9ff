'use client';
import { type QueryKey, type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { QueryParams } from '../core/createSenseiClient.js';
import type { SenseiError } from '../core/SenseiError.js';
import { senseiKeys } from '../core/senseiKeys.js';
import type { StandardSchemaV1 } from '../core/standardSchema.js';
import { validateResponse } from '../core/validateResponse.js';
import { useSenseiContext } from './SenseiContext.js';

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
): UseQueryResult<TData, SenseiError> {
  const { client, retryPolicy } = useSenseiContext('useSenseiQuery');
  const { path, query, schema, queryKey, ...rest } = options;
  return useQuery<TQueryFnData, SenseiError, TData, QueryKey>({
    retry: retryPolicy.retry,
    retryDelay: retryPolicy.retryDelay,
    ...rest,
    queryKey: queryKey ?? senseiKeys.resource(client, path, query),
    // The marker, not the key, makes it a Sensei query (retry activity, toasts): keys may be the app's own.
    meta: { ...rest.meta, sensei: true },
    queryFn: async ({ signal }) => {
      const response = await client.request(path, { query, signal });
      return validateResponse(schema, response.data, {
        method: 'GET',
        url: client.resolveUrl(path).href,
        status: response.status,
        requestId: response.requestId,
      });
    },
  });
}

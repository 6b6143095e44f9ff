'use client';
import { hashKey, type QueryKey, type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { QueryParams } from '../core/createSenseiClient.js';
import type { SenseiError } from '../core/SenseiError.js';
import { senseiKeys } from '../core/senseiKeys.js';
import type { StandardSchemaV1 } from '../core/standardSchema.js';
import { validateResponse } from '../core/validateResponse.js';
import { type RequestWait, requestWaitStoreFor } from '../core/RequestWaitStore.js';
import { useSenseiContext } from './SenseiContext.js';
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
  const { client, queryClient, retryPolicy } = context;
  const { path, query, schema, queryKey, ...rest } = options;
  const key = queryKey ?? senseiKeys.resource(client, path, query);
  const waits = requestWaitStoreFor(queryClient);
  const result = useQuery<TQueryFnData, SenseiError, TData, QueryKey>({
    retry: retryPolicy.retry,
    retryDelay: retryPolicy.retryDelay,
    ...rest,
    queryKey: key,
    // The marker, not the key, makes it a Sensei query (retry activity, toasts): keys may be the app's own.
    meta: { ...rest.meta, sensei: true },
    queryFn: async ({ signal, queryKey: fetchedKey }) => {
      const response = await waits.run(hashKey(fetchedKey), (onGateHold) => client.request(path, { query, signal, onGateHold }));
      return validateResponse(schema, response.data, {
        method: 'GET',
        url: client.resolveUrl(path).href,
        status: response.status,
        requestId: response.requestId,
      });
    },
  }, queryClient);
  const { fetchStatus } = result;
  const wait = useRequestWait(context, hashKey(key), fetchStatus === 'paused', fetchStatus !== 'idle', result.failureReason);
  return withWait(result, wait);
}

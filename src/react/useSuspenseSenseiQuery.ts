'use client';
import { hashKey, type QueryKey, type UseSuspenseQueryOptions, type UseSuspenseQueryResult, useSuspenseQuery } from '@tanstack/react-query';
import type { SenseiError } from '../core/SenseiError.js';
import type { RequestWait } from '../core/RequestWaitStore.js';
import { useSenseiContext } from './SenseiContext.js';
import { useRequestWait, withWait } from './useRequestWait.js';
import { resourceOptions, type UseSenseiQueryOptions } from './useSenseiQuery.js';

export interface UseSuspenseSenseiQueryOptions<TQueryFnData = unknown, TData = TQueryFnData>
  extends Omit<UseSuspenseQueryOptions<TQueryFnData, SenseiError, TData, QueryKey>, 'queryKey' | 'queryFn'>,
    Pick<UseSenseiQueryOptions<TQueryFnData, TData>, 'path' | 'query' | 'schema' | 'queryKey'> {}

/** `useSuspenseQuery`'s result (`data` always defined), and why a refetch waits. */
export type UseSuspenseSenseiQueryResult<TData = unknown> = UseSuspenseQueryResult<TData, SenseiError> & RequestWait;

/**
 * `useSenseiQuery` for `<Suspense>`: suspends until the resource is there, throws a failure to
 * the nearest error boundary. Built from `senseiQueries(client).resource(…)`, so a server
 * prefetch of it is found without a request.
 * @example
 * const { data } = useSuspenseSenseiQuery({ path: `/v1/migrations/${id}`, schema: Migration });
 */
export function useSuspenseSenseiQuery<TQueryFnData = unknown, TData = TQueryFnData>(
  options: UseSuspenseSenseiQueryOptions<TQueryFnData, TData>,
): UseSuspenseSenseiQueryResult<TData> {
  const context = useSenseiContext('useSuspenseSenseiQuery');
  const built = resourceOptions(context, options);
  const result = useSuspenseQuery<TQueryFnData, SenseiError, TData, QueryKey>(built, context.queryClient);
  const { fetchStatus } = result;
  const wait = useRequestWait(context, hashKey(built.queryKey), fetchStatus === 'paused', fetchStatus !== 'idle', result.failureReason);
  return withWait(result, wait);
}

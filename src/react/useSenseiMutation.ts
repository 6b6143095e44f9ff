'use client';
import { type QueryKey, type UseMutationOptions, type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HttpMethod } from '../core/createSenseiClient.js';
import type { SenseiError } from '../core/SenseiError.js';
import type { StandardSchemaV1 } from '../core/standardSchema.js';
import { validateResponse } from '../core/validateResponse.js';
import { type RequestWait, requestWaitStoreFor } from '../core/RequestWaitStore.js';
import { useSenseiContext } from './SenseiContext.js';
import { useRequestWait } from './useRequestWait.js';

let mutationSeq = 0;

export interface UseSenseiMutationOptions<TData = unknown, TVariables = void>
  extends Omit<UseMutationOptions<TData, SenseiError, TVariables>, 'mutationFn'> {
  /**
   * The method.
   * @default 'POST'
   */
  method?: Exclude<HttpMethod, 'GET' | 'HEAD' | 'OPTIONS'>;
  /** The path, or a function of the variables: `(m) => \`/v1/migrations/${m.id}\``. */
  path: string | ((variables: TVariables) => string);
  /**
   * The JSON body.
   * @default the variables themselves (none for DELETE)
   */
  body?: (variables: TVariables) => unknown;
  /**
   * An idempotency key per call, sent as `Idempotency-Key`. Without one a POST or PATCH is
   * never retried automatically: the write might have happened.
   */
  idempotencyKey?: (variables: TVariables) => string | undefined;
  /** Validates the response body. */
  schema?: StandardSchemaV1<unknown, TData>;
  /** Query keys to invalidate after success, e.g. `[senseiKeys.lists(client, '/v1/migrations')]`. */
  invalidates?: readonly QueryKey[] | ((data: TData, variables: TVariables) => readonly QueryKey[]);
}

export type UseSenseiMutationResult<TData = unknown, TVariables = void> = UseMutationResult<TData, SenseiError, TVariables> & RequestWait & {
  /**
   * Aborts the requests of this hook's calls that are still on their way (or waiting at the
   * gate); each call then fails with a `SenseiAbortError`. Unmounting aborts them too.
   */
  abort: () => void;
};

/**
 * Creates (201), updates or deletes (204) with the library's gate, typed errors and retry
 * policy — which never repeats a non-idempotent write unless it carries an idempotency key.
 * @example
 * const create = useSenseiMutation({ path: '/v1/projects', invalidates: [senseiKeys.lists(client, '/v1/projects')] });
 * create.mutate({ name: 'Atlas' });
 */
export function useSenseiMutation<TData = unknown, TVariables = void>(
  options: UseSenseiMutationOptions<TData, TVariables>,
): UseSenseiMutationResult<TData, TVariables> {
  const context = useSenseiContext('useSenseiMutation');
  const { client, queryClient, retryPolicy } = context;
  const [waitId] = useState(() => `mutation:${(mutationSeq += 1)}`);
  const waits = requestWaitStoreFor(queryClient);
  const { method = 'POST', path, body, idempotencyKey, schema, invalidates, onSuccess, ...rest } = options;
  // TanStack gives mutations no signal: the hook owns one controller per attempt in flight.
  const inFlight = useRef(new Set<AbortController>());
  const abort = useCallback(() => {
    for (const controller of [...inFlight.current]) controller.abort();
  }, []);
  useEffect(() => abort, [abort]);
  const mutation = useMutation<TData, SenseiError, TVariables>({
    retry: retryPolicy.retry,
    retryDelay: retryPolicy.retryDelay,
    ...rest,
    // Marks it as a Sensei mutation for the retry toasts (`useRetryActivity`).
    meta: { ...rest.meta, sensei: true },
    mutationFn: async (variables) => {
      const target = typeof path === 'function' ? path(variables) : path;
      const payload = body ? body(variables) : method === 'DELETE' ? undefined : variables;
      const controller = new AbortController();
      inFlight.current.add(controller);
      const response = await waits
        .run(waitId, (onGateHold) =>
          client.request(target, { method, body: payload, idempotencyKey: idempotencyKey?.(variables), signal: controller.signal, onGateHold }),
        )
        .finally(() => inFlight.current.delete(controller));
      return validateResponse(schema, response.data, {
        method,
        url: client.resolveUrl(target).href,
        status: response.status,
        requestId: response.requestId,
      });
    },
    onSuccess: async (data, variables, ...more) => {
      const keys = typeof invalidates === 'function' ? invalidates(data, variables) : invalidates;
      await Promise.all((keys ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      return onSuccess?.(data, variables, ...more);
    },
  }, queryClient);
  const wait = useRequestWait(context, waitId, mutation.isPaused, mutation.isPending, mutation.failureReason);
  return { ...mutation, ...wait, abort };
}

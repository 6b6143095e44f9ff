'use client';
import { type QueryKey, type UseMutationOptions, type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SenseiError } from '../core/SenseiError.js';
import { type SenseiMutationInput, senseiQueries } from '../core/senseiQueries.js';
import type { RequestWait } from '../core/RequestWaitStore.js';
import { useSenseiContext } from './SenseiContext.js';
import { useRequestWait } from './useRequestWait.js';

let mutationSeq = 0;

export interface UseSenseiMutationOptions<TData = unknown, TVariables = void>
  extends Omit<UseMutationOptions<TData, SenseiError, TVariables>, 'mutationFn'>,
    SenseiMutationInput<TData, TVariables> {
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
  const { method, path, body, idempotencyKey, schema, invalidates, onSuccess, ...rest } = options;
  // TanStack gives mutations no signal: the hook owns one controller per attempt in flight.
  const inFlight = useRef(new Set<AbortController>());
  const abort = useCallback(() => {
    for (const controller of [...inFlight.current]) controller.abort();
  }, []);
  useEffect(() => abort, [abort]);
  const built = senseiQueries(client, { retry: retryPolicy }).mutation({ method, path, body, idempotencyKey, schema });
  const mutation = useMutation<TData, SenseiError, TVariables>({
    ...built,
    ...rest,
    // Marks it as a Sensei mutation for the retry toasts (`useRetryActivity`).
    meta: { ...rest.meta, sensei: true },
    mutationFn: (variables, mutationContext) => {
      const controller = new AbortController();
      inFlight.current.add(controller);
      return built
        .mutationFn(variables, { ...mutationContext, signal: controller.signal, waitId })
        .finally(() => inFlight.current.delete(controller));
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

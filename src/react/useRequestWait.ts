'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { type RequestWait, type RequestWaitInput, requestWaitStoreFor, toRequestWait } from '../core/RequestWaitStore.js';
import type { SenseiContextValue } from './SenseiContext.js';

/** Binds a hook's request to the store of its `QueryClient`: why it waits, and until when. */
export function useRequestWait(
  { queryClient, retryPolicy }: SenseiContextValue,
  id: string,
  paused: RequestWaitInput['paused'],
  active: RequestWaitInput['active'],
  failureReason: unknown,
): RequestWait {
  const store = requestWaitStoreFor(queryClient);
  const getSnapshot = useCallback(() => store.get(id), [store, id]);
  const attempt = useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
  return toRequestWait({ paused, active, failureReason, attempt, scheduledRetryAt: retryPolicy.scheduledRetryAt });
}

/**
 * `result` with `waiting` and `nextAttemptAt`. Getters, not copies: TanStack tracks which fields
 * a component reads and re-renders it only when those change.
 */
export function withWait<R extends object>(result: R, wait: RequestWait): R & RequestWait {
  const out = { ...wait } as R & RequestWait;
  for (const key of Object.keys(result)) {
    Object.defineProperty(out, key, { enumerable: true, get: () => result[key as keyof R] });
  }
  return out;
}

'use client';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Operation } from '../core/operationSchema.js';
import {
  type AsyncOperationOptions,
  type AsyncOperationSnapshot,
  OperationObserver,
  type OperationResultOf,
  type StartOperationArgs,
} from '../core/OperationObserver.js';
import type { AsyncOperationShape } from '../core/senseiQueries.js';
import { useSenseiContext } from './SenseiContext.js';

export type {
  AsyncOperationStatus,
  OperationResultOf,
  OperationWaiting,
  StartOperationArgs,
  StartOperationOptions,
} from '../core/OperationObserver.js';

export type UseAsyncOperationOptions<TResult = unknown, TOperation extends AsyncOperationShape = Operation> = AsyncOperationOptions<
  TResult,
  TOperation
>;

/**
 * `TBody`: what `start(body)` sends. `TOperation`: the operation as the status endpoint sends it.
 * `TResult`: the validated `result`, from `resultSchema`, else as `TOperation` declares it.
 */
export interface UseAsyncOperationResult<
  TBody = unknown,
  TOperation extends AsyncOperationShape = Operation,
  TResult = OperationResultOf<TOperation>,
> extends AsyncOperationSnapshot<TResult, TOperation> {
  /** Starts a new operation (POST `body` to `startPath`). Errors land in `error`. */
  start: (...args: StartOperationArgs<TBody>) => void;
  /** Like `start`, returning the 202 operation or rejecting with a `SenseiError`. */
  startAsync: (...args: StartOperationArgs<TBody>) => Promise<TOperation>;
  /** Stops polling and aborts a start in flight (the server-side operation is not affected). */
  cancel: () => void;
  /** Forgets the operation and returns to `idle`. */
  reset: () => void;
  /** Polls again after cancel, timeout or failure, or attaches to another operation. */
  resume: (target?: { id: string } | { statusUrl: string }) => void;
}

/**
 * Starts an async operation (a POST answered by 202) or attaches to one, and polls its
 * `status_url` until a terminal status — honouring `Retry-After`, pausing in hidden tabs,
 * sharing one request per poll between every component (and tab) that watches the same
 * operation. The lifecycle lives in `OperationObserver`; this hook only binds it.
 *
 * Types: `useAsyncOperation<TBody, TOperation>` types `start(body)` and `operation`; the
 * `result` type comes from `resultSchema` when given (no type arguments needed), else from
 * `TOperation['result']`.
 * @example
 * const migration = useAsyncOperation({ startPath: '/v1/migrations', persistKey: 'migration' });
 * <button onClick={() => migration.start({ name: 'users' })}>Start</button>
 * <OperationProgress operation={migration} />
 */
export function useAsyncOperation<
  TBody = unknown,
  TOperation extends AsyncOperationShape = Operation,
  TResult = OperationResultOf<TOperation>,
>(options: UseAsyncOperationOptions<TResult, TOperation> = {}): UseAsyncOperationResult<TBody, TOperation, TResult> {
  const { client, queryClient, retryPolicy } = useSenseiContext('useAsyncOperation');
  // Options are applied after render (below); the constructor only needs the first ones.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const observer = useMemo(() => new OperationObserver<TResult, TBody, TOperation>(client, queryClient, retryPolicy, options), [client, queryClient, retryPolicy]);
  const snapshot = useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
  useEffect(() => observer.setOptions(options));
  const { start, startAsync, cancel, reset, resume } = observer;
  return useMemo(() => ({ ...snapshot, start, startAsync, cancel, reset, resume }), [snapshot, start, startAsync, cancel, reset, resume]);
}

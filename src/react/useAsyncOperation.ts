'use client';
import { type Query, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OperationResponse } from '../core/createSenseiClient.js';
import type { Operation } from '../core/operationSchema.js';
import {
  classifyOperationStatus,
  getOperationProgress,
  operationError,
  type TerminalStatuses,
} from '../core/operationStatus.js';
import { type PollOptions, pollDelay } from '../core/pollDelay.js';
import { type SenseiError, SenseiRequestError } from '../core/SenseiError.js';
import { senseiKeys } from '../core/senseiKeys.js';
import type { StandardSchemaV1 } from '../core/standardSchema.js';
import { timers } from '../core/timers.js';
import { validateResponse } from '../core/validateResponse.js';
import { useSenseiContext } from './SenseiContext.js';

/** Where the hook is in an operation's life. */
export type AsyncOperationStatus = 'idle' | 'starting' | 'polling' | 'succeeded' | 'failed' | 'timed-out' | 'cancelled';

export interface UseAsyncOperationOptions<TResult = unknown> {
  /** Where `start()` POSTs, e.g. `/v1/migrations`; the answer is a 202 with `status_url`. */
  startPath?: string;
  /** Attach to an existing operation by id (its status URL comes from `statusPath`). */
  id?: string;
  /** Attach to an existing operation by its `status_url` (same origin as the client only). */
  statusUrl?: string;
  /**
   * The status URL of an operation id.
   * @default (id) => `${startPath}/${id}`
   */
  statusPath?: (id: string) => string;
  /** Which statuses end polling. @default success: completed, succeeded; failure: failed, cancelled, canceled */
  terminal?: TerminalStatuses;
  /** Poll delays when the server sends no `Retry-After`. @default { initialMs: 1000, factor: 1.5, maxMs: 10000 } */
  poll?: PollOptions;
  /**
   * Stop polling and report `timed-out` after this many ms from the start. The operation may
   * still finish on the server: `resume()` polls again.
   * @default undefined (no limit)
   */
  maxDuration?: number;
  /**
   * Remember the operation under this key in `localStorage` so polling resumes after a reload.
   * Forgotten when the operation ends or on `reset()`.
   */
  persistKey?: string;
  /** Validates `operation.result` of a successful operation. */
  resultSchema?: StandardSchemaV1<unknown, TResult>;
  /**
   * Poll while the tab is hidden. By default polling pauses and polls at once when shown again.
   * @default false
   */
  pollInBackground?: boolean;
  /**
   * Set to `false` to hold polling (TanStack's `enabled`); `start()` still works.
   * @default true
   */
  enabled?: boolean;
}

export interface StartOperationOptions {
  /** Sent as `Idempotency-Key`; without it the POST is never retried automatically. */
  idempotencyKey?: string;
}

export interface UseAsyncOperationResult<TResult = unknown> {
  status: AsyncOperationStatus;
  /** The latest operation as the server sent it. */
  operation: Operation | undefined;
  /** The server's raw status (`pending`, `running`, …). */
  operationStatus: string | undefined;
  /** Percent 0–100 when the API reports progress, else `undefined` (indeterminate). */
  progress: number | undefined;
  /** `operation.result` of a successful operation (validated by `resultSchema`). */
  result: TResult | undefined;
  /** Why it failed: the start request, a poll, or the operation's own error body. */
  error: SenseiError | null;
  /** The resolved status URL being polled. */
  statusUrl: string | undefined;
  /** When this hook started or attached to the operation (epoch ms). */
  startedAt: number | undefined;
  isPolling: boolean;
  /** Starts a new operation (POST to `startPath`). Errors land in `error`. */
  start: (body?: unknown, options?: StartOperationOptions) => void;
  /** Like `start`, returning the 202 operation or rejecting with a `SenseiError`. */
  startAsync: (body?: unknown, options?: StartOperationOptions) => Promise<Operation>;
  /** Stops polling (the server-side operation is not affected). */
  cancel: () => void;
  /** Forgets the operation and returns to `idle`. */
  reset: () => void;
  /** Polls again after cancel, timeout or failure, or attaches to another operation. */
  resume: (target?: { id: string } | { statusUrl: string }) => void;
}

interface Target {
  statusUrl: string;
  startedAt: number;
  /** Where `maxDuration` counts from: the start, or the last `resume()`. */
  deadlineFrom?: number;
}

interface PollData extends OperationResponse {
  result?: unknown;
}

const classify = (data: PollData, terminal: TerminalStatuses | undefined) => classifyOperationStatus(data.operation.status, terminal);

/** A target polled from now on. */
const targetAt = (statusUrl: string): Target => ({ statusUrl, startedAt: timers.now() });

/** Runs `access` on the operation's `localStorage` entry, when there is a key and storage (not in SSR). */
function withStorage<R>(key: string | undefined, access: (storage: Storage, name: string) => R): R | undefined {
  if (!key || typeof localStorage === 'undefined') return undefined;
  try {
    return access(localStorage, `sensei:operation:${key}`);
  } catch {
    // Unreadable, full or disabled storage (private mode): persistence is best effort.
    return undefined;
  }
}

function readPersisted(key: string | undefined): Target | undefined {
  return withStorage(key, (storage, name) => {
    const value: unknown = JSON.parse(storage.getItem(name) ?? 'null');
    if (value && typeof value === 'object' && typeof (value as Target).statusUrl === 'string') {
      const startedAt = Number((value as Target).startedAt);
      return { statusUrl: (value as Target).statusUrl, startedAt: Number.isFinite(startedAt) ? startedAt : timers.now() };
    }
    return undefined;
  });
}

function writePersisted(key: string | undefined, target: Target | undefined): void {
  withStorage(key, (storage, name) => (target ? storage.setItem(name, JSON.stringify(target)) : storage.removeItem(name)));
}

/**
 * Starts an async operation (a POST answered by 202) or attaches to one, and polls its
 * `status_url` until a terminal status — honouring `Retry-After`, pausing in hidden tabs,
 * sharing one request per poll between every component that watches the same operation.
 * @example
 * const migration = useAsyncOperation({ startPath: '/v1/migrations', persistKey: 'migration' });
 * <button onClick={() => migration.start({ name: 'users' })}>Start</button>
 * <OperationProgress operation={migration} />
 */
export function useAsyncOperation<TResult = unknown>(
  options: UseAsyncOperationOptions<TResult> = {},
): UseAsyncOperationResult<TResult> {
  const {
    client,
    queryClient,
    retryPolicy: { retry, retryDelay },
  } = useSenseiContext('useAsyncOperation');
  const {
    startPath,
    id,
    statusUrl: statusUrlProp,
    terminal,
    poll,
    maxDuration,
    persistKey,
    resultSchema,
    pollInBackground = false,
    enabled = true,
  } = options;
  const statusPath = options.statusPath ?? ((opId: string) => `${startPath ?? ''}/${encodeURIComponent(opId)}`);

  const attached = statusUrlProp ?? (id !== undefined ? statusPath(id) : undefined);
  const [target, setTarget] = useState<Target | undefined>(() => (attached !== undefined ? targetAt(attached) : undefined));
  const [stopped, setStopped] = useState<'cancelled' | 'timed-out' | undefined>(undefined);
  // Attach again when the parent passes another id or status URL.
  const [prevAttached, setPrevAttached] = useState(attached);
  if (attached !== prevAttached) {
    setPrevAttached(attached);
    setTarget(attached !== undefined ? targetAt(attached) : undefined);
    setStopped(undefined);
  }

  // Resume a persisted operation after mount (not during render: SSR has no storage).
  useEffect(() => {
    if (attached !== undefined) return;
    const persisted = readPersisted(persistKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- storage is read after hydration
    if (persisted) setTarget((current) => current ?? persisted);
    // Only on mount and when the key changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [persistKey]);

  // A foreign or malformed status_url is refused before any request, as a typed error.
  const resolved = useMemo((): { url?: string; refused?: SenseiError } | undefined => {
    if (!target) return undefined;
    try {
      return { url: client.resolveUrl(target.statusUrl).href };
    } catch (error) {
      return { refused: error as SenseiError };
    }
  }, [client, target]);
  const url = resolved?.url;

  const nextDelay = useCallback(
    (query: Query<PollData, SenseiError, PollData, readonly unknown[]>) => {
      const { data, dataUpdateCount } = query.state;
      if (!data || classify(data, terminal) !== 'running') return Infinity;
      return pollDelay(Math.max(1, dataUpdateCount), data.retryAfterMs, poll);
    },
    [terminal, poll],
  );

  const pollQuery = useQuery<PollData, SenseiError, PollData, readonly unknown[]>(
    {
      queryKey: senseiKeys.operation(client, url ?? ''),
      queryFn: async ({ signal }) => {
        const response: PollData = await client.getOperation(url as string, { signal });
        if (resultSchema && classify(response, terminal) === 'success') {
          response.result = await validateResponse(resultSchema, response.operation.result, { method: 'GET', url: url as string });
        }
        return response;
      },
      enabled: enabled && url !== undefined && stopped === undefined,
      // Fresh until the next poll is due, so a new watcher or the 202 we seeded costs no request.
      staleTime: nextDelay,
      refetchInterval: (query) => {
        const delay = nextDelay(query);
        return Number.isFinite(delay) ? delay : false;
      },
      refetchIntervalInBackground: pollInBackground,
      refetchOnWindowFocus: true,
      retry,
      retryDelay,
    },
    queryClient,
  );

  const data = pollQuery.data;
  const classification = data ? classify(data, terminal) : undefined;
  const finished = classification === 'success' || classification === 'failure';

  /** Polls `statusUrl` from now on, remembered under `persistKey`. */
  const attach = (statusUrl: string) => {
    const next = targetAt(statusUrl);
    writePersisted(persistKey, next);
    setTarget(next);
  };

  const startMutation = useMutation<OperationResponse, SenseiError, { body: unknown; options: StartOperationOptions | undefined }>(
    {
      mutationFn: ({ body, options: startOptions }) => {
        if (!startPath) {
          throw new SenseiRequestError({ kind: 'invalid-request', message: 'useAsyncOperation: pass `startPath` to start an operation.' });
        }
        return client.startOperation(startPath, body, { idempotencyKey: startOptions?.idempotencyKey });
      },
      retry,
      retryDelay,
      // Marks it as a Sensei mutation for the retry toasts.
      meta: { sensei: true },
      onSuccess: (response) => {
        const statusUrl = response.operation.status_url ?? statusPath(response.operation.id);
        let key: string | undefined;
        try {
          key = client.resolveUrl(statusUrl).href;
        } catch {
          key = undefined; // Refused below through `resolved`.
        }
        // The 202 body is the first status: seed it so the first poll waits for its Retry-After.
        if (key) queryClient.setQueryData<PollData>(senseiKeys.operation(client, key), { ...response });
        setStopped(undefined);
        attach(statusUrl);
      },
    },
    queryClient,
  );

  // Time limit: flips to timed-out even if no poll answers.
  const startedAt = target?.startedAt;
  const deadlineFrom = target?.deadlineFrom ?? startedAt;
  const running = url !== undefined && stopped === undefined && !finished;
  useEffect(() => {
    if (!running || maxDuration === undefined || deadlineFrom === undefined) return;
    const timer = timers.setTimeout(() => setStopped('timed-out'), Math.max(0, deadlineFrom + maxDuration - timers.now()));
    return () => timers.clearTimeout(timer);
  }, [running, maxDuration, deadlineFrom]);

  useEffect(() => {
    if (stopped !== undefined && url !== undefined) void queryClient.cancelQueries({ queryKey: senseiKeys.operation(client, url) });
  }, [stopped, url, queryClient, client]);

  // A finished operation needs no resuming after a reload.
  useEffect(() => {
    if (finished) writePersisted(persistKey, undefined);
  }, [finished, persistKey]);

  let status: AsyncOperationStatus;
  let error: SenseiError | null = null;
  if (startMutation.isPending) status = 'starting';
  else if (!target) {
    status = startMutation.isError ? 'failed' : 'idle';
    error = startMutation.error;
  } else if (resolved?.refused) {
    status = 'failed';
    error = resolved.refused;
  } else if (classification === 'success') status = 'succeeded';
  else if (classification === 'failure' && data) {
    status = 'failed';
    error = operationError(data.operation, url);
  } else if (stopped) status = stopped;
  else if (pollQuery.isError) {
    status = 'failed';
    error = pollQuery.error;
  } else status = 'polling';

  const operation = data?.operation;
  const mutateAsync = startMutation.mutateAsync;
  const resetMutation = startMutation.reset;
  const startAsync = useCallback(
    async (body?: unknown, startOptions?: StartOperationOptions) => (await mutateAsync({ body, options: startOptions })).operation,
    [mutateAsync],
  );
  const start = useCallback(
    (body?: unknown, startOptions?: StartOperationOptions) => {
      startAsync(body, startOptions).catch(() => {
        // Surfaced through `error`.
      });
    },
    [startAsync],
  );
  const cancel = useCallback(() => setStopped((s) => s ?? 'cancelled'), []);
  const reset = useCallback(() => {
    writePersisted(persistKey, undefined);
    resetMutation();
    setStopped(undefined);
    setTarget(undefined);
  }, [persistKey, resetMutation]);
  const refetch = pollQuery.refetch;
  const resume = useCallback(
    (next?: { id: string } | { statusUrl: string }) => {
      setStopped(undefined);
      if (next) {
        attach('statusUrl' in next ? next.statusUrl : statusPath(next.id));
      } else {
        // The elapsed time keeps counting from the start; only the time limit starts again.
        setTarget((current) => (current ? { ...current, deadlineFrom: timers.now() } : current));
        void refetch();
      }
    },
    // statusPath is usually inline; it only shapes the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [persistKey, refetch, startPath],
  );

  return {
    status,
    operation,
    operationStatus: operation?.status,
    progress: classification === 'success' ? 100 : getOperationProgress(operation),
    result: (data?.result ?? (classification === 'success' ? operation?.result : undefined)) as TResult | undefined,
    error,
    statusUrl: url,
    startedAt,
    isPolling: status === 'polling',
    start,
    startAsync,
    cancel,
    reset,
    resume,
  };
}

import {
  MutationObserver,
  type MutationObserverResult,
  type Query,
  type QueryClient,
  type QueryKey,
  QueryObserver,
  type QueryObserverOptions,
  type QueryObserverResult,
} from '@tanstack/query-core';
import type { OperationResponse, SenseiClient } from './createSenseiClient.js';
import type { Operation } from './operationSchema.js';
import { classifyOperationStatus, getOperationProgress, operationError, type TerminalStatuses } from './operationStatus.js';
import { type PollOptions, pollDelay } from './pollDelay.js';
import { leadAcrossTabs, type TabEnvironment, type TabLeadership } from './leadAcrossTabs.js';
import type { GateHold } from './RateLimitStore.js';
import type { RetryPolicy } from './retryPolicy.js';
import { type SenseiError, SenseiRequestError } from './SenseiError.js';
import { type AsyncOperationShape, senseiQueries } from './senseiQueries.js';
import type { StandardSchemaV1 } from './standardSchema.js';
import { timers } from './timers.js';
import { validateResponse } from './validateResponse.js';

/**
 * Where an operation is in its life. `idle`: nothing started or attached — or polling held by
 * `enabled: false` (the last known `operation` stays readable).
 */
export type AsyncOperationStatus = 'idle' | 'starting' | 'polling' | 'succeeded' | 'failed' | 'timed-out' | 'cancelled';

/** Why nothing is being sent right now: the rate-limit gate, no network, or a scheduled retry. */
export type OperationWaiting = 'rate-limit' | 'offline' | 'retry' | null;

/**
 * The arguments of `start(body, options)`: `body` may be left out only when the body type allows
 * `undefined` (the default `unknown` does).
 */
export type StartOperationArgs<TBody> = undefined extends TBody
  ? [body?: TBody, options?: StartOperationOptions]
  : [body: TBody, options?: StartOperationOptions];

/** The result type an operation type declares (`unknown` when it declares none). */
export type OperationResultOf<TOperation> = TOperation extends { result?: infer R } ? R : unknown;

/**
 * `TResult`: the validated `result` (from `resultSchema`, else as `TOperation` declares it).
 * `TOperation`: the operation as the status endpoint sends it, e.g. with a typed `name`; a
 * declaration the server is trusted with, as a query's data type is.
 */
export interface AsyncOperationOptions<TResult = unknown, TOperation extends AsyncOperationShape = Operation> {
  /** Where `start()` POSTs, e.g. `/v1/migrations`; the answer is a 202 with `status_url`. */
  startPath?: string | undefined;
  /** Attach to an existing operation by id (its status URL comes from `statusPath`). */
  id?: string | undefined;
  /** Attach to an existing operation by its `status_url` (same origin as the client only). */
  statusUrl?: string | undefined;
  /**
   * The status URL of an operation id.
   * @default (id) => `${startPath}/${id}`
   */
  statusPath?: (id: string) => string;
  /** Which statuses end polling, compared case-insensitively. @default success: completed, succeeded; failure: failed, cancelled, canceled */
  terminal?: TerminalStatuses;
  /** Poll delays when the server sends no `Retry-After`. @default { initialMs: 1000, factor: 1.5, maxMs: 10000 } */
  poll?: PollOptions;
  /**
   * Stop polling and report `timed-out` after this many ms from the start. The operation may
   * still finish on the server: `resume()` polls again. `Infinity`, `NaN` and non-numbers mean
   * no limit; waits past 2^31 ms are timed in steps, never cut short.
   * @default undefined (no limit)
   */
  maxDuration?: number;
  /**
   * Remember the operation under this key in `localStorage` so polling resumes after a reload.
   * Forgotten when the operation ends (succeeded or failed) or on `reset()`.
   */
  persistKey?: string;
  /** Validates `operation.result` of a successful operation; a mismatch ends it as `failed`. */
  resultSchema?: StandardSchemaV1<unknown, TResult> | undefined;
  /**
   * Poll while the tab is hidden. By default polling pauses and polls at once when shown again.
   * @default false
   */
  pollInBackground?: boolean;
  /**
   * Set to `false` to hold polling (TanStack's `enabled`); `start()` still works. While held the
   * status is `idle`.
   * @default true
   */
  enabled?: boolean;
  /**
   * Tabs of one origin watching the same operation poll it once: one tab leads (Web Locks, else a
   * `BroadcastChannel` election) and sends its answers to the others. Only in a browser document.
   * @default true where the client shares its rate limit across tabs
   */
  shareAcrossTabs?: boolean;
  /** Called once when this watcher sees the operation succeed. */
  onSuccess?: (result: TResult | undefined, operation: TOperation) => unknown;
  /** Called once when this watcher sees the start, a status check or the operation itself fail. */
  onError?: (error: SenseiError, operation: TOperation | undefined) => unknown;
  /** Called once after `onSuccess` or `onError`. */
  onSettled?: (result: TResult | undefined, error: SenseiError | null, operation: TOperation | undefined) => unknown;
  /**
   * Query keys to invalidate when the operation succeeds, e.g.
   * `[senseiKeys.lists(client, '/v1/migrations')]`. Several watchers of one operation cause one
   * refetch per list.
   */
  invalidates?: readonly QueryKey[] | ((result: TResult | undefined, operation: TOperation) => readonly QueryKey[]);
}

export interface StartOperationOptions {
  /** Sent as `Idempotency-Key`; without it the POST is never retried automatically. */
  idempotencyKey?: string | undefined;
}

/** What an operation looks like right now; a new object only when something changed. */
export interface AsyncOperationSnapshot<TResult = unknown, TOperation extends AsyncOperationShape = Operation> {
  status: AsyncOperationStatus;
  /** The latest operation as the server sent it. */
  operation: TOperation | undefined;
  /** The server's raw status (`pending`, `running`, …). */
  operationStatus: string | undefined;
  /** Percent 0–100 when the API reports progress, else `undefined` (indeterminate). */
  progress: number | undefined;
  /** `operation.result` of a successful operation (validated by `resultSchema`). */
  result: TResult | undefined;
  /** Why it failed: the start request, a status check, or the operation's own error body. */
  error: SenseiError | null;
  /** The resolved status URL being polled. */
  statusUrl: string | undefined;
  /** When this watcher started or attached to the operation (epoch ms). */
  startedAt: number | undefined;
  isPolling: boolean;
  /** Why no request is going out right now, if one is due. */
  waiting: OperationWaiting;
  /** When the next attempt is expected (epoch ms), when known. */
  nextAttemptAt: number | undefined;
}

type Phase = 'idle' | 'starting' | 'watching' | 'succeeded' | 'failed' | 'timed-out' | 'cancelled';

interface Target {
  statusUrl: string;
  startedAt: number;
  /** Where `maxDuration` counts from: the start, or the last `resume()`. */
  deadlineFrom?: number;
}

type PollQueryOptions = QueryObserverOptions<OperationResponse, SenseiError, OperationResponse, OperationResponse, QueryKey>;

interface Holds {
  hold: GateHold | null;
  listeners: Set<(hold: GateHold | null) => void>;
}

/** Every watcher of one status URL hears a gate hold, whichever of them sent the poll, and when it joined. */
const holdsByClient = new WeakMap<QueryClient, Map<string, Holds>>();

function holdsOf(queryClient: QueryClient, url: string): Holds {
  let byUrl = holdsByClient.get(queryClient);
  if (!byUrl) holdsByClient.set(queryClient, (byUrl = new Map()));
  let holds = byUrl.get(url);
  if (!holds) byUrl.set(url, (holds = { hold: null, listeners: new Set() }));
  return holds;
}

/** The operation's `localStorage` entry, when there is a key and storage (not in SSR); best effort. */
function storage(key: string | undefined, target?: Target | null): Target | undefined {
  if (!key || typeof localStorage === 'undefined') return undefined;
  const name = `sensei:operation:${key}`;
  try {
    if (target === null) localStorage.removeItem(name);
    // Written when attached, before the URL is resolved: only `statusUrl` and `startedAt`.
    else if (target) localStorage.setItem(name, JSON.stringify(target));
    else {
      const value = JSON.parse(localStorage.getItem(name) ?? 'null') as Partial<Target> | null;
      if (typeof value?.statusUrl === 'string') return { statusUrl: value.statusUrl, startedAt: Number(value.startedAt) || timers.now() };
    }
  } catch {
    // Unreadable, full or disabled storage (private mode).
  }
  return undefined;
}

/** A finite, non-negative limit, or none: `Infinity` and `NaN` must never reach a timer. */
const durationOf = (ms: unknown) => (Number.isFinite(ms) ? Math.max(0, ms as number) : undefined);

/**
 * One async operation's whole lifecycle — start, poll, terminal status, cancel, timeout,
 * resume, persistence, callbacks — as one state machine, without React (like TanStack's
 * `QueryObserver`). Polls go through the shared `QueryClient`, so every watcher of one
 * operation shares one request per poll. It works while it has subscribers; the last
 * unsubscribe aborts its requests and timers.
 */
export class OperationObserver<TResult = unknown, TBody = unknown, TOperation extends AsyncOperationShape = Operation> {
  // `declare`: the constructor assigns each once; no separate field definitions are emitted.
  /** Listens to snapshot changes; the first subscriber starts the work, the last one stops it. */
  declare readonly subscribe: (listener: () => void) => () => void;
  declare readonly getSnapshot: () => AsyncOperationSnapshot<TResult, TOperation>;
  /** Updates options: another `id`/`statusUrl` attaches to that operation, the rest applies to the next poll. */
  declare readonly setOptions: (options: AsyncOperationOptions<TResult, TOperation>) => void;
  /** Starts a new operation (POST to `startPath`); errors land in `error`. */
  declare readonly start: (...args: StartOperationArgs<TBody>) => void;
  /** Like `start`, returning the 202 operation or rejecting with a `SenseiError`. */
  declare readonly startAsync: (...args: StartOperationArgs<TBody>) => Promise<TOperation>;
  /** Stops polling — and aborts a start still in flight. The server-side operation is not affected. */
  declare readonly cancel: () => void;
  /** Forgets the operation (and its persisted entry) and returns to `idle`. */
  declare readonly reset: () => void;
  /** Polls again after cancel, timeout or failure (with a fresh time limit), or attaches to another operation. */
  declare readonly resume: (target?: { id: string } | { statusUrl: string }) => void;
  /** Stops everything and drops every listener. */
  declare readonly destroy: () => void;

  /** `tabEnvironment` replaces the browser's tabs (tests). */
  constructor(
    client: SenseiClient,
    queryClient: QueryClient,
    retryPolicy: RetryPolicy,
    initialOptions: AsyncOperationOptions<TResult, TOperation> = {},
    tabEnvironment?: TabEnvironment,
  ) {
    // State lives in closures rather than fields: it is private all the same and minifies to a
    // fraction (this class is in every app's bundle).
    let options = initialOptions;
    const listeners = new Set<() => void>();
    let snapshot: AsyncOperationSnapshot<TResult, TOperation>;
    let phase: Phase = 'idle';
    let target: (Target & { url?: string }) | undefined;
    // Typed as the caller declared it: the server's answer is trusted as a query's data is.
    let operation: TOperation | undefined;
    let result: TResult | undefined;
    let error: SenseiError | null = null;
    /** Bumped by every transition that makes late answers of the previous one stale. */
    let run = 0;
    let startAbort: AbortController | undefined;
    let startState: MutationObserverResult<OperationResponse, SenseiError, void> | undefined;
    let poller: QueryObserver<OperationResponse, SenseiError, OperationResponse, OperationResponse, QueryKey> | undefined;
    let stopPoller: (() => void) | undefined;
    let pollState: QueryObserverResult<OperationResponse, SenseiError> | undefined;
    let seenDataAt = 0;
    let hold: GateHold | null = null;
    let deadline: unknown;
    let tabs: TabLeadership | undefined;
    let follower = false;
    const { retry, retryDelay } = retryPolicy;

    const statusPathOf = (id: string, o = options) => (o.statusPath ? o.statusPath(id) : `${o.startPath ?? ''}/${encodeURIComponent(id)}`);
    const attachedOf = (o: AsyncOperationOptions<TResult, TOperation>) => o.statusUrl ?? (o.id !== undefined ? statusPathOf(o.id, o) : undefined);
    // Key, retry policy and marker from the factories, so a prefetched or hydrated read is shared.
    const queries = senseiQueries(client, { retry: retryPolicy });
    const keyOf = (url: string) => queries.operation(url).queryKey;

    const compute = (): AsyncOperationSnapshot<TResult, TOperation> => {
      const status: AsyncOperationStatus = phase === 'watching' ? (options.enabled !== false ? 'polling' : 'idle') : phase;
      let waiting: OperationWaiting = null;
      let nextAttemptAt: number | undefined;
      const starting = phase === 'starting' ? startState : undefined;
      const polling = status === 'polling' ? pollState : undefined;
      if (hold && (phase === 'starting' || status === 'polling')) {
        waiting = 'rate-limit';
        nextAttemptAt = hold.until;
      } else if (starting?.isPaused || polling?.fetchStatus === 'paused') waiting = 'offline';
      else if ((starting?.isPending && starting.failureCount > 0) || (polling?.fetchStatus === 'fetching' && polling.failureCount > 0)) {
        waiting = 'retry';
        nextAttemptAt = retryPolicy.scheduledRetryAt?.((starting ?? polling)?.failureReason);
      }
      return {
        status,
        operation,
        operationStatus: operation?.status,
        progress: phase === 'succeeded' ? 100 : getOperationProgress(operation as Operation | undefined),
        result: phase === 'succeeded' ? result : undefined,
        error,
        statusUrl: target?.url,
        startedAt: target?.startedAt,
        isPolling: status === 'polling',
        waiting,
        nextAttemptAt,
      };
    };

    /** Publishes a new snapshot only when something a caller can see changed. */
    const emit = () => {
      const next = compute();
      if ((Object.keys(next) as (keyof typeof next)[]).every((key) => Object.is(next[key], snapshot?.[key]))) return;
      snapshot = next;
      listeners.forEach((listener) => listener());
    };

    const setHold = (next: GateHold | null, at: number) => {
      if (at !== run) return;
      hold = next;
      emit();
    };

    /** Ends this watcher's requests and timers; a shared poll is aborted only when no one else watches it. */
    const unwatch = () => {
      startAbort?.abort();
      startAbort = startState = pollState = poller = tabs = undefined;
      timers.clearTimeout(deadline);
      stopPoller?.();
      stopPoller = undefined;
      seenDataAt = 0;
      hold = null;
      follower = false;
    };

    /**
     * Every transition: a new run (late answers of the old one are ignored), this watcher's
     * requests and timers stopped. Terminal ones forget the persisted operation and call back once.
     */
    const enter = (next: Phase, failure: SenseiError | null = null, value?: TResult, notify = true) => {
      run += 1;
      unwatch();
      phase = next;
      error = failure;
      result = value;
      if (next === 'idle' || next === 'starting') target = operation = undefined;
      if (next === 'succeeded' || next === 'failed') storage(options.persistKey, null);
      if (notify) emit();
      if (next !== 'succeeded' && next !== 'failed') return;
      const { onSuccess, onError, onSettled, invalidates } = options;
      if (failure) onError?.(failure, operation);
      else if (operation) {
        const keys = typeof invalidates === 'function' ? invalidates(value, operation) : invalidates;
        // Not cancelling a refetch in flight: several watchers ending together cause one refetch.
        for (const queryKey of keys ?? []) void queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
        onSuccess?.(value, operation);
      }
      onSettled?.(value, failure, operation);
    };

    const armDeadline = () => {
      timers.clearTimeout(deadline);
      const limit = durationOf(options.maxDuration);
      if (limit === undefined || !target || phase !== 'watching' || listeners.size === 0) return;
      // `timers` times a limit past 2^31 − 1 ms in steps (a plain timer would fire at once).
      deadline = timers.setTimeout(() => enter('timed-out'), Math.max(0, (target.deadlineFrom ?? target.startedAt) + limit - timers.now()));
    };

    const pollOptions = (url: string): PollQueryOptions => {
      const nextDelay = (query: Query<OperationResponse, SenseiError, OperationResponse, QueryKey>) => {
        const { data, dataUpdateCount } = query.state;
        return data && classifyOperationStatus(data.operation.status, options.terminal) === 'running'
          ? pollDelay(Math.max(1, dataUpdateCount), data.retryAfterMs, options.poll)
          : Infinity;
      };
      return {
        ...queries.operation(url),
        // Its own query function: gate holds go to every watcher of the operation, not one hook.
        queryFn: ({ signal }) =>
          client.getOperation(url, {
            signal,
            onGateHold: (next) => {
              const holds = holdsByClient.get(queryClient)?.get(url);
              if (!holds) return;
              holds.hold = next;
              holds.listeners.forEach((listener) => listener(next));
            },
          }),
        // A follower tab receives the leader's answers instead of polling.
        enabled: options.enabled !== false && !follower,
        // Fresh until the next poll is due, so a new watcher or the seeded 202 costs no request.
        staleTime: nextDelay,
        // TanStack arms no interval for `Infinity` (a terminal or unknown status), as for `false`.
        refetchInterval: nextDelay,
        refetchIntervalInBackground: options.pollInBackground ?? false,
        refetchOnWindowFocus: true,
      };
    };

    const onPoll = (state: QueryObserverResult<OperationResponse, SenseiError>, at: number, staleError?: boolean) => {
      if (at !== run || phase !== 'watching') return;
      pollState = state;
      const { data } = state;
      if (data && state.dataUpdatedAt !== seenDataAt) {
        seenDataAt = state.dataUpdatedAt;
        operation = data.operation as TOperation;
        if (!follower) tabs?.send(data);
        const outcome = classifyOperationStatus(operation.status, options.terminal);
        // Stryker disable next-line OptionalChaining: `target` is always set while `watching` (checked above)
        if (outcome === 'failure') return enter('failed', operationError(operation as Operation, target?.url));
        if (outcome === 'success') {
          const { resultSchema } = options;
          if (!resultSchema) return enter('succeeded', null, (operation as Operation).result as TResult);
          unwatch();
          // Stryker disable next-line OptionalChaining: `target` is always set while `watching` (checked above)
          void validateResponse(resultSchema, (operation as Operation).result, { method: 'GET', url: target?.url ?? '' }).then(
            (value) => at === run && enter('succeeded', null, value),
            (invalid: unknown) => at === run && enter('failed', invalid as SenseiError),
          );
          return;
        }
      }
      // After TanStack's retries: the status check failed, and polling ends with it.
      if (!staleError && state.status === 'error' && state.fetchStatus === 'idle') return enter('failed', state.error);
      emit();
    };

    /** Polls the target while watching with a subscriber; `refetch` polls at once. */
    const watch = (refetch?: boolean) => {
      const url = target?.url;
      if (listeners.size === 0 || phase !== 'watching' || !url) return;
      const at = run;
      if (!poller) {
        const key = keyOf(url);
        const share = options.shareAcrossTabs ?? client.sharesAcrossTabs;
        const leadership = share
          ? leadAcrossTabs(
              JSON.stringify(key),
              {
                onLeader: (leads) => {
                  follower = !leads;
                  poller?.setOptions(pollOptions(url));
                },
                onMessage: (data) => queryClient.setQueryData(key, data as OperationResponse),
              },
              tabEnvironment,
            )
          : undefined;
        tabs = leadership;
        follower = leadership ? !leadership.leads : false;
        const observer = new QueryObserver(queryClient, pollOptions(url));
        poller = observer;
        const onHold = (next: GateHold | null) => setHold(next, at);
        const holds = holdsOf(queryClient, url);
        holds.listeners.add(onHold);
        hold = holds.hold;
        // TanStack may call back inside subscribe(); the current result is read below instead.
        let ready = false;
        const unsubscribe = observer.subscribe((state) => ready && onPoll(state, at));
        ready = true;
        stopPoller = () => {
          unsubscribe();
          leadership?.stop();
          holds.listeners.delete(onHold);
          if (!holds.listeners.size) holdsByClient.get(queryClient)?.delete(url);
        };
      }
      armDeadline();
      // Cached answers first: a terminal status ends the run without sending anything. Before a
      // refetch the cached error is stale (resume after a failed check): only the new answer counts.
      onPoll(poller.getCurrentResult(), at, refetch);
      if (refetch && at === run) void poller?.refetch({ cancelRefetch: false });
    };

    const attach = (statusUrl: string, startedAt: number, seed?: OperationResponse, persist?: boolean) => {
      // Stryker disable next-line StringLiteral: silent (no emit, no callback, no storage) and overwritten below before anyone reads it
      enter('idle', null, undefined, false);
      const next: Target & { url?: string } = { statusUrl, startedAt };
      target = next;
      operation = seed?.operation as TOperation | undefined;
      if (persist) storage(options.persistKey, next);
      try {
        next.url = client.resolveUrl(statusUrl).href;
      } catch (refused: unknown) {
        // A foreign or malformed status_url is refused before any request, as a typed error.
        return enter('failed', refused as SenseiError);
      }
      // The 202 body is the first status: seeded, the first poll waits for its Retry-After.
      // Stryker disable next-line ConditionalExpression: TanStack's setQueryData ignores `undefined` data
      if (seed) queryClient.setQueryData(keyOf(next.url), seed);
      phase = 'watching';
      watch();
      emit();
    };

    this.subscribe = (listener) => {
      listeners.add(listener);
      if (listeners.size === 1) {
        // Read after mount, never during render: SSR has no storage.
        const persisted = phase === 'idle' && !target ? storage(options.persistKey) : undefined;
        if (persisted) attach(persisted.statusUrl, persisted.startedAt);
        watch();
        emit();
      }
      return () => {
        if (listeners.delete(listener) && listeners.size === 0) {
          if (phase === 'starting') enter('idle');
          unwatch();
        }
      };
    };
    this.getSnapshot = () => snapshot;
    this.setOptions = (next) => {
      const previous = options;
      options = next;
      const attached = attachedOf(next);
      if (attached !== attachedOf(previous)) {
        if (attached !== undefined) attach(attached, timers.now());
        else enter('idle');
      } else if (poller && target?.url) {
        poller.setOptions(pollOptions(target.url));
        if (durationOf(next.maxDuration) !== durationOf(previous.maxDuration)) armDeadline();
      }
      emit();
    };
    // Typed loosely inside; the public signature (`StartOperationArgs`) is what callers see.
    this.startAsync = async (body?: unknown, startOptions: StartOperationOptions = {}): Promise<TOperation> => {
      enter('starting');
      const at = run;
      const { startPath } = options;
      if (!startPath) {
        const invalid = new SenseiRequestError({ kind: 'invalid-request', message: 'Pass `startPath` to start an operation.' });
        enter('failed', invalid);
        throw invalid;
      }
      const controller = new AbortController();
      startAbort = controller;
      const mutation = new MutationObserver<OperationResponse, SenseiError, void>(queryClient, {
        mutationFn: () =>
          client.startOperation(startPath, body, {
            idempotencyKey: startOptions.idempotencyKey,
            signal: controller.signal,
            onGateHold: (next) => setHold(next, at),
          }),
        retry,
        retryDelay,
        // Marks it as a Sensei mutation for the retry toasts.
        meta: { sensei: true },
      });
      const unsubscribe = mutation.subscribe((state) => {
        if (at !== run) return;
        startState = state;
        emit();
      });
      try {
        const response = await mutation.mutate();
        const started = response.operation;
        if (at === run) attach(started.status_url ?? statusPathOf(started.id), timers.now(), response, true);
        return started as TOperation;
      } catch (failure: unknown) {
        if (at === run) enter('failed', failure as SenseiError);
        throw failure;
      } finally {
        unsubscribe();
      }
    };
    this.start = (body?: unknown, startOptions?: StartOperationOptions) => {
      (this.startAsync as (body?: unknown, options?: StartOperationOptions) => Promise<TOperation>)(body, startOptions).catch(() => {
        // Surfaced through `error` and `onError`.
      });
    };
    this.cancel = () => {
      if (phase === 'starting' || phase === 'watching') enter('cancelled');
    };
    this.reset = () => {
      storage(options.persistKey, null);
      enter('idle');
    };
    this.resume = (next) => {
      if (next) return attach('statusUrl' in next ? next.statusUrl : statusPathOf(next.id), timers.now(), undefined, true);
      if (!target?.url || !['cancelled', 'timed-out', 'failed'].includes(phase)) return;
      run += 1;
      // The elapsed time keeps counting from the start; only the time limit starts again.
      target.deadlineFrom = timers.now();
      phase = 'watching';
      error = null;
      emit();
      watch(true);
    };
    this.destroy = () => {
      listeners.clear();
      unwatch();
    };

    const attached = attachedOf(options);
    // Known at once (SSR and first render say `polling`); requests wait for a subscriber.
    if (attached !== undefined) attach(attached, timers.now());
    snapshot = compute();
  }
}

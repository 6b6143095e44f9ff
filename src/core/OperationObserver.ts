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
import { senseiKeys } from './senseiKeys.js';
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

export interface AsyncOperationOptions<TResult = unknown> {
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
  resultSchema?: StandardSchemaV1<unknown, TResult>;
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
  onSuccess?: (result: TResult | undefined, operation: Operation) => unknown;
  /** Called once when this watcher sees the start, a status check or the operation itself fail. */
  onError?: (error: SenseiError, operation: Operation | undefined) => unknown;
  /** Called once after `onSuccess` or `onError`. */
  onSettled?: (result: TResult | undefined, error: SenseiError | null, operation: Operation | undefined) => unknown;
  /**
   * Query keys to invalidate when the operation succeeds, e.g.
   * `[senseiKeys.lists(client, '/v1/migrations')]`. Several watchers of one operation cause one
   * refetch per list.
   */
  invalidates?: readonly QueryKey[] | ((result: TResult | undefined, operation: Operation) => readonly QueryKey[]);
}

export interface StartOperationOptions {
  /** Sent as `Idempotency-Key`; without it the POST is never retried automatically. */
  idempotencyKey?: string;
}

/** What an operation looks like right now; a new object only when something changed. */
export interface AsyncOperationSnapshot<TResult = unknown> {
  status: AsyncOperationStatus;
  /** The latest operation as the server sent it. */
  operation: Operation | undefined;
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

/** Browsers arm no timer past 2^31 − 1 ms: longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Every watcher of one status URL hears a gate hold, whichever of them sent the poll. */
const holdListeners = new WeakMap<QueryClient, Map<string, Set<(hold: GateHold | null) => void>>>();

function holdsOf(queryClient: QueryClient, url: string): Set<(hold: GateHold | null) => void> {
  let byUrl = holdListeners.get(queryClient);
  if (!byUrl) holdListeners.set(queryClient, (byUrl = new Map()));
  let set = byUrl.get(url);
  if (!set) byUrl.set(url, (set = new Set()));
  return set;
}

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
  withStorage(key, (storage, name) =>
    target ? storage.setItem(name, JSON.stringify({ statusUrl: target.statusUrl, startedAt: target.startedAt })) : storage.removeItem(name),
  );
}

/** A finite, non-negative limit, or none: `Infinity` and `NaN` must never reach a timer. */
const durationOf = (ms: unknown) => (typeof ms === 'number' && Number.isFinite(ms) ? Math.max(0, ms) : undefined);

const sameSnapshot = (a: object, b: object) =>
  Object.keys(a).every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));

/**
 * One async operation's whole lifecycle — start, poll, terminal status, cancel, timeout,
 * resume, persistence, callbacks — as one state machine, without React (like TanStack's
 * `QueryObserver`). Polls go through the shared `QueryClient`, so every watcher of one
 * operation shares one request per poll. It works while it has subscribers; the last
 * unsubscribe aborts its requests and timers.
 */
export class OperationObserver<TResult = unknown> {
  readonly #client: SenseiClient;
  readonly #queryClient: QueryClient;
  readonly #retryPolicy: RetryPolicy;
  #options: AsyncOperationOptions<TResult>;
  readonly #listeners = new Set<() => void>();
  #snapshot: AsyncOperationSnapshot<TResult> | undefined;

  #phase: Phase = 'idle';
  #target: (Target & { url?: string }) | undefined;
  #operation: Operation | undefined;
  #result: TResult | undefined;
  #error: SenseiError | null = null;
  /** Bumped by every transition that makes late answers of the previous one stale. */
  #run = 0;
  #startAbort: AbortController | undefined;
  #startState: MutationObserverResult<OperationResponse, SenseiError, void> | undefined;
  #poller: QueryObserver<OperationResponse, SenseiError, OperationResponse, OperationResponse, QueryKey> | undefined;
  #stopPoller: (() => void) | undefined;
  #pollState: QueryObserverResult<OperationResponse, SenseiError> | undefined;
  #seenDataAt = 0;
  #hold: GateHold | null = null;
  #deadline: unknown;
  #tabs: TabLeadership | undefined;
  #follower = false;

  readonly #tabEnvironment: TabEnvironment | undefined;

  /** `tabEnvironment` replaces the browser's tabs (tests). */
  constructor(
    client: SenseiClient,
    queryClient: QueryClient,
    retryPolicy: RetryPolicy,
    options: AsyncOperationOptions<TResult> = {},
    tabEnvironment?: TabEnvironment,
  ) {
    this.#tabEnvironment = tabEnvironment;
    this.#client = client;
    this.#queryClient = queryClient;
    this.#retryPolicy = retryPolicy;
    this.#options = options;
    const attached = this.#attachedOf(options);
    // Known at once (SSR and first render say `polling`); requests wait for a subscriber.
    if (attached !== undefined) this.#attach(attached, timers.now(), undefined, false);
    this.#snapshot = this.#compute();
  }

  /** Listens to snapshot changes; the first subscriber starts the work, the last one stops it. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#activate();
    return () => {
      if (!this.#listeners.delete(listener)) return;
      if (this.#listeners.size === 0) this.#deactivate();
    };
  };

  getSnapshot = (): AsyncOperationSnapshot<TResult> => (this.#snapshot ??= this.#compute());

  /** Updates options: another `id`/`statusUrl` attaches to that operation, the rest applies to the next poll. */
  setOptions(options: AsyncOperationOptions<TResult>): void {
    const previous = this.#options;
    this.#options = options;
    const attached = this.#attachedOf(options);
    if (attached !== this.#attachedOf(previous)) {
      if (attached !== undefined) this.#attach(attached, timers.now(), undefined, false);
      else this.#clear('idle');
    } else if (this.#poller && this.#target?.url) {
      this.#poller.setOptions(this.#pollOptions(this.#target.url));
      if (durationOf(options.maxDuration) !== durationOf(previous.maxDuration)) this.#armDeadline();
    }
    this.#emit();
  }

  /** Starts a new operation (POST to `startPath`); errors land in `error`. */
  start = (body?: unknown, options?: StartOperationOptions): void => {
    this.startAsync(body, options).catch(() => {
      // Surfaced through `error` and `onError`.
    });
  };

  /** Like `start`, returning the 202 operation or rejecting with a `SenseiError`. */
  startAsync = async (body?: unknown, options: StartOperationOptions = {}): Promise<Operation> => {
    this.#clear('starting');
    const run = this.#run;
    const { startPath } = this.#options;
    if (!startPath) {
      const error = new SenseiRequestError({ kind: 'invalid-request', message: 'useAsyncOperation: pass `startPath` to start an operation.' });
      this.#settle('failed', error);
      throw error;
    }
    const controller = new AbortController();
    this.#startAbort = controller;
    const { retry, retryDelay } = this.#retryPolicy;
    const mutation = new MutationObserver<OperationResponse, SenseiError, void>(this.#queryClient, {
      mutationFn: () =>
        this.#client.startOperation(startPath, body, {
          idempotencyKey: options.idempotencyKey,
          signal: controller.signal,
          onGateHold: (hold) => this.#setHold(hold, run),
        }),
      retry,
      retryDelay,
      // Marks it as a Sensei mutation for the retry toasts.
      meta: { sensei: true },
    });
    const stop = mutation.subscribe((state) => {
      if (run !== this.#run) return;
      this.#startState = state;
      this.#emit();
    });
    try {
      const response = await mutation.mutate();
      if (run === this.#run) {
        const { operation } = response;
        this.#attach(operation.status_url ?? this.#statusPath(operation.id), timers.now(), response, true);
      }
      return response.operation;
    } catch (error: unknown) {
      if (run === this.#run) this.#settle('failed', error as SenseiError);
      throw error;
    } finally {
      stop();
      if (run === this.#run) {
        this.#startAbort = undefined;
        this.#startState = undefined;
        this.#emit();
      }
    }
  };

  /** Stops polling — and aborts a start still in flight. The server-side operation is not affected. */
  cancel = (): void => {
    if (this.#phase === 'starting' || this.#phase === 'watching') this.#stop('cancelled');
  };

  /** Forgets the operation (and its persisted entry) and returns to `idle`. */
  reset = (): void => {
    writePersisted(this.#options.persistKey, undefined);
    this.#clear('idle');
  };

  /** Polls again after cancel, timeout or failure (with a fresh time limit), or attaches to another operation. */
  resume = (target?: { id: string } | { statusUrl: string }): void => {
    if (target) {
      this.#attach('statusUrl' in target ? target.statusUrl : this.#statusPath(target.id), timers.now(), undefined, true);
      return;
    }
    const current = this.#target;
    if (!current?.url || !['cancelled', 'timed-out', 'failed'].includes(this.#phase)) return;
    this.#run += 1;
    // The elapsed time keeps counting from the start; only the time limit starts again.
    current.deadlineFrom = timers.now();
    this.#phase = 'watching';
    this.#error = null;
    this.#watch(true);
    this.#emit();
  };

  /** Stops everything and drops every listener. */
  destroy(): void {
    this.#listeners.clear();
    this.#deactivate();
  }

  #attachedOf(options: AsyncOperationOptions<TResult>): string | undefined {
    return options.statusUrl ?? (options.id !== undefined ? this.#statusPath(options.id, options) : undefined);
  }

  #statusPath(id: string, options = this.#options): string {
    return options.statusPath ? options.statusPath(id) : `${options.startPath ?? ''}/${encodeURIComponent(id)}`;
  }

  #activate(): void {
    if (this.#phase === 'idle' && !this.#target) {
      // Read after mount, never during render: SSR has no storage.
      const persisted = readPersisted(this.#options.persistKey);
      if (persisted) this.#attach(persisted.statusUrl, persisted.startedAt, undefined, false);
    }
    this.#watch(false);
    this.#emit();
  }

  #deactivate(): void {
    if (this.#phase === 'starting') this.#clear('idle');
    this.#unwatch();
  }

  /** Ends the current run: aborts a start, stops polling, forgets the operation. */
  #clear(phase: 'idle' | 'starting', notify = true): void {
    this.#run += 1;
    this.#unwatch();
    this.#phase = phase;
    this.#target = undefined;
    this.#operation = undefined;
    this.#result = undefined;
    this.#error = null;
    if (notify) this.#emit();
  }

  #attach(statusUrl: string, startedAt: number, seed: OperationResponse | undefined, persist: boolean): void {
    this.#clear('idle', false);
    const target: Target & { url?: string } = { statusUrl, startedAt };
    this.#target = target;
    this.#operation = seed?.operation;
    if (persist) writePersisted(this.#options.persistKey, target);
    try {
      target.url = this.#client.resolveUrl(statusUrl).href;
    } catch (error: unknown) {
      // A foreign or malformed status_url is refused before any request, as a typed error.
      this.#settle('failed', error as SenseiError);
      return;
    }
    // The 202 body is the first status: seeded, the first poll waits for its Retry-After.
    if (seed) this.#queryClient.setQueryData(senseiKeys.operation(this.#client, target.url), seed);
    this.#phase = 'watching';
    this.#watch(false);
    this.#emit();
  }

  #pollOptions(url: string): PollQueryOptions {
    const { retry, retryDelay } = this.#retryPolicy;
    const nextDelay = (query: Query<OperationResponse, SenseiError, OperationResponse, QueryKey>) => {
      const { data, dataUpdateCount } = query.state;
      if (!data || classifyOperationStatus(data.operation.status, this.#options.terminal) !== 'running') return Infinity;
      return pollDelay(Math.max(1, dataUpdateCount), data.retryAfterMs, this.#options.poll);
    };
    return {
      queryKey: senseiKeys.operation(this.#client, url),
      queryFn: ({ signal }) =>
        this.#client.getOperation(url, {
          signal,
          onGateHold: (hold) => holdsOf(this.#queryClient, url).forEach((listener) => listener(hold)),
        }),
      // A follower tab receives the leader's answers instead of polling.
      enabled: this.#options.enabled !== false && !this.#follower,
      // Fresh until the next poll is due, so a new watcher or the seeded 202 costs no request.
      staleTime: nextDelay,
      refetchInterval: (query) => {
        const delay = nextDelay(query);
        return Number.isFinite(delay) ? delay : false;
      },
      refetchIntervalInBackground: this.#options.pollInBackground ?? false,
      refetchOnWindowFocus: true,
      retry,
      retryDelay,
      meta: { sensei: true },
    };
  }

  /** Polls the target while watching with a subscriber; `refetch` polls at once. */
  #watch(refetch: boolean): void {
    const url = this.#target?.url;
    if (this.#listeners.size === 0 || this.#phase !== 'watching' || !url) return;
    if (!this.#poller) {
      const run = this.#run;
      const tabs = this.#tabsFor(url);
      this.#follower = tabs ? !tabs.leads : false;
      this.#poller = new QueryObserver(this.#queryClient, this.#pollOptions(url));
      const onHold = (hold: GateHold | null) => this.#setHold(hold, run);
      holdsOf(this.#queryClient, url).add(onHold);
      const stopPoller = this.#poller.subscribe((state) => this.#onPoll(state, run));
      this.#stopPoller = () => {
        stopPoller();
        tabs?.stop();
        holdsOf(this.#queryClient, url).delete(onHold);
      };
    }
    if (refetch) void this.#poller.refetch({ cancelRefetch: false });
    this.#armDeadline();
    this.#onPoll(this.#poller.getCurrentResult(), this.#run);
  }

  #unwatch(): void {
    // Unmount, cancel and a new start abort the POST still in flight.
    this.#startAbort?.abort();
    this.#startAbort = undefined;
    this.#startState = undefined;
    timers.clearTimeout(this.#deadline);
    this.#deadline = undefined;
    // Only this watcher's subscription ends: the shared poll is aborted when no one else watches it.
    this.#stopPoller?.();
    this.#stopPoller = undefined;
    this.#poller = undefined;
    this.#pollState = undefined;
    this.#seenDataAt = 0;
    this.#hold = null;
    this.#tabs = undefined;
    this.#follower = false;
  }

  #tabsFor(url: string): TabLeadership | undefined {
    const share = this.#options.shareAcrossTabs ?? this.#client.sharesAcrossTabs ?? false;
    if (!share) return undefined;
    const key = senseiKeys.operation(this.#client, url);
    const tabs = leadAcrossTabs(JSON.stringify(key), {
      onLeader: (leads) => {
        this.#follower = !leads;
        this.#poller?.setOptions(this.#pollOptions(url));
      },
      onMessage: (data) => this.#queryClient.setQueryData(key, data as OperationResponse),
    }, this.#tabEnvironment);
    this.#tabs = tabs;
    return tabs;
  }

  #onPoll(state: QueryObserverResult<OperationResponse, SenseiError>, run: number): void {
    if (run !== this.#run || this.#phase !== 'watching') return;
    this.#pollState = state;
    const { data } = state;
    if (data && state.dataUpdatedAt !== this.#seenDataAt) {
      this.#seenDataAt = state.dataUpdatedAt;
      this.#operation = data.operation;
      if (!this.#follower && state.dataUpdatedAt > 0) this.#tabs?.send(data);
      const outcome = classifyOperationStatus(data.operation.status, this.#options.terminal);
      if (outcome === 'failure') return this.#settle('failed', operationError(data.operation, this.#target?.url));
      if (outcome === 'success') return this.#succeed(data.operation, run);
    }
    // After TanStack's retries: the status check failed, and polling ends with it.
    if (state.status === 'error' && state.fetchStatus === 'idle') return this.#settle('failed', state.error);
    this.#emit();
  }

  #succeed(operation: Operation, run: number): void {
    const { resultSchema } = this.#options;
    if (!resultSchema) return this.#settle('succeeded', null, operation.result as TResult);
    this.#unwatch();
    validateResponse(resultSchema, operation.result, { method: 'GET', url: this.#target?.url ?? '' }).then(
      (result) => run === this.#run && this.#settle('succeeded', null, result),
      (error: unknown) => run === this.#run && this.#settle('failed', error as SenseiError),
    );
  }

  #stop(phase: 'cancelled' | 'timed-out'): void {
    this.#run += 1;
    this.#unwatch();
    this.#phase = phase;
    this.#emit();
  }

  /** A terminal transition: polling ends, storage forgets, callbacks run once. */
  #settle(phase: 'succeeded' | 'failed', error: SenseiError | null, result?: TResult): void {
    this.#run += 1;
    this.#unwatch();
    this.#phase = phase;
    this.#error = error;
    this.#result = result;
    writePersisted(this.#options.persistKey, undefined);
    this.#emit();
    const { onSuccess, onError, onSettled, invalidates } = this.#options;
    const operation = this.#operation;
    if (error) onError?.(error, operation);
    else if (operation) {
      const keys = typeof invalidates === 'function' ? invalidates(result, operation) : invalidates;
      // Not cancelling a refetch in flight: several watchers ending together cause one refetch.
      for (const queryKey of keys ?? []) void this.#queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
      onSuccess?.(result, operation);
    }
    onSettled?.(result, error, operation);
  }

  #armDeadline(): void {
    timers.clearTimeout(this.#deadline);
    this.#deadline = undefined;
    const limit = durationOf(this.#options.maxDuration);
    const target = this.#target;
    if (limit === undefined || !target || this.#phase !== 'watching' || this.#listeners.size === 0) return;
    const at = (target.deadlineFrom ?? target.startedAt) + limit;
    const tick = () => {
      const left = at - timers.now();
      // Long limits are timed in steps: a timer past 2^31 − 1 ms would fire at once.
      if (left > 0) this.#deadline = timers.setTimeout(tick, Math.min(left, MAX_TIMER_MS));
      else this.#stop('timed-out');
    };
    this.#deadline = timers.setTimeout(tick, Math.min(Math.max(0, at - timers.now()), MAX_TIMER_MS));
  }

  #setHold(hold: GateHold | null, run: number): void {
    if (run !== this.#run) return;
    this.#hold = hold;
    this.#emit();
  }

  #compute(): AsyncOperationSnapshot<TResult> {
    const phase = this.#phase;
    const enabled = this.#options.enabled !== false;
    const status: AsyncOperationStatus =
      phase === 'watching' ? (enabled ? 'polling' : 'idle') : phase;
    const operation = this.#operation;
    let waiting: OperationWaiting = null;
    let nextAttemptAt: number | undefined;
    const start = phase === 'starting' ? this.#startState : undefined;
    const poll = status === 'polling' ? this.#pollState : undefined;
    if (this.#hold && (phase === 'starting' || status === 'polling')) {
      waiting = 'rate-limit';
      nextAttemptAt = this.#hold.until;
    } else if (start?.isPaused || poll?.fetchStatus === 'paused') {
      waiting = 'offline';
    } else if ((start?.isPending && start.failureCount > 0) || (poll?.fetchStatus === 'fetching' && poll.failureCount > 0)) {
      waiting = 'retry';
      nextAttemptAt = this.#retryPolicy.scheduledRetryAt?.(start ? start.failureReason : poll?.failureReason);
    }
    return {
      status,
      operation,
      operationStatus: operation?.status,
      progress: phase === 'succeeded' ? 100 : getOperationProgress(operation),
      result: phase === 'succeeded' ? this.#result : undefined,
      error: this.#error,
      statusUrl: this.#target?.url,
      startedAt: this.#target?.startedAt,
      isPolling: status === 'polling',
      waiting,
      nextAttemptAt,
    };
  }

  /** Publishes a new snapshot only when something a caller can see changed. */
  #emit(): void {
    const next = this.#compute();
    if (this.#snapshot && sameSnapshot(next, this.#snapshot)) return;
    this.#snapshot = next;
    this.#listeners.forEach((listener) => listener());
  }
}

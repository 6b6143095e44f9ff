import {
  notifyManager,
  type Mutation,
  type MutationCacheNotifyEvent,
  type Query,
  type QueryCacheNotifyEvent,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { ErrorCatalog } from '../core/errorCatalog.js';
import type { RetryPolicy } from '../core/retryPolicy.js';
import { timers } from '../core/timers.js';
import { type ErrorClaims, errorClaimsFor } from './ErrorClaims.js';
import { toErrorState } from '../core/toErrorState.js';
import { type RequestWaitReason, type RequestWaitStore, requestWaitStoreFor, type RunningAttempt, toRequestWait } from '../core/RequestWaitStore.js';

/**
 * Where a failed request stands: `retrying` while TanStack Query waits to try again (or the
 * retry is on its way), `recovered` once a retry succeeded, `failed` once retries ran out.
 */
export type RetryActivityStatus = 'retrying' | 'recovered' | 'failed';

/** One Sensei query or mutation that failed and is (or was) being retried. Immutable. */
export interface RetryActivityEntry {
  /** Stable per query (`query:<hash>`) or mutation (`mutation:<id>`), across its retries. */
  readonly id: string;
  readonly kind: 'query' | 'mutation';
  /** The query key, or the mutation key if it has one. */
  readonly key: QueryKey | undefined;
  readonly status: RetryActivityStatus;
  /** What failed, in a few words: `Service unavailable (503)` (from `toErrorState`, so the catalog applies). */
  readonly label: string;
  /** The latest failure: the error the next retry answers, or the final one. */
  readonly error: unknown;
  /** The HTTP status of the latest failure, if the server answered. */
  readonly httpStatus: number | undefined;
  /** The latest failure's `request_id`: quote it to support. */
  readonly requestId: string | undefined;
  /**
   * When the server said requests may go out again (epoch ms): the error's `retryAt`,
   * `Retry-After` or a rate limit's reset, as `toErrorState` reads it. A retry before it waits.
   */
  readonly resumeAt: number | undefined;
  /**
   * When the next attempt goes out (epoch ms), as the retry policy scheduled it — jitter and
   * `Retry-After` included. `undefined` when settled, or when the policy did not schedule it.
   */
  readonly retryAt: number | undefined;
  /**
   * Why it waits now, as the hooks' `waiting` says it: `retry` until the scheduled attempt,
   * `rate-limit` while that attempt is held at the gate, `offline` while paused; `null` while
   * the attempt is on its way, and once settled.
   */
  readonly waiting: RequestWaitReason | null;
  /** When the next attempt really goes out (epoch ms): `retryAt`, or the gate's time while held there. */
  readonly nextAttemptAt: number | undefined;
  /** Failed attempts in this episode (a "Retry now" does not start the count again). */
  readonly failureCount: number;
  /** Waiting for the network or a focused tab before the next attempt (TanStack's pause). */
  readonly paused: boolean;
  /** A "Retry now" request is on its way. */
  readonly retryingNow: boolean;
  /**
   * Whether `retryNow` can cut the wait short: queries only. A mutation's retry delay cannot be
   * skipped in TanStack Query, and sending it again beside the scheduled retry would write twice.
   */
  readonly canRetryNow: boolean;
  /** The user dismissed it; a retrying entry stays dismissed until its episode ends. */
  readonly dismissed: boolean;
  /** When this episode's first failure was seen (epoch ms). */
  readonly since: number;
  /**
   * Where the provider's rule shows it (see {@link ErrorSurfaceOptions}): `panel` while a
   * `<SenseiErrorPanel>` or `<SenseiErrorBoundary>` renders its error, `none` for background
   * work, an opt-out through `meta: { senseiToast: false }` or a 429 the rate-limit banner shows,
   * else `toast`. `<SenseiToaster>` shows only `toast` entries.
   */
  readonly surface: ErrorSurface;
}

/** Where a failure shows: one place each. */
export type ErrorSurface = 'panel' | 'toast' | 'none';

/**
 * The provider's rule for where a failure shows: in the panel or boundary that renders it,
 * else in a toast, one per query; background work never toasts.
 */
export interface ErrorSurfaceOptions {
  /**
   * Toast failures of queries nothing on screen observes (prefetches, refetches of data not on
   * screen). Such work fails quietly by default: nobody asked for it.
   * @default false
   */
  backgroundToasts?: boolean | undefined;
  /**
   * Where a 429 shows while it waits: `banner` leaves it to `<RateLimitBanner>` (which counts
   * down for every request), `toast` gives it a retry toast too — for apps without the banner.
   * @default 'banner'
   */
  rateLimited?: 'banner' | 'toast' | undefined;
}

export interface RetryActivityStoreOptions {
  queryClient: QueryClient;
  retryPolicy: RetryPolicy;
  /** For the labels. @default none: the default English texts */
  errorCatalog?: ErrorCatalog | undefined;
  /** Where the query functions report their attempts. @default the `QueryClient`'s */
  requestWaits?: RequestWaitStore | undefined;
  /** @default {} (see `ErrorSurfaceOptions`) */
  surfaces?: ErrorSurfaceOptions | undefined;
}

type AnyQuery = Query<unknown, unknown, unknown, QueryKey>;
type AnyMutation = Mutation<unknown, unknown, unknown, unknown>;

const EMPTY: readonly RetryActivityEntry[] = Object.freeze([]);
/** How long a final failure waits for a panel to claim it before it may become a toast (see `committed`). */
const FINAL_FAILURE_GRACE_MS = 100;
const noop = () => {};

/**
 * Sensei queries and mutations carry `meta: { sensei: true }` (the hooks set it): a query with
 * its own `queryKey` is still one, and a foreign query under a `['sensei', …]` key is not.
 */
const isSensei = (request: AnyQuery | AnyMutation): boolean => request.meta?.sensei === true;

// What makes an entry worth a new snapshot: the rest (id, kind, key, since…) never changes within an episode.
const COMPARED_FIELDS = ['status', 'error', 'retryAt', 'waiting', 'nextAttemptAt', 'failureCount', 'paused', 'retryingNow', 'dismissed', 'label', 'surface'] as const;

function sameEntry(a: RetryActivityEntry, b: RetryActivityEntry): boolean {
  return COMPARED_FIELDS.every((field) => a[field] === b[field]);
}

const idOf = (target: string | RetryActivityEntry): string => (typeof target === 'string' ? target : target.id);
const queryId = (query: AnyQuery): string => `query:${query.queryHash}`;
const mutationId = (mutation: AnyMutation): string => `mutation:${mutation.mutationId}`;

/**
 * Watches a `QueryClient`'s query and mutation caches and keeps the list of Sensei requests
 * that are waiting to retry, with the transitions retrying → recovered and retrying → failed.
 * A plain external store (`subscribe`/`getSnapshot`): it listens to the caches only while it
 * has subscribers, and notifies them only when an entry changes — not on every cache event.
 */
export class RetryActivityStore {
  readonly #queryClient: QueryClient;
  readonly #retryPolicy: RetryPolicy;
  readonly #errorCatalog: ErrorCatalog | undefined;
  readonly #waits: RequestWaitStore;
  readonly #surfaces: ErrorSurfaceOptions;
  readonly #claims: ErrorClaims;
  readonly #requests = new Map<string, AnyQuery | AnyMutation>();
  readonly #entries = new Map<string, RetryActivityEntry>();
  readonly #queries = new Map<string, AnyQuery>();
  readonly #listeners = new Set<() => void>();
  #snapshot: readonly RetryActivityEntry[] = EMPTY;
  #disconnect: (() => void) | undefined;
  #emitScheduled = false;
  /**
   * Final failures' grace (see `#inGrace`), by entry id: its timer while it runs, then `true`
   * while it waits for React to commit a render (see `committed`), `false` once it is over.
   */
  readonly #grace = new Map<string, ReturnType<typeof setTimeout> | boolean>();
  /** Whether React reports its commits here (`useRetryActivity` does); a store used without React does not wait for one. */
  #reportsCommits = false;

  constructor(options: RetryActivityStoreOptions) {
    this.#queryClient = options.queryClient;
    this.#retryPolicy = options.retryPolicy;
    this.#errorCatalog = options.errorCatalog;
    this.#waits = options.requestWaits ?? requestWaitStoreFor(options.queryClient);
    this.#surfaces = options.surfaces ?? {};
    this.#claims = errorClaimsFor(options.queryClient);
  }

  /** Subscribes; the first subscriber connects to the caches, the last one disconnects. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (!this.#disconnect) this.#connect();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stop();
    };
  };

  /** The entries, oldest first; the same array until one changes. */
  getSnapshot = (): readonly RetryActivityEntry[] => this.#snapshot;

  /** For `useSyncExternalStore` on the server: nothing is retrying there. */
  getServerSnapshot = (): readonly RetryActivityEntry[] => EMPTY;

  /**
   * Cuts a query's wait short and sends its next attempt now — exactly one request. For a
   * `failed` query, starts it over. Does nothing for mutations (see `canRetryNow`), while an
   * attempt is already on its way (a "Retry now", or the scheduled retry once due), and for
   * unknown ids. TanStack counts retries afresh after it, so the policy's budget starts over.
   */
  retryNow = (target: string | RetryActivityEntry): Promise<void> => {
    const id = idOf(target);
    const entry = this.#entries.get(id);
    const query = this.#queries.get(id);
    if (
      !entry ||
      !query ||
      !entry.canRetryNow ||
      entry.status === 'recovered' ||
      entry.retryingNow ||
      // The scheduled attempt is already on its way, or held at the gate where another would wait too.
      (entry.status === 'retrying' &&
        !entry.paused &&
        (entry.waiting !== 'retry' || (entry.retryAt !== undefined && entry.retryAt <= timers.now())))
    ) {
      return Promise.resolve();
    }
    if (entry.status === 'retrying') {
      // TanStack's `cancelRefetch` replaces a running fetch only when the query has data; a first
      // load would reuse the sleeping retry instead. A silent cancel ends the wait either way,
      // and its timer then finds the retryer settled and sends nothing.
      void query.cancel({ silent: true });
      this.#set({ ...entry, retryingNow: true });
    } else {
      this.#delete(id); // `failed`: a new episode starts if this attempt fails again
    }
    // Disabled or static queries are skipped by refetchQueries: fetch those directly.
    if (query.isDisabled() || query.isStatic()) return query.fetch(undefined, { cancelRefetch: true }).then(noop, noop);
    return this.#queryClient.refetchQueries({ predicate: (candidate) => candidate === query }, { cancelRefetch: true });
  };

  /**
   * Says that React committed a render of `rendered` (a snapshot). `useRetryActivity` calls it
   * in an effect, after every layout and passive effect of that commit: the panels and
   * boundaries rendered in it have claimed their failures by then. A final failure becomes a
   * toast only after its grace (100 ms) and a commit of the snapshot emitted when that grace
   * ended — so a "Gave up" toast never shows before the panel that renders the failure, also
   * when React holds renders back longer than the grace (React 18 inside `act`, a busy main
   * thread). A store that is never told of a commit shows final failures after the grace alone.
   */
  committed = (rendered: readonly RetryActivityEntry[]): void => {
    this.#reportsCommits = true;
    // An older snapshot's commit says nothing of the render the grace's end asked for.
    if (rendered !== this.#snapshot) return;
    for (const [id, grace] of this.#grace) {
      if (grace !== true) continue;
      this.#grace.set(id, false);
      this.#resurfaceOne(id);
    }
  };

  /**
   * Hides entries: a `retrying` one stays known (dismissed) until its episode ends — its final
   * failure shows again, its recovery does not — while `recovered` and `failed` ones are done.
   */
  dismiss = (target: string | RetryActivityEntry | readonly (string | RetryActivityEntry)[]): void => {
    const targets = Array.isArray(target) ? target : [target as string | RetryActivityEntry];
    for (const item of targets) {
      const id = idOf(item);
      const entry = this.#entries.get(id);
      if (entry?.status === 'retrying') this.#set({ ...entry, dismissed: true });
      else if (entry) this.#delete(id);
    }
  };

  #connect(): void {
    const queryCache = this.#queryClient.getQueryCache();
    const mutationCache = this.#queryClient.getMutationCache();
    const unsubscribeQueries = queryCache.subscribe(this.#onQueryEvent);
    const unsubscribeMutations = mutationCache.subscribe(this.#onMutationEvent);
    // An attempt that starts, reaches the gate or leaves it changes when the next one goes out.
    // A panel or boundary started or stopped showing a failure: where entries show changes.
    const unsubscribeClaims = this.#claims.subscribe(() => this.#resurface());
    const unsubscribeWaits = this.#waits.subscribe((hash) => {
      const query = this.#queries.get(`query:${hash}`);
      if (query) this.#syncQuery(query, undefined);
    });
    this.#disconnect = () => {
      unsubscribeQueries();
      unsubscribeMutations();
      unsubscribeWaits();
      unsubscribeClaims();
    };
    // Retries that began before anyone listened.
    for (const query of queryCache.getAll()) this.#syncQuery(query as AnyQuery, undefined);
    for (const mutation of mutationCache.getAll()) this.#syncMutation(mutation as AnyMutation);
  }

  #stop(): void {
    this.#disconnect?.();
    this.#disconnect = undefined;
    for (const id of [...this.#grace.keys()]) this.#endGrace(id);
    this.#entries.clear();
    this.#queries.clear();
    this.#requests.clear();
    this.#snapshot = EMPTY;
  }

  // Only Sensei requests have entries, so a removal needs no marker check; a sync checks it.
  #onQueryEvent = (event: QueryCacheNotifyEvent): void => {
    const query = event.query as AnyQuery;
    if (event.type === 'removed') this.#removed(queryId(query));
    else if (event.type === 'updated') this.#syncQuery(query, event.action.type);
    // Seen on screen, or no longer: whether it is background work changed.
    else if (event.type === 'observerAdded' || event.type === 'observerRemoved') this.#resurfaceOne(queryId(query));
  };

  #onMutationEvent = (event: MutationCacheNotifyEvent | undefined): void => {
    const mutation = event?.mutation as AnyMutation | undefined;
    if (!mutation) return;
    if (event?.type === 'removed') this.#removed(mutationId(mutation));
    else if (event?.type === 'updated') this.#syncMutation(mutation);
  };

  /** Gone from the cache mid-episode: nothing more will happen to it. A settled entry stays to be seen. */
  #removed(id: string): void {
    if (this.#entries.get(id)?.status === 'retrying') this.#delete(id);
  }

  #syncQuery(query: AnyQuery, action: string | undefined): void {
    if (!isSensei(query)) return;
    const id = queryId(query);
    const existing = this.#entries.get(id);
    const { fetchStatus, fetchFailureCount, fetchFailureReason, status, error } = query.state;
    if (fetchStatus !== 'idle' && fetchFailureCount > 0 && fetchFailureReason != null) {
      this.#queries.set(id, query);
      this.#requests.set(id, query);
      const base = { id, kind: 'query', key: query.queryKey, canRetryNow: true } as const;
      this.#retrying(base, fetchFailureReason, fetchFailureCount, fetchStatus === 'paused', this.#waits.get(query.queryHash));
      return;
    }
    if (existing?.status === 'retrying') {
      if (fetchStatus !== 'idle') return; // a retry is on its way
      if (status === 'success' && action === 'success') this.#settle(existing, 'recovered', existing.error);
      else if (status === 'error' && action === 'error') this.#settle(existing, 'failed', error);
      else this.#delete(id); // cancelled, reset or reverted: nothing to report
    } else if (existing?.status === 'failed' && action === 'success') {
      this.#delete(id); // fetched fine since: the failure is old news
    }
  }

  #syncMutation(mutation: AnyMutation): void {
    if (!isSensei(mutation)) return;
    const id = mutationId(mutation);
    const existing = this.#entries.get(id);
    const { status, failureCount, failureReason, isPaused, error } = mutation.state;
    if (status === 'pending' && failureCount > 0 && failureReason != null) {
      const key = mutation.options.mutationKey as QueryKey | undefined;
      this.#requests.set(id, mutation);
      // A mutation's attempts are not known here: its wait reads as the scheduled retry.
      this.#retrying({ id, kind: 'mutation', key, canRetryNow: false }, failureReason, failureCount, isPaused, undefined);
      return;
    }
    if (existing?.status !== 'retrying') return;
    if (status === 'success') this.#settle(existing, 'recovered', existing.error);
    else if (status === 'error') this.#settle(existing, 'failed', error);
    else if (status === 'idle') this.#delete(id);
  }

  #retrying(
    base: Pick<RetryActivityEntry, 'id' | 'kind' | 'key' | 'canRetryNow'>,
    error: unknown,
    tanstackFailureCount: number,
    paused: boolean,
    attempt: RunningAttempt | undefined,
  ): void {
    const existing = this.#entries.get(base.id);
    const ongoing = existing?.status === 'retrying' ? existing : undefined;
    const newFailure = ongoing?.error !== error;
    const { scheduledRetryAt } = this.#retryPolicy;
    this.#set({
      ...base,
      surface: 'toast',
      ...this.#describe(error),
      ...toRequestWait({ paused, active: true, failureReason: error, attempt, scheduledRetryAt }),
      status: 'retrying',
      error,
      retryAt: scheduledRetryAt(error),
      failureCount: ongoing ? ongoing.failureCount + (newFailure ? 1 : 0) : tanstackFailureCount,
      paused,
      retryingNow: ongoing && !newFailure ? ongoing.retryingNow : false,
      dismissed: ongoing?.dismissed ?? false,
      since: ongoing?.since ?? timers.now(),
    });
  }

  #settle(entry: RetryActivityEntry, status: 'recovered' | 'failed', error: unknown): void {
    if (status === 'recovered' && entry.dismissed) {
      this.#delete(entry.id); // the user did not want to hear about it
      return;
    }
    this.#set({
      ...entry,
      ...this.#describe(error),
      status,
      error,
      retryAt: undefined,
      waiting: null,
      nextAttemptAt: undefined,
      failureCount: entry.failureCount + (error !== entry.error ? 1 : 0),
      paused: false,
      retryingNow: false,
      dismissed: false,
    });
  }

  #describe(error: unknown): Pick<RetryActivityEntry, 'label' | 'httpStatus' | 'requestId' | 'resumeAt'> {
    const { title, status, requestId, retryAt } = toErrorState(error, { catalog: this.#errorCatalog });
    return {
      label: status !== undefined ? `${title} (${status})` : title,
      httpStatus: status,
      requestId,
      resumeAt: retryAt,
    };
  }

  /** Where the rule shows `entry` now. */
  #surfaceOf(entry: RetryActivityEntry): ErrorSurface {
    const request = this.#requests.get(entry.id);
    const state = request?.state as { error?: unknown } | undefined;
    if (this.#claims.has(entry.error) || (state?.error != null && this.#claims.has(state.error))) return 'panel';
    const meta = request && ('queryHash' in request ? request.meta : request.options.meta);
    if (meta?.senseiToast === false) return 'none';
    // Prefetches and refetches of data not on screen: nobody is looking at them.
    if (!this.#surfaces.backgroundToasts && request && 'queryHash' in request && request.getObserversCount() === 0) return 'none';
    if (entry.httpStatus === 429 && this.#surfaces.rateLimited !== 'toast') return 'none';
    if (entry.status === 'failed' && this.#inGrace(entry.id)) return 'none';
    return 'toast';
  }

  /**
   * A final failure waits FINAL_FAILURE_GRACE_MS, then for React's next commit, before it may
   * become a toast: the panel that renders it claims it in an effect, that render can come a
   * frame after the store hears of the failure (measured: 11 ms in Chromium), and React may hold
   * it back longer still. A "Gave up" toast must not flash up before the panel replaces it.
   */
  #inGrace(id: string): boolean {
    const grace = this.#grace.get(id);
    if (grace !== undefined) return grace !== false;
    this.#grace.set(
      id,
      setTimeout(() => {
        // Without React reporting commits the grace is over; with it, it waits for one.
        this.#grace.set(id, this.#reportsCommits);
        this.#emit(); // a new snapshot, so React commits a render that `committed` hears of
      }, FINAL_FAILURE_GRACE_MS),
    );
    return true;
  }

  /** A claim came or went: entries change where they show. Emitted at once, so no toast paints first. */
  #resurface(): void {
    let changed = false;
    for (const id of [...this.#entries.keys()]) changed = this.#resurfaceOne(id, false) || changed;
    if (changed) this.#emit();
  }

  #resurfaceOne(id: string, emit = true): boolean {
    const entry = this.#entries.get(id);
    const surface = entry && this.#surfaceOf(entry);
    if (!entry || entry.surface === surface) return false;
    // A final failure a panel showed was seen there: it does not turn into a toast when the panel goes.
    if (entry.status === 'failed' && entry.surface === 'panel') this.#delete(id, emit);
    else this.#set(entry, emit);
    return true;
  }

  #set(input: RetryActivityEntry, emit = true): void {
    // A failure that is retried again gets a new grace period when it fails again.
    if (input.status !== 'failed') this.#endGrace(input.id);
    const entry = { ...input, surface: 'toast' as ErrorSurface };
    entry.surface = this.#surfaceOf(entry);
    const existing = this.#entries.get(entry.id);
    if (existing && sameEntry(existing, entry)) return;
    this.#entries.set(entry.id, Object.freeze(entry));
    this.#changed(emit);
  }

  #endGrace(id: string): void {
    const grace = this.#grace.get(id);
    if (typeof grace !== 'boolean') clearTimeout(grace);
    this.#grace.delete(id);
  }

  #delete(id: string, emit = true): void {
    this.#endGrace(id);
    this.#queries.delete(id);
    this.#requests.delete(id);
    if (this.#entries.delete(id)) this.#changed(emit);
  }

  /** A new snapshot; listeners hear of it soon (`emit`), or the caller emits it itself. */
  #changed(emit: boolean): void {
    this.#snapshot = Object.freeze([...this.#entries.values()]);
    if (!emit || this.#emitScheduled) return;
    this.#emitScheduled = true;
    // Batched with TanStack's own notifications: several queries failing at once render once.
    // One turn after them, so a panel that renders the failure has claimed it by then and no
    // toast flashes up first.
    notifyManager.schedule(() =>
      notifyManager.schedule(() => {
        if (this.#emitScheduled) this.#emit();
      }),
    );
  }

  #emit(): void {
    this.#emitScheduled = false;
    for (const id of [...this.#entries.keys()]) this.#resurfaceOne(id, false);
    this.#changed(false);
    for (const listener of [...this.#listeners]) listener();
  }
}

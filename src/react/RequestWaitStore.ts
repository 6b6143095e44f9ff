import { notifyManager, type QueryClient } from '@tanstack/react-query';
import type { GateHold } from '../core/RateLimitStore.js';

/** Why a request is not on its way: the rate-limit gate, no network, or a retry's wait. */
export type RequestWaitReason = 'rate-limit' | 'offline' | 'retry';

/** What a hook says about its request's wait. */
export interface RequestWait {
  /**
   * Why the request waits: `rate-limit` while the gate holds it (a spent window, a 429, or the
   * in-flight budget), `offline` while TanStack Query paused it for the network, `retry` between
   * a failed attempt and the next; `null` when it is on its way, done, or idle.
   */
  waiting: RequestWaitReason | null;
  /** When it is expected to go out (epoch ms), if known. */
  nextAttemptAt: number | undefined;
}

/** One attempt that is running: at the gate (`hold`) or sent. Immutable. */
export interface RunningAttempt {
  readonly hold: GateHold | null;
}

/**
 * The attempts of Sensei requests that are running now, by query hash (or a mutation's id), and
 * whether each is held at the rate-limit gate. Fed by the query and mutation functions through
 * `onGateHold`; hooks only read it. An entry lives exactly as long as its attempt, so nothing
 * outlives an unmount or a garbage-collected query.
 */
export class RequestWaitStore {
  readonly #entries = new Map<string, { count: number; attempt: RunningAttempt }>();
  readonly #listeners = new Map<string, Set<() => void>>();
  readonly #anyListeners = new Set<(id: string) => void>();

  /** Runs one attempt, handing it the `onGateHold` to pass to the client. */
  async run<T>(id: string, attempt: (onGateHold: (hold: GateHold | null) => void) => Promise<T>): Promise<T> {
    const entry = this.#entries.get(id);
    if (entry) entry.count += 1;
    else this.#set(id, { count: 1, attempt: { hold: null } });
    try {
      return await attempt((hold) => {
        const current = this.#entries.get(id);
        if (current) this.#set(id, { count: current.count, attempt: { hold } });
      });
    } finally {
      const current = this.#entries.get(id);
      if (current && current.count > 1) current.count -= 1;
      // Unannounced: TanStack's own update (success, failure) follows and re-reads the store, so
      // listeners do not see a moment with the old failure and no attempt.
      else if (current) this.#entries.delete(id);
    }
  }

  /** The running attempt of `id`, or `undefined` when none runs. */
  get = (id: string): RunningAttempt | undefined => this.#entries.get(id)?.attempt;

  subscribe = (id: string, listener: () => void): (() => void) => {
    let set = this.#listeners.get(id);
    if (!set) this.#listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(id) === set) this.#listeners.delete(id);
    };
  };

  /** Hears every change, with its id (for `RetryActivityStore`). */
  subscribeAll = (listener: (id: string) => void): (() => void) => {
    this.#anyListeners.add(listener);
    return () => this.#anyListeners.delete(listener);
  };

  #set(id: string, entry: { count: number; attempt: RunningAttempt }): void {
    this.#entries.set(id, entry);
    // In TanStack's batch, with its own notifications.
    notifyManager.schedule(() => {
      for (const listener of [...(this.#listeners.get(id) ?? [])]) listener();
      for (const listener of [...this.#anyListeners]) listener(id);
    });
  }
}

const stores = new WeakMap<QueryClient, RequestWaitStore>();

/** The store of a `QueryClient`: every provider and hook on it shares one. */
export function requestWaitStoreFor(queryClient: QueryClient): RequestWaitStore {
  let store = stores.get(queryClient);
  if (!store) stores.set(queryClient, (store = new RequestWaitStore()));
  return store;
}

/** The facts about a request, as TanStack Query reports them. */
export interface RequestWaitInput {
  /** TanStack paused it (`fetchStatus: 'paused'`, a mutation's `isPaused`). */
  paused: boolean;
  /** A fetch or mutation is under way, in any attempt. */
  active: boolean;
  /** The latest failed attempt's error, while an attempt failed in this run. */
  failureReason: unknown;
  /** The attempt running now, from the store. */
  attempt: RunningAttempt | undefined;
  /** When the retry of a failure goes out: the retry policy's `scheduledRetryAt`. */
  scheduledRetryAt: (error: unknown) => number | undefined;
}

const NOT_WAITING: RequestWait = Object.freeze({ waiting: null, nextAttemptAt: undefined });

/** Why a request waits, from TanStack's state and the store: one rule for every hook. */
export function toRequestWait({ paused, active, failureReason, attempt, scheduledRetryAt }: RequestWaitInput): RequestWait {
  if (paused) return { waiting: 'offline', nextAttemptAt: undefined };
  if (attempt?.hold) return { waiting: 'rate-limit', nextAttemptAt: attempt.hold.until };
  // Under way, a failure behind it and no attempt running: TanStack sleeps until the retry.
  if (active && !attempt && failureReason != null) return { waiting: 'retry', nextAttemptAt: scheduledRetryAt(failureReason) };
  return NOT_WAITING;
}

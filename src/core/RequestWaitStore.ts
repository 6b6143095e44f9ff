import { notifyManager, type QueryClient } from '@tanstack/query-core';
import { onePer } from './onePer.js';
import type { GateHold } from './RateLimitStore.js';

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
  readonly #attempts = new Map<string, RunningAttempt>();
  readonly #listeners = new Set<(id: string) => void>();

  /** Runs one attempt, handing it the `onGateHold` to pass to the client. */
  async run<T>(id: string, attempt: (onGateHold: (hold: GateHold | null) => void) => Promise<T>): Promise<T> {
    let mine: RunningAttempt | undefined;
    const set = (hold: GateHold | null) => {
      this.#attempts.set(id, (mine = { hold }));
      // In TanStack's batch, with its own notifications.
      notifyManager.schedule(() => {
        for (const listener of [...this.#listeners]) listener(id);
      });
    };
    set(null);
    try {
      return await attempt(set);
    } finally {
      // Unannounced: TanStack's own update (success, failure) follows and re-reads the store, so
      // no render sees the old failure without an attempt. A newer attempt's entry stays.
      if (this.#attempts.get(id) === mine) this.#attempts.delete(id);
    }
  }

  /** The running attempt of `id`, or `undefined` when none runs. */
  get = (id: string): RunningAttempt | undefined => this.#attempts.get(id);

  /** Hears every change, with its id; a hook compares its own `get(id)`. */
  subscribe = (listener: (id: string) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}

/** The store of a `QueryClient`: every provider, hook and factory query on it shares one. */
export const requestWaitStoreFor: (queryClient: QueryClient) => RequestWaitStore = onePer(() => new RequestWaitStore());

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

/** Why a request waits, from TanStack's state and the store: one rule for every hook. */
export function toRequestWait({ paused, active, failureReason, attempt, scheduledRetryAt }: RequestWaitInput): RequestWait {
  if (paused) return { waiting: 'offline', nextAttemptAt: undefined };
  if (attempt?.hold) return { waiting: 'rate-limit', nextAttemptAt: attempt.hold.until };
  // Under way, a failure behind it and no attempt running: TanStack sleeps until the retry.
  if (active && !attempt && failureReason != null) return { waiting: 'retry', nextAttemptAt: scheduledRetryAt(failureReason) };
  return { waiting: null, nextAttemptAt: undefined };
}

import type { RateLimitInfo } from './parseRateLimit.js';
import { MAX_SERVER_DELAY_MS } from './parseRetryAfter.js';
import { timers } from './timers.js';

/** The rate-limit state of one client, as components read it. Snapshots are immutable. */
export interface RateLimitState {
  /** Requests allowed per window, if the server said. */
  readonly limit: number | undefined;
  /** Requests left in the window, if the server said. */
  readonly remaining: number | undefined;
  /** When the window resets (epoch ms). */
  readonly resetAt: number | undefined;
  /** When requests may go out again after a 429 (epoch ms). */
  readonly retryAt: number | undefined;
  /** True while the gate holds requests back. */
  readonly isLimited: boolean;
  /** A 429 came without a readable `Retry-After` or reset: CORS may hide the headers. */
  readonly headersHidden: boolean;
}

/** Why a request waits at the gate, and until when (epoch ms) if that is known. */
export interface GateHold {
  /** `rate-limit`: the window is spent or a 429 asked to wait; `budget`: too many requests are in flight. */
  readonly reason: 'rate-limit' | 'budget';
  readonly until: number | undefined;
}

export interface RateLimitStoreOptions {
  /**
   * Delay after a 429 whose headers could not be read; doubles on each such 429 in a row.
   * @default 1000
   */
  fallbackDelayMs?: number;
  /**
   * Cap for the fallback delay.
   * @default 60000
   */
  maxFallbackDelayMs?: number;
  /**
   * Gap between waiting requests when the gate opens, so they do not all hit the server at once.
   * @default 25
   */
  staggerMs?: number;
}

const INITIAL: RateLimitState = Object.freeze({
  limit: undefined,
  remaining: undefined,
  resetAt: undefined,
  retryAt: undefined,
  isLimited: false,
  headersHidden: false,
});

/**
 * One store per client, fed by every response. After a 429, or while `remaining` is 0 with a
 * reset in the future, the gate is closed: {@link waitUntilOpen} holds requests until the time
 * the server gave, then lets them out a few milliseconds apart.
 */
export class RateLimitStore {
  #state: RateLimitState = INITIAL;
  readonly #listeners = new Set<() => void>();
  readonly #updateListeners = new Set<(state: RateLimitState) => void>();
  /** One per waiting request: removes its abort listener and lets it go. */
  readonly #waiters: Array<() => void> = [];
  #openTimer: unknown;
  #releaseTimer: unknown;
  #hiddenStreak = 0;
  readonly #fallbackDelayMs: number;
  readonly #maxFallbackDelayMs: number;
  readonly #staggerMs: number;

  constructor(options: RateLimitStoreOptions = {}) {
    this.#fallbackDelayMs = options.fallbackDelayMs ?? 1000;
    this.#maxFallbackDelayMs = options.maxFallbackDelayMs ?? 60_000;
    this.#staggerMs = options.staggerMs ?? 25;
  }

  /** The current state; the same object until something changes (for `useSyncExternalStore`). */
  getSnapshot = (): RateLimitState => this.#state;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => listen(this.#listeners, listener);

  /** How many listeners are subscribed (for leak checks). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** How many requests are waiting at the gate. */
  get waitingCount(): number {
    return this.#waiters.length;
  }

  /** When the gate opens (epoch ms), or `undefined` when it is open. */
  openAt(now: number = timers.now()): number | undefined {
    const { retryAt, resetAt, remaining } = this.#state;
    let at: number | undefined;
    if (retryAt !== undefined && retryAt > now) at = retryAt;
    if (remaining === 0 && resetAt !== undefined && resetAt > now) at = Math.max(at ?? 0, resetAt);
    return at;
  }

  /** Feeds one response's headers (and its status) into the store. */
  update(input: RateLimitInfo | undefined, status: number): void {
    const now = timers.now();
    const info = input && capTimes(input, now);
    const prev = this.#state;
    let retryAt = prev.retryAt !== undefined && prev.retryAt > now ? prev.retryAt : undefined;
    let headersHidden = prev.headersHidden;

    if (status === 429) {
      const serverAt = info?.retryAt ?? (info?.resetAt !== undefined && info.resetAt > now ? info.resetAt : undefined);
      headersHidden = serverAt === undefined;
      // No readable time: back off ourselves, longer on each such 429 in a row.
      const at = serverAt ?? now + Math.min(this.#fallbackDelayMs * 2 ** this.#hiddenStreak, this.#maxFallbackDelayMs);
      this.#hiddenStreak = headersHidden ? this.#hiddenStreak + 1 : 0;
      retryAt = Math.max(retryAt ?? 0, at);
    } else if (status < 400) {
      this.#hiddenStreak = 0;
    }

    this.#setState({
      limit: info?.limit ?? prev.limit,
      remaining: info?.remaining ?? prev.remaining,
      resetAt: info?.resetAt ?? prev.resetAt,
      retryAt,
      headersHidden,
    });
    for (const listener of [...this.#updateListeners]) listener(this.#state);
  }

  /**
   * Takes in what another tab's store learned. Only closes the gate further or moves to a newer
   * window: a stale message never reopens it.
   */
  merge(input: Pick<RateLimitState, 'limit' | 'remaining' | 'resetAt' | 'retryAt'>): void {
    const now = timers.now();
    // Another tab (any version, any clock) must not close the gate for longer than a server could.
    const remote = capTimes(input, now);
    const prev = this.#state;
    const retryAt = Math.max(prev.retryAt ?? 0, remote.retryAt ?? 0);
    const newerWindow =
      remote.resetAt === undefined ? prev.resetAt === undefined : prev.resetAt === undefined || remote.resetAt >= prev.resetAt;
    // The count and reset of the newer window; ours where it says nothing.
    const counts = newerWindow ? remote : prev;
    this.#setState({
      limit: remote.limit ?? prev.limit,
      remaining: counts.remaining ?? prev.remaining,
      resetAt: counts.resetAt ?? prev.resetAt,
      retryAt: retryAt > now ? retryAt : prev.retryAt,
      headersHidden: prev.headersHidden,
    });
  }

  /** Calls `listener` after each response fed into this store (not after `merge`). */
  onResponseUpdate(listener: (state: RateLimitState) => void): () => void {
    return listen(this.#updateListeners, listener);
  }

  /**
   * Resolves when the gate is open; rejects with the signal's reason if aborted while waiting.
   * `onHold` hears why and until when the request waits, and `null` once it leaves the gate.
   */
  waitUntilOpen(signal?: AbortSignal, onHold?: (hold: GateHold | null) => void): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.openAt() === undefined && this.#waiters.length === 0) return Promise.resolve();
    onHold?.({ reason: 'rate-limit', until: this.openAt() });
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiters.indexOf(release);
        if (index >= 0) this.#waiters.splice(index, 1);
        onHold?.(null);
        reject(signal?.reason);
      };
      const release = () => {
        signal?.removeEventListener('abort', onAbort);
        onHold?.(null);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(release);
      this.#schedule();
    });
  }

  /** Forgets everything and lets waiting requests go. */
  reset(): void {
    this.#hiddenStreak = 0;
    this.#state = INITIAL;
    this.#emit();
    this.#schedule();
  }

  #setState(fields: Omit<RateLimitState, 'isLimited'>): void {
    const prev = this.#state;
    const next = { ...fields, isLimited: false };
    this.#state = next; // `openAt` reads the new times.
    next.isLimited = this.openAt() !== undefined;
    if ((Object.keys(next) as Array<keyof RateLimitState>).some((key) => next[key] !== prev[key])) {
      this.#state = Object.freeze(next);
      this.#emit();
    } else {
      this.#state = prev;
    }
    this.#schedule();
  }

  /** Arms one timer for the moment the gate opens, and releases waiters when it is open. */
  #schedule(): void {
    const now = timers.now();
    const at = this.openAt(now);
    if (this.#openTimer !== undefined) {
      timers.clearTimeout(this.#openTimer);
      this.#openTimer = undefined;
    }
    if (at !== undefined) {
      this.#openTimer = timers.setTimeout(() => {
        this.#openTimer = undefined;
        this.#refresh();
      }, at - now);
      return;
    }
    this.#releaseNext();
  }

  /** Re-evaluates `isLimited` once time has passed. */
  #refresh(): void {
    const now = timers.now();
    const state = this.#state;
    const isLimited = this.openAt(now) !== undefined;
    // Once its window has reset, the old `remaining` says nothing: forget it in the same update
    // that opens the gate, so no subscriber sees "0 left" after the wait is over.
    const windowOver = state.resetAt !== undefined && state.resetAt <= now;
    if (isLimited !== state.isLimited || windowOver) {
      this.#state = Object.freeze({
        ...state,
        isLimited,
        ...(windowOver ? { remaining: undefined, resetAt: undefined } : {}),
      });
      this.#emit();
    }
    this.#schedule();
  }

  #releaseNext(): void {
    if (this.#releaseTimer !== undefined) return;
    const release = this.#waiters.shift();
    if (!release) return;
    release();
    if (this.#waiters.length === 0) return;
    this.#releaseTimer = timers.setTimeout(() => {
      this.#releaseTimer = undefined;
      // Check again: a released request may have hit the limit meanwhile.
      if (this.openAt() === undefined) this.#releaseNext();
      else this.#schedule();
    }, this.#staggerMs);
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** Adds `listener` to `set`; returns the function that removes it. */
function listen<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** `input` with both of its times capped by {@link capAt}. */
function capTimes<T extends Pick<RateLimitInfo, 'resetAt' | 'retryAt'>>(input: T, now: number): T {
  return { ...input, resetAt: capAt(input.resetAt, now), retryAt: capAt(input.retryAt, now) };
}

/**
 * A time at most {@link MAX_SERVER_DELAY_MS} ahead; non-finite is no time. Beyond the cap the
 * gate would stay shut for years, and a timer over 2^31 - 1 ms fires at once, over and over.
 */
function capAt(at: number | undefined, now: number): number | undefined {
  return at !== undefined && Number.isFinite(at) ? Math.min(at, now + MAX_SERVER_DELAY_MS) : undefined;
}

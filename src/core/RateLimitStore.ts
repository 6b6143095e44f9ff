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

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  cleanup: () => void;
}

/**
 * One store per client, fed by every response. After a 429, or while `remaining` is 0 with a
 * reset in the future, the gate is closed: {@link waitUntilOpen} holds requests until the time
 * the server gave, then lets them out a few milliseconds apart.
 */
export class RateLimitStore {
  private state: RateLimitState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly updateListeners = new Set<(state: RateLimitState) => void>();
  private readonly waiters: Waiter[] = [];
  private openTimer: unknown;
  private releaseTimer: unknown;
  private hiddenStreak = 0;
  private readonly fallbackDelayMs: number;
  private readonly maxFallbackDelayMs: number;
  private readonly staggerMs: number;

  constructor(options: RateLimitStoreOptions = {}) {
    this.fallbackDelayMs = options.fallbackDelayMs ?? 1000;
    this.maxFallbackDelayMs = options.maxFallbackDelayMs ?? 60_000;
    this.staggerMs = options.staggerMs ?? 25;
  }

  /** The current state; the same object until something changes (for `useSyncExternalStore`). */
  getSnapshot = (): RateLimitState => this.state;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** How many listeners are subscribed (for leak checks). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** How many requests are waiting at the gate. */
  get waitingCount(): number {
    return this.waiters.length;
  }

  /** When the gate opens (epoch ms), or `undefined` when it is open. */
  openAt(now: number = timers.now()): number | undefined {
    const { retryAt, resetAt, remaining } = this.state;
    let at: number | undefined;
    if (retryAt !== undefined && retryAt > now) at = retryAt;
    if (remaining === 0 && resetAt !== undefined && resetAt > now) at = Math.max(at ?? 0, resetAt);
    return at;
  }

  /** Feeds one response's headers (and its status) into the store. */
  update(input: RateLimitInfo | undefined, status: number): void {
    const now = timers.now();
    const info = input && { ...input, resetAt: capAt(input.resetAt, now), retryAt: capAt(input.retryAt, now) };
    const prev = this.state;
    let retryAt = prev.retryAt !== undefined && prev.retryAt > now ? prev.retryAt : undefined;
    let headersHidden = prev.headersHidden;

    if (status === 429) {
      const serverAt = info?.retryAt ?? (info?.resetAt !== undefined && info.resetAt > now ? info.resetAt : undefined);
      if (serverAt !== undefined) {
        this.hiddenStreak = 0;
        headersHidden = false;
        retryAt = Math.max(retryAt ?? 0, serverAt);
      } else {
        // No readable time: back off ourselves, longer on each such 429 in a row.
        const delay = Math.min(this.fallbackDelayMs * 2 ** this.hiddenStreak, this.maxFallbackDelayMs);
        this.hiddenStreak += 1;
        headersHidden = true;
        retryAt = Math.max(retryAt ?? 0, now + delay);
      }
    } else if (status < 400) {
      this.hiddenStreak = 0;
    }

    this.setState({
      limit: info?.limit ?? prev.limit,
      remaining: info?.remaining ?? prev.remaining,
      resetAt: info?.resetAt ?? prev.resetAt,
      retryAt,
      headersHidden,
    });
    for (const listener of [...this.updateListeners]) listener(this.state);
  }

  /**
   * Takes in what another tab's store learned. Only closes the gate further or moves to a newer
   * window: a stale message never reopens it.
   */
  merge(input: Pick<RateLimitState, 'limit' | 'remaining' | 'resetAt' | 'retryAt'>): void {
    const now = timers.now();
    // Another tab (any version, any clock) must not close the gate for longer than a server could.
    const remote = { ...input, resetAt: capAt(input.resetAt, now), retryAt: capAt(input.retryAt, now) };
    const prev = this.state;
    const retryAt = Math.max(prev.retryAt ?? 0, remote.retryAt ?? 0);
    const newerWindow =
      remote.resetAt === undefined ? prev.resetAt === undefined : prev.resetAt === undefined || remote.resetAt >= prev.resetAt;
    this.setState({
      limit: remote.limit ?? prev.limit,
      remaining: newerWindow ? (remote.remaining ?? prev.remaining) : prev.remaining,
      resetAt: newerWindow ? (remote.resetAt ?? prev.resetAt) : prev.resetAt,
      retryAt: retryAt > now ? retryAt : prev.retryAt,
      headersHidden: prev.headersHidden,
    });
  }

  /** Calls `listener` after each response fed into this store (not after `merge`). */
  onResponseUpdate(listener: (state: RateLimitState) => void): () => void {
    this.updateListeners.add(listener);
    return () => {
      this.updateListeners.delete(listener);
    };
  }

  /** Resolves when the gate is open; rejects with the signal's reason if aborted while waiting. */
  waitUntilOpen(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.openAt() === undefined && this.waiters.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.schedule();
    });
  }

  /** Forgets everything and lets waiting requests go. */
  reset(): void {
    this.hiddenStreak = 0;
    this.state = INITIAL;
    this.emit();
    this.schedule();
  }

  private setState(next: Omit<RateLimitState, 'isLimited'>): void {
    const now = timers.now();
    const prev = this.state;
    const candidate: RateLimitState = { ...next, isLimited: false };
    this.state = candidate;
    const isLimited = this.openAt(now) !== undefined;
    if (
      prev.limit === next.limit &&
      prev.remaining === next.remaining &&
      prev.resetAt === next.resetAt &&
      prev.retryAt === next.retryAt &&
      prev.headersHidden === next.headersHidden &&
      prev.isLimited === isLimited
    ) {
      this.state = prev;
    } else {
      this.state = Object.freeze({ ...candidate, isLimited });
      this.emit();
    }
    this.schedule();
  }

  /** Arms one timer for the moment the gate opens, and releases waiters when it is open. */
  private schedule(): void {
    const now = timers.now();
    const at = this.openAt(now);
    if (this.openTimer !== undefined) {
      timers.clearTimeout(this.openTimer);
      this.openTimer = undefined;
    }
    if (at !== undefined) {
      this.openTimer = timers.setTimeout(() => {
        this.openTimer = undefined;
        this.refresh();
      }, at - now);
      return;
    }
    this.releaseNext();
  }

  /** Re-evaluates `isLimited` once time has passed. */
  private refresh(): void {
    const now = timers.now();
    const isLimited = this.openAt(now) !== undefined;
    // Once its window has reset, the old `remaining` says nothing: forget it in the same update
    // that opens the gate, so no subscriber sees "0 left" after the wait is over.
    const windowOver = this.state.resetAt !== undefined && this.state.resetAt <= now;
    if (isLimited !== this.state.isLimited || windowOver) {
      this.state = Object.freeze({
        ...this.state,
        isLimited,
        ...(windowOver ? { remaining: undefined, resetAt: undefined } : {}),
      });
      this.emit();
    }
    this.schedule();
  }

  private releaseNext(): void {
    if (this.releaseTimer !== undefined || this.waiters.length === 0) return;
    const waiter = this.waiters.shift();
    if (!waiter) return;
    waiter.cleanup();
    waiter.resolve();
    if (this.waiters.length === 0) return;
    this.releaseTimer = timers.setTimeout(() => {
      this.releaseTimer = undefined;
      // Check again: a released request may have hit the limit meanwhile.
      if (this.openAt() === undefined) this.releaseNext();
      else this.schedule();
    }, this.staggerMs);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * A time at most {@link MAX_SERVER_DELAY_MS} ahead; non-finite is no time. Beyond the cap the
 * gate would stay shut for years, and a timer over 2^31 - 1 ms fires at once, over and over.
 */
function capAt(at: number | undefined, now: number): number | undefined {
  return at !== undefined && Number.isFinite(at) ? Math.min(at, now + MAX_SERVER_DELAY_MS) : undefined;
}

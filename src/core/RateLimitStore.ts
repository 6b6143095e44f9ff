import type { RateLimitInfo } from './parseRateLimit.js';
import { clampDelay, MAX_SERVER_DELAY_MS } from './parseRetryAfter.js';
import { DEFAULT_MAX_SERVER_DELAY_MS } from './retryPolicy.js';
import { type SenseiErrorInit, SenseiHttpError } from './SenseiError.js';
import { describeStatus } from './statusCodes.js';
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
  /**
   * Requests sent at once while the limit is unknown (app start, a window that reset): the rest
   * wait for the first answer's headers, so a cold burst cannot overrun a small limit.
   * @default 1
   */
  slowStart?: number;
  /**
   * The longest wait the gate holds a request for. When the server asks for longer, requests
   * reaching the closed gate fail at once with a rate-limited `SenseiError` that says when
   * requests resume, instead of hanging. Keep it equal to the retry policy's `maxServerDelayMs`.
   * @default 300000
   */
  maxServerDelayMs?: number;
}

/** Lets one request's slot go; safe to call more than once. */
export type GateRelease = () => void;

interface Waiter {
  grant: () => void;
  fail: (error: unknown) => void;
  onHold: ((hold: GateHold | null) => void) | undefined;
  /** The hold last reported, so a change (budget → rate limit) is reported once. */
  held: string;
  init: Partial<SenseiErrorInit> | undefined;
}

/** Within this many ms, two resets name the same window (delta resets round to whole seconds). */
const WINDOW_SLACK_MS = 1000;

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
 * reset in the future, the gate is closed: {@link acquire} holds requests until the time the
 * server gave, then lets them out a few milliseconds apart. While it is open, it budgets: no
 * more requests in flight than `remaining`, and {@link RateLimitStoreOptions.slowStart} while the
 * limit is unknown.
 */
export class RateLimitStore {
  #state: RateLimitState = INITIAL;
  readonly #listeners = new Set<() => void>();
  readonly #updateListeners = new Set<(state: RateLimitState) => void>();
  readonly #waiters: Waiter[] = [];
  /** Slots of requests sent and not yet answered. */
  readonly #inFlight = new Set<object>();
  /** Whether answers carry counts: `undefined` before the first answer, then `false` lifts the budget. */
  #countsSeen: boolean | undefined;
  /** Requests wait for this first (another tab's answer on start). */
  #ready: Promise<unknown> | undefined;
  #openTimer: unknown;
  #releaseTimer: unknown;
  /** When the gate last opened: what arrives within a stagger of it (retries timed to the reset) is staggered. */
  #openedAt = -Infinity;
  #hiddenStreak = 0;
  readonly #fallbackDelayMs: number;
  readonly #maxFallbackDelayMs: number;
  readonly #staggerMs: number;
  readonly #slowStart: number;
  /** The longest wait held at the gate; see {@link RateLimitStoreOptions.maxServerDelayMs}. */
  declare readonly maxServerDelayMs: number;

  constructor(options: RateLimitStoreOptions = {}) {
    this.#fallbackDelayMs = options.fallbackDelayMs ?? 1000;
    this.#maxFallbackDelayMs = options.maxFallbackDelayMs ?? 60_000;
    this.#staggerMs = options.staggerMs ?? 25;
    const slowStart = Math.floor(options.slowStart ?? 1);
    this.#slowStart = slowStart >= 1 ? slowStart : 1; // NaN and 0 would hold every request forever
    this.maxServerDelayMs = clampDelay(options.maxServerDelayMs ?? DEFAULT_MAX_SERVER_DELAY_MS);
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

  /** How many requests hold a slot: sent, and their answer's headers not in yet. */
  get inFlightCount(): number {
    return this.#inFlight.size;
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
    this.#countsSeen = this.#countsSeen || info?.limit !== undefined || info?.remaining !== undefined;

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

    // An answer from an older window says nothing about this one; within one window answers may
    // arrive out of order, and the count only ever goes down.
    // Stryker disable next-line UnaryOperator: without headers every use of `order` below picks prev's fields either way
    const order = info ? compareWindows(info.resetAt, prev.resetAt, now) : -1;
    // Yet a window that still runs and is spent (another route's limit, a changed policy) holds
    // requests until its reset: the gate errs on the side of no 429.
    if (order < 0 && info?.remaining === 0 && info.resetAt !== undefined && info.resetAt > now) {
      retryAt = Math.max(retryAt ?? 0, info.resetAt);
    }
    // Stryker disable next-line OptionalChaining: `order` is 0 only when `info` is there
    const sameWindow = order === 0 && info?.remaining !== undefined && prev.remaining !== undefined;
    this.#setState({
      // Stryker disable next-line OptionalChaining: `order` is -1 when `info` is missing
      limit: (order >= 0 ? info?.limit : undefined) ?? prev.limit,
      // Stryker disable next-line OptionalChaining: `order` is -1 when `info` is missing
      remaining: sameWindow ? Math.min(prev.remaining as number, info.remaining as number) : ((order >= 0 ? info?.remaining : undefined) ?? prev.remaining),
      // Stryker disable next-line OptionalChaining: `order` is -1 when `info` is missing
      resetAt: order > 0 ? (info?.resetAt ?? prev.resetAt) : (prev.resetAt ?? (order === 0 ? info?.resetAt : undefined)),
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
    const remaining = counts.remaining ?? prev.remaining;
    if (remote.limit !== undefined || remote.remaining !== undefined) this.#countsSeen = true;
    this.#setState({
      limit: remote.limit ?? prev.limit,
      // Within one window the count only goes down, as in `update`: a tab's stale report must not
      // reopen a spent window. An unknown count (undefined) compares false.
      remaining: compareWindows(remote.resetAt, prev.resetAt, now) === 0 && (remaining as number) > (prev.remaining as number) ? prev.remaining : remaining,
      resetAt: counts.resetAt ?? prev.resetAt,
      retryAt: retryAt > now ? retryAt : prev.retryAt,
      headersHidden: prev.headersHidden,
    });
  }

  /** Calls `listener` after each response fed into this store (not after `merge`). */
  onResponseUpdate(listener: (state: RateLimitState) => void): () => void {
    return listen(this.#updateListeners, listener);
  }

  /** Holds requests until `ready` resolves (another tab's state on start); keep it short, never rejected. */
  holdUntil(ready: Promise<unknown>): void {
    this.#ready = ready.then(() => {
      this.#ready = undefined;
    });
  }

  /**
   * Waits for the gate to open and a slot of the budget, and takes the slot: call the returned
   * function once the answer's headers are fed in (or the request failed without an answer).
   * Rejects with the signal's reason if aborted while waiting, and with a rate-limited
   * `SenseiError` (429, `retryAt`, `retryAfterMs`, plus `init`) when the gate is closed for longer
   * than {@link maxServerDelayMs}. `onHold` hears why and until when the request waits, and
   * `null` once it leaves the gate.
   */
  acquire(signal?: AbortSignal, onHold?: (hold: GateHold | null) => void, init?: Partial<SenseiErrorInit>): Promise<GateRelease> {
    return this.#wait(signal, onHold, init, () => this.#take());
  }

  /** Resolves when the gate is open and the budget has room; see {@link acquire}. Takes no slot. */
  waitUntilOpen(signal?: AbortSignal, onHold?: (hold: GateHold | null) => void): Promise<void> {
    return this.#wait(signal, onHold, undefined, () => {});
  }

  #wait<T>(
    signal: AbortSignal | undefined,
    onHold: ((hold: GateHold | null) => void) | undefined,
    init: Partial<SenseiErrorInit> | undefined,
    take: () => T,
  ): Promise<T> {
    if (this.#ready) return this.#ready.then(() => this.#wait(signal, onHold, init, take));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const tooLong = this.#tooLong(init);
    if (tooLong) return Promise.reject(tooLong);
    // Without a count, a request arriving while the stagger runs queues up behind it.
    const free = this.#state.remaining !== undefined || (this.#releaseTimer === undefined && !this.#justOpened());
    if (this.#waiters.length === 0 && free && this.#allowance() > 0) return Promise.resolve(take());
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          const taken = take();
          onHold?.(null);
          resolve(taken);
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          onHold?.(null);
          reject(error);
        },
        onHold,
        // Stryker disable next-line StringLiteral: no initial value equals a hold's key ('budget…' or 'rate-limit…')
        held: '',
        init,
      };
      const onAbort = () => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        // Stryker disable next-line OptionalChaining: onAbort is only ever registered on a signal
        waiter.fail(signal?.reason);
      };
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal fires 'abort' once, and grant/fail remove the listener anyway
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
      this.#report(waiter);
      this.#schedule();
    });
  }

  /** Forgets everything and lets waiting requests go. */
  reset(): void {
    this.#hiddenStreak = 0;
    this.#countsSeen = undefined;
    this.#inFlight.clear();
    this.#state = INITIAL;
    this.#emit();
    this.#schedule();
  }

  /** How many more requests may leave now. */
  #allowance(): number {
    if (this.openAt() !== undefined) return 0;
    const { remaining } = this.#state;
    // No count (start, a window that reset) or 0 with no reset ahead: probe with a few first.
    const budget = remaining === undefined && this.#countsSeen === false ? Infinity : remaining || this.#slowStart;
    return budget - this.#inFlight.size;
  }

  #take(): GateRelease {
    const slot = {};
    this.#inFlight.add(slot);
    return () => {
      if (this.#inFlight.delete(slot)) this.#schedule();
    };
  }

  /** The error for a request that would wait past the cap, or `undefined`. */
  #tooLong(init: Partial<SenseiErrorInit> | undefined): SenseiHttpError | undefined {
    const now = timers.now();
    const at = this.openAt(now);
    if (at === undefined || at - now <= this.maxServerDelayMs) return undefined;
    return new SenseiHttpError({ ...init, kind: 'http', status: 429, message: describeStatus(429), retryAt: at, retryAfterMs: at - now });
  }

  /** Tells a waiter why it waits, when that changed. */
  #report(waiter: Waiter): void {
    const at = this.openAt();
    const hold: GateHold = { reason: at === undefined ? 'budget' : 'rate-limit', until: at };
    const key = `${hold.reason}${hold.until}`;
    if (waiter.held === key) return;
    waiter.held = key;
    waiter.onHold?.(hold);
  }

  #setState(fields: Omit<RateLimitState, 'isLimited'>): void {
    const prev = this.#state;
    // Stryker disable next-line BooleanLiteral: overwritten two lines down, before anything reads it
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
      // Closed: no release is due until it opens.
      if (this.#releaseTimer !== undefined) timers.clearTimeout(this.#releaseTimer);
      this.#releaseTimer = undefined;
      // Nothing hangs for longer than the cap: those waiting fail now, saying when to come back.
      for (const waiter of [...this.#waiters]) {
        const error = this.#tooLong(waiter.init);
        if (error) {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          waiter.fail(error);
        } else this.#report(waiter);
      }
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
    if (state.isLimited && this.openAt(now) === undefined) this.#openedAt = now;
    // Once its window has reset, the old `remaining` says nothing: forget it in the same update
    // that opens the gate, so no subscriber sees "0 left" after the wait is over.
    this.#setState(state.resetAt !== undefined && state.resetAt <= now ? { ...state, remaining: undefined, resetAt: undefined } : state);
  }

  #releaseNext(): void {
    // A known count bounds the burst by itself; without one, only the stagger spreads it.
    const counted = this.#state.remaining !== undefined;
    if (this.#releaseTimer !== undefined && !counted) return;
    let released = false;
    while (this.#waiters.length > 0 && this.#allowance() > 0) {
      // Stryker disable next-line OptionalChaining: the loop runs only while a waiter is queued
      this.#waiters.shift()?.grant();
      released = true;
      if (!counted) break;
    }
    for (const waiter of this.#waiters) this.#report(waiter);
    // Keep the stagger running while requests wait, and for one gap after the gate opens, so
    // TanStack retries timed to the reset queue up instead of leaving in one millisecond.
    if (counted || !released || (this.#waiters.length === 0 && !this.#justOpened())) return;
    this.#releaseTimer = timers.setTimeout(() => {
      this.#releaseTimer = undefined;
      // Check again: a released request may have hit the limit meanwhile.
      this.#schedule();
    }, this.#staggerMs);
  }

  #justOpened(): boolean {
    return timers.now() - this.#openedAt < this.#staggerMs;
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/**
 * Where a response's window stands to the one the store knows: 1 newer (or nothing known), 0 the
 * same (or no reset to tell), -1 older or already over.
 */
function compareWindows(incoming: number | undefined, current: number | undefined, now: number): number {
  if (incoming !== undefined && incoming <= now && current !== undefined) return -1;
  if (current === undefined || current <= now) return 1;
  if (incoming === undefined || Math.abs(incoming - current) < WINDOW_SLACK_MS) return 0;
  return incoming > current ? 1 : -1;
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
  return Number.isFinite(at) ? Math.min(at as number, now + MAX_SERVER_DELAY_MS) : undefined;
}

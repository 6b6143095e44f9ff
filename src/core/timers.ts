/** The clock and timers that the core uses; swap them in tests or exotic runtimes. */
export interface TimerProvider {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Globals are looked up at call time so that fake timers installed after import still apply.
const defaultProvider: TimerProvider = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let provider: TimerProvider = defaultProvider;

/** Platforms fire a timer longer than this (2^31−1 ms, about 24.8 days) at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A wait longer than the platform allows, re-armed in steps; `current` is the step's handle. */
class LongTimer {
  declare current: unknown;
  constructor(callback: () => void, ms: number) {
    this.arm(callback, ms);
  }
  private arm(callback: () => void, remaining: number): void {
    const step = Math.min(remaining, MAX_TIMEOUT_MS);
    // Counting down rather than reading the clock: a clock change cannot fire it early.
    this.current = provider.setTimeout(remaining > step ? () => this.arm(callback, remaining - step) : callback, step);
  }
}

/**
 * Every timer and clock read in the library goes through this object. Its `setTimeout` is safe
 * for any delay: one past {@link MAX_TIMEOUT_MS} (or `Infinity`) is re-armed in steps instead of
 * firing at once, and its handle still works with `clearTimeout`.
 */
export const timers: TimerProvider = {
  now: () => provider.now(),
  setTimeout: (callback, ms) => (ms > MAX_TIMEOUT_MS ? new LongTimer(callback, ms) : provider.setTimeout(callback, ms)),
  clearTimeout: (handle) => provider.clearTimeout(handle instanceof LongTimer ? handle.current : handle),
};

/** Replace the timer provider; call with no argument to restore the default. */
export function setTimerProvider(next?: TimerProvider): void {
  provider = next ?? defaultProvider;
}

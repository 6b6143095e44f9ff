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

/** Every timer and clock read in the library goes through this object. */
export const timers: TimerProvider = {
  now: () => provider.now(),
  setTimeout: (callback, ms) => provider.setTimeout(callback, ms),
  clearTimeout: (handle) => provider.clearTimeout(handle),
};

/** Replace the timer provider; call with no argument to restore the default. */
export function setTimerProvider(next?: TimerProvider): void {
  provider = next ?? defaultProvider;
}

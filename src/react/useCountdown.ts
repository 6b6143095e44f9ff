'use client';
import { useEffect, useState } from 'react';
import { timers } from '../core/timers.js';

export interface UseCountdownOptions {
  /**
   * How often the remaining time updates, in ms. Updates land on whole steps of the remaining
   * time, so a `0:42` display changes exactly when a second passes. `Infinity` re-renders only
   * when the countdown ends.
   * @default 1000
   */
  stepMs?: number;
}

// Browsers fire longer timeouts at once; a far target is reached in several hops.
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Milliseconds left until `target` (epoch ms), ticking through `timers`; `0` once it has passed
 * or when there is no target. Only the component that calls it re-renders, the timer stops at
 * 0 and on unmount.
 */
export function useCountdown(target: number | undefined, options: UseCountdownOptions = {}): number {
  const stepMs = options.stepMs ?? 1000;
  const active = target !== undefined && Number.isFinite(target);
  const clockNow = () => ({ target, now: timers.now() });
  // `now` is state so that render stays pure; it is refreshed when the target changes.
  const [clock, setClock] = useState(clockNow);
  // Object.is: a NaN target (an invalid date) never equals itself and would re-render forever.
  // React discards this render and re-runs it with the new clock, so `clock.now` is never stale.
  if (!Object.is(clock.target, target)) setClock(clockNow());
  const now = clock.now;

  useEffect(() => {
    if (!active) return;
    let handle: unknown;
    const schedule = () => {
      const left = target - timers.now();
      if (left <= 0) return;
      const step = left % stepMs || stepMs;
      handle = timers.setTimeout(tick, Math.min(Math.max(step, 1), MAX_TIMEOUT_MS));
    };
    const tick = () => {
      setClock({ target, now: timers.now() });
      schedule();
    };
    schedule();
    return () => timers.clearTimeout(handle);
  }, [target, stepMs, active]);

  return active ? Math.max(0, target - now) : 0;
}

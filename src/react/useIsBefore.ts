'use client';
import { useCountdown } from './useCountdown.js';

/** `useCountdown` that re-renders once, when `at` passes: `true` until then. */
export function useIsBefore(at: number | undefined): boolean {
  return useCountdown(at, { stepMs: Infinity }) > 0;
}

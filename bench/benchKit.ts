import { act } from '@testing-library/react';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';

/** Where bench/run.mjs collects the numbers; without it (vitest run by hand) they are printed. */
const outDir = process.env.SENSEI_BENCH_OUT;

/** Hands one benchmark's numbers to bench/run.mjs, which turns them into the table. */
export function report(id: string, numbers: Record<string, unknown>): void {
  if (!outDir) {
    console.log(id, JSON.stringify(numbers, null, 2));
    return;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${id}.json`), JSON.stringify(numbers, null, 2));
}

/** The wall clock, captured before fake timers can replace `performance.now`. */
export const wallClock: () => number = performance.now.bind(performance);

/** Whole seconds since the epoch: `X-RateLimit-Reset` (whole seconds) then lands exactly. */
export const BENCH_EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);

/** Fake timers and clock, starting at BENCH_EPOCH. */
export function useBenchClock(): void {
  vi.useFakeTimers();
  vi.setSystemTime(BENCH_EPOCH);
}

/**
 * Advances fake time by `ms`, one timer at a time, each inside its own `act`: React commits
 * (and runs effects) at the fake instant of the timer that caused the update, as a browser
 * would, instead of at the end of one long `act`. Stops early once `until()` holds.
 */
export async function advance(ms: number, until?: () => boolean): Promise<void> {
  const target = Date.now() + ms;
  // Lands the loop exactly on `target` even when no other timer is due then.
  const sentinel = setTimeout(() => {}, ms);
  while (Date.now() < target && !until?.()) {
    await act(() => vi.advanceTimersToNextTimerAsync());
  }
  clearTimeout(sentinel);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

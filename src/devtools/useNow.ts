'use client';
import { useEffect, useState } from 'react';
import { timers } from '../core/timers.js';

/** The time (epoch ms), renewed every `intervalMs` while `active`: countdowns tick. */
export function useNow(intervalMs: number, active: boolean): number {
  const [now, setNow] = useState(() => timers.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(timers.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs, active]);
  return now;
}

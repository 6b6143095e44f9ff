import { notifyManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

// As in test/setup.ts: TanStack batches notifications with setTimeout(0), which fake timers
// push 1 ms into the future; microtasks keep renders at the instant the data arrived. Applies
// to our hooks and to the plain TanStack setups alike.
notifyManager.setScheduler(queueMicrotask);

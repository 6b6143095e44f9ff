import '@testing-library/jest-dom/vitest';
import { notifyManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

// A console error or warning that a test did not expect is a bug: fail the test.
// Tests that expect one spy on console themselves (`vi.spyOn(console, 'warn')`).
let unexpected: string[] = [];

beforeEach(() => {
  unexpected = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      unexpected.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  const found = unexpected;
  unexpected = [];
  if (found.length > 0) {
    throw new Error(`Unexpected console output:\n${found.join('\n')}`);
  }
});

// Radix Toast uses pointer capture for swipe; jsdom does not implement it.
if (typeof Element !== 'undefined') {
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.setPointerCapture ??= () => {};
  Element.prototype.releasePointerCapture ??= () => {};
}

// TanStack batches notifications with setTimeout(0), which fake timers push 1 ms into the
// future while ticking; microtasks keep renders at the instant the data arrived.
notifyManager.setScheduler(queueMicrotask);

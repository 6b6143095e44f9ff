import '@testing-library/jest-dom/vitest';
import { notifyManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import './consoleGuard.ts';

// Radix Toast uses pointer capture for swipe; jsdom does not implement it.
if (typeof Element !== 'undefined') {
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.setPointerCapture ??= () => {};
  Element.prototype.releasePointerCapture ??= () => {};
}

// TanStack batches notifications with setTimeout(0), which fake timers push 1 ms into the
// future while ticking; microtasks keep renders at the instant the data arrived.
notifyManager.setScheduler(queueMicrotask);

// Runs before the console guard's check (after-hooks run last-registered first), so what
// unmounting logs still counts.
afterEach(() => {
  cleanup();
});

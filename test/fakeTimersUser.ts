import { userEvent } from '@testing-library/user-event';
import { vi } from 'vitest';

/**
 * `userEvent` under Vitest's fake timers. Testing Library waits on a `setTimeout(0)` that it
 * only advances when it finds a `jest` global, so give it one backed by Vitest's clock.
 */
export function fakeTimersUser() {
  vi.useFakeTimers();
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
  return userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMEOUT_MS, setTimerProvider, timers, type TimerProvider } from '../../src/core/timers.js';

afterEach(() => {
  setTimerProvider();
});

function recordingProvider() {
  const handles: string[] = [];
  const provider: TimerProvider = {
    now: () => 0,
    setTimeout: vi.fn(() => {
      handles.push(`h${handles.length + 1}`);
      return handles[handles.length - 1];
    }),
    clearTimeout: vi.fn(),
  };
  return provider;
}

describe('timers.setTimeout within the platform limit', () => {
  it('hands back the platform handle itself, so its own methods (unref) stay usable', () => {
    const provider = recordingProvider();
    setTimerProvider(provider);
    const callback = () => {};
    expect(timers.setTimeout(callback, 10)).toBe('h1');
    expect(timers.setTimeout(callback, MAX_TIMEOUT_MS)).toBe('h2');
    expect(provider.setTimeout).toHaveBeenLastCalledWith(callback, MAX_TIMEOUT_MS);
  });

  it('wraps only a wait past the limit, whose handle still clears the current step', () => {
    const provider = recordingProvider();
    setTimerProvider(provider);
    const handle = timers.setTimeout(() => {}, MAX_TIMEOUT_MS + 1);
    expect(handle).not.toBe('h1');
    timers.clearTimeout(handle);
    expect(provider.clearTimeout).toHaveBeenCalledWith('h1');
  });
});

import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useIsBefore } from '../../src/react/useIsBefore.js';

describe('useIsBefore', () => {
  it('is false without a time, for a past time and at the very moment', () => {
    vi.useFakeTimers({ now: 5_000 });
    expect(renderHook(() => useIsBefore(undefined)).result.current).toBe(false);
    expect(renderHook(() => useIsBefore(1_000)).result.current).toBe(false);
    expect(renderHook(() => useIsBefore(5_000)).result.current).toBe(false);
  });

  it('is true until the time passes, then false, re-rendering only once on the way', async () => {
    vi.useFakeTimers({ now: 0 });
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useIsBefore(5_000);
    });
    expect(result.current).toBe(true);
    const before = renders;
    for (let second = 0; second < 4; second += 1) await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(result.current).toBe(true);
    expect(renders).toBe(before);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(result.current).toBe(false);
    expect(renders).toBe(before + 1);
  });
});

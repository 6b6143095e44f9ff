import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useCountdown } from '../../src/react/useCountdown.js';

function renderCountdown(target: number | undefined) {
  return renderHook(({ target: at }: { target: number | undefined }) => useCountdown(at), { initialProps: { target } });
}

describe('useCountdown: targets that never arrive', () => {
  it('is 0 for an infinite target and schedules nothing', () => {
    vi.useFakeTimers({ now: 0 });
    expect(renderCountdown(Infinity).result.current).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('useCountdown: the value moves in whole steps, even when the caller re-renders', () => {
  it('shows the last step, not the exact time, on a re-render between ticks', async () => {
    vi.useFakeTimers({ now: 0 });
    const view = renderCountdown(5_000);
    await act(() => vi.advanceTimersByTimeAsync(500));
    view.rerender({ target: 5_000 });
    expect(view.result.current).toBe(5_000);
  });

  it('steps from the moment a new target is set, on re-renders before its first tick', async () => {
    vi.useFakeTimers({ now: 0 });
    const view = renderCountdown(5_000);
    await act(() => vi.advanceTimersByTimeAsync(200));
    view.rerender({ target: 10_200 });
    expect(view.result.current).toBe(10_000);
    await act(() => vi.advanceTimersByTimeAsync(500));
    view.rerender({ target: 10_200 });
    expect(view.result.current).toBe(10_000);
  });
});

describe('useCountdown: a target that arrives later starts ticking', () => {
  it('counts down after the target goes from none to a time', async () => {
    vi.useFakeTimers({ now: 0 });
    const view = renderCountdown(undefined);
    view.rerender({ target: 3_000 });
    expect(view.result.current).toBe(3_000);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(view.result.current).toBe(2_000);
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(view.result.current).toBe(0);
  });
});

describe('useCountdown: an invalid date as target', () => {
  it('is 0 for a NaN target (e.g. Date.parse of a bad string) instead of re-rendering forever', () => {
    vi.useFakeTimers({ now: 0 });
    expect(renderCountdown(Date.parse('not a date')).result.current).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

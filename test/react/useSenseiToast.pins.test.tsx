import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ToastQueue } from '../../src/core/ToastQueue.js';
import { getSenseiToastQueue, useSenseiToast, type SenseiToastContent } from '../../src/react/useSenseiToast.js';
import { createHarness } from './senseiTestHarness.js';

describe('useSenseiToast: pushes to the provider client\'s queue', () => {
  it('adds a toast with its content, id and duration, info by default', () => {
    const { client, wrapper } = createHarness();
    const { result } = renderHook(() => useSenseiToast(), { wrapper });
    let id = '';
    act(() => {
      id = result.current.toast({ id: 'saved', title: 'Saved', description: 'All good', duration: 3000 });
    });
    expect(id).toBe('saved');
    expect(getSenseiToastQueue(client).toasts).toEqual([
      { key: 'saved', duration: 3000, content: { title: 'Saved', description: 'All good', variant: 'info', action: undefined } },
    ]);
  });

  it('keeps the given variant and action', () => {
    const { client, wrapper } = createHarness();
    const { result } = renderHook(() => useSenseiToast(), { wrapper });
    const action = { label: 'Undo', onClick: vi.fn() };
    act(() => void result.current.toast({ title: 'Failed', variant: 'error', action }));
    expect(getSenseiToastQueue(client).toasts[0]?.content).toEqual({ title: 'Failed', description: undefined, variant: 'error', action });
  });

  it('dismisses one toast by id, or all without one', () => {
    const { client, wrapper } = createHarness();
    const { result } = renderHook(() => useSenseiToast(), { wrapper });
    const queue = getSenseiToastQueue(client);
    act(() => {
      result.current.toast({ id: 'a', title: 'A' });
      result.current.toast({ id: 'b', title: 'B' });
      result.current.toast({ id: 'c', title: 'C' });
    });
    act(() => result.current.dismiss('b'));
    expect(queue.toasts.map((t) => t.key)).toEqual(['a', 'c']);
    act(() => result.current.dismiss());
    expect(queue.toasts).toEqual([]);
  });
});

describe('useSenseiToast: an explicit queue', () => {
  it('works without a provider when given a queue', () => {
    const queue = new ToastQueue<SenseiToastContent>();
    const { result } = renderHook(() => useSenseiToast({ queue }));
    act(() => void result.current.toast({ id: 'x', title: 'X' }));
    expect(queue.toasts.map((t) => t.key)).toEqual(['x']);
  });

  it('follows a queue that changes between renders', () => {
    const first = new ToastQueue<SenseiToastContent>();
    const second = new ToastQueue<SenseiToastContent>();
    const { result, rerender } = renderHook(({ queue }) => useSenseiToast({ queue }), { initialProps: { queue: first } });
    rerender({ queue: second });
    act(() => void result.current.toast({ id: 'x', title: 'X' }));
    expect(second.toasts.map((t) => t.key)).toEqual(['x']);
    expect(first.toasts).toEqual([]);
  });

  it('throws a message naming the hook outside a provider without a queue', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSenseiToast())).toThrow(/`useSenseiToast` must be used within `<SenseiProvider>`, or be given a `queue`/);
  });
});

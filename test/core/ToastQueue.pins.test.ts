import { describe, expect, it, vi } from 'vitest';
import { ToastQueue } from '../../src/core/ToastQueue.js';

describe('ToastQueue.toasts', () => {
  it('lists every queued toast, the waiting ones too', () => {
    const queue = new ToastQueue<string>({ maxVisibleToasts: 1 });
    const a = queue.add('first');
    const b = queue.add('second', { duration: 100 });
    expect(queue.getSnapshot()).toHaveLength(1);
    expect(queue.toasts).toEqual([
      { key: a, content: 'first', duration: undefined },
      { key: b, content: 'second', duration: 100 },
    ]);
  });
});

describe('ToastQueue.clear', () => {
  it('does nothing on an empty queue: no notification, same snapshot', () => {
    const queue = new ToastQueue<string>();
    const listener = vi.fn();
    queue.subscribe(listener);
    const before = queue.getSnapshot();
    queue.clear();
    expect(listener).not.toHaveBeenCalled();
    expect(queue.getSnapshot()).toBe(before);
  });

  it('calls the onClose of the toasts that have one and skips those without', () => {
    const queue = new ToastQueue<string>();
    const onClose = vi.fn();
    queue.add('plain');
    queue.add('watched', { onClose });
    expect(() => queue.clear()).not.toThrow();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(queue.toasts).toEqual([]);
  });
});

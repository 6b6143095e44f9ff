import { describe, expect, it, vi } from 'vitest';
import { ToastQueue } from '../../src/core/ToastQueue.js';

describe('ToastQueue', () => {
  it('adds, notifies and closes, keeping the snapshot stable between changes', () => {
    const queue = new ToastQueue<{ title: string }>();
    const listener = vi.fn();
    const unsubscribe = queue.subscribe(listener);
    expect(queue.getSnapshot()).toEqual([]);

    const key = queue.add({ title: 'Saved' }, { duration: 3000 });
    expect(listener).toHaveBeenCalledTimes(1);
    const snapshot = queue.getSnapshot();
    expect(snapshot).toEqual([{ key, content: { title: 'Saved' }, duration: 3000 }]);
    expect(queue.getSnapshot()).toBe(snapshot);

    queue.close(key);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(queue.getSnapshot()).toEqual([]);

    queue.close(key); // unknown keys are ignored
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    queue.add({ title: 'Unheard' });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('gives every toast its own key, and updates in place when a key is reused', () => {
    const queue = new ToastQueue<{ title: string }>();
    const a = queue.add({ title: 'A' });
    const b = queue.add({ title: 'B' });
    expect(a).not.toBe(b);
    queue.add({ title: 'A, updated' }, { key: a });
    expect(queue.getSnapshot().map((t) => t.content.title)).toEqual(['A, updated', 'B']);
    const custom = queue.add({ title: 'Mine' }, { key: 'save' });
    expect(custom).toBe('save');
  });

  it('shows at most maxVisibleToasts, oldest first; the rest wait their turn', () => {
    const queue = new ToastQueue<number>({ maxVisibleToasts: 2 });
    const keys = [1, 2, 3].map((n) => queue.add(n));
    expect(queue.getSnapshot().map((t) => t.content)).toEqual([1, 2]);
    expect(queue.toasts).toHaveLength(3);
    queue.close(keys[0]!);
    expect(queue.getSnapshot().map((t) => t.content)).toEqual([2, 3]);
  });

  it('calls onClose once when a toast leaves, by close or clear', () => {
    const queue = new ToastQueue<string>();
    const first = vi.fn();
    const second = vi.fn();
    const key = queue.add('one', { onClose: first });
    queue.add('two', { onClose: second });
    queue.add('one again', { key }); // an update keeps the callback
    queue.close(key);
    expect(first).toHaveBeenCalledTimes(1);
    queue.clear();
    expect(second).toHaveBeenCalledTimes(1);
    expect(queue.getSnapshot()).toEqual([]);
  });
});

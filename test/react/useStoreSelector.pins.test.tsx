import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStoreSelector } from '../../src/react/useStoreSelector.js';

function createStore<S>(initial: S) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    set(next: S) {
      state = next;
      for (const listener of listeners) listener();
    },
  };
}

type Selector<S, T> = (state: S) => T;

function renderSelector<S, T>(store: ReturnType<typeof createStore<S>>, selector: Selector<S, T>) {
  let renders = 0;
  const hook = renderHook(({ select }: { select: Selector<S, T> }) => {
    renders += 1;
    return useStoreSelector(store, select);
  }, { initialProps: { select: selector } });
  return { ...hook, renders: () => renders };
}

describe('useStoreSelector: re-renders only when the selected slice changes', () => {
  it('keeps the same object and does not re-render when an unselected field changes', () => {
    const store = createStore({ a: 1, b: 1 });
    const view = renderSelector(store, (s) => ({ a: s.a }));
    const first = view.result.current;
    const before = view.renders();
    act(() => store.set({ a: 1, b: 2 }));
    expect(view.result.current).toBe(first);
    expect(view.renders()).toBe(before);
  });

  it('re-renders with the new slice when a selected field changes', () => {
    const store = createStore({ a: 1, b: 1 });
    const view = renderSelector(store, (s) => ({ a: s.a }));
    act(() => store.set({ a: 2, b: 1 }));
    expect(view.result.current).toEqual({ a: 2 });
  });

  it('treats a slice that gains a key as changed, even when the shared keys are equal', () => {
    const store = createStore<{ a: number; b?: number }>({ a: 1 });
    const view = renderSelector(store, (s) => ({ ...s }));
    act(() => store.set({ a: 1, b: 2 }));
    expect(view.result.current).toEqual({ a: 1, b: 2 });
  });

  it('treats a slice that loses a key as changed', () => {
    const store = createStore<{ a: number; b?: number }>({ a: 1, b: 2 });
    const view = renderSelector(store, (s) => ({ ...s }));
    act(() => store.set({ a: 1 }));
    expect(view.result.current).toEqual({ a: 1 });
  });

  it('returns primitives as they are', () => {
    const store = createStore({ a: 1, b: 1 });
    const view = renderSelector(store, (s) => s.a);
    act(() => store.set({ a: 1, b: 2 }));
    expect(view.result.current).toBe(1);
    act(() => store.set({ a: 3, b: 2 }));
    expect(view.result.current).toBe(3);
  });
});

describe('useStoreSelector: slices of different kinds are never equal', () => {
  it('moves from null to an object and back', () => {
    const store = createStore<{ v: Record<string, number> | null }>({ v: null });
    const view = renderSelector(store, (s) => s.v);
    act(() => store.set({ v: {} }));
    expect(view.result.current).toEqual({});
    act(() => store.set({ v: null }));
    expect(view.result.current).toBeNull();
  });

  it('moves from a string to an object with the same indexed characters, and back', () => {
    const store = createStore<{ v: string | Record<string, string> }>({ v: 'ab' });
    const view = renderSelector(store, (s) => s.v);
    act(() => store.set({ v: { 0: 'a', 1: 'b' } }));
    expect(view.result.current).toEqual({ 0: 'a', 1: 'b' });
    act(() => store.set({ v: 'ab' }));
    expect(view.result.current).toBe('ab');
  });
});

describe('useStoreSelector: selector and snapshot caching', () => {
  it('uses a new selector at once, while the store is unchanged', () => {
    const store = createStore({ a: 1, b: 2 });
    const view = renderSelector<{ a: number; b: number }, number>(store, (s) => s.a);
    expect(view.result.current).toBe(1);
    view.rerender({ select: (s) => s.b });
    expect(view.result.current).toBe(2);
  });

  it('runs the selector once per snapshot, so a fresh nested value is stable across renders', () => {
    const store = createStore({ a: 1 });
    const selector = vi.fn((s: { a: number }) => ({ nested: { a: s.a } }));
    const view = renderSelector(store, selector);
    const first = view.result.current;
    const calls = selector.mock.calls.length;
    view.rerender({ select: selector });
    expect(view.result.current).toBe(first);
    expect(selector.mock.calls.length).toBe(calls);
  });
});

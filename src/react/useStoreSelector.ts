'use client';
import { useCallback, useRef, useSyncExternalStore } from 'react';

interface ExternalStore<S> {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => S;
}

/** Shallow equality for plain objects and primitives. */
function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Subscribes to a slice of an external store: the component re-renders only when the selected
 * value changes (shallowly), not on every change of the store.
 */
export function useStoreSelector<S, T>(store: ExternalStore<S>, selector: (state: S) => T): T {
  const last = useRef<{ snapshot: S; selector: (state: S) => T; selected: T } | null>(null);
  const getSelection = useCallback(() => {
    const snapshot = store.getSnapshot();
    const prev = last.current;
    if (prev && prev.snapshot === snapshot && prev.selector === selector) return prev.selected;
    const next = selector(snapshot);
    // Keep the previous object when equal, so useSyncExternalStore sees no change.
    const selected = prev && shallowEqual(prev.selected, next) ? prev.selected : next;
    last.current = { snapshot, selector, selected };
    return selected;
  }, [store, selector]);
  return useSyncExternalStore(store.subscribe, getSelection, getSelection);
}

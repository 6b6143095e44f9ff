'use client';
import { useCallback } from 'react';
import { useIsBefore } from './useIsBefore.js';
import { useSenseiContext } from './SenseiContext.js';
import { useStoreSelector } from './useStoreSelector.js';

/**
 * When the client's rate-limit gate opens (epoch ms), as the gate itself decides it
 * (`rateLimit.openAt()`); `undefined` while it is open. Re-renders when the store changes and
 * once when that time passes.
 */
export function useGateOpenAt(): number | undefined {
  const { client } = useSenseiContext('useGateOpenAt');
  const store = client.rateLimit;
  const select = useCallback(() => store.openAt(), [store]);
  const openAt = useStoreSelector(store, select);
  return useIsBefore(openAt) ? openAt : undefined;
}

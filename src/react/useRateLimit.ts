'use client';
import type { RateLimitState } from '../core/RateLimitStore.js';
import { useSenseiContext } from './SenseiContext.js';
import { useStoreSelector } from './useStoreSelector.js';

const identity = (state: RateLimitState) => state;

/**
 * The client's rate-limit state: `{ limit, remaining, resetAt, retryAt, isLimited,
 * headersHidden }`. Pass a selector to re-render only when that slice changes:
 * `useRateLimit((s) => s.isLimited)`.
 */
export function useRateLimit(): RateLimitState;
export function useRateLimit<T>(selector: (state: RateLimitState) => T): T;
export function useRateLimit<T>(selector?: (state: RateLimitState) => T): T | RateLimitState {
  const { client } = useSenseiContext('useRateLimit');
  return useStoreSelector(client.rateLimit, (selector ?? identity) as (state: RateLimitState) => T);
}

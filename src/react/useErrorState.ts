'use client';
import { useContext, useMemo } from 'react';
import type { ErrorCatalog } from '../core/errorCatalog.js';
import { toErrorState, type ErrorState } from '../core/toErrorState.js';
import { SenseiContext } from './SenseiContext.js';

export interface UseErrorStateOptions {
  /**
   * The catalog to use instead of the provider's.
   * @default the `errorCatalog` of the nearest `<SenseiProvider>`, if any
   */
  catalog?: ErrorCatalog;
}

/**
 * The UI state of `error` (see `toErrorState`), with the provider's error catalog; `null` when
 * there is no error, so `useErrorState(query.error)` can be used directly. Memoised per error.
 *
 * Works outside `<SenseiProvider>` too (then without a catalog), so error UI can render where a
 * provider is missing — which is often exactly where errors happen.
 */
export function useErrorState(error: unknown, options: UseErrorStateOptions = {}): ErrorState | null {
  const context = useContext(SenseiContext);
  const catalog = options.catalog ?? context?.errorCatalog;
  return useMemo(() => (error === null || error === undefined ? null : toErrorState(error, { catalog })), [error, catalog]);
}

'use client';
import { useContext, useEffect, useLayoutEffect } from 'react';
import { errorClaimsFor } from './ErrorClaims.js';
import { SenseiContext } from './SenseiContext.js';

// No layout effects on the server (React 18 warns about them there).
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Tells the provider's surface rule that this component shows `error`, while it is mounted:
 * the failure then shows here only, not in a toast as well. `<SenseiErrorPanel>` and
 * `<SenseiErrorBoundary>` call it; call it in your own error UI. Outside a provider it does nothing.
 * @example
 * useClaimError(query.error);
 */
export function useClaimError(error: unknown): void {
  const context = useContext(SenseiContext);
  const claims = context && errorClaimsFor(context.queryClient);
  // Before paint: a toast for the same failure never shows first.
  useIsomorphicLayoutEffect(() => claims?.claim(error), [claims, error]);
}

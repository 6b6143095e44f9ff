'use client';
import { useContext, useEffect, useLayoutEffect } from 'react';
import { errorClaimsFor } from './ErrorClaims.js';
import { SenseiContext } from './SenseiContext.js';

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
  // Before paint, so a toast for the same failure never shows first. Chosen here, not at import:
  // importing the library touches no browser global; the server (no layout effects) runs neither.
  const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;
  useBeforePaint(() => claims?.claim(error), [claims, error]);
}

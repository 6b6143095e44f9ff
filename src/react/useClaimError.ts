'use client';
import { useContext, useEffect } from 'react';
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
  // A passive effect is soon enough: a final failure becomes a toast only after a commit's
  // passive effects (`RetryActivityStore.committed`). No layout effect, which React 18 warns
  // about in a server render whenever `document` exists (jsdom, or a DOM shim).
  useEffect(() => claims?.claim(error), [claims, error]);
}

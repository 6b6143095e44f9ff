import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorClaimsFor } from '../../src/react/ErrorClaims.js';
import { useClaimError } from '../../src/react/useClaimError.js';
import { createHarness } from './senseiTestHarness.js';

describe('useClaimError: the error a component shows, while it is mounted', () => {
  it('claims the error on mount and releases it on unmount', () => {
    const { queryClient, wrapper } = createHarness();
    const error = new Error('shown');
    const { unmount } = renderHook(() => useClaimError(error), { wrapper });
    expect(errorClaimsFor(queryClient).has(error)).toBe(true);
    unmount();
    expect(errorClaimsFor(queryClient).has(error)).toBe(false);
  });

  it('moves the claim when the shown error changes, and drops it when it clears', () => {
    const { queryClient, wrapper } = createHarness();
    const first = new Error('first');
    const second = new Error('second');
    const { rerender } = renderHook(({ error }: { error: unknown }) => useClaimError(error), { wrapper, initialProps: { error: first as unknown } });
    rerender({ error: second });
    const claims = errorClaimsFor(queryClient);
    expect(claims.has(first)).toBe(false);
    expect(claims.has(second)).toBe(true);
    rerender({ error: null });
    expect(claims.has(second)).toBe(false);
  });

  it('does nothing outside a provider', () => {
    const { result } = renderHook(() => useClaimError(new Error('no provider')));
    expect(result.current).toBeUndefined();
  });
});

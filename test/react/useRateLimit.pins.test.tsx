import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRateLimit } from '../../src/react/useRateLimit.js';
import { createHarness } from './senseiTestHarness.js';

describe('useRateLimit', () => {
  it('returns the whole rate-limit state without a selector', () => {
    const { client, wrapper } = createHarness();
    const { result } = renderHook(() => useRateLimit(), { wrapper });
    expect(result.current).toBe(client.rateLimit.getSnapshot());
    expect(result.current).toMatchObject({ isLimited: false });
  });

  it('returns the selected slice with a selector', () => {
    const { wrapper } = createHarness();
    const { result } = renderHook(() => useRateLimit((s) => s.isLimited), { wrapper });
    expect(result.current).toBe(false);
  });
});

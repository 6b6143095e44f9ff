import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useRetryActivity } from '../../src/react/useRetryActivity.js';
import { createHarness } from './senseiTestHarness.js';

describe('useRetryActivity', () => {
  it('names itself when used outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useRetryActivity())).toThrow(/^`useRetryActivity` must be used within `<SenseiProvider>`/);
  });

  it('starts with no entries, and hooks under one provider share one list', () => {
    const { wrapper } = createHarness();
    const { result } = renderHook(() => [useRetryActivity(), useRetryActivity()] as const, { wrapper });
    expect(result.current[0].entries).toEqual([]);
    expect(result.current[1].entries).toBe(result.current[0].entries);
    expect(result.current[1].retryNow).toBe(result.current[0].retryNow);
  });
});

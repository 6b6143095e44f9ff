import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useGateOpenAt } from '../../src/react/useGateOpenAt.js';
import { createHarness } from './senseiTestHarness.js';

const START = new Date('2025-03-01T14:00:00.000Z').getTime();

describe('useGateOpenAt', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names itself when used outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useGateOpenAt())).toThrow(/^`useGateOpenAt` must be used within `<SenseiProvider>`/);
  });

  it('reads the gate of the client the provider has now', async () => {
    const open = createHarness();
    const closed = createHarness();
    closed.api.setScenario({ rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 4, retryAfterSeconds: null } });
    await closed.client.get('/v1/migrations/mig_000001');
    let current = open;
    function wrapper({ children }: { children?: ReactNode }) {
      return (
        <SenseiProvider client={current.client} queryClient={current.queryClient}>
          {children}
        </SenseiProvider>
      );
    }
    const { result, rerender } = renderHook(() => useGateOpenAt(), { wrapper });
    expect(result.current).toBeUndefined();
    current = closed;
    rerender();
    expect(result.current).toBe(START + 4000);
    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect(result.current).toBeUndefined();
  });
});

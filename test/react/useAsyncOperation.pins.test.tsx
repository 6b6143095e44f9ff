import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const posts = { method: 'POST', path: '/v1/migrations' } as const;

describe('useAsyncOperation: follows the provider', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T14:00:00.000Z').getTime() });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts on the new client after the provider switches clients', async () => {
    const first = createHarness();
    const second = createHarness();
    let current = first;
    function wrapper({ children }: { children?: ReactNode }) {
      return (
        <SenseiProvider client={current.client} queryClient={current.queryClient}>
          {children}
        </SenseiProvider>
      );
    }
    const { result, rerender } = renderHook(() => useAsyncOperation({ startPath: '/v1/migrations' }), { wrapper });
    current = second;
    rerender();
    act(() => result.current.start({ name: 'users' }));
    await flush();
    expect(second.api.countRequests(posts)).toBe(1);
    expect(first.api.countRequests(posts)).toBe(0);
    expect(result.current.status).toBe('polling');
  });
});

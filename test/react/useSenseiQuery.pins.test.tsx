import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const START = new Date('2025-03-01T14:00:00.000Z').getTime();
const PATH = '/v1/migrations/mig_000001';

describe('useSenseiQuery: a settled failure is not a wait', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('after a final error, waits for nothing and promises no next attempt', async () => {
    const h = createHarness({ api: { scenario: { error: { status: 404 } } } });
    const { result } = renderHook(() => useSenseiQuery({ path: PATH }), { wrapper: h.wrapper });
    await flush();
    await flush(60_000);
    expect(result.current).toMatchObject({ isError: true, fetchStatus: 'idle', waiting: null, nextAttemptAt: undefined });
    expect(result.current.failureReason).not.toBeNull();
  });
});

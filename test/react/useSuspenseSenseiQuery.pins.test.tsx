import { onlineManager } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSuspenseSenseiQuery } from '../../src/react/useSuspenseSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const START = new Date('2025-03-01T14:00:00.000Z').getTime();

/** Shows the resource and why its refetch waits. */
function Migration() {
  const { data, waiting, nextAttemptAt, fetchStatus } = useSuspenseSenseiQuery<{ id: string }>({ path: '/v1/migrations/mig_000001' });
  return <p role="status">{`${data.id} ${fetchStatus} waiting=${String(waiting)} next=${String(nextAttemptAt)}`}</p>;
}

function show(h: ReturnType<typeof createHarness>) {
  render(
    <h.wrapper>
      <Suspense fallback={<p>Loading…</p>}>
        <Migration />
      </Suspense>
    </h.wrapper>,
  );
}

/** Starts a background refetch (not awaited: it may wait for a retry or the network). */
const refetch = (h: ReturnType<typeof createHarness>) =>
  act(async () => {
    void h.queryClient.refetchQueries();
    await vi.advanceTimersByTimeAsync(0);
  });

describe('useSuspenseSenseiQuery outside a provider', () => {
  it('names itself in the error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSuspenseSenseiQuery({ path: '/v1/migrations/mig_000001' }))).toThrow(
      '`useSuspenseSenseiQuery` must be used within `<SenseiProvider>`',
    );
  });
});

describe('useSuspenseSenseiQuery: why a refetch waits', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    onlineManager.setOnline(true);
    vi.useRealTimers();
  });

  it('says retry, with the time, while a background refetch waits for its next attempt', async () => {
    const h = createHarness();
    show(h);
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent('mig_000001 idle waiting=null next=undefined');
    h.api.setScenario({ flaky: { sequence: [503, 200], retryAfterSeconds: 3 } });
    await refetch(h);
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent(`mig_000001 fetching waiting=retry next=${START + 3000}`);
    await flush(3000);
    expect(screen.getByRole('status')).toHaveTextContent('mig_000001 idle waiting=null next=undefined');
  });

  it('does not wait once a background refetch has failed for good: the data stays', async () => {
    const h = createHarness({ provider: { retry: 0 } });
    show(h);
    await flush();
    h.api.setScenario({ error: { status: 500 } });
    await refetch(h);
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent('mig_000001 idle waiting=null next=undefined');
    expect(h.api.countRequests()).toBe(2);
  });

  it('says offline while the refetch is paused for the network, and nothing once it ran', async () => {
    const h = createHarness();
    show(h);
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent('mig_000001 idle waiting=null');
    act(() => onlineManager.setOnline(false));
    await refetch(h);
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent('mig_000001 paused waiting=offline next=undefined');
    act(() => onlineManager.setOnline(true));
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent('mig_000001 idle waiting=null');
  });
});

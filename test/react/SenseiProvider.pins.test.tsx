import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RetryPolicyOptions } from '../../src/core/retryPolicy.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const START = new Date('2025-03-01T14:00:00.000Z').getTime();
const PATH = '/v1/migrations/mig_000001';

function Probe() {
  const { data, isError, waiting, nextAttemptAt } = useSenseiQuery<{ id: string }>({ path: PATH });
  return <p role="status">{`data=${data?.id ?? '-'} error=${String(isError)} waiting=${String(waiting)} next=${String(nextAttemptAt)}`}</p>;
}

/** A provider whose `retry` is a new inline object each render, and a query mounted on demand. */
function setup() {
  const h = createHarness();
  const view = (retry: RetryPolicyOptions, showProbe: boolean) => (
    <SenseiProvider client={h.client} queryClient={h.queryClient} retry={{ ...retry }}>
      {showProbe ? <Probe /> : null}
    </SenseiProvider>
  );
  return { h, view };
}

describe('SenseiProvider: retry options given inline', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows a changed retry count', async () => {
    const { h, view } = setup();
    const { rerender } = render(view({ retries: 0, random: () => 0 }, false));
    rerender(view({ retries: 1, random: () => 0 }, false));
    h.api.setScenario({ flaky: { sequence: [503, 200] } });
    rerender(view({ retries: 1, random: () => 0 }, true));
    await flush();
    await flush(10);
    expect(screen.getByRole('status')).toHaveTextContent('data=mig_000001 error=false');
    expect(h.api.countRequests()).toBe(2);
  });

  it('follows a changed function in the options (the jitter source)', async () => {
    const { h, view } = setup();
    const slow = { retries: 1, baseDelayMs: 1_000, maxDelayMs: 1_000 };
    const { rerender } = render(view({ ...slow, random: () => 0.1 }, false));
    rerender(view({ ...slow, random: () => 0.9 }, false));
    h.api.setScenario({ flaky: { sequence: [503, 200] } });
    rerender(view({ ...slow, random: () => 0.9 }, true));
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent(`waiting=retry next=${START + 900}`);
  });

  it('keeps the countdown of a waiting retry when it re-renders with equal options', async () => {
    const { h, view } = setup();
    const options = { retries: 1, baseDelayMs: 1_000, maxDelayMs: 1_000, random: () => 0.9 };
    h.api.setScenario({ flaky: { sequence: [503, 200] } });
    const { rerender } = render(view(options, true));
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent(`waiting=retry next=${START + 900}`);
    rerender(view(options, true));
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent(`waiting=retry next=${START + 900}`);
    await flush(900);
    expect(screen.getByRole('status')).toHaveTextContent('data=mig_000001');
  });
});

import { act, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRateLimit } from '../../src/react/useRateLimit.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { createHarness } from './senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

function Item({ n }: { n: number }) {
  const query = useSenseiQuery<{ id: string }>({ path: `/v1/migrations/mig_${String(n).padStart(6, '0')}` });
  return <li data-status={query.status}>{query.data ? `loaded ${query.data.id}` : query.isError ? 'failed' : 'waiting'}</li>;
}

function TwentyItems() {
  return (
    <ul>
      {Array.from({ length: 20 }, (_, i) => (
        <Item key={i} n={i + 1} />
      ))}
    </ul>
  );
}

describe('the shared rate-limit gate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const variant of ['429 with Retry-After: 2', 'X-RateLimit-Remaining: 0 with a reset in 2 s'] as const) {
    it(`holds 20 queries after a ${variant}, then all succeed`, async () => {
      const h = createHarness({
        api: {
          scenario: {
            rateLimitOnce:
              variant === '429 with Retry-After: 2'
                ? { retryAfterSeconds: 2 }
                : { mode: 'remaining-zero', resetInSeconds: 2, retryAfterSeconds: null },
          },
        },
      });
      // One call meets the limit...
      await h.client.get('/v1/migrations/mig_000001').catch(() => undefined);
      expect(h.client.rateLimit.getSnapshot().isLimited).toBe(true);
      h.api.clearRequests();
      const start = Date.now();

      // ...then 20 queries mount: none may leave before the 2 s are up.
      render(
        <h.wrapper>
          <TwentyItems />
        </h.wrapper>,
      );
      await flush(1999);
      expect(h.api.countRequests()).toBe(0);
      expect(screen.getAllByText('waiting')).toHaveLength(20);
      // Waiting is pending, not failed.
      expect(screen.getAllByRole('listitem').every((li) => li.dataset.status === 'pending')).toBe(true);

      // X-RateLimit-Reset is in whole epoch seconds, so the gate may open up to 1 s later;
      // released requests then leave 25 ms apart.
      await flush(2000);
      expect(h.api.countRequests()).toBe(20);
      expect(h.api.requests.every((r) => r.time >= start + 2000)).toBe(true);
      expect(screen.getAllByText(/^loaded mig_/)).toHaveLength(20);
    });
  }

  it('turns a 429 inside a burst into a wait: slow start sends one request, its 429 holds the others, each query retries once', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { next: 5, retryAfterSeconds: 2 } } } });
    render(
      <h.wrapper>
        <TwentyItems />
      </h.wrapper>,
    );
    await flush();
    expect(h.api.countRequests()).toBe(1); // the limit is unknown: one request first
    await flush(1999);
    expect(h.api.countRequests()).toBe(1); // its 429 closed the gate for everyone
    await flush(20_000);
    expect(screen.getAllByText(/^loaded mig_/)).toHaveLength(20);
    expect(h.api.countRequests()).toBe(25); // the server's five 429s, then one success per query
  });

  it('exposes the state through useRateLimit and re-renders a selector only when its slice changes', async () => {
    const h = createHarness({ api: { scenario: { rateLimit: { limit: 5, windowMs: 10_000 } } } });
    const renders = { limited: 0, all: 0 };
    function LimitedFlag() {
      const isLimited = useRateLimit((s) => s.isLimited);
      return <p>{isLimited ? 'limited' : 'open'}</p>;
    }
    function Remaining() {
      const state = useRateLimit();
      return <p>{`${state.remaining ?? '?'} of ${state.limit ?? '?'} left`}</p>;
    }
    render(
      <h.wrapper>
        <Profiler id="limited" onRender={() => (renders.limited += 1)}>
          <LimitedFlag />
        </Profiler>
        <Profiler id="all" onRender={() => (renders.all += 1)}>
          <Remaining />
        </Profiler>
      </h.wrapper>,
    );
    expect(screen.getByText('? of ? left')).toBeInTheDocument();
    for (let i = 0; i < 5; i += 1) await act(() => h.client.get('/v1/migrations/mig_000001'));
    expect(screen.getByText('0 of 5 left')).toBeInTheDocument();
    expect(screen.getByText('limited')).toBeInTheDocument();
    await flush(11_000); // the window resets on a whole epoch second
    expect(screen.getByText('open')).toBeInTheDocument();
    // The flag rendered for its two changes only; the full state for every response.
    expect(renders.limited).toBe(3);
    expect(renders.all).toBeGreaterThanOrEqual(6);
  });
});

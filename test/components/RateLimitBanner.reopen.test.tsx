import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitBanner } from '../../src/components/RateLimitBanner.js';
import { createHarness } from '../react/senseiTestHarness.js';

describe('RateLimitBanner when the gate reopens at the reset', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_800_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes from limited straight to hidden, never flashing the stale "0 left" warning', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 3, retryAfterSeconds: null } } } });
    const { container } = render(<RateLimitBanner />, { wrapper: h.wrapper });
    const root = container.querySelector('[data-slot="rate-limit-banner"]')!;
    const states: string[] = [root.getAttribute('data-state')!];
    new MutationObserver(() => {
      const state = root.getAttribute('data-state')!;
      if (states.at(-1) !== state) states.push(state);
    }).observe(root, { attributes: true, attributeFilter: ['data-state'] });

    await act(() => h.client.get('/v1/migrations/mig_000001'));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(root.getAttribute('data-state')).toBe('limited');
    for (let i = 0; i < 4; i += 1) await act(() => vi.advanceTimersByTimeAsync(1000));
    await act(() => Promise.resolve());
    expect(root.getAttribute('data-state')).toBe('hidden');
    expect(states).toEqual(['hidden', 'limited', 'hidden']);
    expect(h.client.rateLimit.getSnapshot()).toMatchObject({ isLimited: false, remaining: undefined });
  });
});

import { act, fireEvent, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitBanner } from '../../src/components/RateLimitBanner.js';
import type { RateLimitState } from '../../src/core/RateLimitStore.js';
import { useRateLimit } from '../../src/react/useRateLimit.js';
import { createHarness } from '../react/senseiTestHarness.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const NOW = Date.parse('2025-03-01T14:00:00.000Z');
const UTC = { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' } as const;
const PATH = '/v1/migrations/mig_000001';

const banner = () => document.querySelector<HTMLElement>('[data-slot="rate-limit-banner"]')!;
const countdown = () => document.querySelector('[data-slot="rate-limit-banner-countdown"]')?.textContent;
const status = () => screen.getByRole('status');

function state(patch: Partial<RateLimitState>): RateLimitState {
  return { limit: 100, remaining: 50, resetAt: NOW + 5 * 60_000, retryAt: undefined, isLimited: false, headersHidden: false, ...patch };
}

/** A client whose next request meets a 429 with `Retry-After: 42`. */
async function limitedFor42Seconds(h: ReturnType<typeof createHarness>) {
  await act(() => h.client.get(PATH).catch(() => undefined));
  expect(h.client.rateLimit.getSnapshot().isLimited).toBe(true);
}

describe('RateLimitBanner', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down from 0:42 after a 429 with Retry-After: 42, then hides by itself when the gate opens', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { retryAfterSeconds: 42 } } } });
    render(<RateLimitBanner locale="en-GB" timeFormat={UTC} />, { wrapper: h.wrapper });
    expect(banner()).toHaveAttribute('data-state', 'hidden');

    await limitedFor42Seconds(h);
    expect(banner()).toHaveAttribute('data-state', 'limited');
    expect(banner()).toHaveTextContent('Rate limit reached — requests resume in 0:42');
    expect(screen.queryByRole('button', { name: /dismiss/i })).toBeNull(); // not while limited

    await flush(1000);
    expect(countdown()).toBe('requests resume in 0:41');
    await flush(40_000);
    expect(countdown()).toBe('requests resume in 0:01');
    await flush(1000);
    expect(banner()).toHaveAttribute('data-state', 'hidden');
    expect(screen.queryByText(/Rate limit reached/)).toBeNull();
    expect(status()).toHaveTextContent('');
    expect(h.client.rateLimit.getSnapshot().isLimited).toBe(false);
  });

  it('announces the state change once, never the ticking digits', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { retryAfterSeconds: 42 } } } });
    render(<RateLimitBanner locale="en-GB" timeFormat={UTC} />, { wrapper: h.wrapper });
    expect(status()).toHaveTextContent('');
    await limitedFor42Seconds(h);

    // The polite live region holds one steady sentence; the digits are hidden from it.
    expect(status()).toHaveAttribute('data-slot', 'rate-limit-banner-status');
    expect(status()).toHaveTextContent('Rate limit reached. Requests resume at 14:00:42.');
    const announced = status().textContent;
    const body = document.querySelector('[data-slot="rate-limit-banner-body"]')!;
    expect(body).toHaveAttribute('aria-hidden', 'true');
    expect(body).toContainElement(document.querySelector('[data-slot="rate-limit-banner-countdown"]') as HTMLElement);

    for (let second = 1; second <= 5; second += 1) {
      await flush(1000);
      expect(countdown()).toBe(`requests resume in 0:${42 - second}`);
      expect(status().textContent).toBe(announced);
    }
  });

  it('shows "N of M requests left, resets at …" when few requests are left', async () => {
    const h = createHarness({ api: { scenario: { rateLimit: { limit: 20, windowMs: 60_000 } } } });
    render(<RateLimitBanner locale="en-GB" timeFormat={UTC} />, { wrapper: h.wrapper });
    for (let i = 0; i < 17; i += 1) await act(() => h.client.get(PATH));
    expect(banner()).toHaveAttribute('data-state', 'hidden'); // 3 left: above 10 % of 20

    await act(() => h.client.get(PATH));
    expect(banner()).toHaveAttribute('data-state', 'low');
    expect(banner()).toHaveTextContent('2 of 20 requests left, resets at 14:01');
    expect(status()).toHaveTextContent('Few of 20 requests left, the limit resets at 14:01.');

    // The next request changes the count on screen, not what screen readers are told.
    const announced = status().textContent;
    await act(() => h.client.get(PATH));
    expect(banner()).toHaveTextContent('1 of 20 requests left, resets at 14:01');
    expect(status().textContent).toBe(announced);

    // The window resets: the warning goes.
    await flush(60_000);
    expect(banner()).toHaveAttribute('data-state', 'hidden');
  });

  it('takes the threshold, locale and time format from props', () => {
    const { rerender } = render(<RateLimitBanner state={state({ remaining: 40 })} locale="en-GB" timeFormat={UTC} />);
    expect(banner()).toHaveAttribute('data-state', 'hidden');
    rerender(<RateLimitBanner state={state({ remaining: 40 })} lowThreshold={50} locale="en-US" timeFormat={{ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }} />);
    expect(banner()).toHaveTextContent('40 of 100 requests left, resets at 2:05 PM');
  });

  it('can be dismissed while only a warning, and stays dismissed for that window', async () => {
    const onDismiss = vi.fn();
    const low = state({ remaining: 5 });
    const { rerender } = render(<RateLimitBanner state={low} locale="en-GB" timeFormat={UTC} onDismiss={onDismiss} />);
    expect(banner()).toHaveTextContent('5 of 100 requests left, resets at 14:05');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss rate-limit warning' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(banner()).toHaveAttribute('data-state', 'hidden');

    rerender(<RateLimitBanner state={{ ...low, remaining: 4 }} locale="en-GB" timeFormat={UTC} onDismiss={onDismiss} />);
    expect(banner()).toHaveAttribute('data-state', 'hidden');
    // A new window warns again.
    rerender(<RateLimitBanner state={{ ...low, remaining: 4, resetAt: NOW + 10 * 60_000 }} locale="en-GB" timeFormat={UTC} />);
    expect(banner()).toHaveAttribute('data-state', 'low');
    rerender(<RateLimitBanner state={{ ...low, remaining: 4 }} locale="en-GB" timeFormat={UTC} dismissible={false} />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('can say "recovered" for a moment after the wait ends', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { retryAfterSeconds: 2 } } } });
    render(<RateLimitBanner recoveredMs={3000} />, { wrapper: h.wrapper });
    await act(() => h.client.get(PATH).catch(() => undefined));
    await flush(2000);
    expect(banner()).toHaveAttribute('data-state', 'recovered');
    expect(banner()).toHaveTextContent('Requests are going out again.');
    expect(status()).toHaveTextContent('Requests are going out again.');
    await flush(3000);
    expect(banner()).toHaveAttribute('data-state', 'hidden');
  });

  it('says the wait is estimated when the headers were hidden', () => {
    render(<RateLimitBanner state={state({ remaining: 0, isLimited: true, retryAt: NOW + 4000, headersHidden: true })} locale="en-GB" timeFormat={UTC} />);
    expect(banner()).toHaveAttribute('data-estimated');
    expect(screen.getByText('The wait time is estimated.')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Rate limit reached. Requests resume at 14:05:00. The wait time is estimated.');
  });

  it('ends a static `state` countdown by itself too', async () => {
    render(<RateLimitBanner state={state({ remaining: 0, isLimited: true, retryAt: NOW + 3000, resetAt: NOW + 3000 })} />);
    expect(countdown()).toBe('requests resume in 0:03');
    await flush(3000);
    expect(banner()).toHaveAttribute('data-state', 'hidden');
  });

  it('ticks without re-rendering its parent or other useRateLimit subscribers', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { retryAfterSeconds: 42 } } } });
    const renders = { parent: 0, sibling: 0 };
    function Sibling() {
      renders.sibling += 1;
      return <p>{useRateLimit((s) => s.isLimited) ? 'limited' : 'open'}</p>;
    }
    function Parent() {
      renders.parent += 1;
      return (
        <>
          <RateLimitBanner />
          <Sibling />
        </>
      );
    }
    render(<Parent />, { wrapper: h.wrapper });
    await limitedFor42Seconds(h);
    expect(screen.getByText('limited')).toBeInTheDocument();
    const before = { ...renders };
    await flush(10_000);
    expect(countdown()).toBe('requests resume in 0:32');
    expect(renders).toEqual(before);
  });

  // #13 item 8: a wait past the cap fails fast; the banner shows when requests resume.
  it('shows the time requests resume for a long wait (a 429 with Retry-After: 3600), and counts down its last five minutes', async () => {
    const h = createHarness({ api: { scenario: { rateLimitOnce: { retryAfterSeconds: 3600 } } } });
    render(<RateLimitBanner locale="en-GB" timeFormat={UTC} />, { wrapper: h.wrapper });
    await act(() => h.client.get(PATH).catch(() => undefined));
    expect(banner()).toHaveAttribute('data-state', 'limited');
    expect(banner()).toHaveTextContent('Rate limit reached — requests resume at 15:00');
    expect(countdown()).toBe('requests resume at 15:00');
    expect(status()).toHaveTextContent('Rate limit reached. Requests resume at 15:00:00.');

    await flush(3600_000 - 300_000);
    expect(countdown()).toBe('requests resume in 5:00');
    await flush(300_000);
    expect(banner()).toHaveAttribute('data-state', 'hidden');
  });

  it('forwards ref and className, and renders on the server from a `state` prop', () => {
    const ref = { current: null as HTMLDivElement | null };
    render(<RateLimitBanner ref={ref} className="mine" state={state({ remaining: 5 })} />);
    expect(ref.current).toBe(banner());
    expect(banner()).toHaveClass('mine');
    const html = renderToString(<RateLimitBanner state={state({ remaining: 5 })} locale="en-GB" timeFormat={UTC} />);
    expect(html).toContain('5 of 100 requests left, resets at 14:05');
  });
});

import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitBanner } from '../../src/components/RateLimitBanner.js';
import type { RateLimitState } from '../../src/core/RateLimitStore.js';
import { createHarness } from '../react/senseiTestHarness.js';
import { fakeTimersUser } from '../fakeTimersUser.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const NOW = Date.parse('2025-03-01T14:00:00.000Z');
const UTC = { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' } as const;

const banner = () => document.querySelector<HTMLElement>('[data-slot="rate-limit-banner"]')!;
const status = () => screen.getByRole('status');

function state(patch: Partial<RateLimitState>): RateLimitState {
  return { limit: 100, remaining: 50, resetAt: NOW + 5 * 60_000, retryAt: undefined, isLimited: false, headersHidden: false, ...patch };
}

describe('RateLimitBanner under stress (issue 18)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not throw with timeFormat={{ timeStyle: "short" }} when limited: seconds come from timeStyle "medium"', () => {
    render(
      <RateLimitBanner
        state={state({ remaining: 0, isLimited: true, retryAt: NOW + 42_000, resetAt: NOW + 42_000 })}
        locale="en-GB"
        timeFormat={{ timeStyle: 'short', timeZone: 'UTC' }}
      />,
    );
    expect(banner()).toHaveAttribute('data-state', 'limited');
    expect(status()).toHaveTextContent('Rate limit reached. Requests resume at 14:00:42.');
  });

  it('never throws for other valid Intl options either: dateStyle, hour12, fractional seconds', () => {
    for (const timeFormat of [
      { dateStyle: 'short', timeZone: 'UTC' },
      { timeStyle: 'full', timeZone: 'UTC' },
      { hour: 'numeric', hour12: true, timeZone: 'UTC' },
      { minute: '2-digit', fractionalSecondDigits: 3, timeZone: 'UTC' },
    ] as const) {
      const { unmount } = render(
        <RateLimitBanner state={state({ remaining: 0, isLimited: true, retryAt: NOW + 42_000 })} locale="en-GB" timeFormat={timeFormat} />,
      );
      expect(banner()).toHaveAttribute('data-state', 'limited');
      expect(status().textContent).toMatch(/^Rate limit reached\. Requests resume at .+\.$/);
      unmount();
    }
  });

  it('says the date of a reset that is not today (a daily quota), in the format\'s time zone', () => {
    const tomorrow = Date.parse('2025-03-02T14:05:00.000Z');
    const { rerender } = render(<RateLimitBanner state={state({ remaining: 5, resetAt: tomorrow })} locale="en-GB" timeFormat={UTC} />);
    expect(banner()).toHaveTextContent('5 of 100 requests left, resets at 2 Mar, 14:05');
    expect(status()).toHaveTextContent('Few of 100 requests left, the limit resets at 2 Mar, 14:05.');
    // Today stays a bare time; what "today" is depends on the time zone (14:05 UTC is tomorrow in Tokyo).
    rerender(<RateLimitBanner state={state({ remaining: 5 })} locale="en-GB" timeFormat={UTC} />);
    expect(banner()).toHaveTextContent('5 of 100 requests left, resets at 14:05');
    rerender(
      <RateLimitBanner
        state={state({ remaining: 5, resetAt: Date.parse('2025-03-01T15:30:00.000Z') })}
        locale="en-GB"
        timeFormat={{ ...UTC, timeZone: 'Asia/Tokyo' }}
      />,
    );
    expect(banner()).toHaveTextContent('resets at 2 Mar, 00:30');
  });

  it('groups counts by locale and says "request" for a limit of 1', () => {
    const { rerender } = render(<RateLimitBanner state={state({ limit: 1_000_000, remaining: 99_999 })} lowThreshold={100_000} locale="de-DE" timeFormat={UTC} />);
    expect(banner()).toHaveTextContent('99.999 of 1.000.000 requests left');
    expect(status()).toHaveTextContent('Few of 1.000.000 requests left');
    rerender(<RateLimitBanner state={state({ limit: 1, remaining: 1 })} locale="en-GB" timeFormat={UTC} />);
    expect(banner()).toHaveTextContent('1 of 1 request left, resets at 14:05');
    expect(status()).toHaveTextContent('Few of 1 request left, the limit resets at 14:05.');
  });

  it('keeps a dismissed warning dismissed for its window when each state names the reset a little differently', () => {
    // The instants an app (or another tab) derives from `x-ratelimit-reset: 57`, `56`, … differ
    // by whole seconds plus latency: 14:01:00.400, 14:00:59.700, 14:01:01.350 are one window.
    const low = state({ remaining: 5, resetAt: NOW + 60_400 });
    const { rerender } = render(<RateLimitBanner state={low} locale="en-GB" timeFormat={UTC} />);
    act(() => screen.getByRole('button', { name: 'Dismiss rate-limit warning' }).click());
    for (const resetAt of [NOW + 59_700, NOW + 61_350, NOW + 60_000]) {
      rerender(<RateLimitBanner state={{ ...low, remaining: 4, resetAt }} locale="en-GB" timeFormat={UTC} />);
      expect(banner()).toHaveAttribute('data-state', 'hidden');
    }
    rerender(<RateLimitBanner state={{ ...low, remaining: 4, resetAt: NOW + 120_000 }} locale="en-GB" timeFormat={UTC} />);
    expect(banner()).toHaveAttribute('data-state', 'low');
  });

  it('keeps a dismissed warning dismissed for its window through a live client when the reset comes as seconds-until (fastify)', async () => {
    // A fastify-style server: `x-ratelimit-reset` is whole seconds until the window ends (14:01:00).
    let windowEnd = NOW + 60_000;
    let remaining = 8;
    const fetch = vi.fn(async () => {
      remaining -= 1;
      return new Response('{}', {
        status: 200,
        headers: {
          'content-type': 'application/json',
          'x-ratelimit-limit': '100',
          'x-ratelimit-remaining': String(remaining),
          'x-ratelimit-reset': String(Math.ceil((windowEnd - Date.now()) / 1000)),
        },
      });
    });
    const h = createHarness({ client: { fetch } });
    const user = fakeTimersUser();
    render(<RateLimitBanner locale="en-GB" timeFormat={UTC} />, { wrapper: h.wrapper });
    await flush(350);
    await act(() => h.client.get('/v1/migrations'));
    expect(banner()).toHaveAttribute('data-state', 'low');
    await user.click(screen.getByRole('button', { name: 'Dismiss rate-limit warning' }));
    expect(banner()).toHaveAttribute('data-state', 'hidden');

    // Later responses of the same window land on slightly different instants: still dismissed.
    for (const wait of [1_300, 700, 2_450, 10_000]) {
      await flush(wait);
      await act(() => h.client.get('/v1/migrations'));
      expect(banner()).toHaveAttribute('data-state', 'hidden');
    }
    // The next window warns again.
    await flush(windowEnd + 1_000 - Date.now());
    windowEnd += 60_000;
    remaining = 5;
    await act(() => h.client.get('/v1/migrations'));
    expect(banner()).toHaveAttribute('data-state', 'low');
  });

  it('moves focus into the banner, not to <body>, after Dismiss with the keyboard', async () => {
    const user = fakeTimersUser();
    render(<RateLimitBanner state={state({ remaining: 5 })} locale="en-GB" timeFormat={UTC} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Dismiss rate-limit warning' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(banner()).toHaveAttribute('data-state', 'hidden');
    expect(document.body).not.toHaveFocus();
    expect(banner()).toHaveFocus();
    // Tab goes on from the banner's place in the page.
    expect(banner()).toHaveAttribute('tabindex', '-1');
  });

  it('keeps focus in the banner when "low" turns "limited" under the keyboard; the action takes it', async () => {
    const user = fakeTimersUser();
    const low = state({ remaining: 1 });
    const limited = state({ remaining: 0, isLimited: true, retryAt: NOW + 30_000, resetAt: NOW + 30_000 });
    const { rerender } = render(<RateLimitBanner state={low} locale="en-GB" timeFormat={UTC} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Dismiss rate-limit warning' })).toHaveFocus();
    rerender(<RateLimitBanner state={limited} locale="en-GB" timeFormat={UTC} />);
    expect(screen.queryByRole('button', { name: 'Dismiss rate-limit warning' })).toBeNull();
    expect(banner()).toHaveFocus();
    expect(banner()).toHaveTextContent('Rate limit reached');

    // With an action, focus lands on it instead.
    const action = <a href="#usage">View usage</a>;
    rerender(<RateLimitBanner state={{ ...low, resetAt: NOW + 10 * 60_000 }} locale="en-GB" timeFormat={UTC} action={action} />);
    await flush(30_000);
    act(() => screen.getByRole('button', { name: 'Dismiss rate-limit warning' }).focus());
    rerender(<RateLimitBanner state={{ ...limited, retryAt: NOW + 60_000, resetAt: NOW + 60_000 }} locale="en-GB" timeFormat={UTC} action={action} />);
    expect(screen.getByRole('link', { name: 'View usage' })).toHaveFocus();
  });

  it('shows the action slot in the low and limited states only', async () => {
    const action = <button type="button">Upgrade plan</button>;
    const { rerender } = render(<RateLimitBanner state={state({ remaining: 5 })} action={action} />);
    expect(screen.getByRole('button', { name: 'Upgrade plan' }).closest('[data-slot="rate-limit-banner-action"]')).not.toBeNull();
    rerender(<RateLimitBanner state={state({ remaining: 0, isLimited: true, retryAt: NOW + 5000 })} action={action} />);
    expect(screen.getByRole('button', { name: 'Upgrade plan' })).toBeInTheDocument();
    rerender(<RateLimitBanner state={state({ remaining: 90 })} action={action} />);
    expect(screen.queryByRole('button', { name: 'Upgrade plan' })).toBeNull();
  });
});

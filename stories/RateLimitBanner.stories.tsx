import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { RateLimitBanner, type RateLimitBannerProps } from '../src/components/RateLimitBanner.js';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import type { RateLimitState } from '../src/core/RateLimitStore.js';
import { SenseiProvider } from '../src/react/SenseiProvider.js';
import { createMockSenseiApi, type RateLimitOnceScenario } from '../src/testing/index.js';
import { expectFits, expectForcedColors, forcedColors, narrow320, rtl } from './stressChecks.js';

// The key lives here, never in args: stories' args are shown in the UI.
const STORY_API_KEY = 'sk_story_only_banner_7d1f';

interface BannerDemoProps extends Omit<RateLimitBannerProps, 'state'> {
  /**
   * Drive a real client over the mock API: its first request meets this 429 (or the last
   * request of a window). Without it the banner shows `fixed` instead.
   */
  rateLimitOnce?: RateLimitOnceScenario;
  /** A fixed rate-limit state, relative to now: `resetInMs` and `retryInMs` become epoch times. */
  fixed?: Partial<Omit<RateLimitState, 'resetAt' | 'retryAt'>> & { resetInMs?: number; retryInMs?: number };
  /** Wrap in a `data-theme="dark"` surface. */
  dark?: boolean;
}

/** A real client over the mock API that hits the rate limit once, as an app would. */
function LiveBanner({ rateLimitOnce, ...props }: Omit<BannerDemoProps, 'fixed' | 'dark'> & { rateLimitOnce: RateLimitOnceScenario }) {
  const [client] = useState(() => {
    const api = createMockSenseiApi({ apiKey: STORY_API_KEY, scenario: { rateLimitOnce } });
    return createSenseiClient({ baseUrl: api.baseUrl, apiKey: STORY_API_KEY, fetch: api.fetch, shareAcrossTabs: false });
  });
  useEffect(() => {
    client.get('/v1/migrations').catch(() => undefined);
  }, [client]);
  return (
    <SenseiProvider client={client}>
      <RateLimitBanner {...props} />
    </SenseiProvider>
  );
}

/** The banner from a fixed state, computed once when the story renders. */
function FixedBanner({ fixed = {}, ...props }: Omit<BannerDemoProps, 'rateLimitOnce' | 'dark'>) {
  const [state] = useState<RateLimitState>(() => {
    const now = Date.now();
    const { resetInMs, retryInMs, ...rest } = fixed;
    return {
      limit: 1000,
      remaining: 1000,
      isLimited: false,
      headersHidden: false,
      ...rest,
      resetAt: resetInMs === undefined ? undefined : now + resetInMs,
      retryAt: retryInMs === undefined ? undefined : now + retryInMs,
    };
  });
  return <RateLimitBanner {...props} state={state} />;
}

function BannerDemo({ rateLimitOnce, fixed, dark, ...props }: BannerDemoProps) {
  const banner = rateLimitOnce ? <LiveBanner {...props} rateLimitOnce={rateLimitOnce} /> : <FixedBanner {...props} fixed={fixed} />;
  if (!dark) return banner;
  return (
    <div data-theme="dark" style={{ padding: '1.5rem', background: 'var(--sensei-color-bg)', color: 'var(--sensei-color-fg)' }}>
      {banner}
    </div>
  );
}

const meta = {
  title: 'Components/RateLimitBanner',
  component: BannerDemo,
  args: { locale: 'en-GB' },
  decorators: [(Story) => <div style={{ maxWidth: '36rem' }}>{Story()}</div>],
} satisfies Meta<typeof BannerDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const banner = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="rate-limit-banner"]')!;

export const Low: Story = {
  name: 'Low: few requests left',
  args: { fixed: { limit: 1000, remaining: 42, resetInMs: 4 * 60_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'low');
    await expect(banner(canvasElement)).toHaveTextContent(/42 of 1,000 requests left, resets at \d{1,2}:\d\d/);
    await expect(canvas.getByRole('status')).toHaveTextContent(/^Few of 1,000 requests left, the limit resets at \d{1,2}:\d\d\.$/);
    // Only a warning: it can be dismissed.
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss rate-limit warning' }));
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'hidden');
  },
};

export const Limited: Story = {
  name: 'Limited, live countdown',
  args: { rateLimitOnce: { retryAfterSeconds: 42 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^requests resume in 0:4[12]$/)).toBeInTheDocument();
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'limited');
    await expect(canvas.getByText('Rate limit reached')).toBeInTheDocument();
    await expect(canvas.getByRole('status')).toHaveTextContent(/^Rate limit reached\. Requests resume at \d{1,2}:\d\d:\d\d\.$/);
    await expect(canvas.queryByRole('button')).toBeNull(); // not dismissible while limited
  },
};

export const LimitedForAnHour: Story = {
  name: 'Limited for an hour (429 with Retry-After: 3600)',
  args: { rateLimitOnce: { retryAfterSeconds: 3600 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // A wait this long shows the time requests resume, not an hour of ticking digits.
    await expect(await canvas.findByText(/^requests resume at \d{1,2}:\d\d$/)).toBeInTheDocument();
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'limited');
  },
};

export const Recovered: Story = {
  name: 'Recovered (shown after the wait)',
  args: { rateLimitOnce: { retryAfterSeconds: 2 }, recoveredMs: 60_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^requests resume in 0:0[12]$/)).toBeInTheDocument();
    const status = canvas.getByRole('status');
    await expect(await canvas.findByText('Requests are going out again.', { selector: '[data-slot$="message"]' }, { timeout: 4000 })).toBeInTheDocument();
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'recovered');
    await expect(status).toHaveTextContent('Requests are going out again.');
  },
};

export const HeadersHidden: Story = {
  name: 'Limited, headers hidden (estimated wait)',
  args: { fixed: { limit: undefined, remaining: undefined, isLimited: true, headersHidden: true, retryInMs: 90_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(banner(canvasElement)).toHaveAttribute('data-estimated');
    await expect(canvas.getByText('The wait time is estimated.')).toBeInTheDocument();
    await expect(canvas.getByText(/^requests resume in 1:(29|30)$/)).toBeInTheDocument();
    await expect(canvas.getByRole('status')).toHaveTextContent(/The wait time is estimated\.$/);
  },
};

export const DarkLow: Story = {
  name: 'Dark: low',
  args: { dark: true, fixed: { limit: 100, remaining: 3, resetInMs: 90_000 } },
  play: async ({ canvasElement }) => {
    await expect(banner(canvasElement)).toHaveTextContent(/3 of 100 requests left/);
  },
};

export const DarkLimited: Story = {
  name: 'Dark: limited',
  args: { dark: true, fixed: { limit: 100, remaining: 0, isLimited: true, retryInMs: 42_000, resetInMs: 42_000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/^requests resume in 0:4[12]$/)).toBeInTheDocument();
  },
};

// ── Issue 18: action slot, focus, stress ──────────────────────────────────────────────────────

const usageLink = <a href="#usage">View usage</a>;

export const WithAction: Story = {
  name: 'Limited, with an action',
  args: { action: usageLink, fixed: { limit: 1000, remaining: 0, isLimited: true, retryInMs: 42_000, resetInMs: 42_000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'View usage' })).toBeInTheDocument();
  },
};

export const DismissKeepsFocus: Story = {
  name: 'Keyboard: Dismiss keeps focus in the banner',
  args: { fixed: { limit: 1000, remaining: 12, resetInMs: 4 * 60_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('button', { name: 'Dismiss rate-limit warning' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'hidden');
    await expect(document.activeElement).not.toBe(document.body);
    await expect(banner(canvasElement)).toHaveFocus();
  },
};

export const Narrow320: Story = {
  name: '320 px: limited with an action, low with dismiss',
  args: { action: usageLink, fixed: { limit: 1_000_000, remaining: 12_345, resetInMs: 26 * 3600_000 } },
  decorators: [narrow320],
  play: async ({ canvasElement }) => {
    await expect(banner(canvasElement)).toHaveTextContent(/12,345 of 1,000,000 requests left, resets at/);
    await expectFits(within(canvasElement).getByTestId('narrow'));
  },
};

export const RightToLeft: Story = {
  name: 'Right to left: dismiss at the end (left)',
  args: { fixed: { limit: 1000, remaining: 12, resetInMs: 4 * 60_000 } },
  parameters: rtl,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dismiss = canvas.getByRole('button', { name: 'Dismiss rate-limit warning' }).getBoundingClientRect();
    const root = banner(canvasElement).getBoundingClientRect();
    // Inline end is the left edge in RTL; its negative end margin pulls it towards that edge, as
    // in LTR (padding 16 px + border 1 px − margin 8 px), not into the message.
    await expect(dismiss.left - root.left).toBeLessThan(12);
  },
};

export const ForcedColors: Story = {
  name: 'Forced colours: low, with dismiss',
  args: { fixed: { limit: 1000, remaining: 12, resetInMs: 4 * 60_000 } },
  parameters: forcedColors,
  play: async ({ canvasElement }) => {
    await expectForcedColors();
    const dismiss = getComputedStyle(within(canvasElement).getByRole('button', { name: 'Dismiss rate-limit warning' }));
    // The borderless icon button gets an edge, so it reads as a button.
    await expect(dismiss.borderTopStyle).toBe('solid');
    await expect(dismiss.borderTopWidth).toBe('1px');
  },
};

export const ForcedColorsLimited: Story = {
  name: 'Forced colours: limited',
  args: { fixed: { limit: 100, remaining: 0, isLimited: true, retryInMs: 42_000, resetInMs: 42_000 } },
  parameters: forcedColors,
  play: async ({ canvasElement }) => {
    await expectForcedColors();
    await expect(banner(canvasElement)).toHaveAttribute('data-state', 'limited');
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { LoadMore } from '../src/components/LoadMore.js';
import { SenseiErrorPanel } from '../src/components/SenseiErrorPanel.js';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import { SenseiProvider } from '../src/react/SenseiProvider.js';
import { useInfiniteList } from '../src/react/useInfiniteList.js';
import { type ActivityEvent, createMockSenseiApi, type MockScenario } from '../src/testing/index.js';

interface FeedStoryProps {
  /** Events in the feed. */
  events?: number;
  /** The mock's scenario from the start. */
  scenario?: MockScenario;
  /** A scenario switched on once the first page is on screen. */
  after?: MockScenario;
  /** Prefetch the next page (off where a story counts requests). */
  prefetchNext?: boolean;
  auto?: boolean;
  locale?: string;
}

/** An activity feed over its own mock API (`GET /v1/activity`), so every story starts fresh. */
function FeedStory({ events = 150, scenario, after, prefetchNext = false, auto = false, locale = 'en-US' }: FeedStoryProps) {
  const [sensei] = useState(() => {
    const api = createMockSenseiApi({ activity: events, scenario: { slow: { latencyMs: 150 }, ...scenario } });
    const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: 'sk_storybook_demo', fetch: api.fetch, shareAcrossTabs: false });
    return { api, client, queryClient: new QueryClient() };
  });
  return (
    // No automatic retries: a failed page shows at once (the retry policy has its own stories).
    <SenseiProvider client={sensei.client} queryClient={sensei.queryClient} retry={0}>
      <Feed api={sensei.api} after={after} prefetchNext={prefetchNext} auto={auto} locale={locale} />
    </SenseiProvider>
  );
}

function Feed({ api, after, prefetchNext, auto, locale }: { api: ReturnType<typeof createMockSenseiApi> } & FeedStoryProps) {
  const feed = useInfiniteList<ActivityEvent>({ path: '/v1/activity', prefetchNext });
  const shown = feed.isSuccess;
  useEffect(() => {
    if (shown && after) api.setScenario(after);
  }, [shown, after, api]);
  return (
    <section aria-label="Activity" style={{ maxInlineSize: '40rem' }}>
      {/* A scrollable region must be reachable by keyboard: tabIndex 0. */}
      <ul aria-label="Events" tabIndex={0} style={{ margin: 0, maxBlockSize: '14rem', overflow: 'auto', paddingInlineStart: '1.25rem' }}>
        {feed.items.map((event) => (
          <li key={event.id}>{event.message}</li>
        ))}
      </ul>
      {feed.isFetchNextPageError && feed.error ? <SenseiErrorPanel error={feed.error} /> : null}
      <LoadMore list={feed} auto={auto} locale={locale} />
    </section>
  );
}

const meta = {
  title: 'Components/LoadMore',
  component: FeedStory,
  args: { locale: 'en-US' },
} satisfies Meta<typeof FeedStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const loadMore = (canvasElement: HTMLElement) => within(canvasElement).findByRole('button', { name: /Load 50 more|Loading…|Try again|All/ }, { timeout: 5000 });

export const FirstPage: Story = {
  name: 'First page',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Load 50 more' }, { timeout: 5000 })).not.toHaveAttribute('aria-disabled');
    await expect(canvas.getByRole('status')).toHaveTextContent('Loaded 50 of 150');
    await expect(canvas.getAllByRole('listitem')).toHaveLength(50);
  },
};

export const LoadingMore: Story = {
  name: 'Loading more',
  // Page 1 arrives; every later page takes a minute.
  args: { after: { slow: { latencyMs: 60_000 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Load 50 more' }, { timeout: 5000 }));
    const button = await canvas.findByRole('button', { name: 'Loading…' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveFocus();
    await expect(canvasElement.querySelector('[data-slot="load-more"]')).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('status')).toHaveTextContent('Loaded 50 of 150');
  },
};

export const EndOfList: Story = {
  name: 'End of list',
  args: { events: 80 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Load 30 more' }, { timeout: 5000 }));
    const button = await canvas.findByRole('button', { name: 'All 80 loaded' }, { timeout: 5000 });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveFocus();
    await expect(canvas.getByRole('status')).toHaveTextContent('Loaded 80 of 80');
  },
};

export const RateLimited: Story = {
  name: 'Rate-limited',
  // The first page spends the window (`X-RateLimit-Remaining: 0`, reset in 2 minutes).
  args: { scenario: { rateLimitOnce: { mode: 'remaining-zero', resetInSeconds: 120, retryAfterSeconds: null } }, auto: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: 'Load 50 more' }, { timeout: 5000 });
    await expect(canvasElement.querySelector('[data-slot="load-more"]')).toHaveAttribute('data-state', 'waiting');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription('Paused by the rate limit; loading resumes when it resets.');
    await expect(canvas.getAllByRole('listitem')).toHaveLength(50);
  },
};

export const AutoPrefetched: Story = {
  name: 'Automatic, each page prefetched',
  // The end of this short list stays in view, so every page follows the last; each is prefetched
  // (no latency), so it is there before React could render "Loading…".
  args: { auto: true, prefetchNext: true, scenario: { slow: { latencyMs: 0 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'All 150 loaded' }, { timeout: 5000 })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getAllByRole('listitem')).toHaveLength(150);
    await expect(canvas.getByRole('status')).toHaveTextContent('Loaded 150 of 150');
  },
};

export const ErrorOnPage3: Story = {
  name: 'Error on page 3, pages 1–2 kept',
  // Requests 1 and 2 pass, the third (page 3) fails with a 500; later ones pass again.
  args: { scenario: { flaky: { sequence: [200, 200, 500], match: { path: '/v1/activity' } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Load 50 more' }, { timeout: 5000 }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Load 50 more' }, { timeout: 5000 }));
    await expect(await canvas.findByRole('button', { name: 'Try again' }, { timeout: 5000 })).toHaveFocus();
    await expect(canvas.getAllByRole('listitem')).toHaveLength(100);
    // The failed page's panel has its own (empty) status region: find ours by its text.
    await expect(canvas.getByText('Loaded 100 of 150')).toHaveAttribute('role', 'status');
    await expect(await canvas.findByRole('alert')).toBeInTheDocument();
    await userEvent.click(await loadMore(canvasElement));
    await expect(await canvas.findByRole('button', { name: 'All 150 loaded' }, { timeout: 5000 })).toBeInTheDocument();
  },
};

/** German labels and numbers, right to left, 320 px wide: the button wraps inside the column. */
export const NarrowRtl: Story = {
  name: '320 px, right to left, de-DE numbers',
  args: { events: 1250, locale: 'de-DE' },
  render: (args) => (
    <div dir="rtl" lang="de" style={{ inlineSize: '320px' }}>
      <FeedStory {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: 'Load 50 more' }, { timeout: 5000 });
    await expect(canvas.getByRole('status')).toHaveTextContent('Loaded 50 of 1.250');
    const root = canvasElement.querySelector('[data-slot="load-more"]') as HTMLElement;
    // Nothing sticks out of the 320 px column.
    await expect(root.scrollWidth).toBeLessThanOrEqual(320);
    await expect(button.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    await expect(getComputedStyle(root).direction).toBe('rtl');
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Paginator, type PaginatorChangeDetails } from '../src/components/Paginator.js';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import { SenseiProvider } from '../src/react/SenseiProvider.js';
import { usePaginatedList } from '../src/react/usePaginatedList.js';
import { createMockSenseiApi } from '../src/testing/index.js';
import { expectFits, expectForcedColors, forcedColors, narrow320, rtl } from './stressChecks.js';

interface PaginatorDemoProps {
  /** Items in the list. */
  total: number;
  /** The page shown first. */
  page?: number;
  perPage?: number;
  perPageOptions?: number[];
  /** Render links (`?page=N`) instead of buttons; clicks are routed client-side. */
  links?: boolean;
  loading?: boolean;
  locale?: string;
  variant?: 'default' | 'compact';
  showJumper?: boolean;
  hideOnSinglePage?: boolean;
  /** The page the app holds, even past the end (a controlled page after deletions). */
  controlledPage?: number;
  onPageChange?: (page: number, details: PaginatorChangeDetails) => void;
  onPerPageChange?: (perPage: number) => void;
}

/** A paginator over a seed `pagination` object, with the page kept in state as an app would. */
function PaginatorDemo({
  total,
  page: initialPage = 1,
  perPage: initialPerPage = 50,
  perPageOptions,
  links,
  loading,
  locale,
  variant,
  showJumper,
  hideOnSinglePage,
  controlledPage,
  onPageChange,
  onPerPageChange,
}: PaginatorDemoProps) {
  const [page, setPage] = useState(controlledPage ?? initialPage);
  const [perPage, setPerPage] = useState(initialPerPage);
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const pagination = { total, page, per_page: perPage, total_pages: totalPages, has_next: page < totalPages, has_prev: page > 1 };
  const change = (next: number, details: PaginatorChangeDetails) => {
    // Client-side routing: the app decides, so the link does not reload the story.
    if (links) details.event.preventDefault();
    onPageChange?.(next, details);
    setPage(next);
  };
  const perPageProps = perPageOptions
    ? {
        perPageOptions,
        onPerPageChange: (next: number) => {
          onPerPageChange?.(next);
          setPage((current) => Math.floor(((current - 1) * perPage) / next) + 1);
          setPerPage(next);
        },
      }
    : {};
  return (
    <Paginator
      pagination={pagination}
      onPageChange={change}
      getHref={links ? (p) => `?page=${p}` : undefined}
      loading={loading}
      locale={locale}
      variant={variant}
      showJumper={showJumper}
      hideOnSinglePage={hideOnSinglePage}
      {...perPageProps}
    />
  );
}

const meta = {
  title: 'Components/Paginator',
  component: PaginatorDemo,
  args: { onPageChange: fn(), onPerPageChange: fn(), locale: 'en-US' },
} satisfies Meta<typeof PaginatorDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `1 … 49 50 51 … 100`, as a sighted user reads the window. */
function windowText(canvasElement: HTMLElement) {
  return Array.from(canvasElement.querySelectorAll('[data-kind="page"], [data-kind="ellipsis"]'))
    .map((item) => item.textContent)
    .join(' ');
}

function expectPage(canvasElement: HTMLElement, page: string, window: string, range: string) {
  const canvas = within(canvasElement);
  return Promise.all([
    expect(canvas.getByRole('button', { current: 'page' })).toHaveAccessibleName(`Page ${page}`),
    expect(windowText(canvasElement)).toBe(window),
    expect(canvas.getByRole('status')).toHaveTextContent(range),
  ]);
}

export const OnePage: Story = {
  name: 'Page 1 of 1',
  args: { total: 12 },
  play: async ({ canvasElement }) => {
    await expectPage(canvasElement, '1', '1', 'Showing 1–12 of 12');
    const canvas = within(canvasElement);
    for (const name of ['First page', 'Previous page', 'Next page', 'Last page']) {
      await expect(canvas.getByRole('button', { name })).toBeDisabled();
    }
  },
};

export const NoItems: Story = {
  name: '0 items',
  args: { total: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('No items');
    await expect(canvas.getByRole('navigation', { name: 'Pagination' })).toHaveAttribute('data-state', 'empty');
    // Nothing to page to: no four disabled arrows.
    await expect(canvas.queryAllByRole('button')).toHaveLength(0);
  },
};

export const FirstOf100: Story = {
  name: 'Page 1 of 100',
  args: { total: 5000, page: 1 },
  play: async ({ canvasElement }) => {
    await expectPage(canvasElement, '1', '1 2 3 4 5 … 100', 'Showing 1–50 of 5,000');
    await expect(within(canvasElement).getByRole('button', { name: 'Previous page' })).toBeDisabled();
  },
};

export const SecondOf100: Story = {
  name: 'Page 2 of 100',
  args: { total: 5000, page: 2 },
  play: async ({ canvasElement }) => {
    await expectPage(canvasElement, '2', '1 2 3 4 5 … 100', 'Showing 51–100 of 5,000');
  },
};

export const MiddleOf100: Story = {
  name: 'Page 50 of 100',
  args: { total: 5000, page: 50 },
  play: async ({ canvasElement, args }) => {
    await expectPage(canvasElement, '50', '1 … 49 50 51 … 100', 'Showing 2,451–2,500 of 5,000');
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await expectPage(canvasElement, '51', '1 … 50 51 52 … 100', 'Showing 2,501–2,550 of 5,000');
    await expect(args.onPageChange).toHaveBeenCalledWith(51, expect.objectContaining({ reason: 'next' }));
  },
};

export const NextToLastOf100: Story = {
  name: 'Page 99 of 100',
  args: { total: 5000, page: 99 },
  play: async ({ canvasElement }) => {
    await expectPage(canvasElement, '99', '1 … 96 97 98 99 100', 'Showing 4,901–4,950 of 5,000');
  },
};

export const LastOf100: Story = {
  name: 'Page 100 of 100',
  args: { total: 5000, page: 100 },
  play: async ({ canvasElement }) => {
    await expectPage(canvasElement, '100', '1 … 96 97 98 99 100', 'Showing 4,951–5,000 of 5,000');
    await expect(within(canvasElement).getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

export const Page4000Of10000: Story = {
  name: 'Page 4,000 of 10,000',
  args: { total: 500_000, page: 4000 },
  play: async ({ canvasElement }) => {
    await expectPage(canvasElement, '4,000', '1 … 3,999 4,000 4,001 … 10,000', 'Showing 199,951–200,000 of 500,000');
  },
};

export const MillionPages: Story = {
  name: '10⁶ pages (same width as 10)',
  args: { total: 50_000_000, page: 500_000 },
  play: async ({ canvasElement }) => {
    await expectPage(canvasElement, '500,000', '1 … 499,999 500,000 500,001 … 1,000,000', 'Showing 24,999,951–25,000,000 of 50,000,000');
    await expect(canvasElement.querySelectorAll('[data-kind="page"], [data-kind="ellipsis"]')).toHaveLength(7);
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Last page' }));
    await expectPage(canvasElement, '1,000,000', '1 … 999,996 999,997 999,998 999,999 1,000,000', 'Showing 49,999,951–50,000,000 of 50,000,000');
  },
};

export const WithPerPageSelect: Story = {
  name: 'With per-page select',
  args: { total: 150, page: 2, perPageOptions: [25, 50, 100] },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Showing 51–100 of 150');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Per page' }), '25');
    await expect(args.onPerPageChange).toHaveBeenCalledWith(25);
    await expectPage(canvasElement, '3', '1 2 3 4 5 6', 'Showing 51–75 of 150');
  },
};

export const WithLinks: Story = {
  name: 'With links (URL-synced)',
  args: { total: 5000, page: 1, links: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '?page=2');
    await expect(canvas.getByRole('link', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(canvas.getByRole('link', { name: 'Page 3' }));
    await expect(canvas.getByRole('link', { current: 'page' })).toHaveAccessibleName('Page 3');
  },
};

export const Loading: Story = {
  name: 'Loading the next page',
  args: { total: 150, page: 2, loading: true },
  play: async ({ canvasElement }) => {
    const nav = within(canvasElement).getByRole('navigation', { name: 'Pagination' });
    await expect(nav).toHaveAttribute('aria-busy', 'true');
    await expect(nav).toHaveAttribute('data-state', 'loading');
  },
};

export const Keyboard: Story = {
  name: 'Keyboard: arrows, Home, End',
  args: { total: 5000, page: 50 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('button', { name: 'First page' }).focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect(canvas.getByRole('button', { name: 'Page 1' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('button', { name: 'Last page' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 100');
    await expect(canvas.getByRole('button', { name: 'Page 100' })).toHaveFocus();
  },
};

// ── Issue 18: variants, stress, themes ─────────────────────────────────────────────────────────

export const Compact: Story = {
  name: 'Compact ("3 / 10")',
  args: { total: 500, page: 3, variant: 'compact' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('[data-slot="paginator-compact"]')).toHaveTextContent('3 / 10');
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await expect(canvasElement.querySelector('[data-slot="paginator-compact"]')).toHaveTextContent('4 / 10');
  },
};

export const QuickJumper: Story = {
  name: 'Quick jumper',
  args: { total: 5000, page: 1, showJumper: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('spinbutton', { name: 'Go to page' }), '42{Enter}');
    await expect(canvas.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 42');
    await userEvent.type(canvas.getByRole('spinbutton', { name: 'Go to page' }), '1000{Enter}');
    await expect(canvas.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 100');
  },
};

export const HideOnSinglePage: Story = {
  name: 'hideOnSinglePage with one page',
  args: { total: 12, hideOnSinglePage: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('navigation')).toBeNull();
  },
};

export const PastTheEnd: Story = {
  name: 'Controlled page past the end (clamped)',
  args: { total: 150, controlledPage: 5 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 3');
    await expect(canvas.getByRole('status')).toHaveTextContent('Showing 101–150 of 150');
    await userEvent.click(canvas.getByRole('button', { name: 'Previous page' }));
    await expect(canvas.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 2');
  },
};

/** A router's links through `renderItem` (here plain anchors that route in place). */
function RouterLinksDemo() {
  const [page, setPage] = useState(2);
  return (
    <Paginator
      pagination={{ total: 500, page, per_page: 50, total_pages: 10, has_next: page < 10, has_prev: page > 1 }}
      onPageChange={(next, details) => {
        details.event.preventDefault();
        setPage(next);
      }}
      getHref={(p) => `?page=${p}`}
      locale="en-US"
      renderItem={(item) =>
        item.disabled ? <span {...item.props} role="link" aria-disabled="true" /> : <a href={item.href} data-router-link="" {...item.props} />
      }
    />
  );
}

export const RouterLinks: StoryObj<typeof RouterLinksDemo> = {
  name: 'renderItem: router links',
  render: () => <RouterLinksDemo />,
  args: {},
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('link', { name: 'Page 3' }));
    await expect(canvas.getByRole('link', { current: 'page' })).toHaveAccessibleName('Page 3');
    await expect(canvas.getByRole('link', { name: 'Next page' })).toHaveAttribute('data-router-link');
  },
};

export const Narrow320: Story = {
  name: '320 px: wraps, no sideways scroll',
  args: { total: 500_000, page: 4000, perPageOptions: [25, 50, 100], showJumper: true },
  decorators: [narrow320],
  play: async ({ canvasElement }) => {
    const container = within(canvasElement).getByTestId('narrow');
    await expectFits(container);
    // The window drops to the current page; the arrows and the jumper reach the rest.
    const visible = [...container.querySelectorAll<HTMLElement>('[data-kind="page"], [data-kind="ellipsis"]')].filter((el) => el.offsetParent !== null);
    await expect(visible.map((el) => el.textContent)).toEqual(['4,000']);
  },
};

export const CompactNarrow320: Story = {
  name: '320 px, compact',
  args: { total: 500_000, page: 4000, variant: 'compact' },
  decorators: [narrow320],
  play: async ({ canvasElement }) => {
    await expectFits(within(canvasElement).getByTestId('narrow'));
  },
};

export const RightToLeft: Story = {
  name: 'Right to left',
  args: { total: 5000, page: 50 },
  parameters: rtl,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const first = canvas.getByRole('button', { name: 'First page' }).getBoundingClientRect();
    const last = canvas.getByRole('button', { name: 'Last page' }).getBoundingClientRect();
    // "First" sits at the start of the line, which is the right in RTL.
    await expect(first.left).toBeGreaterThan(last.left);
    canvas.getByRole('button', { name: 'First page' }).focus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(canvas.getByRole('button', { name: 'Previous page' })).toHaveFocus();
  },
};

export const ForcedColors: Story = {
  name: 'Forced colours: the current page stands out',
  args: { total: 5000, page: 50 },
  parameters: forcedColors,
  play: async ({ canvasElement }) => {
    await expectForcedColors();
    const canvas = within(canvasElement);
    const current = getComputedStyle(canvas.getByRole('button', { current: 'page' }));
    const other = getComputedStyle(canvas.getByRole('button', { name: 'Page 51' }));
    // Marked by a system colour fill, not only by weight.
    await expect(current.backgroundColor).not.toBe(other.backgroundColor);
    await expect(current.color).not.toBe(other.color);
  },
};

export const Dark: Story = {
  name: 'Dark (opt-in)',
  args: { total: 5000, page: 50, perPageOptions: [25, 50, 100], showJumper: true },
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(getComputedStyle(document.body).backgroundColor).toBe('rgb(12, 17, 29)');
    await expect(within(canvasElement).getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 50');
  },
};

/** One mock API per story file: state (the 150 migrations) survives re-renders. */
const api = createMockSenseiApi({ scenario: { slow: { latencyMs: 300 } } });
const client = createSenseiClient({ baseUrl: api.baseUrl, apiKey: 'sk_storybook_demo', fetch: api.fetch, shareAcrossTabs: false });

function WithSensei({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <SenseiProvider client={client} queryClient={queryClient}>
      {children}
    </SenseiProvider>
  );
}

function LiveMigrations() {
  const list = usePaginatedList<{ id: string; name?: string; status: string }>({ path: '/v1/migrations' });
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      {/* A scrollable region must be reachable by keyboard: tabIndex 0. */}
      <ul aria-label="Migrations" tabIndex={0} style={{ margin: 0, maxHeight: '12rem', overflow: 'auto' }}>
        {list.items.map((item) => (
          <li key={item.id}>
            {item.id} — {item.status}
          </li>
        ))}
      </ul>
      <Paginator list={list} perPageOptions={[25, 50, 100]} locale="en-US" />
    </div>
  );
}

/** `usePaginatedList` against the mock API (300 ms latency): the next page is prefetched. */
export const LiveWithUsePaginatedList: StoryObj<typeof LiveMigrations> = {
  name: 'Live: usePaginatedList against the mock API',
  render: () => (
    <WithSensei>
      <LiveMigrations />
    </WithSensei>
  ),
  args: {},
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Showing 1–50 of 150', {}, { timeout: 5000 })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await expect(await canvas.findByText('Showing 51–100 of 150', {}, { timeout: 5000 })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 2');
  },
};

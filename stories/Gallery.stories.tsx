import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { expect, fn, within } from 'storybook/test';
import { OperationProgress } from '../src/components/OperationProgress.js';
import { Paginator } from '../src/components/Paginator.js';
import { RateLimitBanner } from '../src/components/RateLimitBanner.js';
import { SenseiErrorPanel } from '../src/components/SenseiErrorPanel.js';
import { SenseiToaster } from '../src/components/SenseiToaster.js';
import { createSenseiClient, type SenseiClient } from '../src/core/createSenseiClient.js';
import type { RateLimitState } from '../src/core/RateLimitStore.js';
import { SenseiHttpError, SenseiNetworkError } from '../src/core/SenseiError.js';
import { SENSEI_STATUS_CODES } from '../src/core/statusCodes.js';
import { toErrorState } from '../src/core/toErrorState.js';
import { SenseiProvider } from '../src/react/SenseiProvider.js';
import { useSenseiToast } from '../src/react/useSenseiToast.js';
import { createMockSenseiApi, type MockScenario } from '../src/testing/index.js';
import { EmptyState } from '../src/components/EmptyState.js';
import { expectForcedColors, forcedColors } from './stressChecks.js';

// The key lives here, never in args: stories' args are shown in the UI.
const STORY_API_KEY = 'sk_story_only_gallery_9e2c';

/** One cell of the matrix: what it stands for, and the error the real client produced. */
interface Cell {
  key: string;
  label: string;
  error: unknown;
}

/** The error the real client throws when the mock API misbehaves as `scenario` says. */
async function failWith(scenario: MockScenario, options: { timeoutMs?: number } = {}): Promise<unknown> {
  const api = createMockSenseiApi({ apiKey: STORY_API_KEY, scenario });
  const client = createSenseiClient({
    baseUrl: api.baseUrl,
    apiKey: STORY_API_KEY,
    fetch: api.fetch,
    rateLimitGate: false,
    shareAcrossTabs: false,
    ...options,
  });
  try {
    await client.get('/v1/migrations');
  } catch (error) {
    return error;
  }
  throw new Error(`The mock API was expected to fail for ${JSON.stringify(scenario)}`);
}

/** Every 4xx/5xx row of the seed (from SENSEI_STATUS_CODES), then the failures without a usable response. */
async function loadCells(): Promise<Cell[]> {
  const statuses = SENSEI_STATUS_CODES.filter((info) => info.category !== 'success');
  const http = statuses.map(async (info): Promise<Cell> => {
    const scenario: MockScenario =
      info.status === 429 ? { rateLimitOnce: { retryAfterSeconds: 60 } } : { error: { status: info.status } };
    return { key: String(info.status), label: `${info.status} ${info.statusText}`, error: await failWith(scenario) };
  });
  return [
    ...(await Promise.all(http)),
    {
      key: 'offline',
      label: 'No connection (offline)',
      error: new SenseiNetworkError({ kind: 'network', message: 'You are offline.', offline: true }),
    },
    { key: 'timeout', label: 'Client timeout', error: await failWith({ slow: { latencyMs: 5_000 } }, { timeoutMs: 50 }) },
    { key: 'unexpected', label: 'Unreadable body of an undocumented status (truncated JSON)', error: await failWith({ malformed: { kind: 'truncated', status: 520 } }) },
  ];
}

const gridStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))',
  gap: '1rem',
  alignItems: 'start',
};

const cellLabelStyle: CSSProperties = {
  margin: '0 0 0.5rem',
  fontFamily: 'var(--sensei-font-family-mono)',
  fontSize: 'var(--sensei-font-size-small)',
  color: 'var(--sensei-color-muted)',
};

/** Every seed status (and offline, timeout, unexpected body) as `SenseiErrorPanel` shows it. */
function StatusMatrix({ cells }: { cells: readonly Cell[] }) {
  return (
    <div style={gridStyle}>
      {cells.map((cell) => (
        <section key={cell.key} data-cell={cell.key} aria-labelledby={`gallery-cell-${cell.key}`}>
          <h2 id={`gallery-cell-${cell.key}`} style={cellLabelStyle}>
            {cell.label}
          </h2>
          <SenseiErrorPanel
            error={cell.error}
            headingLevel={3}
            onRetry={fn()}
            onRefresh={fn()}
            onSignIn={fn()}
            onGoBack={fn()}
            onContactSupport={fn()}
            onDismiss={fn()}
          />
        </section>
      ))}
    </div>
  );
}

const meta = {
  title: 'Gallery',
  parameters: { layout: 'padded' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The matrix "every seed status × SenseiErrorPanel", each error produced by the real client over the mock API. */
export const EveryStatusErrorPanel: Story = {
  name: 'Every status × SenseiErrorPanel',
  loaders: [async () => ({ cells: await loadCells() })],
  render: (_args, { loaded }) => <StatusMatrix cells={(loaded as { cells: Cell[] }).cells} />,
  play: async ({ canvasElement, loaded }) => {
    const cells = (loaded as { cells: Cell[] }).cells;
    const statuses = SENSEI_STATUS_CODES.filter((info) => info.category !== 'success');
    await expect(cells).toHaveLength(statuses.length + 3);
    for (const cell of cells) {
      const section = canvasElement.querySelector<HTMLElement>(`[data-cell="${cell.key}"]`);
      await expect(section).not.toBeNull();
      const alert = within(section as HTMLElement).getByRole('alert');
      const { title, kind } = toErrorState(cell.error);
      await expect(within(alert).getByRole('heading', { level: 3, name: title })).toBeInTheDocument();
      await expect(alert).toHaveAttribute('data-kind', kind);
      const status = Number(cell.key);
      // The status is in the panel's quiet details line (issue 18: one title, one message).
      if (Number.isInteger(status)) await expect(alert).toHaveTextContent(`HTTP ${status}`);
    }
    await expect(within(canvasElement.querySelector('[data-cell="unexpected"]') as HTMLElement).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Unexpected response',
    );
    // Each failure kind of the seed's table gets a state of its own, not one generic fallback.
    const kinds = new Set(cells.map((cell) => toErrorState(cell.error).kind));
    await expect(kinds.size).toBeGreaterThanOrEqual(12);
  },
};

// ── Every component in dark mode ─────────────────────────────────────────────────────────────

const darkSurface: CSSProperties = {
  display: 'grid',
  gap: '1.25rem',
  padding: '1.25rem',
  background: 'var(--sensei-color-bg)',
  color: 'var(--sensei-color-fg)',
  fontFamily: 'var(--sensei-font-family)',
  borderRadius: 'var(--sensei-radius)',
};

const sectionTitle: CSSProperties = { margin: '0 0 0.5rem', fontSize: '1rem' };

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = `gallery-dark-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} style={sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Pushes one app toast when mounted; it stays until dismissed. */
function ShowToast() {
  const { toast } = useSenseiToast();
  useEffect(() => {
    // The same id twice (Strict Mode) updates the one toast instead of adding another.
    toast({
      id: 'gallery-dark-toast',
      variant: 'success',
      title: 'Migration completed',
      description: 'Import users finished: 1,000 records.',
      action: { label: 'View', altText: 'View the migration in the list', onClick: () => {} },
      duration: Number.POSITIVE_INFINITY,
    });
  }, [toast]);
  return null;
}

function DarkGallery({ theme = 'dark' }: { theme?: 'dark' | 'system' | 'light' } = {}) {
  const [setup] = useState(() => {
    const now = Date.now();
    const api = createMockSenseiApi({ apiKey: STORY_API_KEY });
    const client: SenseiClient = createSenseiClient({ baseUrl: api.baseUrl, apiKey: STORY_API_KEY, fetch: api.fetch, shareAcrossTabs: false });
    const limited: RateLimitState = { limit: 1000, remaining: 0, resetAt: now + 42_000, retryAt: now + 42_000, isLimited: true, headersHidden: false };
    const low: RateLimitState = { limit: 1000, remaining: 12, resetAt: now + 15 * 60_000, retryAt: undefined, isLimited: false, headersHidden: false };
    const error = new SenseiHttpError({
      kind: 'http',
      status: 503,
      code: 'E5030',
      message: 'Service unavailable: maintenance in progress',
      requestId: 'req_7c1e0b5a9d3f',
      retryAfterMs: 0,
    });
    const failedMigration = new SenseiHttpError({
      kind: 'http',
      status: 500,
      code: 'E5000',
      message: 'Migration failed: upstream connection lost',
      requestId: 'req_4b8d2f6a1c9e',
    });
    return { client, limited, low, error, failedMigration, startedAt: now - 42_000 };
  });

  return (
    <SenseiProvider client={setup.client}>
      <div data-theme={theme} style={darkSurface} data-testid="dark-surface">
        <Part title="Error panel">
          <SenseiErrorPanel error={setup.error} headingLevel={3} onRetry={fn()} />
        </Part>
        <Part title="Rate-limit banner">
          <div style={{ display: 'grid', gap: '0.75rem' }}>
            <RateLimitBanner state={setup.limited} locale="en-US" />
            <RateLimitBanner state={setup.low} locale="en-US" />
          </div>
        </Part>
        <Part title="Paginator">
          <Paginator
            pagination={{ total: 500_000, page: 4_000, per_page: 50, total_pages: 10_000, has_next: true, has_prev: true }}
            onPageChange={fn()}
            perPageOptions={[25, 50, 100]}
            onPerPageChange={fn()}
            locale="en-US"
          />
        </Part>
        <Part title="Operation progress">
          <div style={{ display: 'grid', gap: '0.75rem', maxWidth: '28rem' }}>
            <OperationProgress
              operation={{ status: 'polling', operationStatus: 'running', progress: 40, error: null, startedAt: setup.startedAt, cancel: fn() }}
              locale="en-US"
            />
            <OperationProgress
              operation={{ status: 'failed', operationStatus: 'failed', progress: undefined, error: setup.failedMigration, startedAt: setup.startedAt }}
              locale="en-US"
              renderError={(error) => <SenseiErrorPanel error={error} variant="compact" headingLevel={3} showRequestId />}
            />
          </div>
        </Part>
        <Part title="Empty state">
          <EmptyState kind="filtered" onClearFilters={fn()} description="No migration matches these filters." />
        </Part>
        <Part title="Toast">
          <ShowToast />
          {/* In the flow of the gallery instead of fixed to a corner of the viewport. */}
          <SenseiToaster style={{ position: 'static', width: 'auto', maxWidth: '26rem', padding: 0, margin: 0 }} />
        </Part>
      </div>
    </SenseiProvider>
  );
}

/** Every component on a `data-theme="dark"` surface; axe checks its contrast in Chromium. */
export const EveryComponentDark: Story = {
  name: 'Every component, dark mode',
  render: () => <DarkGallery />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const surface = canvas.getByTestId('dark-surface');
    // The dark tokens apply: the surface is the dark background, not white.
    await expect(getComputedStyle(surface).backgroundColor).toBe('rgb(12, 17, 29)');
    await expect(canvas.getByRole('heading', { name: 'Service unavailable' })).toBeInTheDocument();
    await expect(surface.querySelector('[data-slot="rate-limit-banner"][data-state="limited"]')).toHaveTextContent(/Rate limit reached/);
    await expect(surface.querySelector('[data-slot="rate-limit-banner"][data-state="low"]')).toHaveTextContent('12 of 1,000 requests left');
    await expect(canvas.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent('Showing 199,951–200,000 of 500,000');
    await expect(canvas.getByRole('button', { name: 'Page 4,000' })).toHaveAttribute('aria-current', 'page');
    await expect(canvas.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '40');
    await expect(canvas.getByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    await expect(await canvas.findByText('Migration completed')).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'View' })).toBeInTheDocument();
  },
};

// ── Issue 18: dark is opt-in; forced colours ─────────────────────────────────────────────────

/** The OS prefers dark, the app never asked for dark: the components stay light (no 2.96:1 text). */
export const OsPrefersDarkAppLight: Story = {
  name: 'OS prefers dark, app never opted in: light',
  parameters: { theme: 'none', emulate: { colorScheme: 'dark' } },
  render: () => (
    <Paginator
      pagination={{ total: 500, page: 3, per_page: 50, total_pages: 10, has_next: true, has_prev: true }}
      onPageChange={fn()}
      locale="en-US"
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(window.matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
    const page = within(canvasElement).getByRole('button', { name: 'Page 4' });
    await expect(getComputedStyle(page).backgroundColor).toBe('rgb(255, 255, 255)');
    await expect(getComputedStyle(document.body).backgroundColor).toBe('rgb(255, 255, 255)');
  },
};

/** `data-theme="system"` opts in to following the OS: dark here, because the OS prefers dark. */
export const FollowTheSystem: Story = {
  name: 'data-theme="system" follows the OS (dark)',
  parameters: { theme: 'system', emulate: { colorScheme: 'dark' } },
  render: () => <DarkGallery theme="system" />,
  play: async ({ canvasElement }) => {
    const surface = within(canvasElement).getByTestId('dark-surface');
    await expect(getComputedStyle(surface).backgroundColor).toBe('rgb(12, 17, 29)');
  },
};

/** Every component with the system's colours (Windows High Contrast); axe runs on it too. */
export const EveryComponentForcedColors: Story = {
  name: 'Every component, forced colours',
  parameters: { ...forcedColors, theme: 'light' },
  render: () => <DarkGallery theme="light" />,
  play: async ({ canvasElement }) => {
    await expectForcedColors();
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '40');
    const current = getComputedStyle(canvas.getByRole('button', { name: 'Page 4,000' }));
    const other = getComputedStyle(canvas.getByRole('button', { name: 'Page 4,001' }));
    await expect(current.backgroundColor).not.toBe(other.backgroundColor);
  },
};

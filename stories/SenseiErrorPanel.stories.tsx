import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SenseiErrorBoundary } from '../src/components/SenseiErrorBoundary.js';
import { SenseiErrorPanel } from '../src/components/SenseiErrorPanel.js';
import { createSenseiClient, type SenseiClient } from '../src/core/createSenseiClient.js';
import type { ErrorCatalog } from '../src/core/errorCatalog.js';
import { SenseiHttpError, SenseiNetworkError } from '../src/core/SenseiError.js';
import { senseiThrowOnError } from '../src/react/senseiThrowOnError.js';
import { createMockSenseiApi, type MockScenario } from '../src/testing/index.js';
import { emulate, emulated } from './emulate.js';

// The key lives here, never in args: stories' args are shown in the UI.
const STORY_API_KEY = 'sk_story_only_2c4e6a';
const HOSTILE = '<img src=x onerror=alert(1)>';

function mockClient(scenario: MockScenario, options: { timeoutMs?: number } = {}): { client: SenseiClient; api: ReturnType<typeof createMockSenseiApi> } {
  const api = createMockSenseiApi({ apiKey: STORY_API_KEY, scenario });
  const client = createSenseiClient({
    baseUrl: api.baseUrl,
    apiKey: STORY_API_KEY,
    fetch: api.fetch,
    rateLimitGate: false,
    shareAcrossTabs: false,
    ...options,
  });
  return { client, api };
}

/** The error the real client throws when the mock API misbehaves as `scenario` says. */
async function failWith(scenario: MockScenario, options: { timeoutMs?: number } = {}): Promise<unknown> {
  const { client } = mockClient(scenario, options);
  try {
    await client.get('/v1/migrations');
  } catch (error) {
    return error;
  }
  throw new Error('The mock API was expected to fail');
}

/** A story that loads its error from the mock API. */
const fromApi = (scenario: MockScenario, options?: { timeoutMs?: number }) => [
  async () => ({ error: await failWith(scenario, options) }),
];

const meta = {
  title: 'Components/SenseiErrorPanel',
  component: SenseiErrorPanel,
  args: {
    error: null,
    variant: 'full',
    headingLevel: 2,
    onRetry: fn(),
    onRefresh: fn(),
    onSignIn: fn(),
    onGoBack: fn(),
    onContactSupport: fn(),
    onDismiss: fn(),
    onAction: fn(),
  },
  // `loaded.error` comes from the mock API through the real client.
  render: (args, { loaded }) => <SenseiErrorPanel {...args} error={loaded.error ?? args.error} />,
} satisfies Meta<typeof SenseiErrorPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Checks the heading and, when given, the text and an enabled button. */
function expectPanel(title: string, options: { text?: string; button?: string } = {}): NonNullable<Story['play']> {
  return async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(within(alert).getByRole('heading', { name: title })).toBeInTheDocument();
    if (options.text) await expect(alert).toHaveTextContent(options.text);
    if (options.button) await expect(within(alert).getByRole('button', { name: options.button })).toBeEnabled();
  };
}

// ── One story per seed status ──────────────────────────────────────────────────────────────

export const BadRequest400: Story = {
  loaders: fromApi({ error: { status: 400 } }),
  play: expectPanel('Request not accepted', { text: 'HTTP 400', button: 'Dismiss' }),
};

export const Unauthenticated401: Story = {
  loaders: fromApi({ error: { status: 401 } }),
  play: expectPanel('Sign-in required', { text: 'HTTP 401', button: 'Sign in' }),
};

export const Forbidden403: Story = {
  loaders: fromApi({ error: { status: 403 } }),
  play: expectPanel('Access denied', { text: 'HTTP 403', button: 'Go back' }),
};

export const NotFound404: Story = {
  loaders: fromApi({ error: { status: 404 } }),
  play: expectPanel('Not found', { text: 'HTTP 404', button: 'Go back' }),
};

export const MethodNotAllowed405: Story = {
  loaders: fromApi({ error: { status: 405 } }),
  play: expectPanel('Request not supported', { text: 'HTTP 405', button: 'Contact support' }),
};

export const Conflict409: Story = {
  loaders: fromApi({ error: { status: 409 } }),
  play: expectPanel('Changed in the meantime', { text: 'HTTP 409', button: 'Refresh and retry' }),
};

export const PayloadTooLarge413: Story = {
  loaders: fromApi({ error: { status: 413 } }),
  play: expectPanel('Too large', { text: 'HTTP 413', button: 'Dismiss' }),
};

export const UnsupportedMediaType415: Story = {
  loaders: fromApi({ error: { status: 415 } }),
  play: expectPanel('Request not supported', { text: 'HTTP 415' }),
};

export const Validation422: Story = {
  loaders: fromApi({ error: { status: 422 } }),
  play: async (context) => {
    await expectPanel('Check your input', { text: "missing required field 'name'" })(context);
    const list = within(context.canvasElement).getByRole('list', { name: 'Fields to fix' });
    await expect(list).toHaveTextContent('name: required');
  },
};

/** A live countdown: Retry is disabled until `Retry-After: 42` has passed. */
export const RateLimited429: Story = {
  loaders: fromApi({ rateLimitOnce: { retryAfterSeconds: 42 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(within(alert).getByRole('heading', { name: 'Too many requests' })).toBeInTheDocument();
    const retry = within(alert).getByRole('button', { name: 'Retry' });
    await expect(retry).toHaveAttribute('aria-disabled', 'true');
    await expect(retry).toHaveTextContent(/Retry in 0:(4[0-2]|3\d)/);
    await expect(alert).toHaveAttribute('data-state', 'waiting');
  },
};

/** A wait past the retry cap fails at once: the panel says when requests resume. */
export const RateLimitedForAnHour: Story = {
  name: 'Rate limited for an hour (Retry-After: 3600)',
  args: { locale: 'en-GB' },
  loaders: fromApi({ error: { status: 429, retryAfterSeconds: 3600 } }),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent(/Retry available at \d{1,2}:\d\d:\d\d/);
    const retry = within(alert).getByRole('button', { name: 'Retry' });
    await expect(retry).toHaveAttribute('aria-disabled', 'true');
    // A steady sentence for screen readers; the ticking countdown is hidden from them.
    await expect(retry).toHaveAccessibleDescription(/^Retry available at \d{1,2}:\d\d:\d\d$/);
  },
};

export const InternalServerError500: Story = {
  loaders: fromApi({ error: { status: 500 } }),
  play: expectPanel('Something went wrong', { text: 'HTTP 500', button: 'Retry' }),
};

export const BadGateway502: Story = {
  loaders: fromApi({ error: { status: 502 } }),
  play: expectPanel('Sensei is not responding', { text: 'HTTP 502', button: 'Retry' }),
};

export const ServiceUnavailable503: Story = {
  loaders: fromApi({ error: { status: 503, retryAfterSeconds: 8 } }),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(within(alert).getByRole('heading', { name: 'Service unavailable' })).toBeInTheDocument();
    await expect(alert).not.toHaveTextContent('Retry with backoff'); // developer wording stays out
    await expect(alert.querySelector('[data-slot="error-panel-details"]')).toHaveTextContent(/^Code E\d+ · HTTP 503$/);
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toHaveAttribute('aria-disabled', 'true');
  },
};

export const GatewayTimeout504: Story = {
  loaders: fromApi({ error: { status: 504 } }),
  play: expectPanel('Sensei is not responding', { text: 'HTTP 504', button: 'Retry' }),
};

// ── Failures without a usable response ─────────────────────────────────────────────────────

/** The browser reports being offline. */
export const Offline: Story = {
  args: { error: new SenseiNetworkError({ kind: 'network', message: 'You are offline.', offline: true }) },
  play: expectPanel('You are offline', { button: 'Retry' }),
};

/** Online, but the API cannot be reached (connection dropped). */
export const NetworkUnreachable: Story = {
  loaders: fromApi({ offline: true }),
  play: expectPanel('Cannot reach Sensei', { button: 'Retry' }),
};

export const Timeout: Story = {
  loaders: fromApi({ slow: { latencyMs: 5_000 } }, { timeoutMs: 50 }),
  play: expectPanel('Request timed out', { button: 'Retry' }),
};

/** A body that is not the standard one, on a status the API does not document (a documented one keeps its own state). */
export const UnexpectedBody: Story = {
  loaders: fromApi({ malformed: { kind: 'truncated', status: 520 } }),
  play: async (context) => {
    await expectPanel('Unexpected response', { text: 'HTTP 520', button: 'Retry' })(context);
    await expect(context.canvasElement.querySelector('[data-slot="request-id-value"]')).toHaveTextContent(/^req_/);
  },
};

// ── Content and customisation ──────────────────────────────────────────────────────────────

export const ValidationWithFieldDetails: Story = {
  loaders: fromApi({
    error: {
      status: 422,
      message: 'Validation failed: 3 fields are invalid',
      details: {
        fields: [
          { field: 'name', message: 'is required' },
          { field: 'source.url', message: 'must be an https URL' },
          { field: 'batch_size', message: 'must be between 1 and 10000' },
        ],
      },
    },
  }),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('list', { name: 'Fields to fix' });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    await expect(list).toHaveTextContent('source.url: must be an https URL');
  },
};

export const LongMessage: Story = {
  args: {
    error: new SenseiHttpError({
      kind: 'http',
      status: 500,
      code: 'E5000',
      requestId: 'req_9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      message: `${'The migration worker lost its lease while copying the batch, and the coordinator could not reassign it before the deadline. '.repeat(5)}${'x'.repeat(300)}`,
    }),
  },
  parameters: { layout: 'padded' },
  decorators: [(Story) => <div style={{ maxWidth: 420 }}>{Story()}</div>],
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('lost its lease');
    // Wraps instead of overflowing its box.
    await expect(alert.scrollWidth).toBeLessThanOrEqual(alert.clientWidth + 1);
  },
};

const catalog: ErrorCatalog = {
  codes: {
    E9001: {
      kind: 'forbidden',
      title: 'Upgrade to run more migrations',
      message: 'Your plan allows 3 migrations at a time.',
      solution: 'Upgrade your plan or wait for a migration to finish',
      actions: [{ type: 'custom', id: 'upgrade', label: 'Upgrade plan' }, 'go-back'],
    },
  },
};

/** An app's catalog entry for its own code (the codes here are examples, not Sensei's list). */
export const CustomCatalogEntry: Story = {
  args: { catalog },
  loaders: fromApi({ error: { status: 403, code: 'E9001', message: 'Plan limit reached' } }),
  play: async ({ canvasElement, args }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(within(alert).getByRole('heading', { name: 'Upgrade to run more migrations' })).toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Upgrade plan' }));
    await expect(args.onAction).toHaveBeenCalledWith({ type: 'custom', id: 'upgrade', label: 'Upgrade plan' });
  },
};

export const Compact: Story = {
  args: { variant: 'compact' },
  loaders: fromApi({ error: { status: 409 } }),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveAttribute('data-variant', 'compact');
    await expect(within(alert).getByRole('button', { name: 'Refresh and retry' })).toBeEnabled();
    await expect(alert.querySelector('[data-slot="error-panel-solution"]')).toBeNull();
  },
};

/** Markup, an RTL override and zero-width characters in every server field render as text. */
export const HostileText: Story = {
  loaders: fromApi({
    error: {
      status: 422,
      code: HOSTILE,
      message: `${HOSTILE} <script>alert(2)</script> \u202Egnp.exe\u202C zero\u200Bwidth javascript:alert(3)`,
      details: { fields: { [HOSTILE]: [HOSTILE] } },
    },
  }),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('script')).toBeNull();
    await expect(canvasElement.querySelector('a')).toBeNull();
    await expect(alert).toHaveTextContent(HOSTILE);
    await expect(canvasElement.innerHTML).not.toContain(STORY_API_KEY);
  },
};

/** Copying the request id to quote it to support. */
export const CopyRequestId: Story = {
  loaders: fromApi({ error: { status: 500 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Copy request ID' }));
    // "Copied", or — without clipboard permission — the fallback message; the UI stays usable.
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-slot="request-id"]')?.getAttribute('data-state')).toMatch(/copied|failed/),
    );
  },
};

// ── SenseiErrorBoundary ────────────────────────────────────────────────────────────────────

function Migrations({ client }: { client: SenseiClient }) {
  const query = useQuery({
    queryKey: ['story-migrations'],
    queryFn: ({ signal }) => client.list('/v1/migrations', { signal }),
    throwOnError: senseiThrowOnError,
  });
  if (!query.data) return <p>Loading migrations…</p>;
  return <p>{query.data.pagination.total} migrations</p>;
}

function BoundaryDemo() {
  // The first request fails with 500; Retry refetches and the next one passes.
  const [setup] = useState(() => ({
    ...mockClient({ flaky: { sequence: [500] } }),
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  }));
  return (
    <QueryClientProvider client={setup.queryClient}>
      <SenseiErrorBoundary>
        <Migrations client={setup.client} />
      </SenseiErrorBoundary>
    </QueryClientProvider>
  );
}

/** The boundary catches a failing query; its Retry resets the query too, so the list loads. */
export const BoundaryRetryRecovers: Story = {
  render: () => <BoundaryDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByText('150 migrations')).toBeInTheDocument();
    // The focused Retry went away with the panel: focus is on the content, not <body>.
    await waitFor(() => expect(document.activeElement?.closest('[data-slot="error-boundary"]')).not.toBeNull());
  },
};

// ── Under stress (issue 18 §3): waiting for Retry, dark, forced colours, 320 px, RTL ────────

const http503 = () =>
  new SenseiHttpError({ kind: 'http', message: 'Maintenance in progress', status: 503, code: 'E5030', requestId: 'req_5f1e2d3c4b5a' });

/** Retry waits 3 s: a steady sentence says when, then one polite announcement says it can be used. */
export const WaitingForRetry: Story = {
  name: 'Waiting for Retry: steady sentence, one announcement',
  loaders: [async () => ({ error: new SenseiHttpError({ kind: 'http', message: 'Rate limit exceeded', status: 429, code: 'E4290', requestId: 'req_wait', retryAfterMs: 3_000 }) })],
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    const retry = within(alert).getByRole('button', { name: 'Retry' });
    await expect(retry).toHaveAttribute('aria-disabled', 'true');
    await expect(retry).toHaveAccessibleDescription(/^Retry available at \d{1,2}:\d\d:\d\d/);
    const announcement = alert.querySelector('[data-slot="error-panel-announcement"]')!;
    await expect(announcement).toHaveTextContent(/^$/);
    await waitFor(() => expect(announcement).toHaveTextContent('Retry is available now.'), { timeout: 5_000 });
    await expect(retry).not.toHaveAttribute('aria-disabled');
  },
};

async function expectDetails({ canvasElement }: { canvasElement: HTMLElement }) {
  const alert = await within(canvasElement).findByRole('alert');
  await expect(within(alert).getByRole('heading', { name: 'Service unavailable' })).toBeInTheDocument();
  await expect(alert.querySelector('[data-slot="error-panel-details"]')).toHaveTextContent('Code E5030 · HTTP 503');
  return alert;
}

export const Dark: Story = {
  name: 'Dark',
  loaders: [async () => ({ error: http503() })],
  decorators: [(Story) => <div data-theme="dark" style={{ padding: '1rem', background: 'var(--sensei-color-bg, #0c111d)' }}>{Story()}</div>],
  beforeEach: () => emulate({ dark: true }),
  play: async (context) => {
    await expectDetails(context);
  },
};

export const ForcedColors: Story = {
  name: 'Forced colours',
  loaders: [async () => ({ error: http503() })],
  beforeEach: () => emulate({ forcedColors: true }),
  play: async (context) => {
    const alert = await expectDetails(context);
    if (!emulated()) return; // the Storybook UI: nothing is emulated there
    await expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    const style = getComputedStyle(alert);
    await expect(style.borderTopStyle).toBe('solid');
    await expect(Number.parseFloat(style.borderTopWidth)).toBeGreaterThanOrEqual(1);
    await expect(alert.querySelector('[data-slot="error-panel-icon"]')!.getBoundingClientRect().width).toBeGreaterThan(0);
  },
};

/** 320 px wide: the panel reflows (WCAG 1.4.10), nothing scrolls sideways. */
export const SmallScreen320: Story = {
  name: '320 px wide',
  loaders: [async () => ({ error: http503() })],
  parameters: { layout: 'fullscreen' },
  beforeEach: () => emulate({ viewport: { width: 320, height: 640 } }),
  play: async (context) => {
    const alert = await expectDetails(context);
    if (!emulated()) return; // the Storybook UI: nothing is emulated there
    await expect(window.innerWidth).toBe(320);
    await expect(alert.scrollWidth).toBeLessThanOrEqual(alert.clientWidth + 1);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** Right to left: a compact panel's actions sit at the inline end, the left. */
export const RightToLeftCompact: Story = {
  name: 'RTL, compact',
  args: { variant: 'compact' },
  loaders: [async () => ({ error: http503() })],
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    const retry = within(alert).getByRole('button', { name: 'Retry' });
    const panel = alert.getBoundingClientRect();
    await expect(retry.getBoundingClientRect().left - panel.left).toBeLessThan(panel.right - retry.getBoundingClientRect().right);
  },
};

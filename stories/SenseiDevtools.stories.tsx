import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../src/devtools/devtools.css';
import { createSenseiClient, type SenseiClient } from '../src/core/createSenseiClient.js';
import { senseiQueries } from '../src/core/senseiQueries.js';
import { SenseiDevtools } from '../src/devtools/index.js';
import { SenseiProvider } from '../src/react/SenseiProvider.js';
import { createMockSenseiApi, handleScenarioControl, type MockScenario, type MockSenseiApi } from '../src/testing/index.js';
import { QueryClient } from '@tanstack/react-query';

// The key lives here, never in args: stories' args are shown in the UI.
const STORY_API_KEY = 'sk_story_only_devtools_5c2e';
/** Where the stories' mock answers its control requests (through MSW's service worker). */
const CONTROL_URL = 'https://mock-control.sensei.test';

interface DevtoolsDemoProps {
  /** The mock's scenario when the story starts. */
  scenario?: MockScenario;
  /** What the app does on start: reads to send at once, and one query that may retry. */
  reads?: number;
  query?: boolean;
  /** Show the scenario buttons (the mock's control endpoint, through MSW). */
  mock?: boolean;
  dark?: boolean;
}

const api: MockSenseiApi = createMockSenseiApi({ apiKey: STORY_API_KEY });

/** A real client over the mock API, with the devtools open, doing what the args say. */
function DevtoolsDemo({ scenario = {}, reads = 0, query = false, mock = false, dark = false }: DevtoolsDemoProps) {
  const [setup] = useState(() => {
    api.reset();
    api.setScenario(scenario);
    localStorage.removeItem('sensei-devtools:open');
    const client: SenseiClient = createSenseiClient({ baseUrl: api.baseUrl, apiKey: STORY_API_KEY, fetch: api.fetch, shareAcrossTabs: false });
    return { client, queryClient: new QueryClient() };
  });
  useEffect(() => {
    const { client, queryClient } = setup;
    for (let i = 1; i <= reads; i += 1) client.get('/v1/migrations', { query: { page: i } }).catch(() => undefined);
    if (query) void queryClient.fetchQuery(senseiQueries(client).resource({ path: '/v1/migrations/mig_000001' })).catch(() => undefined);
  }, [setup, reads, query]);
  return (
    <div data-theme={dark ? 'dark' : 'light'} style={{ minHeight: '30rem', background: 'var(--sensei-color-bg)' }}>
      <SenseiProvider client={setup.client} queryClient={setup.queryClient}>
        <SenseiDevtools initialIsOpen mockControlUrl={mock ? CONTROL_URL : undefined} locale="en-GB" />
      </SenseiProvider>
    </div>
  );
}

const meta = {
  title: 'Devtools/SenseiDevtools',
  component: DevtoolsDemo,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof DevtoolsDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = (canvasElement: HTMLElement, name: string) =>
  within(within(canvasElement).getByRole('region', { name: 'Sensei devtools' })).getByRole('region', { name });

/** Nothing happened yet: every section says so. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(region(canvasElement, 'Waiting at the gate')).getByText('No request is waiting.')).toBeVisible();
    await expect(within(region(canvasElement, 'Recent errors')).getByText('No error yet.')).toBeVisible();
  },
};

/** The window is spent: the gate is closed and requests wait with a countdown. */
export const RateLimited: Story = {
  args: { scenario: { rateLimit: { limit: 2, windowMs: 20_000 } }, reads: 4 },
  play: async ({ canvasElement }) => {
    const waiting = region(canvasElement, 'Waiting at the gate');
    await waitFor(() => expect(within(waiting).getAllByRole('row')).toHaveLength(3), { timeout: 5_000 });
    await expect(within(waiting).getAllByRole('row')[1]).toHaveTextContent(/rate limit$/);
    await expect(region(canvasElement, 'Rate limit').querySelector('[data-slot="gate"]')).toHaveAttribute('data-state', 'closed');
    await expect(within(region(canvasElement, 'Rate limit')).getByText('Limit').nextElementSibling).toHaveTextContent('2 (from X-RateLimit-Limit)');
  },
};

/** A 503 with Retry-After: the retry is scheduled with its countdown and can go now. */
export const Retrying: Story = {
  args: { scenario: { flaky: { sequence: [503], retryAfterSeconds: 30 } }, query: true },
  play: async ({ canvasElement }) => {
    const retries = region(canvasElement, 'Scheduled retries');
    await waitFor(() => expect(within(retries).getByText(/^next in 0:(30|29)$/)).toBeVisible(), { timeout: 5_000 });
    await expect(within(retries).getByRole('button', { name: 'Retry now' })).toBeVisible();
  },
};

/** Failures with status, code, message and a copyable request id. */
export const Errors: Story = {
  args: { scenario: { error: { status: 503, retryAfterSeconds: 5 } }, reads: 3 },
  play: async ({ canvasElement }) => {
    const errors = region(canvasElement, 'Recent errors');
    await waitFor(() => expect(within(errors).getAllByRole('row')).toHaveLength(4), { timeout: 5_000 });
    await expect(within(errors).getAllByRole('button', { name: 'Copy request ID' })).toHaveLength(3);
  },
};

/** Against the mock: buttons switch its scenario over `POST /__sensei/scenario`. */
export const MockScenarios: Story = {
  args: { mock: true },
  parameters: { msw: [http.all(`${CONTROL_URL}/__sensei/scenario`, ({ request }) => handleScenarioControl(request, api))] },
  play: async ({ canvasElement }) => {
    const scenarios = region(canvasElement, 'Mock API scenario');
    await waitFor(() => expect(within(scenarios).getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(within(scenarios).getByRole('button', { name: 'Outage 503' }));
    await waitFor(() => expect(within(scenarios).getByRole('button', { name: 'Outage 503' })).toHaveAttribute('aria-pressed', 'true'));
    await expect(api.scenario).toEqual({ error: { status: 503, retryAfterSeconds: 5 } });
  },
};

/** The same view in the dark theme. */
export const Dark: Story = {
  args: { dark: true, scenario: { rateLimit: { limit: 1, windowMs: 20_000 } }, reads: 2 },
  play: async ({ canvasElement }) => {
    const waiting = region(canvasElement, 'Waiting at the gate');
    await waitFor(() => expect(within(waiting).getAllByRole('row')).toHaveLength(2), { timeout: 5_000 });
  },
};

/** Closed: only the toggle shows; it opens the panel and moves focus into it. */
export const Closed: Story = {
  render: () => <ClosedDemo />,
  play: async ({ canvasElement }) => {
    const toggle = within(canvasElement).getByRole('button', { name: 'Sensei devtools' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect(within(canvasElement).getByRole('heading', { level: 2, name: /Sensei devtools/ })).toHaveFocus();
  },
};

function ClosedDemo() {
  const [client] = useState(() => {
    localStorage.removeItem('sensei-devtools-story-closed:open');
    return createSenseiClient({ baseUrl: api.baseUrl, apiKey: STORY_API_KEY, fetch: api.fetch, shareAcrossTabs: false });
  });
  return (
    <SenseiProvider client={client}>
      <SenseiDevtools storageKey="sensei-devtools-story-closed" />
    </SenseiProvider>
  );
}

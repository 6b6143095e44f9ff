import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Paginator } from '../src/components/Paginator.js';
import { RateLimitBanner } from '../src/components/RateLimitBanner.js';
import { SenseiToaster } from '../src/components/SenseiToaster.js';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import { SenseiProvider } from '../src/react/SenseiProvider.js';
import { usePaginatedList } from '../src/react/usePaginatedList.js';
import { useSenseiQuery } from '../src/react/useSenseiQuery.js';
import { createMockSenseiApi } from '../src/testing/index.js';
import { createMswHandlers } from '../src/testing/msw.js';

// The mock API, reached over the network through MSW's service worker (msw-storybook-addon):
// a quota of 8 requests per 4 s and a flaky status endpoint.
const STRESS_KEY = 'sk_story_stress_51c2';
const api = createMockSenseiApi({ baseUrl: 'https://api.sensei.test', apiKey: STRESS_KEY });

function Migrations() {
  const list = usePaginatedList<{ id: string; name: string; status: string }>({ path: '/v1/migrations', perPage: 10 });
  return (
    <section aria-labelledby="migrations-title">
      <h2 id="migrations-title">Migrations</h2>
      <ul aria-busy={list.isPlaceholderData}>
        {list.items.map((m) => (
          <li key={m.id}>
            {m.name} — {m.status}
          </li>
        ))}
      </ul>
      <Paginator list={list} />
    </section>
  );
}

function Health() {
  const health = useSenseiQuery<{ id: string; status: string }>({ path: '/v1/migrations/mig_000001' });
  return <p>{health.data ? `Latest migration: ${health.data.status}` : 'Checking the latest migration…'}</p>;
}

function Dashboard() {
  const [client] = useState(() =>
    createSenseiClient({ baseUrl: api.baseUrl, apiKey: STRESS_KEY, shareAcrossTabs: false }),
  );
  return (
    <SenseiProvider client={client} retry={{ baseDelayMs: 300, maxDelayMs: 1000 }}>
      <RateLimitBanner />
      <Migrations />
      <Health />
      <SenseiToaster />
    </SenseiProvider>
  );
}

const meta = {
  title: 'Dashboards/Under stress',
  component: Dashboard,
  parameters: { layout: 'fullscreen', msw: createMswHandlers(api) },
  decorators: [(Story) => <div style={{ minHeight: '30rem', padding: '1rem' }}>{Story()}</div>],
  beforeEach: () => {
    api.reset();
    api.setScenario({
      rateLimit: { limit: 8, windowMs: 4000, retryAfterSeconds: 2 },
      flaky: { sequence: [503, 200], retryAfterSeconds: 1, match: { method: 'GET', path: '/v1/migrations/mig_000001' } },
    });
  },
} satisfies Meta<typeof Dashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The API rate-limits and fails: the banner counts down, a toast retries, paging keeps working. */
export const RateLimitedAndFlaky: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    // The flaky status request shows a retry toast, then recovers.
    await waitFor(() => expect(page.getByText(/Service unavailable \(503\)|Retrying/)).toBeInTheDocument(), { timeout: 4000 });
    await waitFor(() => expect(canvas.getByText('Latest migration: completed')).toBeInTheDocument(), { timeout: 5000 });
    // Page through until the quota runs out: the banner says so, and pages still arrive after it.
    const next = canvas.getByRole('button', { name: /next page/i });
    for (let i = 0; i < 4; i += 1) {
      await userEvent.click(next);
      await waitFor(() => expect(canvas.getByText(new RegExp(`Showing ${i * 10 + 11}–`))).toBeInTheDocument(), {
        timeout: 6000,
      });
    }
    const banner = () => canvasElement.querySelector('[data-slot="rate-limit-banner"]');
    await waitFor(() => expect(banner()?.getAttribute('data-state')).toMatch(/low|limited/), { timeout: 6000 });
    await expect(banner()).toHaveTextContent(/Rate limit reached|requests left/);
    await userEvent.click(next);
    await waitFor(() => expect(canvas.getByText(/Showing 51–60/)).toBeInTheDocument(), { timeout: 8000 });
    await expect(canvasElement.ownerDocument.body.innerHTML).not.toContain(STRESS_KEY);
  },
};

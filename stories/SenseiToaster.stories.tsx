import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { SenseiToaster, type SenseiToasterProps } from '../src/components/SenseiToaster.js';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import type { RetryPolicyOptions } from '../src/core/retryPolicy.js';
import { SenseiProvider } from '../src/react/SenseiProvider.js';
import { useSenseiQuery } from '../src/react/useSenseiQuery.js';
import { useSenseiToast } from '../src/react/useSenseiToast.js';
import { createMockSenseiApi, type MockScenario } from '../src/testing/index.js';

// The key lives here, never in args: stories' args are shown in the UI.
const STORY_API_KEY = 'sk_story_only_toast_3b8e';

interface ToasterDemoProps extends SenseiToasterProps {
  /** How the mock API misbehaves for the migrations the demo loads. */
  scenario?: MockScenario;
  /** Retry policy of the provider. */
  retry?: RetryPolicyOptions | number;
  /** How many migrations the demo loads, each with its own query. */
  queries?: number;
  /** Show a button that pushes an app toast with `useSenseiToast()`. */
  appToast?: boolean;
}

function Migration({ n }: { n: number }) {
  const id = `mig_${String(n).padStart(6, '0')}`;
  const query = useSenseiQuery<{ id: string; name: string }>({ path: `/v1/migrations/${id}` });
  return <li>{query.data ? `${query.data.id}: loaded` : query.isError ? `${id}: failed` : `${id}: loading…`}</li>;
}

function SaveButton() {
  const { toast } = useSenseiToast();
  return (
    <button
      type="button"
      onClick={() =>
        toast({
          title: 'Migration saved',
          description: 'It starts within a minute.',
          variant: 'success',
          action: { label: 'Undo', altText: 'Undo the save from the Migrations page', onClick: () => {} },
          duration: Number.POSITIVE_INFINITY,
        })
      }
    >
      Save migration
    </button>
  );
}

/** A real SenseiProvider and client over the mock API, some queries, and the toaster beside them. */
function ToasterDemo({ scenario = {}, retry, queries = 1, appToast = false, ...toaster }: ToasterDemoProps) {
  const [client] = useState(() => {
    const api = createMockSenseiApi({ apiKey: STORY_API_KEY, scenario });
    return createSenseiClient({ baseUrl: api.baseUrl, apiKey: STORY_API_KEY, fetch: api.fetch, shareAcrossTabs: false });
  });
  return (
    <SenseiProvider client={client} retry={retry}>
      {appToast && <SaveButton />}
      <ul>
        {Array.from({ length: queries }, (_, i) => (
          <Migration key={i} n={i + 1} />
        ))}
      </ul>
      <SenseiToaster {...toaster} />
    </SenseiProvider>
  );
}

const meta = {
  title: 'Components/SenseiToaster',
  component: ToasterDemo,
  args: { position: 'bottom-right' },
  parameters: { layout: 'fullscreen' },
  decorators: [(Story) => <div style={{ minHeight: '22rem', padding: '1rem' }}>{Story()}</div>],
} satisfies Meta<typeof ToasterDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const toast = (canvasElement: HTMLElement, kind: string) =>
  canvasElement.querySelector<HTMLElement>(`[data-slot="toast"][data-kind="${kind}"]`);

export const Retrying: Story = {
  name: 'Retrying, with countdown',
  args: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 45 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^Retrying in 0:4[45]$/)).toBeInTheDocument();
    const retrying = toast(canvasElement, 'retrying')!;
    await expect(within(retrying).getByText('Service unavailable (503)')).toBeInTheDocument();
    await expect(within(retrying).getByRole('button', { name: 'Retry now' })).toBeEnabled();
    await expect(within(retrying).getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
  },
};

export const Grouped: Story = {
  name: 'Grouped: 3 requests retrying',
  args: { queries: 3, scenario: { flaky: { sequence: [503, 503, 502, 200, 200, 200], retryAfterSeconds: 40 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('3 requests retrying')).toBeInTheDocument();
    await expect(canvasElement.querySelectorAll('[data-slot="toast"]')).toHaveLength(1);
    await expect(canvas.getByText(/^Next retry in 0:(39|40)$/)).toBeInTheDocument();
    await expect(toast(canvasElement, 'retrying')).toHaveTextContent('Service unavailable (503) ×2 · Sensei is not responding (502)');
  },
};

export const Recovered: Story = {
  name: 'Recovered after Retry now',
  args: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 60 } }, durations: { recovered: Number.POSITIVE_INFINITY } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Retry now' }));
    await expect(await canvas.findByText('Recovered')).toBeInTheDocument();
    await expect(toast(canvasElement, 'recovered')).toHaveTextContent('Service unavailable (503): the retry succeeded.');
    await expect(canvas.getByText('mig_000001: loaded')).toBeInTheDocument();
  },
};

export const FinalError: Story = {
  name: 'Final error with request id',
  args: { retry: { retries: 1 }, scenario: { flaky: { sequence: [503, 503], retryAfterSeconds: 1 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Gave up after 2 attempts.', {}, { timeout: 5000 })).toBeInTheDocument();
    const failed = toast(canvasElement, 'failed')!;
    await expect(failed).toHaveAttribute('data-variant', 'error');
    await expect(within(failed).getByText('Service unavailable (503)')).toBeInTheDocument();
    await expect(within(failed).getByText(/^req_[0-9a-f]{12}$/)).toBeInTheDocument();
    await expect(within(failed).getByRole('button', { name: 'Copy request ID' })).toBeInTheDocument();
  },
};

export const RateLimitedForAnHour: Story = {
  name: 'Final 429 for an hour: Try again waits',
  args: { locale: 'en-GB', scenario: { flaky: { sequence: [503], retryAfterSeconds: 1 }, error: { status: 429, retryAfterSeconds: 3600 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const again = await canvas.findByRole('button', { name: /^Try again at \d{1,2}:\d\d$/ }, { timeout: 5000 });
    await expect(again).toHaveAttribute('aria-disabled', 'true');
  },
};

export const CustomAppToast: Story = {
  name: 'Custom app toast (useSenseiToast)',
  args: { appToast: true, position: 'top-center' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save migration' }));
    await expect(await canvas.findByText('Migration saved')).toBeInTheDocument();
    const app = toast(canvasElement, 'app')!;
    await expect(app).toHaveAttribute('data-variant', 'success');
    await expect(within(app).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-slot="toaster"]')).toHaveAttribute('data-position', 'top-center');
  },
};

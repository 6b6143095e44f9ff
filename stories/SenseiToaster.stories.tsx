import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SenseiToaster, type SenseiToasterProps } from '../src/components/SenseiToaster.js';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import type { RetryPolicyOptions } from '../src/core/retryPolicy.js';
import { SenseiProvider, type SenseiProviderProps } from '../src/react/SenseiProvider.js';
import { useSenseiQuery } from '../src/react/useSenseiQuery.js';
import { useSenseiToast } from '../src/react/useSenseiToast.js';
import { createMockSenseiApi, type MockScenario } from '../src/testing/index.js';
import { emulate, emulated, pressKeys } from './emulate.js';

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
  /** App toasts pushed on mount (with `useSenseiToast()`). */
  appToasts?: number;
  /** The provider's surface rule. */
  surfaces?: SenseiProviderProps['surfaces'];
  /** `data-theme` and `dir` of the page around it. */
  theme?: 'light' | 'dark';
  dir?: 'ltr' | 'rtl';
}

function PushOnMount({ count }: { count: number }) {
  const { toast } = useSenseiToast();
  useEffect(() => {
    for (let i = 1; i <= count; i += 1) {
      toast({ title: `Export ${i} is ready`, description: 'Download it from the Exports page.', variant: 'success', duration: Number.POSITIVE_INFINITY });
    }
  }, [count, toast]);
  return null;
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
function ToasterDemo({ scenario = {}, retry, queries = 1, appToast = false, appToasts = 0, surfaces, theme, dir, ...toaster }: ToasterDemoProps) {
  const [client] = useState(() => {
    const api = createMockSenseiApi({ apiKey: STORY_API_KEY, scenario });
    return createSenseiClient({ baseUrl: api.baseUrl, apiKey: STORY_API_KEY, fetch: api.fetch, shareAcrossTabs: false });
  });
  return (
    <SenseiProvider client={client} retry={retry} surfaces={surfaces}>
      <div data-theme={theme} dir={dir} className="sensei-story-page">
        {appToast && <SaveButton />}
        {appToasts > 0 && <PushOnMount count={appToasts} />}
        <ul>
          {Array.from({ length: queries }, (_, i) => (
            <Migration key={i} n={i + 1} />
          ))}
        </ul>
        <SenseiToaster {...toaster} />
      </div>
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
  // No rate-limit banner here: the 429 toasts (the provider's `surfaces.rateLimited`).
  args: { locale: 'en-GB', surfaces: { rateLimited: 'toast' }, scenario: { flaky: { sequence: [503], retryAfterSeconds: 1 }, error: { status: 429, retryAfterSeconds: 3600 } } },
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

// ── Under stress (issue 18 §3): a burst, a small screen, forced colours, dark, RTL, keyboard ──

const burst = { queries: 20, retry: { retries: 1 }, scenario: { error: { status: 503, retryAfterSeconds: 1 } } } as const;

/** Checks the one failed toast of a burst: updated in place, list capped, icon in the tone. */
async function expectBurst(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await expect(await canvas.findByText('20 requests failed', {}, { timeout: 8000 })).toBeInTheDocument();
  const failed = toast(canvasElement, 'failed')!;
  // Every failure landed in the one toast; the retry toast before it has gone.
  await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="toast"][data-state="open"]')).toHaveLength(1));
  await expect(within(failed).getAllByRole('listitem')).toHaveLength(3);
  await expect(failed.querySelector('[data-slot="toast-more"]')).toHaveTextContent('+17 more');
  await expect(failed).toHaveTextContent('Service unavailable (503) ×20');
  return failed;
}

export const BurstOf20: Story = {
  name: 'A burst of 20 failures: one toast, "+17 more"',
  args: burst,
  play: async ({ canvasElement }) => {
    await expectBurst(canvasElement);
  },
};

export const BurstOf20Dark: Story = {
  name: 'A burst of 20 failures (dark)',
  args: { ...burst, theme: 'dark' },
  beforeEach: () => emulate({ dark: true }),
  play: async ({ canvasElement }) => {
    await expectBurst(canvasElement);
  },
};

export const BurstOf20ForcedColors: Story = {
  name: 'A burst of 20 failures (forced colours)',
  args: burst,
  beforeEach: () => emulate({ forcedColors: true }),
  play: async ({ canvasElement }) => {
    const failed = await expectBurst(canvasElement);
    if (!emulated()) return; // the Storybook UI: nothing is emulated there
    await expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    // The shadow and tinted border are gone: a system-colour border and the icon carry the toast.
    const style = getComputedStyle(failed);
    await expect(Number.parseFloat(style.borderTopWidth)).toBeGreaterThanOrEqual(1);
    await expect(style.borderTopStyle).toBe('solid');
    const icon = failed.querySelector<SVGElement>('[data-slot="toast-icon"]')!;
    await expect(icon.getBoundingClientRect().width).toBeGreaterThan(0);
    await expect(getComputedStyle(icon).color).toBe(style.color);
  },
};

/** 320 × 640: one toast at a time, its list capped, the region scrolls instead of running off. */
export const SmallScreen320: Story = {
  name: '320 × 640: five app toasts and a burst',
  args: { ...burst, appToasts: 5 },
  beforeEach: () => emulate({ viewport: { width: 320, height: 640 } }),
  play: async ({ canvasElement }) => {
    const viewport = canvasElement.querySelector<HTMLElement>('[data-slot="toaster"]')!;
    await waitFor(() => expect(viewport.querySelectorAll('[data-slot="toast"]').length).toBeGreaterThan(0));
    if (!emulated()) return; // the Storybook UI: nothing is emulated there
    await expect(window.innerWidth).toBe(320);
    await waitFor(() => expect(viewport.querySelectorAll('[data-slot="toast"][data-state="open"]')).toHaveLength(1));
    await expect(Number(viewport.getAttribute('data-queued'))).toBeGreaterThanOrEqual(4);
    const box = viewport.getBoundingClientRect();
    await expect(box.right).toBeLessThanOrEqual(window.innerWidth + 0.5);
    await expect(box.bottom).toBeLessThanOrEqual(window.innerHeight + 0.5);
    await expect(getComputedStyle(viewport).overflowY).toBe('auto');
  },
};

/** F8 moves focus to the notifications, and the region shows a focus ring. */
export const FocusRingOnF8: Story = {
  name: 'F8: focus ring on the notifications',
  args: { scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 45 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/^Retrying in 0:4\d$/);
    await pressKeys('{F8}', async (keys) => {
      await userEvent.keyboard(keys);
    });
    const viewport = canvasElement.querySelector<HTMLElement>('[data-slot="toaster"]')!;
    await waitFor(() => expect(document.activeElement).toBe(viewport));
    const style = getComputedStyle(viewport);
    await expect(style.outlineStyle).not.toBe('none');
    await expect(Number.parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
  },
};

/** Right to left: "bottom-right" is the end of the line, so the toasts sit on the left. */
export const RightToLeft: Story = {
  name: 'RTL: toasts at the inline end',
  args: { dir: 'rtl', scenario: { flaky: { sequence: [503, 200], retryAfterSeconds: 45 } } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/^Retrying in 0:4\d$/);
    const viewport = canvasElement.querySelector<HTMLElement>('[data-slot="toaster"]')!;
    const box = viewport.getBoundingClientRect();
    await expect(box.left).toBeLessThan(window.innerWidth / 2 - box.width / 2);
    const retrying = toast(canvasElement, 'retrying')!;
    // The accent border is on the start side: the right in RTL.
    await expect(Number.parseFloat(getComputedStyle(retrying).borderRightWidth)).toBeGreaterThan(Number.parseFloat(getComputedStyle(retrying).borderLeftWidth));
  },
};

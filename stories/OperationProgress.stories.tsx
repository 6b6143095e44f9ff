import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { OperationProgress, type OperationProgressSource } from '../src/components/OperationProgress.js';
import { createSenseiClient } from '../src/core/createSenseiClient.js';
import { SenseiError } from '../src/core/SenseiError.js';
import { SenseiProvider } from '../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../src/react/useAsyncOperation.js';
import { createMockSenseiApi, type OperationsScenario } from '../src/testing/index.js';
import { expectFits, expectForcedColors, forcedColors, narrow320, rtl } from './stressChecks.js';

/** A `useAsyncOperation` result as plain data; 42 s into the operation. */
function operation(overrides: Partial<OperationProgressSource>): OperationProgressSource {
  return {
    status: 'polling',
    operationStatus: 'running',
    progress: undefined,
    error: null,
    startedAt: Date.now() - 42_000,
    cancel: fn(),
    resume: fn(),
    ...overrides,
  };
}

const meta = {
  title: 'Components/OperationProgress',
  component: OperationProgress,
  args: { operation: operation({}), locale: 'en-US' },
  decorators: [(Story) => <div style={{ maxWidth: '28rem' }}>{Story()}</div>],
} satisfies Meta<typeof OperationProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  args: { operation: operation({ status: 'idle', operationStatus: undefined, startedAt: undefined }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const IdleWithPlaceholder: Story = {
  name: 'Idle, with placeholder',
  args: {
    operation: operation({ status: 'idle', operationStatus: undefined, startedAt: undefined }),
    placeholder: 'No migration running.',
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No migration running.')).toBeInTheDocument();
  },
};

export const Starting: Story = {
  args: { operation: operation({ status: 'starting', operationStatus: undefined, startedAt: undefined }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Starting…');
    await expect(canvas.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
  },
};

export const Pending: Story = {
  name: 'Pending (indeterminate)',
  args: { operation: operation({ operationStatus: 'pending' }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Waiting to start…');
    await expect(canvas.getByRole('progressbar', { name: 'Progress' })).not.toHaveAttribute('aria-valuenow');
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(args.operation.cancel).toHaveBeenCalled();
  },
};

export const Running40: Story = {
  name: 'Running 40%',
  args: { operation: operation({ progress: 40 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('In progress…');
    await expect(canvas.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '40');
    await expect(canvas.getByText('40%')).toBeInTheDocument();
    await expect(canvas.getByText(/^Elapsed 0:4\d$/)).toBeInTheDocument();
  },
};

export const Succeeded: Story = {
  args: { operation: operation({ status: 'succeeded', operationStatus: 'completed', progress: 100 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Completed');
    await expect(canvas.queryByRole('progressbar')).toBeNull();
  },
};

export const Failed: Story = {
  args: {
    operation: operation({
      status: 'failed',
      operationStatus: 'failed',
      error: new SenseiError({
        kind: 'operation',
        message: 'Migration failed: upstream connection lost <img src=x onerror=alert(1)>',
        code: 'E5000',
        requestId: 'req_abc123def456',
      }),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The failure panel has its own (empty) status region: find ours by its text.
    await expect(canvas.getByText('Failed', { selector: '[data-slot="operation-progress-status"]' })).toHaveAttribute('role', 'status');
    await expect(canvas.getByText(/upstream connection lost <img src=x/)).toBeInTheDocument();
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvas.getByText('req_abc123def456')).toBeInTheDocument();
  },
};

export const TimedOut: Story = {
  name: 'Timed out',
  args: { operation: operation({ status: 'timed-out', progress: 70 }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Taking longer than expected');
    await userEvent.click(canvas.getByRole('button', { name: 'Keep waiting' }));
    await expect(args.operation.resume).toHaveBeenCalled();
  },
};

export const Cancelled: Story = {
  args: { operation: operation({ status: 'cancelled' }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Stopped checking for updates');
    await userEvent.click(canvas.getByRole('button', { name: 'Resume' }));
    await expect(args.operation.resume).toHaveBeenCalled();
  },
};

function WithSensei({ operations, children }: { operations: OperationsScenario; children: ReactNode }) {
  // One API and cache per story render, so replaying a story starts from scratch.
  const [{ client, queryClient }] = useState(() => {
    const api = createMockSenseiApi({ scenario: { operations } });
    return {
      client: createSenseiClient({ baseUrl: api.baseUrl, apiKey: 'sk_storybook_demo', fetch: api.fetch, shareAcrossTabs: false }),
      queryClient: new QueryClient(),
    };
  });
  return (
    <SenseiProvider client={client} queryClient={queryClient}>
      {children}
    </SenseiProvider>
  );
}

function LiveMigration() {
  const migration = useAsyncOperation({ startPath: '/v1/migrations' });
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <button type="button" onClick={() => migration.start({ name: 'users' })} disabled={migration.status === 'starting' || migration.status === 'polling'}>
          Start migration
        </button>
        <button type="button" onClick={migration.reset}>
          Reset
        </button>
      </div>
      <OperationProgress operation={migration} placeholder="No migration running." locale="en-US" />
    </div>
  );
}

/** `useAsyncOperation` against the mock API: pending, then running 20 %, 40 %… then completed. */
export const LiveMigrationCompletes: StoryObj<typeof LiveMigration> = {
  name: 'Live: migration from pending to done',
  render: () => (
    <WithSensei operations={{ pollsToComplete: 4 }}>
      <LiveMigration />
    </WithSensei>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Start migration' }));
    await expect(await canvas.findByRole('progressbar', {}, { timeout: 3000 })).toBeInTheDocument();
    await expect(await canvas.findByText('Completed', {}, { timeout: 10_000 })).toBeInTheDocument();
  },
};

/** `useAsyncOperation` against the mock API: the migration fails on the server. */
export const LiveMigrationFails: StoryObj<typeof LiveMigration> = {
  name: 'Live: migration that fails',
  render: () => (
    <WithSensei operations={{ pollsToComplete: 2, outcome: 'failed' }}>
      <LiveMigration />
    </WithSensei>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Start migration' }));
    await expect(await canvas.findByText('Failed', {}, { timeout: 10_000 })).toBeInTheDocument();
    await expect(canvas.getByText(/Request ID/)).toBeInTheDocument();
  },
};

// ── Issue 18: focus, stress, themes ──────────────────────────────────────────────────────────

/** Polls until "Complete" is pressed, as an operation that finishes while Cancel has focus. */
function CompletesUnderFocus() {
  const [done, setDone] = useState(false);
  const [startedAt] = useState(() => Date.now() - 42_000);
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <OperationProgress
        locale="en-US"
        operation={{ status: done ? 'succeeded' : 'polling', operationStatus: done ? 'succeeded' : 'running', progress: done ? 100 : 60, error: null, startedAt, cancel: fn() }}
      />
      <button type="button" onClick={() => setDone(true)} data-testid="complete" tabIndex={-1}>
        Complete (test control)
      </button>
    </div>
  );
}

export const CancelGoesAwayOnCompletion: StoryObj<typeof CompletesUnderFocus> = {
  name: 'Keyboard: Cancel goes away on completion, focus stays',
  render: () => <CompletesUnderFocus />,
  args: {},
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('button', { name: 'Cancel' }).focus();
    // Completion arrives while the keyboard user is on Cancel (not a click that moves focus).
    canvas.getByTestId('complete').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await expect(await canvas.findByText('Completed')).toBeInTheDocument();
    await expect(document.activeElement).not.toBe(document.body);
    await expect(canvasElement.querySelector('[data-slot="operation-progress"]')).toHaveFocus();
  },
};

export const Narrow320: Story = {
  name: '320 px: failed with request id',
  args: {
    operation: operation({
      status: 'failed',
      operationStatus: 'failed',
      error: new SenseiError({ kind: 'operation', message: 'Migration failed: upstream connection lost', code: 'E5000', requestId: 'req_4b8d2f6a1c9e7d3b5a' }),
    }),
  },
  decorators: [narrow320],
  play: async ({ canvasElement }) => {
    await expectFits(within(canvasElement).getByTestId('narrow'));
  },
};

export const RightToLeft: Story = {
  name: 'Right to left: the fill starts at the right',
  args: { operation: operation({ progress: 40 }) },
  parameters: rtl,
  play: async ({ canvasElement }) => {
    const bar = canvasElement.querySelector('[data-slot="operation-progress-bar"]')!.getBoundingClientRect();
    const fill = canvasElement.querySelector('[data-slot="operation-progress-indicator"]')!.getBoundingClientRect();
    await expect(Math.abs(fill.right - bar.right)).toBeLessThan(1);
  },
};

export const RightToLeftIndeterminate: Story = {
  name: 'Right to left: the sweep starts at the right',
  args: { operation: operation({ progress: undefined }) },
  parameters: rtl,
  play: async ({ canvasElement }) => {
    const bar = canvasElement.querySelector('[data-slot="operation-progress-bar"]')!.getBoundingClientRect();
    const fill = canvasElement.querySelector<HTMLElement>('[data-slot="operation-progress-indicator"]')!;
    const [sweep] = fill.getAnimations();
    sweep!.pause();
    sweep!.currentTime = 0;
    await expect(fill.getBoundingClientRect().left).toBeGreaterThanOrEqual(bar.right - 1);
    sweep!.currentTime = 1399;
    await expect(fill.getBoundingClientRect().right).toBeLessThanOrEqual(bar.left + 1);
  },
};

export const ForcedColors: Story = {
  name: 'Forced colours: the progress bar stays visible',
  args: { operation: operation({ progress: 40 }) },
  parameters: forcedColors,
  play: async ({ canvasElement }) => {
    await expectForcedColors();
    const bar = getComputedStyle(canvasElement.querySelector('[data-slot="operation-progress-bar"]')!);
    const fill = getComputedStyle(canvasElement.querySelector('[data-slot="operation-progress-indicator"]')!);
    // The system would paint both Canvas: the fill keeps a system colour of its own, the track an edge.
    await expect(fill.backgroundColor).not.toBe(bar.backgroundColor);
    await expect(bar.borderTopWidth).toBe('1px');
  },
};

export const ForcedColorsIndeterminate: Story = {
  name: 'Forced colours: indeterminate',
  args: { operation: operation({ progress: undefined }) },
  parameters: forcedColors,
  play: async ({ canvasElement }) => {
    await expectForcedColors();
    const bar = getComputedStyle(canvasElement.querySelector('[data-slot="operation-progress-bar"]')!);
    const fill = getComputedStyle(canvasElement.querySelector('[data-slot="operation-progress-indicator"]')!);
    await expect(fill.backgroundColor).not.toBe(bar.backgroundColor);
  },
};

export const Dark: Story = {
  name: 'Dark (opt-in): running',
  args: { operation: operation({ progress: 40 }) },
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
  },
};

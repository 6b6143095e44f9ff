import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { EmptyState } from '../src/components/EmptyState.js';
import { expectFits, expectForcedColors, forcedColors, narrow320, rtl } from './stressChecks.js';

const meta = {
  title: 'Components/EmptyState',
  component: EmptyState,
  args: { onClearFilters: fn(), onRetry: fn() },
  decorators: [(Story) => <div style={{ maxWidth: '36rem' }}>{Story()}</div>],
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

const startMigration = <button type="button">Start a migration</button>;

export const NoData: Story = {
  name: 'No data yet',
  args: { kind: 'empty', description: 'Migrations you start show up here.', action: startMigration },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('No items yet');
    await expect(canvas.getByRole('button', { name: 'Start a migration' })).toBeInTheDocument();
  },
};

export const Filtered: Story = {
  name: 'Nothing matches the filters',
  args: { kind: 'filtered', description: 'No migration is “failed” and named “users”.' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Nothing matches your filters');
    await userEvent.click(canvas.getByRole('button', { name: 'Clear filters' }));
    await expect(args.onClearFilters).toHaveBeenCalledOnce();
  },
};

export const LoadFailed: Story = {
  name: 'Failed to load',
  args: { kind: 'error', description: 'Service unavailable: maintenance in progress.' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('The list could not be loaded');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

export const DarkNoData: Story = { ...NoData, name: 'Dark: no data', parameters: { theme: 'dark' } };
export const DarkFiltered: Story = { ...Filtered, name: 'Dark: filtered', parameters: { theme: 'dark' } };
export const DarkLoadFailed: Story = { ...LoadFailed, name: 'Dark: failed to load', parameters: { theme: 'dark' } };

export const ForcedColors: Story = {
  name: 'Forced colours: every kind',
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem' }}>
      <EmptyState {...args} kind="empty" action={startMigration} />
      <EmptyState {...args} kind="filtered" />
      <EmptyState {...args} kind="error" headingLevel={4} />
    </div>
  ),
  parameters: forcedColors,
  play: async ({ canvasElement }) => {
    await expectForcedColors();
    // The icons follow currentColor, so they show in the system's text colour.
    for (const icon of canvasElement.querySelectorAll('[data-slot="empty-state-icon"] svg path')) {
      await expect(getComputedStyle(icon).stroke).not.toBe('none');
    }
  },
};

export const Narrow320: Story = {
  name: '320 px',
  args: { kind: 'filtered', description: 'No migration matches “a-very-long-filter-value-without-spaces-1234567890”.', action: startMigration },
  decorators: [narrow320],
  play: async ({ canvasElement }) => {
    await expectFits(within(canvasElement).getByTestId('narrow'));
  },
};

export const RightToLeft: Story = {
  name: 'Right to left',
  args: { kind: 'empty', description: 'Migrations you start show up here.', action: startMigration },
  parameters: rtl,
  play: async ({ canvasElement }) => {
    await expect(getComputedStyle(canvasElement.querySelector('[data-slot="empty-state"]')!).direction).toBe('rtl');
  },
};

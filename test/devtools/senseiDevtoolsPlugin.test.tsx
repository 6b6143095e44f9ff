import type { TanStackDevtoolsReactPlugin } from '@tanstack/react-devtools';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { senseiDevtoolsPlugin } from '../../src/devtools/index.js';
import { createHarness } from '../react/senseiTestHarness.js';

describe('senseiDevtoolsPlugin', () => {
  it('is a TanStack Devtools plugin that renders the same view as the floating panel', () => {
    const plugin: TanStackDevtoolsReactPlugin = senseiDevtoolsPlugin({ labels: { title: 'Sensei' } });
    expect(plugin.name).toBe('Sensei');
    const { wrapper, client } = createHarness();
    render(plugin.render as React.ReactElement, { wrapper });
    const title = screen.getByRole('heading', { level: 2, name: `Sensei ${client.apiId}` });
    expect(title).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Rate limit' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Waiting at the gate' })).getByText('No request is waiting.')).toBeInTheDocument();
  });
});

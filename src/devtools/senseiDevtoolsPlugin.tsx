'use client';
import type { ReactElement } from 'react';
import { SenseiDevtoolsPanel, type SenseiDevtoolsPanelProps } from './SenseiDevtoolsPanel.js';

/** A plugin for `<TanStackDevtools plugins={[…]}>` (`@tanstack/react-devtools`). */
export interface SenseiDevtoolsPlugin {
  name: string;
  id: string;
  render: ReactElement;
}

/**
 * The Sensei view as a TanStack Devtools plugin. Render `<TanStackDevtools>` inside your
 * `<SenseiProvider>` (the panel reads the provider's client, retries and operations).
 * @example
 * <TanStackDevtools plugins={[senseiDevtoolsPlugin({ mockControlUrl })]} />
 */
export function senseiDevtoolsPlugin(props: Omit<SenseiDevtoolsPanelProps, 'headingLevel'> = {}): SenseiDevtoolsPlugin {
  return { name: 'Sensei', id: 'sensei', render: <SenseiDevtoolsPanel className="sensei-devtools sensei-devtools--plugin" {...props} headingLevel={2} /> };
}

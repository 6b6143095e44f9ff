import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createSenseiClient, RateLimitBanner, SenseiErrorBoundary, SenseiProvider, SenseiToaster } from '../../../src/index.js';
import { ActivityFeed } from './ActivityFeed.js';
import type { DemoConfig } from './config.js';
import { DemoDevtools } from './DemoDevtools.js';
import { MigrationsTable } from './MigrationsTable.js';
import { ScenarioStrip } from './ScenarioStrip.js';
import { StartMigration } from './StartMigration.js';
import { ThemeToggle } from './ThemeToggle.js';

/** The dashboard: a migrations table, a "Start migration" form, and the library's status UI. */
export function App({ config }: { config: DemoConfig }) {
  const [client] = useState(() =>
    // The embedded mock takes no key; a real API does.
    createSenseiClient({ baseUrl: config.apiUrl, apiKey: config.apiKey ?? undefined, requireApiKey: !config.mock, timeoutMs: 15_000 }),
  );
  const [queryClient] = useState(() => new QueryClient());
  const apiHost = new URL(config.apiUrl).host;

  return (
    <SenseiProvider client={client} queryClient={queryClient}>
      {config.mock && <ScenarioStrip />}
      <header className="demo-header">
        <div className="demo-brand">
          <h1>Sensei migrations</h1>
          <p className="demo-subtitle">
            A dashboard built with <code>@sensei/react</code>, talking to {config.mock ? 'the mock Sensei API at ' : 'the Sensei API at '}
            <code>{apiHost}</code>
          </p>
        </div>
        <ThemeToggle />
      </header>
      <main className="demo-main">
        <RateLimitBanner recoveredMs={3000} className="demo-banner" />
        <SenseiErrorBoundary>
          <div className="demo-grid">
            <MigrationsTable />
            <StartMigration />
            <ActivityFeed />
          </div>
        </SenseiErrorBoundary>
      </main>
      <footer className="demo-footer">
        <p>
          Press <kbd>F8</kbd> to reach notifications. The rate-limit banner, toasts, paginator, progress and error panels are the
          library&apos;s components with its default stylesheet.
        </p>
      </footer>
      <SenseiToaster />
      <DemoDevtools mockControlUrl={config.mock ? config.apiUrl : undefined} />
    </SenseiProvider>
  );
}

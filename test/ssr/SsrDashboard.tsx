import { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { OperationProgress } from '../../src/components/OperationProgress.js';
import { Paginator } from '../../src/components/Paginator.js';
import { RateLimitBanner } from '../../src/components/RateLimitBanner.js';
import { SenseiErrorBoundary } from '../../src/components/SenseiErrorBoundary.js';
import { SenseiErrorPanel } from '../../src/components/SenseiErrorPanel.js';
import { SenseiToaster } from '../../src/components/SenseiToaster.js';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiHttpError } from '../../src/core/SenseiError.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { useErrorState } from '../../src/react/useErrorState.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { useRateLimit } from '../../src/react/useRateLimit.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';

// A fixed error, so server and client render the same text.
const conflict = new SenseiHttpError({
  kind: 'http',
  status: 409,
  message: 'Migration is already running',
  code: 'E4090',
  requestId: 'req_ssr_1',
});

function Page() {
  const list = usePaginatedList<{ id: string; name: string }>({ path: '/v1/migrations', urlSync: true });
  const migration = useAsyncOperation({ startPath: '/v1/migrations', persistKey: 'ssr-migration' });
  const single = useSenseiQuery<{ id: string }>({ path: '/v1/migrations/mig_000001' });
  const isLimited = useRateLimit((s) => s.isLimited);
  const state = useErrorState(conflict);
  return (
    <main>
      <h1>Migrations</h1>
      <RateLimitBanner />
      <p>{isLimited ? 'Limited' : 'Open'}</p>
      <p>{single.data ? single.data.id : 'Loading one migration'}</p>
      <ul>
        {list.items.map((m) => (
          <li key={m.id}>{m.name}</li>
        ))}
      </ul>
      <Paginator list={list} />
      <OperationProgress operation={migration} />
      <p>{state?.title}</p>
      <SenseiErrorPanel error={conflict} />
    </main>
  );
}

/** Every hook and component under the provider, as an SSR page would render them. */
export function SsrDashboard({ fetch }: { fetch?: typeof globalThis.fetch }) {
  const client = useMemo(
    () => createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: 'sk_ssr_key_123', fetch, shareAcrossTabs: false }),
    [fetch],
  );
  const queryClient = useMemo(() => new QueryClient(), []);
  return (
    <SenseiProvider client={client} queryClient={queryClient}>
      <SenseiErrorBoundary>
        <Page />
      </SenseiErrorBoundary>
      <SenseiToaster />
    </SenseiProvider>
  );
}

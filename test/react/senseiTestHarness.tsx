import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createSenseiClient, type SenseiClientOptions } from '../../src/core/createSenseiClient.js';
import { SenseiProvider, type SenseiProviderProps } from '../../src/react/SenseiProvider.js';
import { createMockSenseiApi, type MockSenseiApi, type MockSenseiApiOptions } from '../../src/testing/index.js';

export const TEST_API_KEY = 'sk_test_harness_4f9a2c';

/**
 * A mock Sensei API, a client that talks to it through `api.fetch`, a fresh QueryClient and a
 * wrapper: everything a hook or component test needs, unique per test.
 */
export function createHarness(
  options: {
    api?: MockSenseiApiOptions;
    /** Reuse a server, e.g. to simulate a page reload: new client and cache, same API. */
    existingApi?: MockSenseiApi;
    client?: Partial<SenseiClientOptions>;
    provider?: Omit<SenseiProviderProps, 'client' | 'children'>;
  } = {},
) {
  const api = options.existingApi ?? createMockSenseiApi(options.api);
  const client = createSenseiClient({
    baseUrl: api.baseUrl,
    apiKey: TEST_API_KEY,
    fetch: api.fetch,
    shareAcrossTabs: false,
    ...options.client,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  function wrapper({ children }: { children?: ReactNode }) {
    return (
      <SenseiProvider client={client} queryClient={queryClient} {...options.provider}>
        {children}
      </SenseiProvider>
    );
  }
  return { api, client, queryClient, wrapper };
}

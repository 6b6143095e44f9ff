import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { MockSenseiApi } from '../src/testing/index.js';
import { TEST_API_KEY } from '../test/react/senseiTestHarness.js';

/**
 * What a team writes without this library: a fresh QueryClient with TanStack's defaults
 * (retry: 3 with exponential delay, no prefetch) and a queryFn that fetches the same mock.
 */
export function createPlainSetup(api: MockSenseiApi) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
    const response = await api.fetch(url, { headers: { Authorization: `Bearer ${TEST_API_KEY}` }, signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as T;
  }
  function wrapper({ children }: { children?: ReactNode }) {
    return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  }
  return { queryClient, getJson, wrapper };
}

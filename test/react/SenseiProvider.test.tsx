import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useAsyncOperation } from '../../src/react/useAsyncOperation.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { useRateLimit } from '../../src/react/useRateLimit.js';
import { useSenseiClient } from '../../src/react/useSenseiClient.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';

const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: 'sk_provider_1', shareAcrossTabs: false });

describe('SenseiProvider', () => {
  it.each<[string, () => unknown]>([
    ['usePaginatedList', () => usePaginatedList({ path: '/v1/migrations' })],
    ['useAsyncOperation', () => useAsyncOperation({ startPath: '/v1/migrations' })],
    ['useSenseiQuery', () => useSenseiQuery({ path: '/v1/x' })],
    ['useRateLimit', () => useRateLimit()],
    ['useSenseiClient', () => useSenseiClient()],
  ])('%s outside the provider throws a message that says what to do', (name, hook) => {
    // React reports the thrown render error on the console.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(hook)).toThrow(`\`${name}\` must be used within \`<SenseiProvider>\``);
  });

  it('hands the client to the hooks', () => {
    const { result } = renderHook(() => useSenseiClient(), {
      wrapper: ({ children }) => <SenseiProvider client={client}>{children}</SenseiProvider>,
    });
    expect(result.current).toBe(client);
  });

  it("reuses an enclosing QueryClientProvider so Sensei queries share the app's cache", () => {
    const appClient = new QueryClient();
    function Probe() {
      return <p>{useQueryClient() === appClient ? 'shared cache' : 'separate cache'}</p>;
    }
    render(
      <QueryClientProvider client={appClient}>
        <SenseiProvider client={client}>
          <Probe />
        </SenseiProvider>
      </QueryClientProvider>,
    );
    expect(screen.getByText('shared cache')).toBeInTheDocument();
  });

  it('creates its own QueryClient when there is none, and uses the one it is given', () => {
    const given = new QueryClient();
    const seen: QueryClient[] = [];
    function Probe() {
      seen.push(useQueryClient());
      return null;
    }
    render(
      <SenseiProvider client={client}>
        <Probe />
      </SenseiProvider>,
    );
    render(
      <SenseiProvider client={client} queryClient={given}>
        <Probe />
      </SenseiProvider>,
    );
    expect(seen[0]).toBeInstanceOf(QueryClient);
    expect(seen[0]).not.toBe(given);
    expect(seen.at(-1)).toBe(given);
  });
});

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
import { createMockSenseiApi } from '../../src/testing/index.js';

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

describe('SenseiProvider config (what a Server Component can render)', () => {
  it('builds one client from plain options, with the key from getApiKey and the keys of a client of the same baseUrl', async () => {
    const api = createMockSenseiApi();
    vi.stubGlobal('fetch', api.fetch);
    const config = { baseUrl: `${api.baseUrl}/`, shareAcrossTabs: false };
    // Plain data only, as React requires of a Server Component's props.
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    const getApiKey = vi.fn(() => 'sk_config_key');
    const seen = new Set<unknown>();
    function Probe() {
      const client = useSenseiClient();
      seen.add(client);
      const list = usePaginatedList<{ id: string }>({ path: '/v1/migrations' });
      return <p>{list.items ? `${list.items.length} rows` : 'loading'}</p>;
    }
    const tree = () => (
      <SenseiProvider config={{ ...config }} getApiKey={getApiKey}>
        <Probe />
      </SenseiProvider>
    );
    const { rerender } = render(tree());
    expect(await screen.findByText('50 rows')).toBeInTheDocument();
    rerender(tree());
    rerender(tree());
    expect(seen.size).toBe(1);
    const [built] = seen as Set<ReturnType<typeof createSenseiClient>>;
    expect(built?.apiId).toBe(createSenseiClient({ baseUrl: api.baseUrl, apiKey: 'k' }).apiId);
    // One request for page 1: a client built per render would have a cache key of its own.
    expect(api.requests.filter((r) => r.path === '/v1/migrations' && (r.searchParams.get('page') ?? '1') === '1')).toHaveLength(1);
    expect(api.requests[0]?.headers.authorization).toBe('Bearer sk_config_key');
  });
});

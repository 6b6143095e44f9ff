import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useSenseiQuery } from '../../src/react/useSenseiQuery.js';
import { startMockSenseiServer } from '../../src/testing/server.js';
import { browserLikeFetch } from './browserLikeFetch.js';

type Server = Awaited<ReturnType<typeof startMockSenseiServer>>;

// A real server on 127.0.0.1 and a fetch that hides headers the way a browser does for CORS.
describe('a 429 whose rate-limit headers CORS hides', () => {
  let exposed: Server;
  let hidden: Server;
  beforeAll(async () => {
    exposed = await startMockSenseiServer({ exposeHeaders: true });
    hidden = await startMockSenseiServer({ exposeHeaders: false });
  });
  afterAll(async () => {
    await exposed.close();
    await hidden.close();
  });

  function setup(server: Server) {
    server.api.reset();
    server.api.setScenario({ rateLimitOnce: { retryAfterSeconds: 1 } });
    const client = createSenseiClient({
      baseUrl: server.url,
      apiKey: 'sk_cors_test_77',
      fetch: browserLikeFetch(),
      shareAcrossTabs: false,
    });
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <SenseiProvider client={client} queryClient={queryClient}>
        {children}
      </SenseiProvider>
    );
    return { client, wrapper };
  }

  it('reads Retry-After and X-RateLimit-* when they are exposed, without warning', async () => {
    const { client, wrapper } = setup(exposed);
    const { result } = renderHook(() => useSenseiQuery({ path: '/v1/migrations/mig_000001' }), { wrapper });
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(client.rateLimit.getSnapshot()).toMatchObject({ isLimited: true, headersHidden: false, remaining: 0 });
    await act(() => new Promise((r) => setTimeout(r, 2100)));
    expect(result.current.isSuccess).toBe(true);
    expect(client.rateLimit.getSnapshot().limit).toBe(1000);
  });

  it('falls back to backoff, stays usable, and warns once with the header to expose', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client, wrapper } = setup(hidden);
    const { result } = renderHook(
      () => [useSenseiQuery({ path: '/v1/migrations/mig_000001' }), useSenseiQuery({ path: '/v1/migrations/mig_000002' })],
      { wrapper },
    );
    await act(() => new Promise((r) => setTimeout(r, 100)));
    const state = client.rateLimit.getSnapshot();
    expect(state.headersHidden).toBe(true);
    expect(state.limit).toBeUndefined();
    expect(state.isLimited).toBe(true); // our own backoff holds the others back
    await act(() => new Promise((r) => setTimeout(r, 2500)));
    expect(result.current.every((q) => q.isSuccess)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(
      'Access-Control-Expose-Headers: Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
    );
  });
});

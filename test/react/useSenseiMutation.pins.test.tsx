import { QueryClient, useQuery } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiProvider, type SenseiProviderProps } from '../../src/react/SenseiProvider.js';
import { useSenseiMutation } from '../../src/react/useSenseiMutation.js';
import { createFakeFetch, errorBody, json, type Responder } from '../core/fakeFetch.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

function setup(responder: Responder, provider: Partial<SenseiProviderProps> = {}) {
  const fake = createFakeFetch(responder);
  const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: 'sk_test_mutation_pins', fetch: fake.fetch, shareAcrossTabs: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <SenseiProvider client={client} queryClient={queryClient} {...provider}>
      {children}
    </SenseiProvider>
  );
  const getsOf = (path: string) => fake.calls.filter((call) => call.method === 'GET' && call.url.endsWith(path)).length;
  return { ...fake, client, queryClient, wrapper, getsOf };
}

/** A query of `path` that stays mounted, to see whether a mutation invalidates it. */
function useWatched(client: ReturnType<typeof setup>['client'], path: string) {
  return useQuery({ queryKey: ['watched', path], queryFn: () => client.get(path) });
}

describe('useSenseiMutation outside a provider', () => {
  it('names itself in the error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSenseiMutation({ path: '/v1/projects' }))).toThrow('`useSenseiMutation` must be used within `<SenseiProvider>`');
  });
});

describe('useSenseiMutation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a write in flight across re-renders of its component', async () => {
    const { calls, wrapper } = setup(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return json({ id: 'p_1' }, 201);
    });
    const { result, rerender } = renderHook(() => useSenseiMutation<{ id: string }, { name: string }>({ path: '/v1/projects' }), { wrapper });
    act(() => result.current.mutate({ name: 'Atlas' }));
    await flush();
    rerender();
    await flush();
    expect(calls[0]!.signal?.aborted).toBe(false);
    await flush(100);
    expect(result.current).toMatchObject({ isSuccess: true, data: { id: 'p_1' } });
  });

  it("retries with the provider's policy", async () => {
    const { calls, wrapper } = setup(() => json(errorBody(503), 503), { retry: 0 });
    const { result } = renderHook(
      () => useSenseiMutation<unknown, { name: string }>({ path: '/v1/projects', idempotencyKey: () => 'idem_1' }),
      { wrapper },
    );
    act(() => result.current.mutate({ name: 'Atlas' }));
    await flush(60_000);
    expect(calls).toHaveLength(1);
    expect(result.current.isError).toBe(true);
  });

  it('invalidates the keys a function returns from the data and variables', async () => {
    const h = setup((call) => (call.method === 'GET' ? json({ id: 'x' }) : json({ id: 'p_1' }, 201)));
    const invalidates = vi.fn((data: { id: string }, variables: { name: string }) => [['watched', `/v1/projects/${data.id}-${variables.name}`]]);
    const { result } = renderHook(
      () => ({
        watched: useWatched(h.client, '/v1/projects/p_1-Atlas'),
        other: useWatched(h.client, '/v1/other'),
        create: useSenseiMutation<{ id: string }, { name: string }>({ path: '/v1/projects', invalidates }),
      }),
      { wrapper: h.wrapper },
    );
    await flush();
    expect(h.getsOf('/v1/projects/p_1-Atlas')).toBe(1);
    act(() => result.current.create.mutate({ name: 'Atlas' }));
    await flush();
    expect(result.current.create.isSuccess).toBe(true);
    expect(invalidates).toHaveBeenCalledWith({ id: 'p_1' }, { name: 'Atlas' });
    expect(h.getsOf('/v1/projects/p_1-Atlas')).toBe(2);
    expect(h.getsOf('/v1/other')).toBe(1);
  });

  it('invalidates only the listed keys, and none without invalidates', async () => {
    const h = setup((call) => (call.method === 'GET' ? json({ id: 'x' }) : json({ id: 'p_1' }, 201)));
    const { result } = renderHook(
      () => ({
        listed: useWatched(h.client, '/v1/listed'),
        other: useWatched(h.client, '/v1/other'),
        withKeys: useSenseiMutation<{ id: string }, { name: string }>({ path: '/v1/projects', invalidates: [['watched', '/v1/listed']] }),
        without: useSenseiMutation<{ id: string }, { name: string }>({ path: '/v1/projects' }),
      }),
      { wrapper: h.wrapper },
    );
    await flush();
    act(() => result.current.withKeys.mutate({ name: 'Atlas' }));
    await flush();
    expect(h.getsOf('/v1/listed')).toBe(2);
    expect(h.getsOf('/v1/other')).toBe(1);
    act(() => result.current.without.mutate({ name: 'Bravo' }));
    await flush();
    expect(result.current.without.isSuccess).toBe(true);
    expect(h.getsOf('/v1/listed')).toBe(2);
    expect(h.getsOf('/v1/other')).toBe(1);
  });
});

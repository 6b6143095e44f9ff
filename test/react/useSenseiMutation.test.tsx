import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { SenseiProvider } from '../../src/react/SenseiProvider.js';
import { useSenseiMutation } from '../../src/react/useSenseiMutation.js';
import { createFakeFetch, json, never } from '../core/fakeFetch.js';

const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

function setup(responder = never) {
  const fake = createFakeFetch(responder);
  const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: 'sk_test_mutation_1', fetch: fake.fetch, shareAcrossTabs: false });
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <SenseiProvider client={client} queryClient={queryClient}>
      {children}
    </SenseiProvider>
  );
  return { ...fake, wrapper };
}

// #13 item 10: TanStack gives mutations no signal; the hook's own controller reaches fetch.
describe('useSenseiMutation: abort', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aborts the request in flight when the component unmounts, without a state update after', async () => {
    const { calls, wrapper } = setup();
    const { result, unmount } = renderHook(() => useSenseiMutation<unknown, { name: string }>({ path: '/v1/migrations' }), { wrapper });
    act(() => result.current.mutate({ name: 'Atlas' }));
    await flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal?.aborted).toBe(false);
    unmount();
    expect(calls[0]!.signal?.aborted).toBe(true);
    await flush(60_000);
    expect(calls).toHaveLength(1); // an aborted write is not retried
  });

  it('abort() ends the calls in flight with an abort error; a later call goes out with a fresh signal', async () => {
    let answer = false;
    const { calls, wrapper } = setup((call) => (answer ? json({ id: 'mig_1' }, 201) : never(call)));
    const { result } = renderHook(() => useSenseiMutation<{ id: string }, { name: string }>({ path: '/v1/migrations' }), { wrapper });
    let outcome: Promise<unknown> | undefined;
    act(() => {
      outcome = result.current.mutateAsync({ name: 'Atlas' }).catch((error: unknown) => error);
    });
    await flush();
    act(() => result.current.abort());
    await flush();
    expect(calls[0]!.signal?.aborted).toBe(true);
    expect(await outcome).toMatchObject({ name: 'SenseiAbortError' });
    expect(result.current.isError).toBe(true);

    answer = true;
    act(() => result.current.mutate({ name: 'Borealis' }));
    await flush();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.signal?.aborted).toBe(false);
    expect(result.current.data).toEqual({ id: 'mig_1' });
  });
});

import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import {
  dehydrateSensei,
  hydrateSensei,
  isSenseiError,
  SenseiAbortError,
  SenseiError,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiResponseError,
  SenseiTimeoutError,
  senseiDehydrateOptions,
} from '../../src/core/index.js';
import { rejectionOf } from './fakeFetch.js';

const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

async function failQuery(queryClient: QueryClient, key: string, error: unknown) {
  await queryClient.prefetchQuery({ queryKey: [key], queryFn: () => Promise.reject(error) });
}

const httpError = () =>
  new SenseiHttpError({
    kind: 'http',
    message: 'Not found',
    status: 404,
    code: 'E404',
    details: { id: 'mig_1' },
    requestId: 'req_1',
    retryAfterMs: 5,
    retryAt: 10,
    diagnostic: 'diag',
    idempotent: true,
    method: 'GET',
    url: 'https://api.example.com/v1/m?api_key=secret',
    cause: new Error('inner'),
  });

const keysOf = (state: ReturnType<typeof dehydrateSensei>) => state.queries.map((query) => query.queryKey[0]);

describe('dehydrateSensei: which queries go', () => {
  it('sends successful, pending and Sensei-failed queries, not other failures', async () => {
    const queryClient = newClient();
    queryClient.setQueryData(['done'], { id: 1 });
    void queryClient.prefetchQuery({ queryKey: ['pending'], queryFn: () => new Promise(() => {}) });
    await failQuery(queryClient, 'sensei-failed', httpError());
    await failQuery(queryClient, 'other-failed', new Error('boom'));
    expect(keysOf(dehydrateSensei(queryClient)).sort()).toEqual(['done', 'pending', 'sensei-failed']);
  });

  it('lets the caller’s options win', async () => {
    const queryClient = newClient();
    queryClient.setQueryData(['done'], { id: 1 });
    expect(dehydrateSensei(queryClient, { shouldDehydrateQuery: () => false }).queries).toEqual([]);
  });

  it('redacts a pending query’s failure unless it is a SenseiError', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const queryClient = newClient();
    const fails: Record<string, (error: unknown) => void> = {};
    for (const key of ['other', 'sensei']) {
      void queryClient.prefetchQuery({ queryKey: [key], queryFn: () => new Promise((_, reject) => (fails[key] = reject)) });
    }
    const state = dehydrateSensei(queryClient);
    const promiseOf = (key: string) => state.queries.find((query) => query.queryKey[0] === key)!.promise!;
    const sensei = httpError();
    fails.other!(new Error('secret'));
    fails.sensei!(sensei);
    const redacted = await rejectionOf(promiseOf('other'));
    expect(String(redacted)).not.toContain('secret');
    expect(await rejectionOf(promiseOf('sensei'))).toBe(sensei);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(senseiDehydrateOptions.shouldRedactErrors(new Error('secret'))).toBe(true);
    expect(senseiDehydrateOptions.shouldRedactErrors(sensei)).toBe(false);
  });
});

describe('dehydrateSensei: a SenseiError as plain data', () => {
  it('keeps the safe fields only, and passes JSON', async () => {
    const queryClient = newClient();
    await failQuery(queryClient, 'q', httpError());
    const state = JSON.parse(JSON.stringify(dehydrateSensei(queryClient))) as ReturnType<typeof dehydrateSensei>;
    expect(state.queries[0]!.state.error).toEqual({
      $senseiError: {
        kind: 'http',
        status: 404,
        code: 'E404',
        message: 'Not found',
        details: { id: 'mig_1' },
        requestId: 'req_1',
        retryAfterMs: 5,
        retryAt: 10,
        diagnostic: 'diag',
        idempotent: true,
      },
    });
    expect(JSON.stringify(state)).not.toContain('secret');
  });

  it('leaves other errors and empty slots as they are', async () => {
    const queryClient = newClient();
    queryClient.setQueryData(['done'], 1);
    const state = dehydrateSensei(queryClient, { shouldDehydrateQuery: () => true });
    expect(state.queries[0]!.state.error).toBeNull();
    expect(state.queries[0]!.state.fetchFailureReason).toBeNull();
  });
});

describe('hydrateSensei', () => {
  const roundTrip = async (error: SenseiError) => {
    const queryClient = newClient();
    await failQuery(queryClient, 'q', error);
    const sent = JSON.parse(JSON.stringify(dehydrateSensei(queryClient))) as ReturnType<typeof dehydrateSensei>;
    return hydrateSensei(sent).queries[0]!.state;
  };

  it('turns the plain data back into the SenseiError subclass of its kind', async () => {
    const cases = [
      [new SenseiHttpError({ kind: 'http', message: 'm', status: 500 }), SenseiHttpError],
      [new SenseiNetworkError({ kind: 'network', message: 'm' }), SenseiNetworkError],
      [new SenseiTimeoutError({ kind: 'timeout', message: 'm', timeoutMs: 100 }), SenseiTimeoutError],
      [new SenseiAbortError({ kind: 'aborted', message: 'm' }), SenseiAbortError],
      [new SenseiResponseError({ kind: 'invalid-response', message: 'm' }), SenseiResponseError],
      [new SenseiRequestError({ kind: 'invalid-request', message: 'm' }), SenseiRequestError],
    ] as const;
    for (const [error, Class] of cases) {
      const state = await roundTrip(error);
      expect(state.error).toBeInstanceOf(Class);
      expect((state.error as SenseiError).name).toBe(error.name);
      expect(state.fetchFailureReason).toBeInstanceOf(Class);
    }
  });

  it('restores the safe fields, and a plain SenseiError for a kind without a subclass', async () => {
    const http = (await roundTrip(httpError())).error as SenseiHttpError;
    expect(http).toMatchObject({ kind: 'http', status: 404, code: 'E404', message: 'Not found', requestId: 'req_1', retryAfterMs: 5, idempotent: true });
    expect(http.url).toBeUndefined();
    expect(http.cause).toBeUndefined();
    const operation = (await roundTrip(new SenseiError({ kind: 'operation', message: 'failed' }))).error;
    expect(isSenseiError(operation)).toBe(true);
    expect((operation as SenseiError).name).toBe('SenseiError');
    expect(operation).toMatchObject({ kind: 'operation', message: 'failed' });
  });

  it('gives a hydrated timeout a known timeoutMs', async () => {
    const state = await roundTrip(new SenseiTimeoutError({ kind: 'timeout', message: 'm', timeoutMs: 100 }));
    expect((state.error as SenseiTimeoutError).timeoutMs).toBe(0);
  });

  it('leaves anything that is not a dehydrated SenseiError as it is', () => {
    const other = { message: 'x' };
    const state = {
      mutations: [],
      queries: [
        { queryKey: ['a'], queryHash: '["a"]', state: { error: null, fetchFailureReason: 'text' } },
        { queryKey: ['b'], queryHash: '["b"]', state: { error: other, fetchFailureReason: undefined } },
      ],
    } as unknown as ReturnType<typeof dehydrateSensei>;
    const hydrated = hydrateSensei(state);
    expect(hydrated.queries[0]!.state.error).toBeNull();
    expect(hydrated.queries[0]!.state.fetchFailureReason).toBe('text');
    expect(hydrated.queries[1]!.state.error).toBe(other);
    expect(hydrated.queries[1]!.state.fetchFailureReason).toBeUndefined();
  });
});

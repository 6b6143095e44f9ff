import { MutationCache, QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import {
  createRetryPolicy,
  createSenseiClient,
  type SenseiEvent,
  SenseiHttpError,
  SenseiResponseError,
  senseiKeys,
  senseiQueries,
} from '../../src/core/index.js';
import { defaultRetryPolicy, type SenseiMutationContext } from '../../src/core/senseiQueries.js';
import { requestWaitStoreFor } from '../../src/core/RequestWaitStore.js';
import { createFakeFetch, json, never, rejectionOf, type Responder } from './fakeFetch.js';

const BASE = 'https://api.example.com';

function setup(responder?: Responder) {
  const fake = createFakeFetch(responder);
  const client = createSenseiClient({ baseUrl: BASE, apiKey: 'sk_test_4f9a8b7c6d5e', fetch: fake.fetch, shareAcrossTabs: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { client, queryClient, queries: senseiQueries(client), ...fake };
}

const page = (n: number, totalPages: number, data: unknown[] = [{ id: `item_${n}` }]) => ({
  data,
  pagination: { total: totalPages * 2, page: n, per_page: 2, total_pages: totalPages, has_next: n < totalPages, has_prev: n > 1 },
});

const http503 = () => new SenseiHttpError({ kind: 'http', message: 'Unavailable', status: 503, method: 'GET', idempotent: true });

/** The context TanStack's mutation hands a `mutationFn`, with what `useSenseiMutation` adds. */
const mutationContext = (queryClient: QueryClient, extra: Partial<SenseiMutationContext> = {}) =>
  ({ client: queryClient, meta: undefined, mutationKey: undefined, ...extra }) as SenseiMutationContext;

afterEach(() => {
  vi.useRealTimers();
});

describe('senseiQueries: the retry policy', () => {
  it('uses the shared default policy when no retry is given', () => {
    const { client } = setup();
    const options = senseiQueries(client).resource({ path: '/v1/a' });
    expect(options.retryDelay).toBe(defaultRetryPolicy.retryDelay);
  });

  it('uses a policy object as it is', () => {
    const { client } = setup();
    const policy = createRetryPolicy({ retries: 1 });
    expect(senseiQueries(client, { retry: policy }).resource({ path: '/v1/a' }).retryDelay).toBe(policy.retryDelay);
  });

  it('builds a policy from options or a count', () => {
    const { client } = setup();
    const fromOptions = senseiQueries(client, { retry: { retries: 1, baseDelayMs: 10 } }).resource({ path: '/v1/a' });
    expect(fromOptions.retry(0, http503())).toBe(true);
    expect(fromOptions.retry(1, http503())).toBe(false);
    expect(typeof fromOptions.retryDelay(0, http503())).toBe('number');
    const fromCount = senseiQueries(client, { retry: 2 }).resource({ path: '/v1/a' });
    expect(fromCount.retry(1, http503())).toBe(true);
    expect(fromCount.retry(2, http503())).toBe(false);
  });

  it('announces a granted retry on the event stream, with its attempt and delay', () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    const { client } = setup();
    const events: SenseiEvent[] = [];
    client.events.subscribe((event) => events.push(event));
    const options = senseiQueries(client, { retry: { retries: 3, baseDelayMs: 1000, random: () => 0.5 } }).resource({ path: '/v1/a' });
    const error = http503();
    const delay = options.retryDelay(0, error);
    expect(options.retry(0, error)).toBe(true);
    expect(events).toEqual([{ type: 'retried', at: 1_000_000, attempt: 2, delayMs: delay, reason: '503', error }]);
  });

  it('announces nothing when the policy refuses the retry', () => {
    const { client } = setup();
    const events: SenseiEvent[] = [];
    client.events.subscribe((event) => events.push(event));
    const options = senseiQueries(client, { retry: 0 }).resource({ path: '/v1/a' });
    const error = http503();
    options.retryDelay(0, error);
    expect(options.retry(0, error)).toBe(false);
    expect(events).toEqual([]);
  });

  it('marks every option as Sensei’s', () => {
    const { queries } = setup();
    expect(queries.resource({ path: '/v1/a' }).meta).toEqual({ sensei: true });
    expect(queries.mutation({ path: '/v1/a' }).meta).toEqual({ sensei: true });
  });
});

describe('senseiQueries: list', () => {
  it('fetches one page under its list key, with filters and page size', async () => {
    const { queries, queryClient, calls, client } = setup(() => json(page(2, 3)));
    const options = queries.list({ path: '/v1/migrations', page: 2, perPage: 2, params: { status: 'done' } });
    expect(options.queryKey).toEqual(senseiKeys.list(client, '/v1/migrations', { page: 2, perPage: 2, query: { status: 'done' } }));
    await expect(queryClient.fetchQuery(options)).resolves.toEqual(page(2, 3));
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe('/v1/migrations');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'done', page: '2', per_page: '2' });
    expect(calls[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it('asks for page 1 when no page is given', async () => {
    const { queries, queryClient, calls } = setup(() => json(page(1, 1)));
    await queryClient.fetchQuery(queries.list({ path: '/v1/migrations' }));
    expect(new URL(calls[0]!.url).searchParams.get('page')).toBe('1');
  });

  it('answers a page past the end with the last page, cached under its own key', async () => {
    const { queries, queryClient, calls, client } = setup((call) => {
      const n = Number(new URL(call.url).searchParams.get('page'));
      return json(n > 2 ? page(n, 2, []) : page(n, 2));
    });
    const result = await queryClient.fetchQuery(queries.list({ path: '/v1/migrations', page: 5, perPage: 2 }));
    expect(result).toEqual(page(2, 2));
    expect(calls.map((call) => new URL(call.url).searchParams.get('page'))).toEqual(['5', '2']);
    expect(queryClient.getQueryData(senseiKeys.list(client, '/v1/migrations', { page: 2, perPage: 2, query: undefined }))).toEqual(page(2, 2));
  });

  it('keeps the last page itself and an empty first page as they are', async () => {
    const last = setup(() => json(page(3, 3)));
    await expect(last.queryClient.fetchQuery(last.queries.list({ path: '/v1/m', page: 3 }))).resolves.toEqual(page(3, 3));
    expect(last.calls).toHaveLength(1);
    const empty = setup(() => json(page(1, 0, [])));
    await expect(empty.queryClient.fetchQuery(empty.queries.list({ path: '/v1/m' }))).resolves.toEqual(page(1, 0, []));
    expect(empty.calls).toHaveLength(1);
  });

  it('validates each item with itemSchema', async () => {
    const { queries, queryClient } = setup(() => json(page(1, 1, [{ id: 7 }])));
    const error = await rejectionOf(queryClient.fetchQuery(queries.list({ path: '/v1/m', itemSchema: z.object({ id: z.string() }) })));
    expect(error).toBeInstanceOf(SenseiResponseError);
  });

  it('reports the attempt to the QueryClient’s wait store while it runs', async () => {
    let answer!: () => void;
    const { queries, queryClient } = setup(() => new Promise((resolve) => (answer = () => resolve(json(page(1, 1))))));
    const options = queries.list({ path: '/v1/m' });
    const done = queryClient.fetchQuery(options);
    await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
    const hash = queryClient.getQueryCache().find({ queryKey: options.queryKey })!.queryHash;
    expect(requestWaitStoreFor(queryClient).get(hash)).toEqual({ hold: null });
    answer();
    await done;
    expect(requestWaitStoreFor(queryClient).get(hash)).toBeUndefined();
  });
});

describe('senseiQueries: resource', () => {
  it('GETs the path with its query and the query’s signal', async () => {
    const { queries, queryClient, calls } = setup(() => json({ id: 'mig_1' }));
    const options = queries.resource({ path: '/v1/migrations/mig_1', query: { expand: 'steps' } });
    await expect(queryClient.fetchQuery(options)).resolves.toEqual({ id: 'mig_1' });
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url).toBe(`${BASE}/v1/migrations/mig_1?expand=steps`);
    expect(calls[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it('refuses a body that fails the schema with a typed error naming the request', async () => {
    const { queries, queryClient } = setup(() => json({ id: 1 }, 200, { 'X-Request-Id': 'req_9' }));
    const error = await rejectionOf(queryClient.fetchQuery(queries.resource({ path: '/v1/migrations/mig_1', schema: z.object({ id: z.string() }) })));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ kind: 'invalid-response', method: 'GET', url: `${BASE}/v1/migrations/mig_1`, status: 200, requestId: 'req_9' });
  });
});

describe('senseiQueries: operation', () => {
  it('reads the operation from its status URL', async () => {
    const operation = { id: 'op_1', status: 'running', status_url: '/v1/operations/op_1' };
    const { queries, queryClient, calls, client } = setup(() => json(operation));
    const options = queries.operation('/v1/operations/op_1');
    expect(options.queryKey).toEqual(senseiKeys.operation(client, '/v1/operations/op_1'));
    const result = await queryClient.fetchQuery(options);
    expect(result.operation).toEqual(operation);
    expect(calls[0]!.url).toBe(`${BASE}/v1/operations/op_1`);
    expect(calls[0]!.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('senseiQueries: mutation', () => {
  it('POSTs the variables as the body by default', async () => {
    const { queries, queryClient, calls } = setup(() => json({ id: 'mig_1' }, 201));
    const options = queries.mutation<{ id: string }, { name: string }>({ path: '/v1/migrations' });
    await expect(options.mutationFn({ name: 'a' }, mutationContext(queryClient))).resolves.toEqual({ id: 'mig_1' });
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${BASE}/v1/migrations`);
    expect(JSON.parse(calls[0]!.body!)).toEqual({ name: 'a' });
    expect(calls[0]!.headers.has('Idempotency-Key')).toBe(false);
  });

  it('builds the path, body and idempotency key from the variables', async () => {
    const { queries, queryClient, calls } = setup(() => json({}));
    const options = queries.mutation<unknown, { id: string; name: string }>({
      method: 'PATCH',
      path: (v) => `/v1/migrations/${v.id}`,
      body: (v) => ({ name: v.name }),
      idempotencyKey: (v) => `key_${v.id}`,
    });
    await options.mutationFn({ id: 'mig_1', name: 'b' }, mutationContext(queryClient));
    expect(calls[0]!.method).toBe('PATCH');
    expect(calls[0]!.url).toBe(`${BASE}/v1/migrations/mig_1`);
    expect(JSON.parse(calls[0]!.body!)).toEqual({ name: 'b' });
    expect(calls[0]!.headers.get('Idempotency-Key')).toBe('key_mig_1');
  });

  it('sends no body with a DELETE unless body says so', async () => {
    const { queries, queryClient, calls } = setup(() => new Response(null, { status: 204 }));
    await queries.mutation<unknown, string>({ method: 'DELETE', path: (id) => `/v1/migrations/${id}` }).mutationFn('mig_1', mutationContext(queryClient));
    expect(calls[0]!.method).toBe('DELETE');
    expect(calls[0]!.body).toBeUndefined();
    await queries
      .mutation<unknown, string>({ method: 'DELETE', path: '/v1/migrations', body: (id) => ({ ids: [id] }) })
      .mutationFn('mig_2', mutationContext(queryClient));
    expect(JSON.parse(calls[1]!.body!)).toEqual({ ids: ['mig_2'] });
  });

  it('is aborted by the caller’s signal', async () => {
    const { queries, queryClient } = setup(never);
    const controller = new AbortController();
    const sent = queries.mutation({ path: '/v1/a' }).mutationFn(undefined, mutationContext(queryClient, { signal: controller.signal }));
    controller.abort();
    expect(await rejectionOf(sent)).toMatchObject({ kind: 'aborted' });
  });

  it('validates the response with schema, naming the write', async () => {
    const { queries, queryClient } = setup(() => json({ id: 1 }, 201));
    const options = queries.mutation({ method: 'PUT', path: '/v1/migrations/mig_1', schema: z.object({ id: z.string() }) });
    const error = await rejectionOf(options.mutationFn(undefined, mutationContext(queryClient)));
    expect(error).toBeInstanceOf(SenseiResponseError);
    expect(error).toMatchObject({ method: 'PUT', url: `${BASE}/v1/migrations/mig_1`, status: 201 });
  });

  it('reports the attempt under its wait id only when it has one', async () => {
    let answer!: () => void;
    const { queries, queryClient } = setup(() => new Promise((resolve) => (answer = () => resolve(json({})))));
    const store = requestWaitStoreFor(queryClient);
    const options = queries.mutation({ path: '/v1/a' });
    const done = options.mutationFn(undefined, mutationContext(queryClient, { waitId: 'w1' }));
    await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
    expect(store.get('w1')).toEqual({ hold: null });
    answer();
    await done;
    expect(store.get('w1')).toBeUndefined();
  });

  it('runs under a real MutationCache', async () => {
    const { queries, calls } = setup(() => json({ ok: true }));
    const queryClient = new QueryClient({ mutationCache: new MutationCache() });
    const mutation = queryClient.getMutationCache().build(queryClient, queries.mutation<unknown, { a: number }>({ path: '/v1/a' }));
    await expect(mutation.execute({ a: 1 })).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(1);
  });
});

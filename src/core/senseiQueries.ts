import { type DataTag, hashKey, type MutationFunctionContext, type QueryFunctionContext, type QueryKey } from '@tanstack/query-core';
import type { HttpMethod, OperationResponse, QueryParams, SenseiClient, SenseiResponse } from './createSenseiClient.js';
import type { GateHold } from './RateLimitStore.js';
import { clampPage } from './pageMath.js';
import type { Operation } from './operationSchema.js';
import type { PaginatedResponse } from './paginationSchema.js';
import { requestWaitStoreFor } from './RequestWaitStore.js';
import { createRetryPolicy, type RetryPolicy, type RetryPolicyOptions } from './retryPolicy.js';
import type { SenseiError } from './SenseiError.js';
import { senseiKeys } from './senseiKeys.js';
import type { StandardSchemaV1 } from './standardSchema.js';
import { timers } from './timers.js';
import { validateResponse } from './validateResponse.js';

/**
 * The retry policy of `<SenseiProvider>` without a `retry` prop and of `senseiQueries(client)`:
 * one object, so a retry's countdown (`scheduledRetryAt`) is found whichever built the query.
 */
export const defaultRetryPolicy: RetryPolicy = /* @__PURE__ */ createRetryPolicy();

export interface SenseiQueriesOptions {
  /**
   * The retry policy: a count, options, or a policy from `createRetryPolicy` (the provider passes
   * its own, so hooks and factories retry alike).
   * @default the provider's default: `{ retries: 3, baseDelayMs: 1000, maxDelayMs: 30000 }`
   */
  retry?: RetryPolicy | RetryPolicyOptions | number;
}

/** What `queryOptions(...)` returns for a Sensei query: valid for `useQuery`, `useSuspenseQuery`, `queryClient.query()`… */
export interface SenseiQueryOptions<TData, TKey extends QueryKey = QueryKey> {
  /** Typed: `queryClient.getQueryData(options.queryKey)` is `TData | undefined`. */
  queryKey: DataTag<TKey, TData, SenseiError>;
  /** Takes any key's context, so the options stay valid under a caller's own `queryKey`. */
  queryFn: (context: QueryFunctionContext) => Promise<TData>;
  retry: (failureCount: number, error: SenseiError) => boolean;
  retryDelay: (failureCount: number, error: SenseiError) => number;
  meta: { sensei: true };
}

/** The context a Sensei `mutationFn` reads: TanStack's, plus what `useSenseiMutation` adds. */
export type SenseiMutationContext = MutationFunctionContext & {
  /** Aborts this attempt (TanStack gives mutations no signal). */
  signal?: AbortSignal;
  /** Reports gate holds under this id, for a hook's `waiting`. */
  waitId?: string;
};

/** What `mutationOptions(...)` returns for a Sensei write: valid for `useMutation`. */
export interface SenseiMutationOptions<TData, TVariables> {
  mutationFn: (variables: TVariables, context: SenseiMutationContext) => Promise<TData>;
  retry: (failureCount: number, error: SenseiError) => boolean;
  retryDelay: (failureCount: number, error: SenseiError) => number;
  meta: { sensei: true };
}

/**
 * What an operation type must have: `id` and `status`. Anything else (a typed `name`, `result`)
 * is the caller's declaration of what the status endpoint sends.
 */
export type AsyncOperationShape = Pick<Operation, 'id' | 'status'>;

export interface SenseiListQuery<T> {
  /** The list endpoint, e.g. `/v1/migrations`. */
  path: string;
  /**
   * 1-based page.
   * @default 1
   */
  page?: number;
  /** Items per page; the API's default when omitted. */
  perPage?: number | undefined;
  /** Filters and sorting sent with every page. */
  params?: QueryParams | undefined;
  /** Validates each item; a mismatch is a typed `SenseiResponseError`. */
  itemSchema?: StandardSchemaV1<unknown, T> | undefined;
}

export interface SenseiResourceQuery<T> {
  /** The API path, e.g. `/v1/migrations/mig_123`. */
  path: string;
  /** Query parameters; `null`/`undefined` values are left out. */
  query?: QueryParams | undefined;
  /** Validates the body; a mismatch is a typed `SenseiResponseError`. */
  schema?: StandardSchemaV1<unknown, T> | undefined;
}

export interface SenseiMutationInput<TData, TVariables> {
  /**
   * The method.
   * @default 'POST'
   */
  method?: Exclude<HttpMethod, 'GET' | 'HEAD' | 'OPTIONS'> | undefined;
  /** The path, or a function of the variables: `(m) => \`/v1/migrations/${m.id}\``. */
  path: string | ((variables: TVariables) => string);
  /**
   * The JSON body.
   * @default the variables themselves (none for DELETE)
   */
  body?: ((variables: TVariables) => unknown) | undefined;
  /**
   * An idempotency key per call, sent as `Idempotency-Key`. Without one a POST or PATCH is never
   * retried automatically: the write might have happened.
   */
  idempotencyKey?: ((variables: TVariables) => string | undefined) | undefined;
  /** Validates the response body. */
  schema?: StandardSchemaV1<unknown, TData> | undefined;
}

/**
 * Options factories, the one place a Sensei query is built: the key names the API, the query
 * function goes through the client (its rate-limit gate, typed errors), and `retry`/`retryDelay`
 * come from the policy. No React: a Server Component can call them to prefetch.
 * @example
 * const queries = senseiQueries(client);
 * const page = useQuery(queries.list({ path: '/v1/migrations', page: 2 }));
 * await queryClient.query(queries.resource({ path: '/v1/migrations/mig_1' }));
 */
export function senseiQueries(client: SenseiClient, { retry }: SenseiQueriesOptions = {}) {
  const policy =
    retry === undefined ? defaultRetryPolicy : typeof retry === 'object' && 'retryDelay' in retry ? retry : createRetryPolicy(retry);
  const common = {
    // The policy decides; the client's event stream hears each retry it grants (TanStack asks
    // `retryDelay` first, so the scheduled time is known here).
    retry: (failureCount: number, error: SenseiError) => {
      const ok = policy.retry(failureCount, error);
      const retryAt = ok ? policy.scheduledRetryAt(error) : undefined;
      if (retryAt !== undefined) {
        const at = timers.now();
        client.events.emit({ type: 'retried', at, attempt: failureCount + 2, delayMs: retryAt - at, reason: String(error.status ?? error.kind), error });
      }
      return ok;
    },
    retryDelay: policy.retryDelay,
    meta: { sensei: true as const },
  };

  /** A query built from its key and one attempt; the attempt reports its gate holds to the QueryClient's wait store. */
  const query = <TData, TKey extends QueryKey>(
    queryKey: TKey,
    attempt: (context: QueryFunctionContext, onGateHold: (hold: GateHold | null) => void) => Promise<TData>,
  ): SenseiQueryOptions<TData, TKey> => ({
    ...common,
    queryKey: queryKey as DataTag<TKey, TData, SenseiError>,
    queryFn: (context) => requestWaitStoreFor(context.client).run(hashKey(context.queryKey), (onGateHold) => attempt(context, onGateHold)),
  });

  const validated = async <T>(schema: StandardSchemaV1<unknown, T> | undefined, method: string, path: string, sent: Promise<SenseiResponse<unknown>>) => {
    const { data, status, requestId } = await sent;
    return validateResponse(schema, data, { method, url: client.resolveUrl(path).href, status, requestId });
  };

  const list = <T = unknown>({ path, page = 1, perPage, params, itemSchema }: SenseiListQuery<T>) => {
    const keyFor = (p: number) => senseiKeys.list(client, path, { page: p, perPage, query: params });
    return query(keyFor(page), async ({ signal, client: queryClient }, onGateHold): Promise<PaginatedResponse<T>> => {
      const fetchPage = (p: number) => client.list<T>(path, { page: p, perPage, query: params, itemSchema, signal, onGateHold });
      const response = await fetchPage(page);
      const { total_pages: totalPages } = response.pagination;
      // Past the end (items deleted meanwhile): fetch the last page now and cache it under its own
      // key, so the clamp to it shows rows at once instead of an empty screen.
      if (page > 1 && page > totalPages) {
        const last = clampPage(totalPages, totalPages);
        const lastPage = await fetchPage(last);
        queryClient.setQueryData(keyFor(last), lastPage);
        return lastPage;
      }
      return response;
    });
  };

  return {
    /** One page of a list: `{ data, pagination }`; a page past the end answers with the last page. */
    list,
    /** One resource (a 200 body), validated by `schema`. */
    resource: <T = unknown>({ path, query: params, schema }: SenseiResourceQuery<T>) =>
      query(senseiKeys.resource(client, path, params), ({ signal }, onGateHold) =>
        validated(schema, 'GET', path, client.request(path, { query: params, signal, onGateHold })),
      ),
    /**
     * An async operation read from its `status_url` (one read; `useAsyncOperation` polls).
     * `TOperation` declares what the status endpoint sends, e.g. `Operation & { name: string }`.
     */
    operation: <TOperation extends AsyncOperationShape = Operation>(statusUrl: string) =>
      query(
        senseiKeys.operation(client, statusUrl),
        ({ signal }, onGateHold) => client.getOperation(statusUrl, { signal, onGateHold }) as Promise<OperationResponse<TOperation>>,
      ),
    /** A write for `useMutation`: never retried when repeating it could duplicate it (no idempotency key). */
    mutation: <TData = unknown, TVariables = void>({
      method = 'POST',
      path,
      body,
      idempotencyKey,
      schema,
    }: SenseiMutationInput<TData, TVariables>): SenseiMutationOptions<TData, TVariables> => ({
      ...common,
      mutationFn: (variables, { client: queryClient, signal, waitId }) => {
        const target = typeof path === 'function' ? path(variables) : path;
        const payload = body ? body(variables) : method === 'DELETE' ? undefined : variables;
        const send = (onGateHold?: (hold: GateHold | null) => void) =>
          validated(schema, method, target, client.request(target, { method, body: payload, idempotencyKey: idempotencyKey?.(variables), signal, onGateHold }));
        return waitId ? requestWaitStoreFor(queryClient).run(waitId, send) : send();
      },
    }),
  };
}

/** The factories of one client: `ReturnType<typeof senseiQueries>`. */
export type SenseiQueries = ReturnType<typeof senseiQueries>;

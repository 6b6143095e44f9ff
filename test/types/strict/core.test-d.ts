// `@sensei/react/core` (no React) in a project on @tsconfig/strictest, with zod 4, valibot and
// arktype schemas. Checked by `npm run typecheck`; nothing here runs.
import { dehydrate, QueryClient, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import {
  type AddToastOptions,
  type AsyncOperationShape,
  backoffDelay,
  clampDelay,
  clampPage,
  classifyOperationStatus,
  createRetryPolicy,
  createSenseiClient,
  DEFAULT_FAILURE_STATUSES,
  DEFAULT_SUCCESS_STATUSES,
  defaultErrorMessages,
  dehydrateSensei,
  describeStatus,
  type ErrorAction,
  type ErrorActionType,
  type ErrorCatalog,
  type ErrorCatalogAction,
  type ErrorCatalogContext,
  type ErrorCatalogEntry,
  type ErrorMessages,
  type ErrorState,
  type ErrorStateKind,
  type ErrorText,
  type ErrorTextKey,
  errorBodySchema,
  type FieldErrorMap,
  formatCountdown,
  type GateHold,
  type GateRelease,
  getErrorCatalogEntry,
  getFieldErrors,
  getOperationProgress,
  getStatusInfo,
  type HttpMethod,
  hydrateSensei,
  type InferOutput,
  isRetryable,
  isSenseiError,
  kindForStatus,
  type LabelledActionType,
  type ListOptions,
  MAX_SERVER_DELAY_MS,
  mergeErrorCatalogs,
  type Operation,
  type OperationProgress,
  operationError,
  operationProgressSchema,
  type OperationResponse,
  operationSchema,
  pageForFirstItem,
  type PaginatedResponse,
  paginatedResponseSchema,
  type Pagination,
  paginationRange,
  type PaginationRange,
  paginationSchema,
  paginationWindow,
  type PaginationWindowItem,
  type PaginationWindowOptions,
  paginationWindowSize,
  parseRateLimit,
  parseRateLimitReset,
  parseRetryAfter,
  pollDelay,
  type PollOptions,
  type QueryParams,
  type QueuedToast,
  type RateLimitInfo,
  type RateLimitState,
  RateLimitStore,
  type RateLimitStoreOptions,
  redactSecret,
  type RequestOptions,
  type RetryPolicy,
  type RetryPolicyOptions,
  SENSEI_STATUS_CODES,
  SenseiAbortError,
  type SenseiApi,
  type SenseiClient,
  type SenseiClientOptions,
  senseiDehydrateOptions,
  SenseiError,
  type SenseiErrorBody,
  type SenseiErrorInit,
  type SenseiErrorKind,
  type SenseiErrorPayload,
  SenseiHttpError,
  senseiKeys,
  type SenseiListQuery,
  type SenseiMutationContext,
  type SenseiMutationInput,
  type SenseiMutationOptions,
  SenseiNetworkError,
  senseiQueries,
  type SenseiQueries,
  type SenseiQueriesOptions,
  type SenseiQueryOptions,
  SenseiRequestError,
  type SenseiResourceQuery,
  SenseiResponseError,
  type SenseiResponse,
  SenseiTimeoutError,
  setTimerProvider,
  shareRateLimitAcrossTabs,
  type ShareRateLimitOptions,
  type StandardSchemaV1,
  type StatusCategory,
  type StatusCodeInfo,
  type TerminalStatuses,
  type TimerProvider,
  timers,
  ToastQueue,
  type ToastQueueOptions,
  toErrorState,
  type ToErrorStateOptions,
  validateResponse,
} from '@sensei/react/core';
import { arktypeCount, arktypeItem, type Item, valibotCount, valibotItem, zodCount, zodItem, zodMiniItem } from './schemas.js';

declare const maybe: string | undefined;
declare const maybeNumber: number | undefined;

test('the client: options, requests, lists and operations', async () => {
  const options: SenseiClientOptions = {
    baseUrl: 'https://api.sensei.test/v1',
    getApiKey: () => maybe,
    authHeader: 'X-Api-Key',
    authScheme: '',
    timeoutMs: 5000,
    headers: { 'X-Tenant': 't1' },
    rateLimitGate: true,
    rateLimitStore: new RateLimitStore({ maxServerDelayMs: 60_000 } satisfies RateLimitStoreOptions),
    shareAcrossTabs: { askTimeoutMs: 100 } satisfies ShareRateLimitOptions,
    maxServerDelayMs: 60_000,
    fetch: globalThis.fetch,
  };
  const client: SenseiClient = createSenseiClient(options);
  // An API behind a session cookie or a proxy: no key, on purpose.
  createSenseiClient({ baseUrl: '/api', requireApiKey: false });
  // @ts-expect-error requireApiKey is a boolean
  createSenseiClient({ baseUrl: '/api', requireApiKey: 'no' });
  const method: HttpMethod = 'PATCH';
  const query: QueryParams = { q: maybe, page: 1, archived: false, cursor: null };
  const request: RequestOptions = { method, query, body: { name: 'x' }, idempotencyKey: 'k', onGateHold: (hold: GateHold | null) => void hold?.until };
  const response: SenseiResponse<Item> = await client.request<Item>('/items', request);
  expectTypeOf(response.requestId).toEqualTypeOf<string | undefined>();
  expectTypeOf(await client.get<Item>('/items/1')).toEqualTypeOf<Item>();
  await client.post('/items', { name: 'x' });
  await client.put('/items/1', { name: 'x' });
  await client.patch('/items/1', { name: 'x' });
  expectTypeOf(await client.delete('/items/1')).toEqualTypeOf<undefined>();
  // Every schema library as itemSchema, under exactOptionalPropertyTypes.
  const lists = [
    await client.list('/items', { itemSchema: zodItem }),
    await client.list('/items', { itemSchema: zodMiniItem }),
    await client.list('/items', { itemSchema: valibotItem }),
    await client.list('/items', { itemSchema: arktypeItem }),
  ] as const;
  expectTypeOf(lists[0]).toEqualTypeOf<PaginatedResponse<{ id: string; name: string }>>();
  expectTypeOf(lists[2].data).toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf(lists[3].pagination).toEqualTypeOf<Pagination>();
  const listOptions: ListOptions<{ records: number }> = { itemSchema: arktypeCount, page: 2, perPage: 10, query };
  void listOptions;
  const started: OperationResponse = await client.startOperation('/migrations', { name: 'x' }, { idempotencyKey: 'k' });
  expectTypeOf(started.operation).toEqualTypeOf<Operation>();
  expectTypeOf((await client.getOperation(started.operation.status_url ?? '')).retryAfterMs).toEqualTypeOf<number | undefined>();
  expectTypeOf(client.resolveUrl('/x')).toEqualTypeOf<URL>();
  expectTypeOf(client.apiId).toEqualTypeOf<string>();
  client.dispose();
  // @ts-expect-error a schema of another shape is not an item schema for Item
  void ({ itemSchema: zodCount } satisfies ListOptions<Item>);
});

test('the Standard Schema type accepts every library and infers outputs', async () => {
  const schemas: StandardSchemaV1<unknown, Item>[] = [zodItem, zodMiniItem, valibotItem, arktypeItem];
  expectTypeOf<InferOutput<typeof zodCount>>().toEqualTypeOf<{ records: number }>();
  expectTypeOf<InferOutput<typeof valibotCount>>().toEqualTypeOf<{ records: number }>();
  expectTypeOf<InferOutput<typeof arktypeCount>>().toEqualTypeOf<{ records: number }>();
  expectTypeOf(await validateResponse(schemas[0], {}, { method: 'GET', url: 'https://x.test', status: maybeNumber, requestId: maybe })).toEqualTypeOf<Item>();
  // The library's own schemas (zod/mini) stand for their types.
  const body: SenseiErrorBody = errorBodySchema.parse({ error: {} });
  const payload: SenseiErrorPayload = body.error;
  const operation: Operation = operationSchema.parse({ id: '1', status: 'pending' });
  const progress: OperationProgress = operationProgressSchema.parse(0.5);
  const pagination: Pagination = paginationSchema.parse({});
  const page = paginatedResponseSchema(zodMiniItem).parse({});
  expectTypeOf(page.data).toEqualTypeOf<{ id: string; name: string }[]>();
  void [payload, operation, progress, pagination];
});

test('the options factories: every query and mutation typed by schema and key', async () => {
  const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: 'k' });
  const factoryOptions: SenseiQueriesOptions = { retry: { retries: 2 } };
  const queries: SenseiQueries = senseiQueries(client, factoryOptions);
  const listQuery: SenseiListQuery<Item> = { path: '/items', page: 2, perPage: maybeNumber, params: { q: maybe }, itemSchema: valibotItem };
  const list = queries.list(listQuery);
  expectTypeOf(list).toExtend<SenseiQueryOptions<PaginatedResponse<Item>>>();
  const useList = () => useQuery(queries.list({ path: '/items', itemSchema: arktypeItem }));
  expectTypeOf<ReturnType<typeof useList>['data']>().toEqualTypeOf<PaginatedResponse<{ id: string; name: string }> | undefined>();
  const resourceQuery: SenseiResourceQuery<{ records: number }> = { path: '/counts', query: { at: maybe }, schema: zodCount };
  const queryClient = new QueryClient();
  expectTypeOf(await queryClient.fetchQuery(queries.resource(resourceQuery))).toEqualTypeOf<{ records: number }>();
  expectTypeOf(queryClient.getQueryData(queries.resource({ path: '/x', schema: valibotCount }).queryKey)).toEqualTypeOf<{ records: number } | undefined>();
  // The operation factory reads what a caller declares the status endpoint sends.
  type Named = Operation & { name: string };
  const named = queries.operation<Named>('/operations/1');
  expectTypeOf(queryClient.getQueryData(named.queryKey)).toEqualTypeOf<OperationResponse<Named> | undefined>();
  expectTypeOf(queryClient.getQueryData(queries.operation('/operations/1').queryKey)).toEqualTypeOf<OperationResponse | undefined>();
  const shape: AsyncOperationShape = { id: '1', status: 'pending' };
  void shape;
  // @ts-expect-error an operation type has an id and a status
  queries.operation<{ name: string }>('/operations/1');
  void queryOptions(queries.resource({ path: '/x', schema: arktypeItem }));
  const input: SenseiMutationInput<Item, { id: string; name: string }> = {
    method: 'PUT',
    path: (item) => `/items/${item.id}`,
    body: (item) => ({ name: item.name }),
    idempotencyKey: () => maybe,
    schema: zodItem,
  };
  const mutation: SenseiMutationOptions<Item, { id: string; name: string }> = queries.mutation(input);
  const useSave = () => useMutation(mutation);
  expectTypeOf<ReturnType<typeof useSave>['error']>().toEqualTypeOf<SenseiError | null>();
  expectTypeOf<Parameters<typeof mutation.mutationFn>[1]>().toEqualTypeOf<SenseiMutationContext>();
  // A method of `undefined` (computed, maybe absent) is the default, as exactOptionalPropertyTypes allows.
  void queries.mutation({ path: '/items', method: undefined });
  const dehydrated = dehydrateSensei(queryClient, senseiDehydrateOptions);
  void hydrateSensei(dehydrated);
  void dehydrate(queryClient, senseiDehydrateOptions);
  const api: SenseiApi = client;
  expectTypeOf(senseiKeys.list(api, '/items', { page: 1, perPage: maybeNumber, query: { q: maybe } })[2]).toEqualTypeOf<'list'>();
  void [senseiKeys.all(), senseiKeys.api('https://x.test'), senseiKeys.lists(api, '/x'), senseiKeys.resource(api, '/x'), senseiKeys.operation(api, '/o')];
});

test('errors: classes, kinds, guards and UI states', () => {
  const init: SenseiErrorInit = { kind: 'http', message: 'x', status: maybeNumber, requestId: maybe, cause: new Error('x') };
  const kind: SenseiErrorKind = init.kind;
  const errors: SenseiError[] = [
    new SenseiError(init),
    new SenseiHttpError({ ...init, status: 500 }),
    new SenseiNetworkError({ ...init, kind: 'network', offline: true }),
    new SenseiTimeoutError({ ...init, kind: 'timeout', timeoutMs: 10 }),
    new SenseiAbortError({ ...init, kind: 'aborted' }),
    new SenseiResponseError({ ...init, kind: 'invalid-response' }),
    new SenseiRequestError({ ...init, kind: 'invalid-request' }),
  ];
  const caught: unknown = errors[0];
  if (isSenseiError(caught)) expectTypeOf(caught.kind).toEqualTypeOf<SenseiErrorKind>();
  if (isRetryable(caught)) expectTypeOf(caught).toEqualTypeOf<SenseiError>();
  const stateOptions: ToErrorStateOptions = { catalog: undefined, now: maybeNumber };
  const state: ErrorState = toErrorState(caught, stateOptions);
  const stateKind: ErrorStateKind = kindForStatus(429);
  const action: ErrorAction | undefined = state.actions[0];
  const actionType: ErrorActionType | undefined = action?.type;
  const labelled: LabelledActionType = 'retry';
  const catalogAction: ErrorCatalogAction = { type: 'custom', id: 'upgrade', label: 'Upgrade' };
  const entry: ErrorCatalogEntry = {
    kind: 'forbidden',
    message: (context: ErrorCatalogContext) => context.serverMessage ?? context.code,
    actions: [labelled, catalogAction],
  };
  const text: ErrorText = { title: 't', message: 'm', solution: 's' };
  const textKey: ErrorTextKey = 'network';
  const messages: ErrorMessages = { ...defaultErrorMessages, texts: { ...defaultErrorMessages.texts, [textKey]: text } };
  const catalog: ErrorCatalog = mergeErrorCatalogs({ codes: { E1: entry } }, undefined, { messages });
  expectTypeOf(getErrorCatalogEntry(catalog, maybe)).toEqualTypeOf<ErrorCatalogEntry | undefined>();
  const fields: FieldErrorMap = getFieldErrors(caught);
  void [kind, stateKind, actionType, fields];
});

test('rate limits, retries, timers and status codes', async () => {
  const info: RateLimitInfo | undefined = parseRateLimit(new Headers(), Date.now());
  const store = new RateLimitStore();
  const state: RateLimitState = store.getSnapshot();
  store.update(info, 200);
  const release: GateRelease = await store.acquire(AbortSignal.timeout(1000));
  release();
  const stop: () => void = shareRateLimitAcrossTabs(store, 'channel');
  stop();
  expectTypeOf(parseRateLimitReset(maybe)).toEqualTypeOf<number | undefined>();
  expectTypeOf(parseRetryAfter(maybe, Date.now())).toEqualTypeOf<number | undefined>();
  expectTypeOf(clampDelay(1000, MAX_SERVER_DELAY_MS)).toEqualTypeOf<number>();
  const retryOptions: RetryPolicyOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 5000, random: Math.random };
  const policy: RetryPolicy = createRetryPolicy(retryOptions);
  expectTypeOf(policy.scheduledRetryAt(new Error('x'))).toEqualTypeOf<number | undefined>();
  expectTypeOf(backoffDelay(2, retryOptions)).toEqualTypeOf<number>();
  const provider: TimerProvider = { now: () => 0, setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms), clearTimeout: (handle) => void handle };
  setTimerProvider(provider);
  setTimerProvider();
  expectTypeOf(timers.now()).toEqualTypeOf<number>();
  const info404: StatusCodeInfo | undefined = getStatusInfo(404);
  const category: StatusCategory | undefined = info404?.category;
  expectTypeOf(SENSEI_STATUS_CODES).toEqualTypeOf<readonly StatusCodeInfo[]>();
  expectTypeOf(describeStatus(503)).toEqualTypeOf<string>();
  expectTypeOf(formatCountdown(61_000)).toEqualTypeOf<string>();
  expectTypeOf(redactSecret({ a: 'secret' }, maybe)).toEqualTypeOf<{ a: string }>();
  void [state, category];
});

test('operations, paging and toasts', () => {
  const terminal: TerminalStatuses = { success: DEFAULT_SUCCESS_STATUSES, failure: [...DEFAULT_FAILURE_STATUSES, 'aborted'] };
  const operation: Operation = { id: '1', status: 'done' };
  expectTypeOf(classifyOperationStatus(operation.status, terminal)).toEqualTypeOf<'success' | 'failure' | 'running'>();
  expectTypeOf(getOperationProgress(operation)).toEqualTypeOf<number | undefined>();
  expectTypeOf(operationError(operation, maybe)).toEqualTypeOf<SenseiError>();
  const poll: PollOptions = { initialMs: 1000, factor: 1.5, maxMs: 10_000 };
  expectTypeOf(pollDelay(1, maybeNumber, poll)).toEqualTypeOf<number>();
  expectTypeOf(clampPage(5, 3)).toEqualTypeOf<number>();
  expectTypeOf(pageForFirstItem(3, 10, 25)).toEqualTypeOf<number>();
  const windowOptions: PaginationWindowOptions = { page: 4000, totalPages: 10_000, siblingCount: 1, boundaryCount: 1 };
  const items: PaginationWindowItem[] = paginationWindow(windowOptions);
  expectTypeOf(paginationWindowSize({ siblingCount: 2 })).toEqualTypeOf<number>();
  const range: PaginationRange = paginationRange({ page: 1, perPage: 10, total: 0 });
  const queueOptions: ToastQueueOptions = { maxVisibleToasts: 3 };
  const queue = new ToastQueue<string>(queueOptions);
  const addOptions: AddToastOptions = { key: 'k', duration: 1000, onClose: () => {} };
  queue.close(queue.add('hello', addOptions));
  const toasts: readonly QueuedToast<string>[] = queue.getSnapshot();
  void [items, range, toasts];
});

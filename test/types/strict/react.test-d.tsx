// The React surface of `@sensei/react` in a project on @tsconfig/strictest, with zod 4, valibot
// and arktype schemas. Checked by `npm run typecheck`; nothing here runs.
import { QueryClient, useQuery, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { expectTypeOf, test } from 'vitest';
import {
  type AsyncOperationStatus,
  createLocationPageSync,
  createSenseiClient,
  defaultErrorPanelLabels,
  defaultOperationProgressLabels,
  defaultPaginatorLabels,
  defaultRateLimitBannerLabels,
  defaultRequestIdLabels,
  defaultToastDurations,
  defaultToasterLabels,
  getSenseiToastQueue,
  type CopyState,
  type ErrorStateKind,
  type FieldErrorMap,
  type LocationPageSyncOptions,
  type Operation,
  OperationProgress,
  type OperationProgressLabels,
  type OperationProgressPart,
  type OperationProgressProps,
  type OperationProgressSource,
  type OperationResultOf,
  type PageUrlSync,
  Paginator,
  type PaginatorChangeDetails,
  type PaginatorChangeReason,
  type PaginatorLabels,
  type PaginatorList,
  type PaginatorPart,
  type PaginatorProps,
  RateLimitBanner,
  type RateLimitBannerLabels,
  type RateLimitBannerPart,
  type RateLimitBannerProps,
  type RateLimitBannerState,
  type RequestWait,
  type RequestWaitReason,
  RetryActivityStore,
  type RetryActivityEntry,
  type RetryActivityStatus,
  type RetryActivityStoreOptions,
  createRetryPolicy,
  type SenseiError,
  SenseiErrorBoundary,
  type SenseiErrorBoundaryFallback,
  type SenseiErrorBoundaryOptions,
  type SenseiErrorBoundaryPanelProps,
  type SenseiErrorBoundaryProps,
  type SenseiErrorBoundaryResetDetails,
  type SenseiErrorFallbackProps,
  SenseiErrorPanel,
  type SenseiErrorPanelLabels,
  type SenseiErrorPanelPart,
  type SenseiErrorPanelProps,
  SenseiProvider,
  type SenseiProviderProps,
  SenseiRequestId,
  type SenseiRequestIdLabels,
  type SenseiRequestIdProps,
  senseiThrowOnError,
  type SenseiToastAction,
  type SenseiToastContent,
  type SenseiToastDurations,
  SenseiToaster,
  type SenseiToasterLabels,
  type SenseiToasterPosition,
  type SenseiToasterProps,
  type SenseiToastOptions,
  type SenseiToastPart,
  type SenseiToastTone,
  type SenseiToastVariant,
  type StartOperationArgs,
  type StartOperationOptions,
  type ToastQueue,
  useAsyncOperation,
  type UseAsyncOperationOptions,
  type UseAsyncOperationResult,
  useCountdown,
  type UseCountdownOptions,
  useErrorState,
  type UseErrorStateOptions,
  useFieldErrors,
  usePaginatedList,
  type UsePaginatedListOptions,
  type UsePaginatedListResult,
  useRateLimit,
  useRetryActivity,
  type UseRetryActivityResult,
  useSenseiClient,
  useSenseiMutation,
  type UseSenseiMutationOptions,
  type UseSenseiMutationResult,
  useSenseiQuery,
  type UseSenseiQueryOptions,
  type UseSenseiQueryResult,
  useSenseiToast,
  type UseSenseiToastOptions,
  type UseSenseiToastResult,
  useSuspensePaginatedList,
  type UseSuspensePaginatedListOptions,
  type UseSuspensePaginatedListResult,
  useSuspenseSenseiQuery,
  type UseSuspenseSenseiQueryOptions,
  type UseSuspenseSenseiQueryResult,
} from '@sensei/react';
import { arktypeCount, arktypeItem, type Item, valibotCount, valibotItem, zodCount, zodItem, zodMiniItem } from './schemas.js';

const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', apiKey: 'k' });
const queryClient = new QueryClient();
/** A value as strict code often has it: maybe missing. */
declare const maybe: string | undefined;

test('the provider takes a client or a config, with the options an app passes', () => {
  const props: SenseiProviderProps = { client, queryClient, retry: 2, errorCatalog: {}, children: null };
  void (<SenseiProvider {...props} />);
  void (
    <SenseiProvider config={{ baseUrl: 'https://api.sensei.test', timeoutMs: 10_000 }} getApiKey={async () => 'k'}>
      <SenseiToaster position="bottom-right" />
    </SenseiProvider>
  );
  // A cookie-authenticated API through the provider's serializable config.
  void (<SenseiProvider config={{ baseUrl: '/api', requireApiKey: false }}>x</SenseiProvider>);
  expectTypeOf(useSenseiClient).returns.toEqualTypeOf(client);
  expectTypeOf(useRateLimit((state) => state.remaining)).toEqualTypeOf<number | undefined>();
  expectTypeOf(useRateLimit().isLimited).toEqualTypeOf<boolean>();
});

test('usePaginatedList and useSuspensePaginatedList type items from zod 4, zod/mini, valibot and arktype', () => {
  const useAll = () =>
    [
      usePaginatedList({ path: '/v1/items', itemSchema: zodItem }),
      usePaginatedList({ path: '/v1/items', itemSchema: zodMiniItem }),
      usePaginatedList({ path: '/v1/items', itemSchema: valibotItem }),
      usePaginatedList({ path: '/v1/items', itemSchema: arktypeItem }),
      useSuspensePaginatedList({ path: '/v1/items', itemSchema: zodItem }),
      useSuspensePaginatedList({ path: '/v1/items', itemSchema: valibotItem }),
      useSuspensePaginatedList({ path: '/v1/items', itemSchema: arktypeItem }),
    ] as const;
  type All = ReturnType<typeof useAll>;
  expectTypeOf<All[0]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[1]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[2]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[3]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[4]>().toExtend<UseSuspensePaginatedListResult<Item>>();
  expectTypeOf<All[4]['pagination']['total']>().toEqualTypeOf<number>();
  expectTypeOf<All[5]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  expectTypeOf<All[6]['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  const options: UsePaginatedListOptions<Item> = {
    path: '/v1/items',
    itemSchema: zodItem,
    page: 2,
    perPage: 50,
    params: { q: 'x', archived: false, cursor: null },
    onPageChange: (page) => expectTypeOf(page).toEqualTypeOf<number>(),
    urlSync: createLocationPageSync({ pageParam: 'p', history: 'replace' }),
    prefetchNext: true,
  };
  const suspenseOptions: UseSuspensePaginatedListOptions<Item> = { path: '/v1/items', itemSchema: valibotItem };
  void suspenseOptions;
  const useIt = () => usePaginatedList(options);
  expectTypeOf<ReturnType<typeof useIt>>().toEqualTypeOf<UsePaginatedListResult<Item>>();
  expectTypeOf<ReturnType<typeof useIt>['error']>().toEqualTypeOf<SenseiError | null>();
  expectTypeOf<ReturnType<typeof useIt>['waiting']>().toEqualTypeOf<RequestWaitReason | null>();
  const sync: PageUrlSync = createLocationPageSync();
  const syncOptions: LocationPageSyncOptions = { perPageParam: 'size' };
  expectTypeOf(sync.read().page).toEqualTypeOf<number | undefined>();
  void syncOptions;
  // @ts-expect-error a schema of another shape is not an item schema for Item
  void ({ path: '/v1/items', itemSchema: zodCount } satisfies UsePaginatedListOptions<Item>);
});

test('useSenseiQuery and useSuspenseSenseiQuery type data from each schema library', () => {
  const useZod = () => useSenseiQuery({ path: '/v1/items/1', schema: zodItem });
  const useValibot = () => useSenseiQuery({ path: '/v1/items/1', schema: valibotCount, select: (c) => c.records });
  const useArk = () => useSuspenseSenseiQuery({ path: '/v1/items/1', schema: arktypeCount });
  const useSuspenseZod = () => useSuspenseSenseiQuery({ path: '/v1/items/1', query: { expand: true }, schema: zodCount });
  expectTypeOf<ReturnType<typeof useZod>>().toExtend<UseSenseiQueryResult<{ id: string; name: string }>>();
  expectTypeOf<ReturnType<typeof useValibot>['data']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<ReturnType<typeof useArk>['data']>().toEqualTypeOf<{ records: number }>();
  expectTypeOf<ReturnType<typeof useSuspenseZod>>().toExtend<UseSuspenseSenseiQueryResult<{ records: number }>>();
  expectTypeOf<ReturnType<typeof useZod>>().toExtend<UseQueryResult<Item, SenseiError> & RequestWait>();
  const options: UseSenseiQueryOptions<Item> = { path: '/v1/items/1', schema: arktypeItem, staleTime: 1000 };
  const suspense: UseSuspenseSenseiQueryOptions<Item> = { path: '/v1/items/1', schema: zodMiniItem };
  void [options, suspense];
  // `throwOnError` takes the library's predicate: server data stays on screen, the rest goes to a boundary.
  const useThrowing = () => useQuery({ queryKey: ['x'], queryFn: async () => 1, throwOnError: senseiThrowOnError });
  void useThrowing;
});

test('useSenseiMutation types variables, data and errors', () => {
  const useCreate = () =>
    useSenseiMutation({
      path: '/v1/items',
      schema: valibotItem,
      body: (name: string) => ({ name }),
      idempotencyKey: () => maybe,
      invalidates: (data) => [['items', data.id]],
    });
  expectTypeOf<ReturnType<typeof useCreate>>().toEqualTypeOf<UseSenseiMutationResult<{ id: string; name: string }, string>>();
  expectTypeOf<ReturnType<typeof useCreate>>().toExtend<UseMutationResult<Item, SenseiError, string>>();
  const options: UseSenseiMutationOptions<Item, { id: string }> = {
    method: 'DELETE',
    path: (variables) => `/v1/items/${variables.id}`,
    schema: arktypeItem,
  };
  void options;
});

test('useAsyncOperation<TBody, TOperation> types start(body) and the operation', () => {
  interface StartBody {
    name: string;
  }
  interface MigrationOperation {
    id: string;
    status: 'pending' | 'running' | 'completed' | 'failed';
    name: string;
    result?: { records_migrated: number };
  }
  const useTyped = () => useAsyncOperation<StartBody, MigrationOperation>({ startPath: '/v1/migrations' });
  type Typed = ReturnType<typeof useTyped>;
  expectTypeOf<Typed>().toEqualTypeOf<UseAsyncOperationResult<StartBody, MigrationOperation>>();
  expectTypeOf<Typed['operation']>().toEqualTypeOf<MigrationOperation | undefined>();
  expectTypeOf<NonNullable<Typed['operation']>['name']>().toEqualTypeOf<string>();
  expectTypeOf<Typed['result']>().toEqualTypeOf<{ records_migrated: number } | undefined>();
  expectTypeOf<Typed['startAsync']>().returns.resolves.toEqualTypeOf<MigrationOperation>();
  const typed = {} as Typed;
  typed.start({ name: 'users' });
  typed.start({ name: 'users' }, { idempotencyKey: maybe });
  // @ts-expect-error the body is required when its type does not allow undefined
  typed.start();
  // @ts-expect-error the body has the declared type
  typed.start({ title: 'users' });
  // @ts-expect-error idempotencyKey is a string
  typed.start({ name: 'users' }, { idempotencyKey: 1 });

  // Without type arguments the body stays optional and `unknown`, the operation the checked shape.
  const useUntyped = () => useAsyncOperation({ startPath: '/v1/migrations' });
  type Untyped = ReturnType<typeof useUntyped>;
  const untyped = {} as Untyped;
  untyped.start();
  untyped.start({ anything: true });
  expectTypeOf<Untyped['operation']>().toEqualTypeOf<Operation | undefined>();
  expectTypeOf<Untyped['result']>().toEqualTypeOf<unknown>();
  expectTypeOf<Untyped['status']>().toEqualTypeOf<AsyncOperationStatus>();

  // A body of `void` (nothing to send) makes start() take no body.
  const useVoid = () => useAsyncOperation<void>({ startPath: '/v1/reindex' });
  ({}) as ReturnType<typeof useVoid>['start'] satisfies () => void;
  expectTypeOf<StartOperationArgs<void>>().toEqualTypeOf<[body?: void, options?: StartOperationOptions]>();
  expectTypeOf<OperationResultOf<MigrationOperation>>().toEqualTypeOf<{ records_migrated: number }>();
});

test('useAsyncOperation infers the result from resultSchema with every schema library', () => {
  const useZod = () => useAsyncOperation({ startPath: '/v1/migrations', resultSchema: zodCount });
  const useValibot = () => useAsyncOperation({ startPath: '/v1/migrations', resultSchema: valibotCount });
  const useArk = () => useAsyncOperation({ startPath: '/v1/migrations', resultSchema: arktypeCount });
  const useMini = () => useAsyncOperation({ startPath: '/v1/migrations', resultSchema: zodMiniItem });
  expectTypeOf<ReturnType<typeof useZod>['result']>().toEqualTypeOf<{ records: number } | undefined>();
  expectTypeOf<ReturnType<typeof useValibot>['result']>().toEqualTypeOf<{ records: number } | undefined>();
  expectTypeOf<ReturnType<typeof useArk>['result']>().toEqualTypeOf<{ records: number } | undefined>();
  expectTypeOf<ReturnType<typeof useMini>['result']>().toEqualTypeOf<{ id: string; name: string } | undefined>();
  // Callbacks see the same types.
  const useCallbacks = () =>
    useAsyncOperation({
      resultSchema: zodCount,
      // Attaching by an id that may be missing, as a route parameter is (no `?? ''` needed).
      id: maybe,
      statusPath: (id) => `/v1/migrations/${id}`,
      onSuccess: (result, operation) => {
        expectTypeOf(result).toEqualTypeOf<{ records: number } | undefined>();
        expectTypeOf(operation).toEqualTypeOf<Operation>();
      },
      onError: (error) => expectTypeOf(error).toEqualTypeOf<SenseiError>(),
      invalidates: (result) => [['counts', result?.records]],
    });
  void useCallbacks;
  // All three type arguments: a schema whose output is not what the operation declares.
  const useAll = () =>
    useAsyncOperation<{ name: string }, Operation & { name: string }, { records: number }>({ resultSchema: zodCount });
  expectTypeOf<ReturnType<typeof useAll>['result']>().toEqualTypeOf<{ records: number } | undefined>();
  expectTypeOf<NonNullable<ReturnType<typeof useAll>['operation']>['name']>().toEqualTypeOf<string>();
  // @ts-expect-error with TOperation given, resultSchema must produce TOperation's result
  void (() => useAsyncOperation<{ name: string }, Operation & { result?: string }>({ resultSchema: zodCount }));
  const options: UseAsyncOperationOptions<{ records: number }> = {
    resultSchema: valibotCount,
    poll: { initialMs: 500, factor: 2, maxMs: 5000 },
    terminal: { success: ['done'], failure: ['failed'] },
    maxDuration: 60_000,
    persistKey: 'migration',
    pollInBackground: false,
    enabled: true,
    shareAcrossTabs: false,
    statusUrl: maybe,
  };
  void options;
});

test('OperationProgress takes any typed operation', () => {
  const operation = {} as UseAsyncOperationResult<{ name: string }, Operation & { name: string }, number>;
  void (<OperationProgress operation={operation} showElapsed locale="de" renderError={(error) => error.message} />);
  const source: OperationProgressSource = operation;
  const labels: OperationProgressLabels = { ...defaultOperationProgressLabels, cancel: 'Stop' };
  const part: OperationProgressPart = 'bar';
  const props: OperationProgressProps = { operation: source, labels, classNames: { [part]: 'bar' } };
  void (<OperationProgress {...props} />);
});

test('error state hooks and the error panel', () => {
  const error = {} as SenseiError;
  const errorOptions: UseErrorStateOptions = { catalog: { codes: { E1: { title: 'x' } } } };
  expectTypeOf(useErrorState(error, errorOptions)?.kind).toEqualTypeOf<ErrorStateKind | undefined>();
  expectTypeOf(useFieldErrors(error)).toEqualTypeOf<Readonly<FieldErrorMap>>();
  const countdownOptions: UseCountdownOptions = { stepMs: 1000 };
  expectTypeOf(useCountdown(error.retryAt, countdownOptions)).toEqualTypeOf<number>();
  const labels: SenseiErrorPanelLabels = { ...defaultErrorPanelLabels, retryIn: (countdown) => `in ${countdown}` };
  const part: SenseiErrorPanelPart = 'title';
  const panel: SenseiErrorPanelProps = { error, labels, classNames: { [part]: 't' }, onRetry: () => {}, headingLevel: 2 };
  void (<SenseiErrorPanel {...panel} />);
  void (<SenseiErrorPanel state={null} variant="compact" />);
  // @ts-expect-error an error or a state, not both
  void (<SenseiErrorPanel error={error} state={null} />);
  const idLabels: SenseiRequestIdLabels = defaultRequestIdLabels;
  const idProps: SenseiRequestIdProps = { requestId: 'req_1', labels: idLabels, onCopy: (result: Exclude<CopyState, 'idle'>) => void result };
  void (<SenseiRequestId {...idProps} />);
});

test('SenseiErrorBoundary: one fallback or panel props', () => {
  const reset = (details: SenseiErrorBoundaryResetDetails) => void details.reason;
  const options: SenseiErrorBoundaryOptions = { resetKeys: [1], onReset: reset, maxQuickFailures: 3 };
  const render = ({ state, resetErrorBoundary }: SenseiErrorFallbackProps): ReactNode => <button onClick={resetErrorBoundary}>{state.title}</button>;
  const fallback: SenseiErrorBoundaryFallback = { fallbackRender: render };
  const props: SenseiErrorBoundaryProps = { ...options, ...fallback };
  void (<SenseiErrorBoundary {...props}>x</SenseiErrorBoundary>);
  const panelProps: SenseiErrorBoundaryPanelProps = { variant: 'compact' };
  void (<SenseiErrorBoundary panelProps={panelProps}>x</SenseiErrorBoundary>);
  // @ts-expect-error panel props only go with the default panel
  void (<SenseiErrorBoundary fallback={<p>Oops</p>} panelProps={panelProps}>x</SenseiErrorBoundary>);
});

test('Paginator: a list or a pagination object', () => {
  const list = {} as UsePaginatedListResult<Item>;
  const paginatorList: PaginatorList = list;
  const labels: PaginatorLabels = { ...defaultPaginatorLabels, next: 'Weiter' };
  const part: PaginatorPart = 'page';
  const onPageChange = (page: number, details: PaginatorChangeDetails) => {
    const reason: PaginatorChangeReason = details.reason;
    void [page, reason];
  };
  void (<Paginator list={paginatorList} labels={labels} classNames={{ [part]: 'p' }} perPageOptions={[10, 50]} />);
  const props: PaginatorProps = { pagination: list.pagination, onPageChange, locale: 'ar' };
  void (<Paginator {...props} />);
  // @ts-expect-error a per-page select needs its handler
  void (<Paginator pagination={list.pagination} onPageChange={onPageChange} perPageOptions={[10]} />);
});

test('RateLimitBanner, toasts and retry activity', () => {
  const bannerLabels: RateLimitBannerLabels = defaultRateLimitBannerLabels;
  const bannerPart: RateLimitBannerPart = 'countdown';
  const bannerState: RateLimitBannerState = 'limited';
  const banner: RateLimitBannerProps = { labels: bannerLabels, classNames: { [bannerPart]: 'c' }, dismissible: true, lowThreshold: 5 };
  void (<RateLimitBanner {...banner} data-state={bannerState} />);

  const queue: ToastQueue<SenseiToastContent> = getSenseiToastQueue(client);
  const toastOptions: UseSenseiToastOptions = { queue };
  const { toast, dismiss }: UseSenseiToastResult = useSenseiToast(toastOptions);
  const variant: SenseiToastVariant = 'success';
  const action: SenseiToastAction = { label: 'Undo', altText: 'Undo the import', onClick: () => {} };
  const options: SenseiToastOptions = { title: 'Done', variant, action, duration: 4000 };
  dismiss(toast(options));
  const durations: SenseiToastDurations = { ...defaultToastDurations, error: 10_000 };
  const toasterLabels: SenseiToasterLabels = defaultToasterLabels;
  const position: SenseiToasterPosition = 'top-center';
  const toastPart: SenseiToastPart = 'title';
  const tone: SenseiToastTone = 'error';
  const toaster: SenseiToasterProps = {
    durations,
    labels: toasterLabels,
    position,
    classNames: { [toastPart]: 't', toast: tone },
    filter: (entry: RetryActivityEntry) => entry.status !== 'recovered',
    queue,
  };
  void (<SenseiToaster {...toaster} />);

  const storeOptions: RetryActivityStoreOptions = { queryClient, retryPolicy: createRetryPolicy(3) };
  const store = new RetryActivityStore(storeOptions);
  const status: RetryActivityStatus | undefined = store.getSnapshot()[0]?.status;
  const activity: UseRetryActivityResult = useRetryActivity();
  void [status, activity.retryNow('id')];
});

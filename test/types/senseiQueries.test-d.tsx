// Type tests of the options factories: checked by `tsc` in `npm run typecheck`; nothing here runs.
import {
  QueryClient,
  queryOptions,
  useMutation,
  usePrefetchQuery,
  useQueries,
  useQuery,
  useSuspenseQuery,
  type UseMutationResult,
} from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import * as z from 'zod/mini';
import {
  createSenseiClient,
  type OperationResponse,
  type PaginatedResponse,
  type Pagination,
  type SenseiError,
  senseiQueries,
  useSuspensePaginatedList,
  useSuspenseSenseiQuery,
} from '../../src/index.js';

const Migration = z.object({ id: z.string(), name: z.string() });
type Migration = z.infer<typeof Migration>;
const client = createSenseiClient({ baseUrl: 'https://api.sensei.test' });
const queries = senseiQueries(client);
const list = queries.list({ path: '/v1/migrations', page: 2, itemSchema: Migration });
const resource = queries.resource({ path: '/v1/migrations/mig_1', schema: Migration });
const operation = queries.operation('/v1/operations/op_1');

test('list: data and error through useQuery and useSuspenseQuery', () => {
  const usePlain = () => useQuery(list);
  expectTypeOf<ReturnType<typeof usePlain>['data']>().toEqualTypeOf<PaginatedResponse<Migration> | undefined>();
  expectTypeOf<ReturnType<typeof usePlain>['error']>().toEqualTypeOf<SenseiError | null>();
  const useSuspense = () => useSuspenseQuery(list);
  expectTypeOf<ReturnType<typeof useSuspense>['data']>().toEqualTypeOf<PaginatedResponse<Migration>>();
  expectTypeOf<ReturnType<typeof useSuspense>['error']>().toEqualTypeOf<SenseiError | null>();
  // select narrows the data, the error stays a SenseiError.
  const useSelected = () => useQuery({ ...list, select: (page) => page.data.map((m) => m.name) });
  expectTypeOf<ReturnType<typeof useSelected>['data']>().toEqualTypeOf<string[] | undefined>();
});

test('resource and operation: data and error through useQuery and useSuspenseQuery', () => {
  const useOne = () => useQuery(resource);
  expectTypeOf<ReturnType<typeof useOne>['data']>().toEqualTypeOf<Migration | undefined>();
  expectTypeOf<ReturnType<typeof useOne>['error']>().toEqualTypeOf<SenseiError | null>();
  const useOneSuspense = () => useSuspenseQuery(resource);
  expectTypeOf<ReturnType<typeof useOneSuspense>['data']>().toEqualTypeOf<Migration>();
  const useOp = () => useSuspenseQuery(operation);
  expectTypeOf<ReturnType<typeof useOp>['data']>().toEqualTypeOf<OperationResponse>();
  expectTypeOf<ReturnType<typeof useOp>['error']>().toEqualTypeOf<SenseiError | null>();
  // Without a schema the body is unknown, or what the caller states.
  expectTypeOf(queries.resource({ path: '/v1/x' }).queryFn).returns.resolves.toEqualTypeOf<unknown>();
  expectTypeOf(queries.resource<{ ok: boolean }>({ path: '/v1/x' }).queryFn).returns.resolves.toEqualTypeOf<{ ok: boolean }>();
});

test('getQueryData and queryClient.query() are typed by the key', async () => {
  const queryClient = new QueryClient();
  expectTypeOf(queryClient.getQueryData(list.queryKey)).toEqualTypeOf<PaginatedResponse<Migration> | undefined>();
  expectTypeOf(queryClient.getQueryData(resource.queryKey)).toEqualTypeOf<Migration | undefined>();
  expectTypeOf(queryClient.getQueryData(operation.queryKey)).toEqualTypeOf<OperationResponse | undefined>();
  expectTypeOf(await queryClient.query(list)).toEqualTypeOf<PaginatedResponse<Migration>>();
  expectTypeOf(await queryClient.query(resource)).toEqualTypeOf<Migration>();
  expectTypeOf(await queryClient.query(operation)).toEqualTypeOf<OperationResponse>();
  // The factories' result is what TanStack's own queryOptions accepts and returns.
  expectTypeOf(queryClient.getQueryData(queryOptions(list).queryKey)).toEqualTypeOf<PaginatedResponse<Migration> | undefined>();
});

test('usePrefetchQuery and useQueries accept them', () => {
  const usePrefetch = () => usePrefetchQuery(list);
  expectTypeOf<ReturnType<typeof usePrefetch>>().toEqualTypeOf<void>();
  const useBoth = () => useQueries({ queries: [list, resource] });
  expectTypeOf<ReturnType<typeof useBoth>[0]['data']>().toEqualTypeOf<PaginatedResponse<Migration> | undefined>();
  expectTypeOf<ReturnType<typeof useBoth>[1]['data']>().toEqualTypeOf<Migration | undefined>();
  expectTypeOf<ReturnType<typeof useBoth>[1]['error']>().toEqualTypeOf<SenseiError | null>();
});

test('mutation options for useMutation', () => {
  const create = queries.mutation({ path: '/v1/migrations', schema: Migration, body: (name: string) => ({ name }) });
  const useCreate = () => useMutation(create);
  expectTypeOf<ReturnType<typeof useCreate>>().toEqualTypeOf<UseMutationResult<Migration, SenseiError, string>>();
  const remove = queries.mutation<undefined, { id: string }>({ method: 'DELETE', path: (m) => `/v1/migrations/${m.id}` });
  const useRemove = () => useMutation(remove);
  expectTypeOf<ReturnType<typeof useRemove>['mutate']>().parameter(0).toEqualTypeOf<{ id: string }>();
});

test('input is checked', () => {
  // @ts-expect-error a page is a number
  queries.list({ path: '/v1/migrations', page: '2' });
  // @ts-expect-error path is required
  queries.resource({ schema: Migration });
  // @ts-expect-error GET is no mutation
  queries.mutation({ method: 'GET', path: '/v1/x' });
});

test('Suspense hooks: data and pagination always there, errors SenseiError', () => {
  const useList = () => useSuspensePaginatedList({ path: '/v1/migrations', itemSchema: Migration });
  expectTypeOf<ReturnType<typeof useList>['items']>().toEqualTypeOf<Migration[]>();
  expectTypeOf<ReturnType<typeof useList>['pagination']>().toEqualTypeOf<Pagination>();
  const useOne = () => useSuspenseSenseiQuery({ path: '/v1/migrations/mig_1', schema: Migration });
  expectTypeOf<ReturnType<typeof useOne>['data']>().toEqualTypeOf<Migration>();
  expectTypeOf<ReturnType<typeof useOne>['error']>().toEqualTypeOf<SenseiError | null>();
  expectTypeOf<ReturnType<typeof useOne>['waiting']>().toEqualTypeOf<'rate-limit' | 'offline' | 'retry' | null>();
  // @ts-expect-error a Suspense list cannot be disabled
  useSuspensePaginatedList({ path: '/v1/migrations', enabled: false });
});

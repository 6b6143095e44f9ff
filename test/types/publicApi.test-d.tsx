// Type tests of the public API: checked by `tsc` in `npm run typecheck`; nothing here runs.
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import * as z from 'zod/mini';
import {
  createSenseiClient,
  isSenseiError,
  Paginator,
  SenseiErrorBoundary,
  type SenseiError,
  type UsePaginatedListResult,
  type UseSenseiMutationResult,
  useAsyncOperation,
  usePaginatedList,
  useSenseiMutation,
  useSenseiQuery,
} from '../../src/index.js';

const Migration = z.object({ id: z.string(), name: z.string() });

test('usePaginatedList types items from itemSchema', () => {
  type Result = ReturnType<typeof usePaginatedList<z.infer<typeof Migration>>>;
  expectTypeOf<Result['items']>().toEqualTypeOf<{ id: string; name: string }[]>();
  // Inference from the schema itself, without a type argument:
  const useIt = () => usePaginatedList({ path: '/v1/migrations', itemSchema: Migration });
  expectTypeOf<ReturnType<typeof useIt>['items'][number]>().toEqualTypeOf<{ id: string; name: string }>();
  expectTypeOf<Result['error']>().toEqualTypeOf<SenseiError | null>();
});

test('errors are SenseiError in every hook', () => {
  const useOne = () => useSenseiQuery({ path: '/v1/migrations/1', schema: Migration });
  expectTypeOf<ReturnType<typeof useOne>>().toExtend<UseQueryResult<{ id: string; name: string }, SenseiError>>();
  expectTypeOf<ReturnType<typeof useOne>['waiting']>().toEqualTypeOf<'rate-limit' | 'offline' | 'retry' | null>();
  expectTypeOf<ReturnType<typeof useOne>['nextAttemptAt']>().toEqualTypeOf<number | undefined>();
  const useCreate = () => useSenseiMutation<{ id: string }, { name: string }>({ path: '/v1/migrations' });
  expectTypeOf<ReturnType<typeof useCreate>>().toEqualTypeOf<UseSenseiMutationResult<{ id: string }, { name: string }>>();
  expectTypeOf<ReturnType<typeof useCreate>>().toExtend<UseMutationResult<{ id: string }, SenseiError, { name: string }>>();
  const useOp = () => useAsyncOperation({ startPath: '/v1/migrations', resultSchema: Migration });
  expectTypeOf<ReturnType<typeof useOp>['error']>().toEqualTypeOf<SenseiError | null>();
  expectTypeOf<ReturnType<typeof useOp>['result']>().toEqualTypeOf<{ id: string; name: string } | undefined>();
});

test('isSenseiError narrows unknown', () => {
  const caught: unknown = new Error('x');
  if (isSenseiError(caught)) expectTypeOf(caught.status).toEqualTypeOf<number | undefined>();
});

test('the client is typed', () => {
  const client = createSenseiClient({ baseUrl: 'https://api.sensei.test' });
  expectTypeOf(client.list<{ id: string }>).returns.resolves.toHaveProperty('pagination');
  // @ts-expect-error baseUrl is required
  createSenseiClient({ apiKey: 'k' });
});

test('SenseiErrorBoundary takes at most one fallback', () => {
  void (<SenseiErrorBoundary fallback={<p>Oops</p>}>x</SenseiErrorBoundary>);
  void (<SenseiErrorBoundary fallbackRender={({ state }) => <p>{state.title}</p>}>x</SenseiErrorBoundary>);
  void (<SenseiErrorBoundary>x</SenseiErrorBoundary>);
  // @ts-expect-error two fallbacks are ambiguous
  void (<SenseiErrorBoundary fallback={<p>Oops</p>} fallbackRender={() => null}>x</SenseiErrorBoundary>);
});

test('Paginator takes a list or a pagination object, not both', () => {
  const list = {} as UsePaginatedListResult<unknown>;
  const pagination = { total: 1, page: 1, per_page: 1, total_pages: 1, has_next: false, has_prev: false };
  void (<Paginator list={list} />);
  void (<Paginator pagination={pagination} onPageChange={() => {}} />);
  // @ts-expect-error a list already brings its pagination
  void (<Paginator list={list} pagination={pagination} />);
});

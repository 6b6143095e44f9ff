// The README's "Options factories" and "Suspense" snippets, type-checked by `npm run typecheck`
// (nothing here runs). Keep them in step with README.md.
import { HydrationBoundary, QueryClient, useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { test } from 'vitest';
import * as z from 'zod/mini';
import {
  createSenseiClient,
  dehydrateSensei,
  hydrateSensei,
  Paginator,
  SenseiErrorBoundary,
  type SenseiClient,
  senseiQueries,
  useSuspensePaginatedList,
} from '../../src/index.js';

const Migration = z.object({ id: z.string(), name: z.string() });
declare const client: SenseiClient;
declare const queryClient: QueryClient;
declare const baseUrl: string;
declare function Migrations(): React.ReactNode;

test('README: Options factories', () => {
  const queries = senseiQueries(client); // or senseiQueries(client, { retry: 5 })
  function Hooks() {
    // In a component, any TanStack hook takes them:
    const page = useQuery(queries.list({ path: '/v1/migrations', page: 2, perPage: 20, itemSchema: Migration }));
    const one = useSuspenseQuery(queries.resource({ path: '/v1/migrations/mig_123', schema: Migration }));
    const op = useQuery({ ...queries.operation('/v1/operations/op_1'), refetchInterval: 2000 });
    const create = useMutation(queries.mutation({ path: '/v1/migrations', schema: Migration, idempotencyKey: () => crypto.randomUUID() }));
    return [page, one, op, create];
  }
  async function Imperative() {
    // Anywhere, typed cache reads and the imperative API:
    const cached = queryClient.getQueryData(queries.list({ path: '/v1/migrations', page: 2, perPage: 20, itemSchema: Migration }).queryKey);
    const first = await queryClient.query(queries.list({ path: '/v1/migrations' }));
    return [cached, first];
  }
  void Hooks;
  void Imperative;
});

test('README: Server prefetch and hydration', () => {
  async function Server() {
    // On the server (a Server Component, a loader, a route handler):
    const queryClient = new QueryClient();
    const serverQueries = senseiQueries(createSenseiClient({ baseUrl, apiKey: process.env.SENSEI_KEY }));
    await queryClient.query(serverQueries.list({ path: '/v1/migrations', page: 3, perPage: 20 }));
    const state = dehydrateSensei(queryClient); // JSON-safe

    // In the browser: the hook finds page 3 in the cache and sends no request for it.
    return (
      <HydrationBoundary state={hydrateSensei(state)}>
        <Migrations /> {/* usePaginatedList({ path: '/v1/migrations', defaultPage: 3, defaultPerPage: 20 }) */}
      </HydrationBoundary>
    );
  }
  void Server;
});

test('README: Suspense', () => {
  function Migrations() {
    const list = useSuspensePaginatedList({ path: '/v1/migrations', itemSchema: Migration, urlSync: true });
    return (
      <>
        <ul aria-busy={list.isPlaceholderData}>
          {list.items.map((m) => (
            <li key={m.id}>{m.name}</li>
          ))}
        </ul>
        <Paginator list={list} />
      </>
    );
  }
  const page = (
    <SenseiErrorBoundary>
      <Suspense fallback={<p>Loading…</p>}>
        <Migrations />
      </Suspense>
    </SenseiErrorBoundary>
  );
  void page;
});

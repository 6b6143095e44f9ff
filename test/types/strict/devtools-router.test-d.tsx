// `@sensei/react/devtools` and the router adapters (`@sensei/react/router/*`) in a project on
// @tsconfig/strictest, next to the libraries they plug into. Checked by `npm run typecheck`; nothing here runs.
import { TanStackDevtools } from '@tanstack/react-devtools';
import { ReactQueryDevtools } from '@tanstack/react-query-devtools';
import { createRootRoute, createRoute } from '@tanstack/react-router';
import { expectTypeOf, test } from 'vitest';
import { createSenseiClient, type PageUrlSync, type SenseiError, usePaginatedList } from '@sensei/react';
import {
  defaultDevtoolsLabels,
  type DevtoolsError,
  type DevtoolsHeaderSources,
  type DevtoolsSnapshot,
  type DevtoolsWaitingRequest,
  MAX_ERRORS,
  SenseiDevtools,
  SenseiDevtoolsPanel,
  type SenseiDevtoolsPanelProps,
  type SenseiDevtoolsErrorType,
  type SenseiDevtoolsLabels,
  type SenseiDevtoolsPlugin,
  type SenseiDevtoolsProps,
  SenseiDevtoolsStore,
  senseiDevtoolsPlugin,
  type SenseiErrorResponse,
  senseiErrorResponses,
  senseiErrorTypes,
  type SenseiMockScenarioPreset,
  senseiMockScenarios,
  toSenseiErrorResponse,
} from '@sensei/react/devtools';
import { type NextPageSyncOptions, useNextPageSync } from '@sensei/react/router/next';
import { type NuqsPageSyncOptions, useNuqsPageSync } from '@sensei/react/router/nuqs';
import { type ReactRouterPageSyncOptions, useReactRouterPageSync } from '@sensei/react/router/react-router';
import {
  type TanStackRouterPageSyncOptions,
  useTanStackRouterPageSync,
  validatePageSearch,
} from '@sensei/react/router/tanstack-router';
import { zodItem } from './schemas.js';

const client = createSenseiClient({ baseUrl: 'https://api.sensei.test', getApiKey: () => 'k' });
/** A value as strict code often has it: maybe missing. */
declare const maybe: string | undefined;

test('the devtools panel, its floating shell and the TanStack Devtools plugin', () => {
  const labels: SenseiDevtoolsLabels = { ...defaultDevtoolsLabels, title: 'API', failures: (count) => `${count} failures` };
  const preset: SenseiMockScenarioPreset = { id: 'slow', label: 'Slow network', scenario: { slow: { latencyMs: 2000 } } };
  const panel: SenseiDevtoolsPanelProps = {
    client,
    mockControlUrl: maybe,
    mockScenarios: [...senseiMockScenarios, preset],
    labels,
    locale: maybe,
    headingLevel: 3,
  };
  void (<SenseiDevtoolsPanel {...panel} className="panel" />);
  // @ts-expect-error the panel sits under a page heading: levels 2 to 5
  void (<SenseiDevtoolsPanel headingLevel={1} />);
  const shell: SenseiDevtoolsProps = { initialIsOpen: false, toggleKey: 'F2', storageKey: 'sensei-devtools', labels: { close: 'Schließen' } };
  void (<SenseiDevtools {...shell} />);
  // @ts-expect-error the floating shell chooses its own heading level
  void (<SenseiDevtools headingLevel={2} />);

  const plugin: SenseiDevtoolsPlugin = senseiDevtoolsPlugin({ client, mockScenarios: senseiMockScenarios });
  expectTypeOf(plugin.name).toEqualTypeOf<string>();
  void (<TanStackDevtools plugins={[plugin, senseiDevtoolsPlugin()]} />);
});

test('error types for the TanStack Query devtools', () => {
  const types: SenseiDevtoolsErrorType[] = senseiErrorTypes;
  void (<ReactQueryDevtools errorTypes={types} />);
  const response: SenseiErrorResponse | undefined = senseiErrorResponses['429'];
  const custom: SenseiErrorResponse = { status: 503, body: '{}', headers: { 'retry-after': '5' } };
  const error = toSenseiErrorResponse(response ?? custom, 'https://api.sensei.test/v1/items');
  expectTypeOf(error).toExtend<SenseiError>();
  expectTypeOf(error.status).toEqualTypeOf<number>();
});

test('the devtools store reads a client', () => {
  const store = new SenseiDevtoolsStore(client);
  const snapshot: DevtoolsSnapshot = store.getSnapshot();
  const waiting: DevtoolsWaitingRequest | undefined = snapshot.waiting[0];
  const failed: DevtoolsError | undefined = snapshot.errors[0];
  const sources: DevtoolsHeaderSources = snapshot.sources;
  expectTypeOf(waiting?.until).toEqualTypeOf<number | undefined>();
  expectTypeOf(failed?.status).toEqualTypeOf<number | undefined>();
  expectTypeOf(sources.retryAfter).toEqualTypeOf<string | undefined>();
  const max: 50 = MAX_ERRORS;
  expectTypeOf(snapshot.errors.length < max).toEqualTypeOf<boolean>();
  const unsubscribe = store.subscribe(() => {});
  unsubscribe();
});

test('router adapters give usePaginatedList a URL sync', () => {
  const reactRouter: ReactRouterPageSyncOptions = { pageParam: 'p', history: 'replace' };
  const next: NextPageSyncOptions = { prefix: 'orders_', shallow: true };
  const nuqs: NuqsPageSyncOptions = { perPageParam: 'size', shallow: false };
  const tanstack: TanStackRouterPageSyncOptions = { history: 'push' };
  expectTypeOf(useReactRouterPageSync).returns.toEqualTypeOf<PageUrlSync>();
  expectTypeOf(useNextPageSync).returns.toEqualTypeOf<PageUrlSync>();
  expectTypeOf(useNuqsPageSync).returns.toEqualTypeOf<PageUrlSync>();
  expectTypeOf(useTanStackRouterPageSync).returns.toEqualTypeOf<PageUrlSync>();
  const useList = () => [
    usePaginatedList({ path: '/v1/items', itemSchema: zodItem, urlSync: useReactRouterPageSync(reactRouter) }),
    usePaginatedList({ path: '/v1/items', urlSync: useNextPageSync(next) }),
    usePaginatedList({ path: '/v1/items', urlSync: useNuqsPageSync(nuqs) }),
    usePaginatedList({ path: '/v1/items', urlSync: useTanStackRouterPageSync(tanstack) }),
    usePaginatedList({ path: '/v1/items', urlSync: useTanStackRouterPageSync() }),
  ];
  void useList;
  // @ts-expect-error history is push or replace
  void ({ history: 'back' } satisfies ReactRouterPageSyncOptions);
});

test('validatePageSearch types a TanStack Router search', () => {
  const validate = validatePageSearch({ prefix: 'orders_', perPageParam: 'size' });
  expectTypeOf(validate({})).toEqualTypeOf<{ orders_page?: number; orders_size?: number }>();
  expectTypeOf(validatePageSearch()({ page: '2' })).toEqualTypeOf<{ page?: number; per_page?: number }>();
  const rootRoute = createRootRoute();
  const ordersRoute = createRoute({ getParentRoute: () => rootRoute, path: '/orders', validateSearch: validatePageSearch() });
  expectTypeOf(ordersRoute.types.searchSchema).toEqualTypeOf<{ page?: number; per_page?: number }>();
});

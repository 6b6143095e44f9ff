// `@sensei/react/testing`, `/testing/msw`, `/testing/server` and `/register` in a project on
// @tsconfig/strictest. Checked by `npm run typecheck`; nothing here runs.
import type { useMutation, useQuery } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import type { SenseiError } from '@sensei/react';
import type {} from '@sensei/react/register';
import {
  type AcceptedOperation,
  type ActivityEvent,
  type ActivityType,
  handleScenarioControl,
  SCENARIO_CONTROL_PATH,
  type ScenarioControlHeaders,
  type ScenarioControlRequest,
  type ScenarioControlState,
  createMockSenseiApi,
  type DropScenario,
  type ErrorScenario,
  type FlakyScenario,
  type MalformedKind,
  type MalformedScenario,
  type Migration,
  type MigrationListResponse,
  type MigrationProgress,
  type MigrationResult,
  type MigrationStatus,
  type MockErrorDefaults,
  mockErrorBody,
  mockErrorDefaults,
  type MockRequestFilter,
  type MockRequestRecord,
  type MockScenario,
  type MockSenseiApi,
  type MockSenseiApiOptions,
  type OperationsScenario,
  type Pagination,
  type RateLimitOnceScenario,
  type RateLimitScenario,
  type SlowScenario,
  type StandardError,
  type StandardErrorBody,
} from '@sensei/react/testing';
import { createMswHandlers } from '@sensei/react/testing/msw';
import { exposedHeaders, type MockSenseiServer, type MockSenseiServerOptions, startMockSenseiServer } from '@sensei/react/testing/server';

declare const maybe: string | undefined;

test('the mock API with every scenario', async () => {
  const options: MockSenseiApiOptions = { baseUrl: 'https://api.sensei.test', apiKey: 'k', items: 42, random: Math.random };
  const api: MockSenseiApi = createMockSenseiApi(options);
  const match: MockRequestFilter = { method: 'GET' };
  const rateLimit: RateLimitScenario = { limit: 10, windowMs: 60_000, retryAfterSeconds: null };
  const rateLimitOnce: RateLimitOnceScenario = { next: 1, mode: 'remaining-zero', resetInSeconds: 5 };
  const flaky: FlakyScenario = { sequence: [503, 200], match };
  const slow: SlowScenario = { latencyMs: 500 };
  const kind: MalformedKind = 'html';
  const malformed: MalformedScenario = { kind, status: 502 };
  const error: ErrorScenario = { status: 422, code: 'E7003', details: { name: 'required' } };
  const operations: OperationsScenario = { pollsToComplete: 3, outcome: 'failed', progress: true };
  const drop: DropScenario = { next: 2 };
  const scenario: MockScenario = { rateLimit, rateLimitOnce, flaky, slow, malformed, error, operations, drop, offline: false };
  api.setScenario(scenario);
  // Clearing one scenario, as the mock documents it, compiles under exactOptionalPropertyTypes.
  api.setScenario({ error: undefined, drop: undefined });
  api.reset();
  const records: readonly MockRequestRecord[] = api.requests;
  expectTypeOf(api.countRequests(match)).toEqualTypeOf<number>();
  const added: Migration[] = api.addItems(2);
  const status: MigrationStatus | undefined = added[0]?.status;
  expectTypeOf(await api.fetch('https://api.sensei.test/v1/migrations')).toEqualTypeOf<Response>();
  const handlers = createMswHandlers(api);
  void [records, status, handlers];
});

test('the mock API types the bodies it sends', () => {
  const list = {} as MigrationListResponse;
  const pagination: Pagination = list.pagination;
  const progress: MigrationProgress | undefined = list.data[0]?.progress;
  const result: MigrationResult | undefined = list.data[0]?.result;
  const accepted = {} as AcceptedOperation;
  expectTypeOf(accepted.status_url).toEqualTypeOf<string>();
  const body: StandardErrorBody = mockErrorBody(429, 'req_1', { message: 'Slow down' });
  const standard: StandardError = body.error;
  const defaults: MockErrorDefaults | undefined = mockErrorDefaults[500];
  void [pagination, progress, result, standard, defaults];
});

test('the activity feed and the scenario control endpoint', async () => {
  const api = createMockSenseiApi();
  const added: ActivityEvent[] = api.addActivity(3);
  const type: ActivityType | undefined = added[0]?.type;
  expectTypeOf(added[0]?.created_at).toEqualTypeOf<string | undefined>();
  expectTypeOf<typeof SCENARIO_CONTROL_PATH>().toEqualTypeOf<'/__sensei/scenario'>();
  // `null` clears one scenario; the body is what a devtools panel or another process POSTs.
  const body: ScenarioControlRequest = { scenario: { slow: { latencyMs: 300 }, error: null }, replace: false, exposeHeaders: true };
  // @ts-expect-error a scenario is an object of the scenario's own shape
  void ({ scenario: { slow: 300 } } satisfies ScenarioControlRequest);
  let expose = false;
  const headers: ScenarioControlHeaders = {
    get exposeHeaders() {
      return expose;
    },
    setExposeHeaders: (next) => {
      expose = next;
    },
  };
  const request = new Request(`https://api.sensei.test${SCENARIO_CONTROL_PATH}`, { method: 'POST', body: JSON.stringify(body) });
  const response = await handleScenarioControl(request, api, headers);
  expectTypeOf(response).toEqualTypeOf<Response>();
  const state = (await response.json()) as ScenarioControlState;
  expectTypeOf(state.scenario).toEqualTypeOf<MockScenario>();
  await handleScenarioControl(request, api);
  void type;
});

test('the mock server', async () => {
  const options: MockSenseiServerOptions = { port: 0, host: '127.0.0.1', exposeHeaders: true, corsOrigin: maybe ?? '*' };
  const server: MockSenseiServer = await startMockSenseiServer(options);
  server.setExposeHeaders(false);
  expectTypeOf(server.api).toEqualTypeOf<MockSenseiApi>();
  expectTypeOf(exposedHeaders).toEqualTypeOf<readonly string[]>();
  await server.close();
});

test('@sensei/react/register types every query and mutation error as SenseiError', () => {
  type QueryError = ReturnType<typeof useQuery<string>>['error'];
  expectTypeOf<QueryError>().toEqualTypeOf<SenseiError | null>();
  type MutationError = ReturnType<typeof useMutation<string>>['error'];
  expectTypeOf<MutationError>().toEqualTypeOf<SenseiError | null>();
});

/**
 * `@sensei/react/testing`: a mock Sensei API for tests, stories and demos. Browser-safe and free
 * of msw: the MSW handlers are `@sensei/react/testing/msw`, the HTTP server (Node only) is
 * `@sensei/react/testing/server`.
 */
export {
  createMockSenseiApi,
  type MockRequestRecord,
  type MockSenseiApi,
  type MockSenseiApiOptions,
} from './createMockSenseiApi.js';
export type { ActivityEvent, ActivityType } from './ActivityFeed.js';
export type { MockRequestFilter } from './matchesRequestFilter.js';
export type {
  AcceptedOperation,
  Migration,
  MigrationListResponse,
  MigrationProgress,
  MigrationResult,
  MigrationStatus,
  Pagination,
  StandardError,
  StandardErrorBody,
} from './Migration.js';
export { mockErrorBody, mockErrorDefaults, type MockErrorDefaults } from './mockErrorBody.js';
export type {
  DropScenario,
  ErrorScenario,
  FlakyScenario,
  MalformedKind,
  MalformedScenario,
  MockScenario,
  OperationsScenario,
  RateLimitOnceScenario,
  RateLimitScenario,
  SlowScenario,
} from './MockScenario.js';
// Browser-safe: an MSW setup can answer the same control requests as the HTTP server.
export {
  handleScenarioControl,
  SCENARIO_CONTROL_PATH,
  type ScenarioControlHeaders,
  type ScenarioControlRequest,
  type ScenarioControlState,
} from './handleScenarioControl.js';

/**
 * `@sensei/react/testing`: a mock Sensei API for tests, stories and demos. Browser-safe; the
 * HTTP server is in `./server.ts` (`@sensei/react/testing/server`), which needs Node.
 */
export {
  createMockSenseiApi,
  type MockRequestRecord,
  type MockSenseiApi,
  type MockSenseiApiOptions,
} from './createMockSenseiApi.js';
export { createMswHandlers } from './createMswHandlers.js';
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

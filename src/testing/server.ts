/**
 * `@sensei/react/testing/server`: the mock Sensei API over real HTTP. Node only (`node:http`),
 * which is why `./index.ts` does not export it.
 */
export {
  exposedHeaders,
  startMockSenseiServer,
  type MockSenseiServer,
  type MockSenseiServerOptions,
} from './startMockSenseiServer.js';

/**
 * `@sensei/react/testing/msw`: the mock Sensei API as MSW request handlers. A separate entry so
 * that `@sensei/react/testing` works without msw installed (msw is an optional peer).
 */
export { createMswHandlers } from './createMswHandlers.js';

import { unitProject } from './unitProject.ts';

// Every unit test that renders the hooks: their own, the router adapters, server rendering and
// hydration, the components built on them (the toaster is how an app meets useRetryActivity and
// its store), the devtools panel and the reliability suites (offline, leaks, chaos, status URLs).
// `related` still runs only the files that import a mutated hook, and only their covering tests.
export default unitProject([
  'test/react/**/*.test.{ts,tsx}',
  'test/router/**/*.test.{ts,tsx}',
  'test/ssr/**/*.test.{ts,tsx}',
  'test/components/**/*.test.{ts,tsx}',
  'test/devtools/**/*.test.{ts,tsx}',
  'test/reliability/**/*.test.{ts,tsx}',
]);

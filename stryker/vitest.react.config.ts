import { unitProject } from './unitProject.ts';

// The unit tests that render the hooks: their own, the router adapters, server rendering and
// hydration, and the components built on them (the toaster is how an app meets
// useRetryActivity and its store). The devtools and reliability suites render them too, but
// their fuzz and chaos runs made a mutant take minutes on 2 cores: they are left out.
// `related` still runs only the files that import a mutated hook, and only their covering tests.
export default unitProject([
  'test/react/**/*.test.{ts,tsx}',
  'test/router/**/*.test.{ts,tsx}',
  'test/ssr/**/*.test.{ts,tsx}',
  'test/components/**/*.test.{ts,tsx}',
]);

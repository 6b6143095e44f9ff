import { defineConfig } from 'vitest/config';

/**
 * Core's tests for Stryker: the unit project's settings, but in Node with the console guard only.
 * src/core has no React and no DOM, and setting up jsdom plus Testing Library for each covering
 * test file was most of every mutant's time (12 s of a mutant on a busy machine). The few core
 * tests that need browser globals say so with `// @vitest-environment jsdom`.
 */
export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    environment: 'node',
    include: ['test/core/**/*.test.ts'],
    // Bundles src/ with esbuild and reads the output: meaningless on instrumented source.
    exclude: ['test/core/productionBundle.test.ts'],
    setupFiles: ['test/consoleGuard.ts'],
    // Instrumented modules switch mutants through a global, so they can stay loaded between runs.
    isolate: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
});

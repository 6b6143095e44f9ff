// Shared StrykerJS settings; stryker/<layer>.config.mjs names the layer.
// Layers run separately because each has its own bar (issue 21).

/** Each layer's files and the score under which its run fails (thresholds.break). */
export const LAYERS = [
  { name: 'core', mutate: ['src/core/**/*.ts'], breakAt: 90 },
  { name: 'react', mutate: ['src/react/**/*.{ts,tsx}'], breakAt: 80 },
  { name: 'components', mutate: ['src/components/**/*.{ts,tsx}'], breakAt: 70 },
];

/** Where a layer's baseline lives: a full mutation-testing report Stryker reuses when code and tests did not change. */
export const incrementalFile = (name) => `reports/mutation/${name}.incremental.json`;

/**
 * @param {'core' | 'react' | 'components'} name
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function layerConfig(name) {
  const layer = LAYERS.find((entry) => entry.name === name);
  if (!layer) throw new Error(`stryker/layerConfig.mjs: unknown layer ${name}`);
  return {
    $schema: '../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'npm',
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    // The unit project, narrowed to the layer's own tests (stryker/unitProject.ts); `related`
    // runs just the test files that import the mutated file.
    vitest: { configFile: `stryker/vitest.${name}.config.ts`, related: true },
    coverageAnalysis: 'perTest',
    // A static mutant (a module-level constant such as a regex or a table) runs every related
    // test file with a fresh module graph: minutes each on 2 cores, most of a run's time. They are
    // reported as Ignored (TESTING.md's table counts them), not as killed.
    ignoreStatic: true,
    mutate: layer.mutate,
    // 2 cores shared with other work: one test runner. `--concurrency 2` on an idle machine.
    concurrency: 1,
    // The committed baseline: results of unchanged mutants and tests are reused
    // (`npm run test:mutation:ci`); `npm run test:mutation` passes --force to re-test them all.
    incremental: true,
    incrementalFile: incrementalFile(name),
    reporters: ['clear-text', 'progress-append-only'],
    clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportMutants: true, reportScoreTable: true },
    thresholds: { high: 95, low: layer.breakAt, break: layer.breakAt },
    // Fake-timer tests run minutes of virtual time; a mutant that loops forever still times out.
    timeoutMS: 20_000,
    // The first run of every related test (with coverage) takes minutes on a busy 2-core machine.
    dryRunTimeoutMinutes: 30,
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    // Nothing the unit project reads lives here; examples/next may hold its own node_modules.
    ignorePatterns: ['examples', 'e2e', 'dist', 'storybook-static', 'coverage', 'test-results', 'bench', 'reports'],
  };
}

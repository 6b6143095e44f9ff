#!/usr/bin/env node
// CI's mutation check (`npm run test:mutation:ci`), kept short by the committed baselines in
// reports/mutation/<layer>.incremental.json (written by `npm run test:mutation`).
//
// Per layer with a baseline:
// - nothing changed (every mutated file and every test file the baseline ran has the same text,
//   and no test file was added): Stryker would reuse every result, so the baseline's score is
//   the answer and no test runs;
// - source files changed, or test files the baseline knows: Stryker in incremental mode mutates
//   those source files and the ones those tests cover, reusing the baseline for the rest;
// - a test file was added: Stryker in incremental mode over the whole layer (it re-tests only
//   the mutants that new or changed tests cover).
// Either way the layer fails when its score (all files) is under its bar.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LAYERS, baselinePath, layerScores, printScores, readBaseline } from './mutationReport.mjs';

const root = resolve(import.meta.dirname, '..');
const rel = (file) => relative(root, resolve(root, file)).split('\\').join('/');
const read = (file) => (existsSync(resolve(root, file)) ? readFileSync(resolve(root, file), 'utf8') : undefined);

/** Test files of the unit project (vite.config.ts: test/**\/*.test.{ts,tsx}). */
function unitTestFiles(dir = resolve(root, 'test')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return unitTestFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [rel(path)] : [];
  });
}

/** Which source files of the layer to re-test, or 'all', or [] when nothing changed. */
export function changedScope(report, testFiles = unitTestFiles()) {
  const changedSources = Object.entries(report.files)
    .filter(([file, result]) => read(file) !== result.source)
    .map(([file]) => rel(file));
  const known = new Map(Object.entries(report.testFiles ?? {}).map(([file, result]) => [rel(file), result]));
  const changedTests = [...known].filter(([file, result]) => read(file) !== result.source).map(([file]) => file);
  const addedTests = testFiles.filter((file) => !known.has(file));
  if (addedTests.length > 0) return { scope: 'all', reason: `test files added: ${addedTests.join(', ')}` };

  // Source files holding a mutant that a changed test covered in the baseline.
  const changedTestIds = new Set(changedTests.flatMap((file) => known.get(file).tests.map((test) => test.id)));
  const coveredByChanged = Object.entries(report.files)
    .filter(([, result]) => result.mutants.some((mutant) => (mutant.coveredBy ?? []).some((id) => changedTestIds.has(id))))
    .map(([file]) => rel(file));
  const scope = [...new Set([...changedSources, ...coveredByChanged])].filter((file) => existsSync(resolve(root, file)));
  const reason = [
    changedSources.length > 0 && `changed: ${changedSources.join(', ')}`,
    changedTests.length > 0 && `tests changed: ${changedTests.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
  return { scope, reason };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  let failed = false;
  for (const { name } of LAYERS) {
    if (!existsSync(baselinePath(name))) {
      console.log(`mutation ${name}: no baseline (reports/mutation/${name}.incremental.json); run \`npm run test:mutation -- ${name}\` to make one.`);
      continue;
    }
    const { scope, reason } = changedScope(readBaseline(name));
    if (scope.length === 0) {
      console.log(`mutation ${name}: no source or test changed since the baseline; its results stand.`);
    } else {
      console.log(`mutation ${name}: ${reason}`);
      const mutate = scope === 'all' ? [] : ['--mutate', scope.join(',')];
      const run = spawnSync('npx', ['stryker', 'run', `stryker/${name}.config.mjs`, ...mutate], { cwd: root, stdio: 'inherit' });
      if (run.status !== 0) failed = true;
    }
    const scores = layerScores(name);
    printScores(scores);
    if (!scores.passed) failed = true;
  }
  console.log(`mutation check: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(failed ? 1 : 0);
}

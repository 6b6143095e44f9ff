#!/usr/bin/env node
// CI's mutation check (`npm run test:mutation:ci`), kept short by the committed baselines in
// reports/mutation/<layer>.incremental.json (written by `npm run test:mutation`).
//
// Per layer with a baseline, Stryker (incremental mode) re-tests only the source files that
// changed and the ones whose mutants a changed or deleted test covered; every other result is
// the baseline's, as Stryker itself would reuse it. With nothing changed no test runs. A test
// file added since the baseline can only kill more mutants, never fewer, so it does not start a
// run: the next `npm run test:mutation` counts it. The layer fails when its score over all files
// is under its bar.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { LAYERS, baselinePath, layerScores, printScores, readBaseline } from './mutationReport.mjs';

const root = resolve(import.meta.dirname, '..');
const rel = (file) => relative(root, resolve(root, file)).split('\\').join('/');
const read = (file) => (existsSync(resolve(root, file)) ? readFileSync(resolve(root, file), 'utf8') : undefined);

/** The layer's source files now (stryker/layerConfig.mjs mutates every .ts/.tsx under src/<layer>). */
const sourcesOf = (layer) =>
  readdirSync(resolve(root, 'src', layer), { recursive: true })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => rel(`src/${layer}/${file}`));

/** Which source files of the layer to re-test ([] when nothing changed), and why. */
export function changedScope(report) {
  const changedSources = Object.entries(report.files)
    .filter(([file, result]) => read(file) !== result.source)
    .map(([file]) => rel(file));
  const known = new Map(Object.entries(report.testFiles ?? {}).map(([file, result]) => [rel(file), result]));
  const changedTests = [...known].filter(([file, result]) => read(file) !== result.source).map(([file]) => file);

  // Source files holding a mutant that a changed test covered in the baseline.
  const changedTestIds = new Set(changedTests.flatMap((file) => known.get(file).tests.map((test) => test.id)));
  const coveredByChanged = Object.entries(report.files)
    .filter(([, result]) => result.mutants.some((mutant) => (mutant.coveredBy ?? []).some((id) => changedTestIds.has(id))))
    .map(([file]) => rel(file));
  const scope = [...new Set([...changedSources, ...coveredByChanged])].filter((file) => existsSync(resolve(root, file)));
  const reason = [
    changedSources.length > 0 && `changed: ${changedSources.join(', ')}`,
    changedTests.length > 0 && `tests changed or deleted: ${changedTests.join(', ')}`,
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
    const report = readBaseline(name);
    // A file the baseline has never scored (new, or not run yet) waits for the next full run:
    // mutating it here could take longer than CI has.
    const inBaseline = new Set(Object.keys(report.files).map(rel));
    const missing = sourcesOf(name).filter((file) => !inBaseline.has(file));
    if (missing.length > 0) {
      console.log(`mutation ${name}: not in the baseline yet (\`npm run test:mutation -- ${name}\` adds them): ${missing.join(', ')}`);
    }
    const { scope, reason } = changedScope(report);
    if (scope.length === 0) {
      console.log(`mutation ${name}: no source or test changed since the baseline; its results stand.`);
    } else {
      console.log(`mutation ${name}: ${reason}`);
      const run = spawnSync('npx', ['stryker', 'run', `stryker/${name}.config.mjs`, '--mutate', scope.join(',')], {
        cwd: root,
        stdio: 'inherit',
      });
      if (run.status !== 0) failed = true;
    }
    const scores = layerScores(name);
    printScores(scores);
    if (!scores.passed) failed = true;
  }
  console.log(`mutation check: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(failed ? 1 : 0);
}

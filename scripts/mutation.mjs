#!/usr/bin/env node
// Mutation testing (StrykerJS, unit project only), one run per layer with its own bar (issue 21).
//
//   npm run test:mutation                   every layer, every mutant re-tested (--force); writes
//                                           the per-file figures and the date into TESTING.md and
//                                           the baseline into reports/mutation/<layer>.incremental.json
//   npm run test:mutation -- core           one layer
//   npm run test:mutation -- core --mutate src/core/pollDelay.ts
//                                           a few files while working (the rest of the layer's
//                                           figures come from the baseline)
//   npm run test:mutation:ci                the check CI runs: see scripts/mutation-ci.mjs
//
// Exit code 1 when a layer's score is under its bar (Stryker's thresholds.break).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LAYERS, baselinePath, layerScores, printScores } from './mutationReport.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const named = args.filter((arg, i) => !arg.startsWith('-') && !args[i - 1]?.startsWith('--'));
const layers = named.length > 0 ? named : LAYERS.map((layer) => layer.name);
const extra = args.filter((arg) => !named.includes(arg));
const partial = extra.includes('--mutate');

for (const name of layers) {
  if (!LAYERS.some((layer) => layer.name === name)) {
    console.error(`Unknown layer "${name}"; use one of ${LAYERS.map((layer) => layer.name).join(', ')}.`);
    process.exit(2);
  }
}

let failed = false;
for (const name of layers) {
  const started = Date.now();
  // A full run re-tests every mutant; a --mutate run reuses the baseline for the other files.
  const force = partial ? [] : ['--force'];
  const run = spawnSync('npx', ['stryker', 'run', `stryker/${name}.config.mjs`, ...force, ...extra], {
    cwd: root,
    stdio: 'inherit',
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\nmutation ${name}: Stryker exited ${run.status} after ${minutes} min`);
  if (run.status !== 0) failed = true;
  if (!existsSync(baselinePath(name))) continue;
  const scores = layerScores(name);
  printScores(scores);
  if (run.status !== null) recordFigures(scores, minutes);
}
process.exit(failed ? 1 : 0);

/** How many test runners the run used: 1 (the config) unless --concurrency said otherwise. */
function concurrency() {
  const at = extra.indexOf('--concurrency');
  return at >= 0 ? `, concurrency ${extra[at + 1]}` : ', concurrency 1';
}

/** Writes the layer's per-file table, dated, between its markers in TESTING.md. */
function recordFigures(scores, minutes) {
  const layerFiles = readdirSync(resolve(root, 'src', scores.layer), { recursive: true }).filter((file) => /\.tsx?$/.test(file));
  const file = resolve(root, 'TESTING.md');
  const text = readFileSync(file, 'utf8');
  const start = `<!-- mutation:${scores.layer}:start -->`;
  const end = `<!-- mutation:${scores.layer}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    console.warn(`TESTING.md has no ${start} … ${end} markers; figures not written.`);
    return;
  }
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    start,
    partial
      ? `Run of ${date} UTC over ${extra[extra.indexOf('--mutate') + 1]} (${minutes} min${concurrency()}); other files from the baseline.`
      : `Full run of ${date} UTC (${minutes} min${concurrency()}).`,
    `Baseline: ${scores.files.length} of ${layerFiles.length} files of src/${scores.layer}; score over them **${scores.total.score.toFixed(2)} %** (bar ${scores.breakAt} %).`,
    '',
    '| file | score | killed | timeout | survived | no coverage | ignored |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...scores.files, { file: 'all files', ...scores.total }].map(
      (row) =>
        `| ${row.file} | ${row.score.toFixed(2)} | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} | ${row.ignored} |`,
    ),
    end,
  ];
  writeFileSync(file, text.slice(0, from) + lines.join('\n') + text.slice(to + end.length));
  console.log(`TESTING.md: ${scores.layer} figures written.`);
}

// Reads a layer's Stryker report (the incremental baseline is a full mutation-testing report)
// into per-file scores, computed the way Stryker's thresholds are: (killed + timeout) over every
// valid mutant, so mutants no test reaches count against the score.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { LAYERS, incrementalFile } from '../stryker/layerConfig.mjs';

export { LAYERS };

const root = resolve(import.meta.dirname, '..');

export const baselinePath = (layer) => resolve(root, incrementalFile(layer));

export const readBaseline = (layer) => JSON.parse(readFileSync(baselinePath(layer), 'utf8'));

const tally = (mutants) => {
  const count = (status) => mutants.filter((mutant) => mutant.status === status).length;
  const row = {
    killed: count('Killed'),
    timeout: count('Timeout'),
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    ignored: count('Ignored'),
    errors: count('RuntimeError') + count('CompileError'),
  };
  const valid = row.killed + row.timeout + row.survived + row.noCoverage;
  return { ...row, valid, score: valid === 0 ? 100 : ((row.killed + row.timeout) / valid) * 100 };
};

export function layerScores(layer, report = readBaseline(layer)) {
  const { breakAt } = LAYERS.find((entry) => entry.name === layer);
  const files = Object.entries(report.files)
    .map(([file, result]) => ({ file: relative(root, resolve(root, file)), ...tally(result.mutants) }))
    .filter((row) => row.valid + row.ignored > 0)
    .sort((a, b) => a.file.localeCompare(b.file));
  const total = tally(Object.values(report.files).flatMap((result) => result.mutants));
  return { layer, breakAt, files, total, passed: total.score >= breakAt };
}

export function printScores({ layer, breakAt, files, total, passed }) {
  const width = Math.max(10, ...files.map((row) => row.file.length));
  const line = (name, row) =>
    `${name.padEnd(width)}  ${row.score.toFixed(2).padStart(6)} %  ${String(row.killed + row.timeout).padStart(5)} killed  ${String(row.survived).padStart(4)} survived  ${String(row.noCoverage).padStart(4)} no cov`;
  console.log(`\nmutation score per file, ${layer} (bar ${breakAt} %):`);
  for (const row of files) console.log(line(row.file, row));
  console.log(line('all files', total));
  console.log(passed ? `${layer}: ${total.score.toFixed(2)} % ≥ ${breakAt} %` : `${layer}: ${total.score.toFixed(2)} % is under the bar of ${breakAt} %`);
}

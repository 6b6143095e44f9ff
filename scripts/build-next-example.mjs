// Builds examples/next for e2e/next.e2e.test.ts when the build is missing or older than the
// library or the example's sources, so `npm test` works on a fresh clone as well as in CI
// (where .ci/run has built it already and this does nothing). The example installs the library
// as packed files from dist/ (install-links), so dist/ is built first.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const app = join(root, 'examples/next');
const buildId = join(app, '.next/BUILD_ID');

/** The newest modification time of any file below `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const sources = Math.max(newest(join(root, 'src')), newest(join(app, 'app')), statSync(join(app, 'package-lock.json')).mtimeMs);
if (builtAt > sources) {
  console.log('examples/next: build is current');
} else {
  const run = (command) => execSync(command, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  console.log('examples/next: building dist/, installing and building the example (about 40 s)');
  run('npm run build');
  run('npm ci --prefix examples/next --no-audit --no-fund');
  run('npm run build --prefix examples/next');
}

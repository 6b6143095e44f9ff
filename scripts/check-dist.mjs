// `npm run check:package`: the tarball a user installs, made the way a user makes it today.
//  1. The repository's files (tracked and new, nothing ignored: no dist/) are copied into a
//     fresh directory, as a clone has them, and `npm pack` runs there: `prepack` must build.
//  2. The tarball must hold every file package.json "exports" names, the README, llms.txt and
//     each guide of docs/guides as markdown, and nothing of src/ or test/.
//  3. Every module whose source starts with "use client" keeps the directive in the packed dist
//     (Next.js App Router needs it), and entries that must run on a server (core, testing) carry
//     none.
//  4. publint (strict) and arethetypeswrong (ESM-only) check the same tarball.
//  5. Installed into an empty app (its dependencies linked from ours), every entry imports in
//     Node and the README's way to the embedded mock answers a list request.
// The packed dist/ then replaces ./dist, so `npm run size` after it measures what ships.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const directive = /^\s*(['"])use client\1;?/;
const problems = [];
const work = mkdtempSync(join(tmpdir(), 'sensei-pack-'));
const run = (command, args, cwd, options = {}) => execFileSync(command, args, { cwd, encoding: 'utf8', ...options });

/** Step 5: the unpacked tarball as `node_modules/@sensei/react` of an app, used from Node. */
function installAndImport(packageDir) {
  const app = join(work, 'app');
  const modules = join(app, 'node_modules');
  mkdirSync(join(modules, '@sensei'), { recursive: true });
  cpSync(packageDir, join(modules, '@sensei/react'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') || entry === '@sensei') continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry), 'dir');
  }
  const script = `
    import * as main from '@sensei/react';
    import { createSenseiClient } from '@sensei/react/core';
    import { createMockSenseiApi } from '@sensei/react/testing';
    import { createMswHandlers } from '@sensei/react/testing/msw';
    import { startMockSenseiServer } from '@sensei/react/testing/server';
    import '@sensei/react/register';
    const mock = createMockSenseiApi();
    const client = createSenseiClient({ baseUrl: mock.baseUrl, fetch: mock.fetch, getApiKey: () => 'any key' });
    const page = await client.list('/v1/migrations', { page: 2, perPage: 10 });
    if (page.data.length !== 10 || page.pagination.page !== 2 || page.pagination.total !== 150) throw new Error('the mock answered ' + JSON.stringify(page.pagination));
    for (const name of ['SenseiProvider', 'usePaginatedList', 'useAsyncOperation', 'Paginator']) if (main[name] == null) throw new Error(name + ' is not exported');
    if (typeof createMswHandlers !== 'function' || typeof startMockSenseiServer !== 'function') throw new Error('testing entries incomplete');
    console.log('check-dist: installed in an empty app, every entry imports in Node; page 2 of the mock: ' + page.data.length + ' items');
  `;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  writeFileSync(join(app, 'smoke.mjs'), script);
  run(process.execPath, ['smoke.mjs'], app, { stdio: 'inherit' });
}

try {
  // 1. A fresh clone, without its build: the files git would hand out, node_modules as `npm ci` makes it.
  const clone = join(work, 'clone');
  const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root).split('\0').filter(Boolean);
  for (const file of files) {
    const from = join(root, file);
    if (!existsSync(from) || statSync(from).isDirectory()) continue; // deleted, or a submodule
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(from, join(clone, file));
  }
  if (existsSync(join(clone, 'dist'))) problems.push('the fresh clone has a dist/ directory: is dist/ tracked by git?');
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const output = run('npm', ['pack', '--json', '--pack-destination', work], clone, { stdio: ['ignore', 'pipe', 'inherit'] });
  // prepack's build prints to stdout too; npm's JSON is the array that starts a line last.
  const packed = JSON.parse(output.slice(output.lastIndexOf('\n[') + 1))[0];
  const tarball = join(work, packed.filename);
  const inTarball = new Set(packed.files.map((file) => file.path));
  console.log(`check-dist: npm pack on a fresh clone made ${packed.filename}, ${packed.files.length} files, ${(packed.size / 1000).toFixed(1)} KB`);

  // 2. Complete: what package.json promises, the docs, and no sources.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const promised = new Set(['package.json', 'README.md', 'llms.txt']);
  const collect = (value) => {
    if (typeof value === 'string') promised.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  const guides = existsSync(join(root, 'docs/guides')) ? readdirSync(join(root, 'docs/guides')).filter((name) => name.endsWith('.md')) : [];
  for (const guide of guides) promised.add(`docs/guides/${guide}`);
  for (const file of promised) if (!inTarball.has(file)) problems.push(`the tarball lacks ${file}`);
  for (const file of inTarball) if (/^(src|test|e2e|stories|scripts)\//.test(file)) problems.push(`the tarball ships ${file}`);

  // 3. "use client" directives, on the packed files.
  const extracted = join(work, 'extracted');
  mkdirSync(extracted);
  run('tar', ['-xzf', tarball, '-C', extracted]);
  const packageDir = join(extracted, 'package');
  let checked = 0;
  const sources = function* (dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) yield* sources(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
    }
  };
  for (const source of sources(join(root, 'src'))) {
    const rel = relative(join(root, 'src'), source).replace(/\.tsx?$/, '.js');
    const built = join(packageDir, 'dist', rel);
    // Type-only modules emit no JavaScript.
    if (!existsSync(built)) continue;
    checked += 1;
    const wantsClient = directive.test(readFileSync(source, 'utf8'));
    const hasClient = directive.test(readFileSync(built, 'utf8'));
    if (wantsClient && !hasClient) problems.push(`dist/${rel} lost its "use client" directive`);
    if (!wantsClient && hasClient) problems.push(`dist/${rel} has a "use client" directive its source does not`);
    if ((rel.startsWith('core/') || rel.startsWith('testing/')) && hasClient) problems.push(`dist/${rel} must run on a server`);
  }
  if (checked === 0) problems.push('the tarball has no built modules');
  console.log(`check-dist: ${checked} built modules checked for "use client"`);

  if (problems.length === 0) {
    // 4. The same tarball through publint and arethetypeswrong.
    const bin = (name) => join(root, 'node_modules/.bin', name);
    run(bin('publint'), ['run', tarball, '--strict'], root, { stdio: 'inherit' });
    run(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', './devtools.css'], root, { stdio: 'inherit' });
    installAndImport(packageDir);
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    cpSync(join(packageDir, 'dist'), join(root, 'dist'), { recursive: true });
    console.log('check-dist: dist/ is now the packed build');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`check-dist: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('check-dist: the tarball is complete');

// Bundle sizes measured the way an app's bundler sees them: shared by `npm run bench` (the
// table) and `npm run size` (the budgets), so both report the same bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export const root = resolve(import.meta.dirname, '..');
export const dist = join(root, 'dist');

/** What every React app already ships (or picks itself): never counted, for us or the peers. */
// query-core is react-query's own engine: an app that has react-query ships it already.
export const APP_EXTERNALS = ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query', '@tanstack/query-core', '@radix-ui/*'];
/** For apps that already ship zod 4: the "zod external" column. */
export const ZOD_EXTERNALS = ['zod', 'zod/*'];

/** One KB here is 1,000 bytes (as Vite prints sizes): the stricter reading of a budget. */
export const KB = 1000;

const importPath = (file) => JSON.stringify(join(dist, file));

/**
 * The library's bundles. `code` is an app's entry: it imports and uses what the row names, so
 * the bundler keeps exactly that (and what it pulls in) and tree-shakes the rest.
 */
export const libraryCases = [
  {
    id: 'whole',
    label: 'whole `@sensei/react` entry',
    code: `import * as all from ${importPath('index.js')};\nconsole.log(all);`,
  },
  {
    id: 'core',
    label: '`@sensei/react/core` alone',
    code: `import * as core from ${importPath('core/index.js')};\nconsole.log(core);`,
  },
  {
    id: 'usePaginatedList',
    label: 'an app importing only `usePaginatedList`',
    code: `import { usePaginatedList } from ${importPath('index.js')};\nconsole.log(usePaginatedList);`,
  },
  {
    id: 'SenseiErrorPanel',
    label: 'an app importing only `SenseiErrorPanel`',
    code: `import { SenseiErrorPanel } from ${importPath('index.js')};\nconsole.log(SenseiErrorPanel);`,
  },
  {
    id: 'devtools',
    label: 'the `@sensei/react/devtools` entry (what it adds beside the library modules)',
    // The library's own modules external: only what a lazy devtools chunk adds to an app that
    // already has the library.
    code: `import * as devtools from ${importPath('devtools/index.js')};\nconsole.log(devtools);`,
    external: ['core', 'react', 'components'].map((dir) => join(dist, dir, '*')),
  },
  // Issue 16: each router adapter is its own entry; the app already ships its router.
  ...[
    ['react-router', 'useReactRouterPageSync', ['react-router']],
    ['next', 'useNextPageSync', ['next', 'next/*']],
    ['tanstack-router', 'useTanStackRouterPageSync, validatePageSearch', ['@tanstack/react-router']],
    ['nuqs', 'useNuqsPageSync', ['nuqs']],
  ].map(([name, imports, external]) => ({
    id: `router/${name}`,
    label: `\`@sensei/react/router/${name}\``,
    code: `import { ${imports} } from ${importPath(`router/${name}.js`)};\nconsole.log(${imports});`,
    external,
  })),
  {
    id: 'paginatedApp',
    label: 'a `usePaginatedList` + `Paginator` app',
    code: `import { Paginator, usePaginatedList } from ${importPath('index.js')};\nconsole.log(Paginator, usePaginatedList);`,
  },
  {
    id: 'infiniteApp',
    label: 'a `useInfiniteList` + `LoadMore` app',
    code: `import { LoadMore, useInfiniteList } from ${importPath('index.js')};\nconsole.log(LoadMore, useInfiniteList);`,
  },
];

/** Not budgeted: the smallest app that really pages a list (it needs a client and the provider). */
export const minimalAppCase = {
  id: 'minimalApp',
  label: 'a minimal list app: `createSenseiClient` + `SenseiProvider` + `usePaginatedList`',
  code: `import { createSenseiClient, SenseiProvider, usePaginatedList } from ${importPath('index.js')};\nconsole.log(createSenseiClient, SenseiProvider, usePaginatedList);`,
};

/**
 * Not budgeted: the floor under the core budget. Every app that talks to the API pays for the
 * client, and the client validates with the seed's three zod schemas.
 */
export const floorCases = [
  {
    id: 'client',
    label: 'an app importing only `createSenseiClient`',
    code: `import { createSenseiClient } from ${importPath('core/index.js')};\nconsole.log(createSenseiClient);`,
  },
  {
    id: 'schemas',
    label: 'the seed\'s three schemas alone (`zod/mini`)',
    code: `import { errorBodySchema, operationSchema, paginationSchema } from ${importPath('core/index.js')};\nconsole.log(errorBodySchema, operationSchema, paginationSchema);`,
  },
];

/** A package's installed version (for the table: peers are re-measured as npm installs them). */
export function installedVersion(pkg) {
  return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/**
 * Like for like with the peers, whose toast library (sonner) is counted: the whole entry with
 * its own toast library, `@radix-ui/react-toast` (our peer dependency), bundled in.
 */
export const wholeWithToastCase = {
  id: 'wholeWithToast',
  label: 'whole `@sensei/react` entry with its toast library (`@radix-ui/react-toast`) counted',
  code: `import * as all from ${importPath('index.js')};\nconsole.log(all);`,
  counted: ['@radix-ui/*'],
};

/**
 * What a team would assemble instead, each imported whole (as `import *` keeps every export), in
 * the versions npm installs on Node 20 today (npm picks the newest whose `engines` allow it:
 * ky 1.x, @azure/core-lro 3.3).
 */
export const peerCases = [
  { id: 'ky', label: 'ky', role: 'fetch wrapper with retry', pkg: 'ky' },
  { id: 'react-error-boundary', label: 'react-error-boundary', role: 'error boundary', pkg: 'react-error-boundary' },
  { id: 'sonner', label: 'sonner', role: 'toasts', pkg: 'sonner' },
  { id: 'react-paginate', label: 'react-paginate', role: 'paginator', pkg: 'react-paginate' },
  { id: '@azure/core-lro', label: '@azure/core-lro', role: 'long-running operation poller', pkg: '@azure/core-lro' },
  // Its host `@octokit/core` is a peer dependency (a GitHub client): left out, to the peers' favour.
  {
    id: '@octokit/plugin-throttling',
    label: '@octokit/plugin-throttling',
    role: 'rate-limit throttling',
    pkg: '@octokit/plugin-throttling',
    external: ['@octokit/core'],
  },
].map((peer, index) => ({
  ...peer,
  code: `import * as peer${index} from ${JSON.stringify(peer.pkg)};\nconsole.log(peer${index});`,
}));

/** All six peers in one bundle (shared helpers counted once). */
export const peersTogetherCase = {
  id: 'peersTogether',
  label: 'the six peers in one bundle',
  code: peerCases.map((peer) => peer.code).join('\n'),
  external: peerCases.flatMap((peer) => peer.external ?? []),
};

/**
 * ky 2 (installed as the `ky2` alias), size only: it requires Node 22, so nothing runs it on the
 * project's Node 20.
 */
export const ky2Case = {
  id: 'ky2',
  label: 'ky',
  role: 'fetch wrapper with retry; needs Node ≥ 22, size only',
  pkg: 'ky2',
  code: `import * as ky2 from "ky2";\nconsole.log(ky2);`,
};

/** Brotli at its highest quality, as size reports (size-limit, bundlejs) and TanStack's docs give it. */
export function brotliSize(bytes) {
  return brotliCompressSync(bytes, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
}

/**
 * Bundles `code` (esbuild: bundle, minify, ESM, browser, production) and returns its minified,
 * gzipped (level 9) and brotli (quality 11) byte counts with the esbuild metafile. `counted`
 * takes packages out of the app's externals (they are bundled and counted).
 */
export async function measure(code, { zodExternal = false, external = [], counted = [] } = {}) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'app.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    // What every production build defines (esbuild's own default for minified browser builds).
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [...APP_EXTERNALS.filter((name) => !counted.includes(name)), ...(zodExternal ? ZOD_EXTERNALS : []), ...external],
    absWorkingDir: root,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliSize(bytes), metafile: result.metafile };
}

/** Both columns of a row: zod counted and zod external. */
export async function measureBoth(testCase) {
  const external = testCase.external ?? [];
  const counted = testCase.counted ?? [];
  const [withZod, withoutZod] = await Promise.all([
    measure(testCase.code, { external, counted }),
    measure(testCase.code, { external, counted, zodExternal: true }),
  ]);
  return { withZod, withoutZod };
}

/** Gzipped and brotli size of the shipped stylesheet. */
export function stylesheetGzip() {
  const file = join(dist, 'styles.css');
  const css = readFileSync(file);
  return { raw: css.length, gzip: gzipSync(css, { level: 9 }).length, brotli: brotliSize(css) };
}

/** The biggest inputs of a bundle, as esbuild's `analyzeMetafile` prints them (minified bytes). */
export async function topContributors(metafile, count = 15) {
  const text = await esbuild.analyzeMetafile(metafile);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  // The first line is the output file; the next ones are its inputs, biggest first.
  return lines.slice(0, count + 1).join('\n');
}

/** Bytes per group of inputs (zod, our core, react bindings, components, other packages). */
export function contributionsByGroup(metafile) {
  const groups = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const group = input.includes('node_modules/zod/')
        ? 'zod'
        : input.startsWith('dist/core/')
          ? 'dist/core'
          : input.startsWith('dist/react/')
            ? 'dist/react'
            : input.startsWith('dist/components/')
              ? 'dist/components'
              : input.startsWith('dist/')
                ? 'dist (entries)'
                : 'other';
      groups[group] = (groups[group] ?? 0) + bytesInOutput;
    }
  }
  return Object.entries(groups).sort((a, b) => b[1] - a[1]);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds `dist/` when it is missing or older than `src/`, so sizes never describe stale code. */
export function ensureDist() {
  const entry = join(dist, 'index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(join(root, 'src'))) return;
  console.error(existsSync(entry) ? 'dist/ is older than src/: npm run build' : 'dist/ is missing: npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout);
    throw new Error('npm run build failed');
  }
}

export const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

// `npm run bench`: every measurement of issue 7 in one run, printed as one markdown table and
// written to bench/results.md. Numbers only: nothing here asserts on time (budgets live in
// `npm run size`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureDist,
  floorCases,
  installedVersion,
  kb,
  ky2Case,
  libraryCases,
  measureBoth,
  minimalAppCase,
  peerCases,
  peersTogetherCase,
  root,
  stylesheetGzip,
  wholeWithToastCase,
} from './bundleSize.mjs';

const started = Date.now();
const log = (message) => console.error(`bench: ${message}`);

// 1. Bundle sizes (esbuild, same settings for us and the peers).
ensureDist();
log('bundle sizes');
const sizes = {};
for (const testCase of [...libraryCases, wholeWithToastCase, minimalAppCase, ...floorCases, ...peerCases, peersTogetherCase, ky2Case]) {
  sizes[testCase.id] = await measureBoth(testCase);
}
const css = stylesheetGzip();

// 2–6. React measurements in jsdom (bench/*.bench-run.tsx), each writing its numbers as JSON.
log('React measurements (vitest, bench/vitest.config.ts)');
const out = mkdtempSync(join(tmpdir(), 'sensei-bench-'));
const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/vitest.config.ts'], {
  cwd: root,
  env: { ...process.env, SENSEI_BENCH_OUT: out, FORCE_COLOR: '0' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (vitest.status !== 0) {
  console.error(vitest.stdout, vitest.stderr);
  rmSync(out, { recursive: true, force: true });
  throw new Error('bench: a React measurement failed (output above)');
}
const read = (id) => JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8'));
const rateLimit = read('rateLimit');
const opOne = read('operationsOne');
const opMany = read('operationsMany');
const paging = read('paging');
const paginator = read('paginator');
const countdown = read('countdown');
const scale = read('scale');
const realLimiters = read('realLimiters');
const infinite = read('infinite');
rmSync(out, { recursive: true, force: true });

// The table.
/** "zod counted / zod external", gzip then brotli. */
const pair = (a, b) => (a === b ? kb(a) : `${kb(a)} / ${kb(b)}`);
const both = (id) => {
  const { withZod, withoutZod } = sizes[id];
  return `${pair(withZod.gzip, withoutZod.gzip)} gz · ${pair(withZod.brotli, withoutZod.brotli)} br`;
};
const sum = (pick) => peerCases.reduce((total, peer) => total + pick(sizes[peer.id]), 0);
const sumBoth = () =>
  `${pair(sum((s) => s.withZod.gzip), sum((s) => s.withoutZod.gzip))} gz · ${pair(sum((s) => s.withZod.brotli), sum((s) => s.withoutZod.brotli))} br`;
const radixToast = `@radix-ui/react-toast ${installedVersion('@radix-ui/react-toast')}`;
const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;
const fixed = (value, digits) => value.toFixed(digits);
const same = (values) => values.every((value) => value === values[0]);
const eachOrList = (values, format) => (same(values) ? `${format(values[0])} each` : values.map(format).join(', '));
const ratio = (entry) => `${fixed(entry.huge.medianMs, 2)} / ${fixed(entry.small.medianMs, 2)} ms → ${fixed(entry.huge.medianMs / entry.small.medianMs, 2)}×`;
const perChange = (commitsCount, changes) => (changes === 0 ? `${commitsCount} (no change)` : `${fixed(commitsCount / changes, 2)} (${commitsCount}/${changes})`);

/** One burst against a real limiter: requests / 429s / wall time (optimal schedule), and lists loaded when not all. */
const burstCell = (run) =>
  `${run.requests} requests, ${run.responses429} × 429, ${fixed(run.wallMs / 1000, 1)} s (optimal ${fixed(run.optimalMs / 1000, 1)} s)${run.loaded < run.lists ? `; ${run.loaded}/${run.lists} lists loaded` : ''}`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
/** One refetch of every loaded page against a real limiter: requests / 429s / wall time, and whether it failed. */
const refetchCell = (run) =>
  `${run.requests} requests, ${run.responses429} × 429, ${fixed(run.wallMs / 1000, 1)} s (optimal ${fixed(run.optimalMs / 1000, 1)} s)${run.ok ? '' : '; the refetch failed'}`;
const limiterRows = (label, runs) =>
  runs.ours.map((run, i) => [
    '7',
    `Real ${label}, ${realLimiters.limit} per ${realLimiters.windowMs / 1000} s: ${run.lists} lists at once, ${run.phase === 'cold' ? 'cold (limit unknown)' : 'again, limit known'}`,
    burstCell(run),
    runs.plain ? `${burstCell(runs.plain[i])} (plain TanStack Query, default retry)` : '—',
  ]);

const rows = [
  ['1', 'Bundle: whole `@sensei/react` entry (toast library external)', both('whole'), `six peers, sum: ${sumBoth()}; in one bundle: ${both('peersTogether')}`],
  [
    '1',
    `Bundle, like for like: whole entry with its toast library (${radixToast}) counted, as sonner is on the right`,
    `${both('wholeWithToast')}; with \`dist/styles.css\`: ${kb(sizes.wholeWithToast.withZod.gzip + css.gzip)} / ${kb(sizes.wholeWithToast.withoutZod.gzip + css.gzip)} gz`,
    `six peers in one bundle (sonner and its CSS counted): ${both('peersTogether')}`,
  ],
  ['1', 'Bundle: `@sensei/react/core` alone', both('core'), '—'],
  ['1', 'Bundle: an app importing only `usePaginatedList`', both('usePaginatedList'), '—'],
  ['1', 'Bundle: an app importing only `SenseiErrorPanel`', both('SenseiErrorPanel'), '—'],
  ['1', 'Bundle: a `usePaginatedList` + `Paginator` app', both('paginatedApp'), '—'],
  ['1', 'Bundle: a `useInfiniteList` + `LoadMore` app (`npm run size`: never larger than the paged app)', both('infiniteApp'), '—'],
  ['1', 'Bundle: minimal list app (`createSenseiClient` + `SenseiProvider` + `usePaginatedList`)', both('minimalApp'), '—'],
  ...floorCases.map((floor) => ['1', `Bundle: ${floor.label}`, both(floor.id), '—']),
  ...peerCases.map((peer) => ['1', `Bundle, peer: ${peer.label} ${installedVersion(peer.pkg)} (${peer.role})`, '—', both(peer.id)]),
  ['1', `Bundle, peer: ${ky2Case.label} ${installedVersion(ky2Case.pkg)} (${ky2Case.role})`, '—', both(ky2Case.id)],
  ['1', '`dist/styles.css` (optional)', `${kb(css.gzip)} gz · ${kb(css.brotli)} br`, 'sonner injects its CSS from JS (counted above)'],
  [
    '2',
    `Rate limit: ${rateLimit.lists} lists, server closed ${rateLimit.closedMs / 1000} s (429, \`Retry-After: 2\`) — requests sent into the limit after the first burst`,
    String(rateLimit.ours.sentIntoLimit),
    `${rateLimit.plain.sentIntoLimit} (plain \`useQuery\`, default retry)`,
  ],
  ['2', '… first-page requests until every list shows data (first burst included)', String(rateLimit.ours.requestsToSuccess), String(rateLimit.plain.requestsToSuccess)],
  ['2', '… time until every list shows data', ms(rateLimit.ours.allReadyMs), ms(rateLimit.plain.allReadyMs)],
  [
    '3',
    `Operation done after ${opOne.completeAfterMs / 1000} s (\`Retry-After: 1\`, ${opOne.latencyMs} ms latency), one watcher that starts it — status requests until it shows done`,
    String(opOne.ours.statusRequestsToCompletion),
    `${opOne.plain.statusRequestsToCompletion} (plain \`useQuery\`, \`refetchInterval: 1000\`)`,
  ],
  ['3', '… completion on the server → the hook reports it', ms(opOne.ours.completionToReportedMs), ms(opOne.plain.completionToReportedMs)],
  [
    '3',
    `… status requests in the ${opOne.afterMs / 1000} s after it showed done`,
    String(opOne.ours.requestsAfterCompletion),
    String(opOne.plain.requestsAfterCompletion),
  ],
  [
    '3',
    `${opMany.watchers} watchers on one operation — status requests until done / in the ${opOne.afterMs / 1000} s after`,
    `${opMany.ours.statusRequestsToCompletion} / ${opMany.ours.requestsAfterCompletion}`,
    `${opMany.plain.statusRequestsToCompletion} / ${opMany.plain.requestsAfterCompletion}`,
  ],
  [
    '4',
    `Paging: Next click → next page's rows on screen (${paging.latencyMs} ms latency, ${paging.clicks} clicks, fake time)`,
    eachOrList(paging.ours.latenciesMs, ms),
    `${eachOrList(paging.plain.latenciesMs, ms)} (plain \`useQuery\` + \`keepPreviousData\`, no prefetch)`,
  ],
  ['4', '… requests on the critical path per click', eachOrList(paging.ours.criticalRequests, String), eachOrList(paging.plain.criticalRequests, String)],
  [
    '4',
    `… requests for ${paging.ours.pagesViewed} pages viewed (the price of prefetching)`,
    String(paging.ours.totalRequests),
    String(paging.plain.totalRequests),
  ],
  ['5', '`Paginator` mount, median real time at 10⁶ / 10 pages → ratio', ratio(paginator.ours), `react-paginate: ${ratio(paginator.reactPaginate)}`],
  [
    '5',
    '… items rendered at 10 / 10⁶ pages',
    `${paginator.ours.small.items} / ${paginator.ours.huge.items}`,
    `react-paginate: ${paginator.reactPaginate.small.items} / ${paginator.reactPaginate.huge.items}`,
  ],
  [
    '5',
    `Commits during a ${countdown.seconds} s \`RateLimitBanner\` countdown: banner / sibling list / \`useRateLimit(s => s.isLimited)\``,
    `${countdown.commits.banner} / ${countdown.commits.list} / ${countdown.commits.isLimited}`,
    '—',
  ],
  [
    '6',
    `Scale: ${scale.lists} lists + ${scale.operations} polled operations — requests per 1 s poll interval (status / list)`,
    `${scale.perInterval.statusRequests} / ${scale.perInterval.listRequests}`,
    '—',
  ],
  [
    '6',
    '… re-renders per changed slice: an operation / a list / rate-limit `remaining` / `isLimited`',
    [
      perChange(scale.commits.operations, scale.changes.operationSlices),
      perChange(scale.commits.lists, scale.changes.listSlices),
      perChange(scale.commits.remaining, scale.changes.remainingSlice),
      perChange(scale.commits.isLimited, scale.changes.isLimitedSlice),
    ].join(' / '),
    '—',
  ],
  ...limiterRows('express-rate-limit (legacy `X-RateLimit-*`, reset in epoch seconds)', realLimiters.express),
  ...limiterRows('@fastify/rate-limit (`x-ratelimit-*`, reset in seconds from now)', realLimiters.fastify),
  ...limiterRows("express-rate-limit (`standardHeaders: 'draft-7'`, IETF `RateLimit`)", realLimiters.expressDraft7),
  [
    '8',
    `Infinite list: JS heap held after ${infinite.pages} pages of ${infinite.perPage} items — \`maxPages: 5\` / unbounded`,
    `${mb(infinite.memory.bounded.heapBytes)} (${infinite.memory.bounded.pagesHeld} pages held) / ${mb(infinite.memory.unbounded.heapBytes)} (${infinite.memory.unbounded.pagesHeld} pages held)`,
    '—',
  ],
  [
    '8',
    `Infinite list: refetch of ${infinite.refetchPages} loaded pages, real express-rate-limit ${infinite.limit} per ${infinite.windowMs / 1000} s`,
    refetchCell(infinite.refetch.ours),
    `${refetchCell(infinite.refetch.plain)} (plain \`useInfiniteQuery\`, default retry)`,
  ],
];

const escape = (cell) => cell.replaceAll('|', '\\|');
const table = [
  '| # | Measurement | @sensei/react | Alternative, same run |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
].join('\n');

const cpuList = cpus();
const date = new Date().toISOString().replace('T', ' ').slice(0, 16);
const machine = `${platform()} ${arch()}, ${cpuList.length} cores (${cpuList[0]?.model.trim() ?? 'unknown CPU'})`;
const header = `Run ${date} UTC · Node ${process.version} · ${machine}`;
const notes = [
  'Sizes: esbuild `bundle, minify, format: esm, platform: browser`, `NODE_ENV=production`; react, react-dom, `@tanstack/react-query` and `@radix-ui/*` external (except in the like-for-like row); gzip level 9 (gz) and brotli quality 11 (br); 1 KB = 1,000 bytes. Two sizes read "zod counted / zod external"; one size is both. Peers in the versions npm installs on Node 20 today (ky 1.x: ky 2 needs Node 22 and is measured for size only).',
  'Rows 7 run in real time in Node against express-rate-limit and @fastify/rate-limit started by the bench on 127.0.0.1 (each run its own server), through the client + `QueryClient` (query-core), one request per list. Optimal: full windows of 3, the last window\'s requests leaving the moment it opens.',
  'Rows 8 run in Node through the client + `QueryClient` (query-core) with an `InfiniteQueryObserver`, as `useInfiniteList` does: the heap after a full GC, against the in-process mock API; the refetch in real time against express-rate-limit started by the bench, a full window after the 10 pages loaded.',
  'Rows 2–4 and 6 run in jsdom on fake time against the mock API (`@sensei/react/testing`); the alternative is plain TanStack Query (defaults) fetching the same mock. Row 5 mount times are real time in jsdom with React\'s development build: compare ratios, not absolute ms.',
];
const markdown = `${header}\n\n${table}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`;

writeFileSync(join(root, 'bench/results.md'), `# Benchmark results\n\n${markdown}`);
console.log(markdown);
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; written to bench/results.md`);

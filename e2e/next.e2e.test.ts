import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockSenseiApi, type MockSenseiApi } from '../src/testing/index.js';
import { type MockSenseiServer, startMockSenseiServer } from '../src/testing/server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from './harness.js';

// examples/next, built by `.ci/run` (`npm ci --prefix examples/next && npm run build --prefix
// examples/next`), run as `next start` against the mock API over HTTP.
const APP = resolve(ROOT, 'examples/next');
const SERVER_KEY = 'sk_next_server_secret_7c1e';
const BROWSER_KEY = 'pk_browser_demo';

let api: MockSenseiApi;
let mock: MockSenseiServer;
let next: ChildProcess;
let origin: string;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/** The names of one page of migrations, as the API answers it. */
async function namesOf(page: number): Promise<string[]> {
  const response = await api.fetch(`/v1/migrations?page=${page}&per_page=20`, { headers: { Authorization: 'Bearer sk_probe' } });
  return ((await response.json()) as { data: { name: string }[] }).data.map((m) => m.name);
}

const browserRequests = (page: number) =>
  api.requests.filter((r) => r.path === '/v1/migrations' && r.headers.authorization === `Bearer ${BROWSER_KEY}` && r.searchParams.get('page') === String(page)).length;

/** A fresh browser page that collects console errors and warnings (hydration mismatches among them). */
async function openPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

beforeAll(async () => {
  if (!existsSync(resolve(APP, '.next/BUILD_ID'))) {
    throw new Error('examples/next is not built: run `npm ci --prefix examples/next && npm run build --prefix examples/next` (as .ci/run does)');
  }
  api = createMockSenseiApi();
  mock = await startMockSenseiServer({ api });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, SENSEI_API_URL: mock.url, SENSEI_API_KEY: SERVER_KEY, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.NODE_ENV;
  // Its own process group, so afterAll stops next and any worker it forks.
  next = spawn(process.execPath, [resolve(APP, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: APP,
    env,
    detached: true,
    stdio: 'ignore',
  });
  for (let i = 0; ; i += 1) {
    if (next.exitCode !== null) throw new Error(`next start exited with ${next.exitCode}`);
    if (await fetch(`${origin}/`).then((r) => r.ok, () => false)) break;
    if (i > 150) throw new Error('next start did not answer within 30 s');
    await new Promise((done) => setTimeout(done, 200));
  }
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  if (next?.pid && next.exitCode === null) process.kill(-next.pid, 'SIGTERM');
  await mock?.close();
});

describe('examples/next (Next 16 App Router, next start)', () => {
  it('server-renders the requested page, hydrates without warnings or a request for it, and pages with Next, Back and Forward (Next adapter, no RSC round trip)', async () => {
    const [page3, page4] = [await namesOf(3), await namesOf(4)];
    api.clearRequests();

    const response = await fetch(`${origin}/migrations?page=3`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const name of page3) expect(html).toContain(name);
    expect(html).not.toContain(page4[0]);
    expect(html).not.toContain(SERVER_KEY);

    const { context, page, problems } = await openPage();
    await page.goto(`${origin}/migrations?page=3`);
    await page.getByText(page3[0]!, { exact: false }).waitFor();
    // Let hydration and the hook's effects (the next-page prefetch) run.
    await page.waitForLoadState('networkidle');
    expect(browserRequests(3)).toBe(0);
    // The count sees the browser: the hook prefetched the next page with the browser's key.
    expect(browserRequests(4)).toBeGreaterThan(0);
    expect(await page.content()).not.toContain(SERVER_KEY);

    // The Next adapter: a shallow history entry per page, no Server Component round trip.
    const rscRequests: string[] = [];
    page.on('request', (request) => {
      if (request.headers().rsc === '1' || request.url().includes('_rsc=')) rscRequests.push(request.url());
    });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\?page=4&per_page=20$/);
    await page.getByText(page4[0]!, { exact: false }).waitFor();
    expect(await page.getByText('Page 4 of').count()).toBe(1);

    await page.goBack();
    await page.waitForURL(/\?page=3(&per_page=20)?$/);
    await page.getByText(page3[0]!, { exact: false }).waitFor();
    expect(await page.getByText(page4[0]!, { exact: false }).count()).toBe(0);
    await page.goForward();
    await page.waitForURL(/\?page=4&per_page=20$/);
    await page.getByText(page4[0]!, { exact: false }).waitFor();
    expect(rscRequests).toEqual([]);

    await context.close();
    expect(problems, 'console errors or warnings (hydration mismatches among them)').toEqual([]);
  });

  it('keeps the filter across page changes, goes back to page 1 on a new filter, and clamps a page past the end with replace', async () => {
    const { context, page, problems } = await openPage();
    api.clearRequests();
    await page.goto(`${origin}/migrations?status=completed&page=2`);
    await page.getByText('Page 2 of').waitFor();
    await page.waitForLoadState('networkidle');
    const length = () => page.evaluate(() => window.history.length);
    const before = await length();

    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\?status=completed&page=3&per_page=20$/);
    await page.getByText('Page 3 of').waitFor();
    expect(await length()).toBe(before + 1);
    await page.goBack();
    await page.waitForURL(/\?status=completed&page=2(&per_page=20)?$/);
    await page.getByText('Page 2 of').waitFor();
    // Every request of the browser carried the filter.
    const browser = api.requests.filter((r) => r.path === '/v1/migrations' && r.headers.authorization === `Bearer ${BROWSER_KEY}`);
    expect(browser.length).toBeGreaterThan(0);
    expect(browser.every((r) => r.searchParams.get('status') === 'completed')).toBe(true);

    // A new filter: its own entry, corrected to page 1 in place.
    await page.getByRole('combobox', { name: 'Status' }).selectOption('failed');
    await page.waitForURL(/\?status=failed&page=1(&per_page=20)?$/);
    await page.getByText('Page 1 of').waitFor();
    expect(await length()).toBe(before + 1);
    await page.goBack();
    await page.waitForURL(/\?status=completed&page=2(&per_page=20)?$/);
    await page.getByText('Page 2 of').waitFor();

    // A stale link past the end: server-rendered, then clamped to the last page without an entry.
    const { total_pages: last } = ((await (await api.fetch('/v1/migrations?per_page=20', { headers: { Authorization: 'Bearer sk_probe' } })).json()) as { pagination: { total_pages: number } }).pagination;
    await page.goto(`${origin}/migrations?page=99`);
    const clampedFrom = await length();
    await page.waitForURL(new RegExp(`\\?page=${last}&per_page=20$`));
    await page.getByText(`Page ${last} of ${last}`).waitFor();
    expect(await length()).toBe(clampedFrom);
    await page.goBack();
    await page.waitForURL(/\?status=completed&page=2(&per_page=20)?$/);

    await context.close();
    expect(problems, 'console errors or warnings').toEqual([]);
  });

  it('shows the rate-limited state when the server render gets a 429, instead of crashing', async () => {
    api.setScenario({ rateLimitOnce: { retryAfterSeconds: 30 } });
    const response = await fetch(`${origin}/migrations?page=2`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Too many requests');
    expect(html).not.toContain(SERVER_KEY);

    const { context, page, problems } = await openPage();
    api.clearRequests();
    api.setScenario({ rateLimitOnce: { retryAfterSeconds: 30 } });
    await page.goto(`${origin}/migrations?page=2`);
    await page.waitForLoadState('networkidle');
    // The browser's gate took the server's Retry-After: the state stays, no request before it.
    await page.getByText('Too many requests').first().waitFor({ timeout: 5000 });
    expect(browserRequests(2)).toBe(0);
    await context.close();
    expect(problems, 'console errors or warnings').toEqual([]);
  });
});

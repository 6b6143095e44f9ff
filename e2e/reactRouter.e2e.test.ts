import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockSenseiApi, type MockSenseiApi } from '../src/testing/index.js';
import { type MockSenseiServer, startMockSenseiServer } from '../src/testing/server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from './harness.js';

// examples/react-router: a React Router 7 app (createBrowserRouter) whose list pages through
// useReactRouterPageSync, built here (about 7 s) and served as static files against the mock API.
const APP = resolve(ROOT, 'examples/react-router');
const DIST = join(APP, 'dist');

let api: MockSenseiApi;
let mock: MockSenseiServer;
let server: Server;
let origin: string;
let browser: Browser;
let problems: string[] = [];

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Vitest's NODE_ENV=test would make a development build.
  delete env.NODE_ENV;
  await promisify(execFile)(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(APP, 'vite.config.ts')], { cwd: ROOT, env });
  api = createMockSenseiApi();
  mock = await startMockSenseiServer({ api });
  const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    if (path === '/config.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(`window.SENSEI_API_URL = ${JSON.stringify(mock.url)};`);
      return;
    }
    // Files under assets/, and index.html for every route (the router reads the URL).
    const file = path.startsWith('/assets/') && !path.includes('..') ? join(DIST, path) : join(DIST, 'index.html');
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterEach(() => {
  const found = problems;
  problems = [];
  api.clearRequests();
  expect(found, 'page errors or console errors and warnings').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  await mock?.close();
});

async function open(path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${origin}${path}`);
  return page;
}

const search = (page: Page) => new URL(page.url()).search;
const historyLength = (page: Page) => page.evaluate(() => window.history.length);
const listRequests = () => api.requests.filter((r) => r.path === '/v1/migrations');

describe('examples/react-router (React Router 7, useReactRouterPageSync)', () => {
  it('pages through the router: the filter stays, a router-driven sort keeps the page, Back/Forward move between pages', async () => {
    const page = await open('/migrations?status=completed');
    await page.getByText('Page 1 of 3').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2 of 3').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 3 of 3').waitFor();
    expect(search(page)).toBe('?status=completed&page=3');

    // The case: the router knows the page, so its own change of `sort` keeps it.
    await page.getByRole('button', { name: 'Sort by name' }).click();
    await page.waitForURL(/sort=name/);
    expect(search(page)).toBe('?status=completed&page=3&sort=name');
    expect(await page.getByText('Page 3 of 3').count()).toBe(1);

    await page.goBack();
    await page.waitForURL((url) => url.search === '?status=completed&page=3');
    await page.goBack();
    await page.waitForURL((url) => url.search === '?status=completed&page=2');
    await page.getByText('Page 2 of 3').waitFor();
    await page.goForward();
    await page.waitForURL((url) => url.search === '?status=completed&page=3');
    await page.getByText('Page 3 of 3').waitFor();
    expect(listRequests().length).toBeGreaterThan(0);
    expect(listRequests().every((r) => r.searchParams.get('status') === 'completed')).toBe(true);
    await page.context().close();
  });

  it('a new filter goes back to page 1 in place; a page past the end is clamped with replace', async () => {
    const page = await open('/migrations?page=3');
    await page.getByText('Page 3 of 3').waitFor();
    const before = await historyLength(page);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('failed');
    await page.waitForURL((url) => url.search === '?page=1&status=failed');
    await page.getByText('Page 1 of 3').waitFor();
    expect(await historyLength(page)).toBe(before + 1);
    expect(listRequests().filter((r) => r.searchParams.get('status') === 'failed').map((r) => r.searchParams.get('page'))).not.toContain('3');

    await page.goto(`${origin}/migrations?page=99&status=failed`);
    const clampedFrom = await historyLength(page);
    await page.waitForURL((url) => url.search === '?page=3&status=failed');
    await page.getByText('Page 3 of 3').waitFor();
    expect(await historyLength(page)).toBe(clampedFrom);
    await page.goBack();
    await page.waitForURL((url) => url.search === '?page=1&status=failed');
    await page.context().close();
  });
});

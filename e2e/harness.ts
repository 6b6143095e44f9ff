import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { MockState } from '../examples/dashboard/scenarios.js';
import type * as DemoServerModule from '../examples/dashboard/server/startDemoServer.js';
import type { DemoServer } from '../examples/dashboard/server/startDemoServer.js';
import type { MockRequestRecord, MockScenario, MockSenseiApi } from '../src/testing/index.js';
import type { MockSenseiServer } from '../src/testing/server.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const DEMO_DIST = resolve(ROOT, 'examples/dashboard/dist');
/** Screenshots land here (gitignored with the rest of test-results/). */
export const ARTIFACTS = resolve(ROOT, 'test-results/e2e');
const AXE = resolve(ROOT, 'node_modules/axe-core/axe.min.js');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium logs every non-2xx fetch like this; the scenarios cause them on purpose. */
const EXPECTED_CONSOLE = [/^Failed to load resource: the server responded with a status of \d+/, /^Failed to load resource: net::ERR_/];

export interface E2E {
  /** The demo server, as `npm start` runs it (the built bundle), on 127.0.0.1. */
  demo: DemoServer;
  api: MockSenseiApi;
  mockServer: MockSenseiServer;
  browser: Browser;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors and unexpected console errors or warnings, checked after each test. */
  problems: string[];
}

/**
 * Per test file: one Chromium and one demo server (started on port 0, closed afterwards); per
 * test: a fresh browser context (no storage, no shared tabs) and a reset mock.
 */
export function setupE2E() {
  const ctx = {} as E2E;
  let opened: OpenedPage[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The bundle `npm start` serves, built by globalSetup; the types come from its source.
    const bundle = pathToFileURL(resolve(DEMO_DIST, 'server/startDemoServer.mjs')).href;
    const { startDemoServer } = (await import(/* @vite-ignore */ bundle)) as typeof DemoServerModule;
    ctx.demo = await startDemoServer({ staticDir: resolve(DEMO_DIST, 'client'), host: '127.0.0.1', port: 0, apiPort: 0 });
    if (!ctx.demo.mock) throw new Error('The e2e tests need the embedded mock API');
    ctx.api = ctx.demo.mock.api;
    ctx.mockServer = ctx.demo.mock.server;
    ctx.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterEach(async () => {
    const problems = opened.flatMap((entry) => entry.problems);
    await Promise.all(opened.map((entry) => entry.context.close()));
    opened = [];
    ctx.demo?.resetMock();
    expect(problems, 'page errors or unexpected console output').toEqual([]);
  });

  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.demo?.close();
  });

  /** Opens the dashboard in a new context and waits for the first page of migrations. */
  async function open(path = '/', options: { waitForRows?: boolean; allowConsole?: readonly RegExp[] } = {}): Promise<OpenedPage> {
    const context = await ctx.browser.newContext({
      baseURL: ctx.demo.url,
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
      reducedMotion: 'reduce',
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    const entry: OpenedPage = { page, context, problems: [] };
    opened.push(entry);
    page.on('pageerror', (error) => entry.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      const type = message.type();
      if (type !== 'error' && type !== 'warning') return;
      const allowed = [...EXPECTED_CONSOLE, ...(options.allowConsole ?? [])];
      if (allowed.some((pattern) => pattern.test(message.text()))) return;
      entry.problems.push(`console.${type}: ${message.text()}`);
    });
    await page.goto(path);
    if (options.waitForRows !== false) await waitForRows(page);
    return entry;
  }

  return { ctx, open };
}

/** The migrations table. */
export const table = (page: Page) => page.locator('table.demo-table');

/** Waits until the table shows `page` (by default: any page) with rows in it. */
export async function waitForRows(page: Page, pageNumber?: number, timeout = 10_000): Promise<void> {
  const selector = pageNumber === undefined ? 'table.demo-table[data-page]' : `table.demo-table[data-page="${pageNumber}"]`;
  await page.locator(`${selector} tbody tr code`).first().waitFor({ timeout });
}

/** The IDs in the table, in order. */
export function rowIds(page: Page): Promise<string[]> {
  return page.locator('table.demo-table tbody tr td:first-child code').allTextContents();
}

/** Requests the mock API received (preflights never reach it), filtered. */
export function apiRequests(
  api: MockSenseiApi,
  filter: { method?: string; path?: string; pathPrefix?: string; query?: Record<string, string> } = {},
): MockRequestRecord[] {
  return api.requests.filter(
    (record) =>
      (filter.method === undefined || record.method === filter.method) &&
      (filter.path === undefined || record.path === filter.path) &&
      (filter.pathPrefix === undefined || record.path.startsWith(filter.pathPrefix)) &&
      Object.entries(filter.query ?? {}).every(([name, value]) => record.searchParams.get(name) === value),
  );
}

/** List requests for one page. */
export const listRequests = (api: MockSenseiApi, page: number) =>
  apiRequests(api, { method: 'GET', path: '/v1/migrations', query: { page: String(page) } }).length;

/** Switches the mock through the demo server's control endpoint, as the scenario strip does. */
export async function setScenario(
  page: Page,
  body: { preset?: string; scenario?: MockScenario; exposeHeaders?: boolean },
): Promise<MockState> {
  const response = await page.request.post('/__mock/scenario', { data: body });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as MockState;
}

/** Runs axe-core (injected from node_modules) on the whole page; any violation fails. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    }));
  });
  expect(violations, `axe violations in the "${state}" state`).toEqual([]);
}

/** Saves a full-page screenshot as a test artifact (`test-results/e2e/<name>.png`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The element in focus, described for assertions. */
export function focused(page: Page): Promise<{ label: string | null; text: string; slot: string | null; inNav: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      label: element?.getAttribute('aria-label') ?? null,
      text: element?.textContent?.trim() ?? '',
      slot: element?.getAttribute('data-slot') ?? null,
      inNav: element?.closest('nav[aria-label="Migrations pages"]') !== null,
    };
  });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockSenseiApi } from '../src/testing/index.js';
import { startMockSenseiServer, type MockSenseiServer } from '../src/testing/server.js';
import { BUILD_CANARY_KEY } from './canary.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, DEMO_DIST, ROOT, screenshot } from './harness.js';

interface RunningDemo {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const children = new Set<ChildProcess>();

/** `npm start` without the build (globalSetup built it): `node scripts/demo.mjs --no-build`. */
async function startDemoScript(env: Record<string, string>): Promise<RunningDemo> {
  const child = spawn(process.execPath, [resolve(ROOT, 'scripts/demo.mjs'), '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: '', SENSEI_API_URL: '', SENSEI_API_KEY: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`No URL printed within 15 s:\n${output}`)), 15_000);
    const check = () => {
      const match = /Sensei demo dashboard:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1] && output.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`demo.mjs exited with ${code}:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

/** SIGTERM, as Ctrl+C would: the script closes its servers and exits with 0. */
async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  const code = await exited;
  children.delete(child);
  return code;
}

let browser: Browser;
let realApi: MockSenseiServer | undefined;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterEach(async () => {
  await Promise.all([...children].map((child) => stop(child)));
  await realApi?.close();
  realApi = undefined;
});

afterAll(async () => {
  await browser?.close();
});

describe('npm start (scripts/demo.mjs)', () => {
  it('serves the dashboard and the mock API on 127.0.0.1, prints the URL, and stops cleanly on SIGTERM', async () => {
    const demo = await startDemoScript({});
    expect(demo.output()).toMatch(/API: the mock Sensei API at http:\/\/127\.0\.0\.1:\d+/);

    const html = await (await fetch(`${demo.url}/`)).text();
    expect(html).toContain('<div id="root"></div>');
    const config = await (await fetch(`${demo.url}/__demo/config.js`)).text();
    expect(config).toMatch(/"mock":true/);
    const apiUrl = /"apiUrl":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(config)?.[1];
    expect(apiUrl).toBeDefined();
    expect(apiUrl).not.toBe(demo.url); // another origin: CORS is real
    expect(await (await fetch(`${demo.url}/__mock/state`)).json()).toMatchObject({ preset: 'normal', exposeHeaders: true });

    expect(await stop(demo.child)).toBe(0);
    await expect(fetch(`${demo.url}/`)).rejects.toThrow();
    await expect(fetch(`${apiUrl}/v1/migrations`)).rejects.toThrow();
  });

  it('points the same dashboard at another API with SENSEI_API_URL and SENSEI_API_KEY (no scenario strip)', async () => {
    // A stand-in for a real Sensei API: it accepts only this key.
    const key = 'sk_test_real_api_e2e_7c1a';
    realApi = await startMockSenseiServer({ api: createMockSenseiApi({ apiKey: key, items: 42 }) });
    const demo = await startDemoScript({ SENSEI_API_URL: realApi.url, SENSEI_API_KEY: key });
    expect(demo.output()).toContain(`API: ${realApi.url}/`);
    expect(demo.output()).toContain('anyone who');

    expect((await fetch(`${demo.url}/__mock/state`)).status).toBe(404);
    const page = await browser.newPage();
    try {
      await page.goto(demo.url);
      await page.locator('table.demo-table tbody tr code').first().waitFor({ timeout: 10_000 });
      expect(await page.locator('[data-slot="paginator-range"]').textContent()).toBe('Showing 1–10 of 42');
      expect(await page.getByRole('complementary', { name: /Mock API scenario/ }).count()).toBe(0);
      // The key is used, yet it is not in the DOM nor left on window.
      expect(realApi.api.requests.some((record) => record.headers.authorization === `Bearer ${key}`)).toBe(true);
      expect(await page.content()).not.toContain(key);
      expect(await page.evaluate(() => '__SENSEI_DEMO__' in window)).toBe(false);
      await screenshot(page, '12-real-api');
    } finally {
      await page.close();
    }
  });

  it('never builds a key into the client bundle', () => {
    // globalSetup built the demo with SENSEI_API_KEY (and VITE_SENSEI_API_KEY) set to a canary.
    const assets = resolve(DEMO_DIST, 'client/assets');
    const files = readdirSync(assets).filter((name) => /\.(js|css|map)$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    for (const name of [...files.map((file) => resolve(assets, file)), resolve(DEMO_DIST, 'client/index.html')]) {
      expect(readFileSync(name, 'utf8'), name).not.toContain(BUILD_CANARY_KEY);
    }
  });
});

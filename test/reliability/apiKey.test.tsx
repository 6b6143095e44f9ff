/// <reference types="vite/client" />
import { composeStories } from '@storybook/react-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { FUZZ_API_KEY } from './arbitraries.js';
import { BASE, renderEverything } from './hostileServer.js';
import { errorTexts } from './invariants.js';

const KEY = FUZZ_API_KEY;
const LEVELS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Every console call, whatever the level, as the text a log collector would keep. */
function spyConsole() {
  const spies = LEVELS.map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
  return () =>
    spies.flatMap((spy) => spy.mock.calls.flatMap((args) => args.flatMap((arg) => (typeof arg === 'string' ? [arg] : errorTexts(arg)))));
}

function expectNoKey(texts: readonly string[], where: string) {
  const hits = texts.filter((text) => text.includes(KEY));
  expect(hits, `${where} contains the API key`).toEqual([]);
}

describe('the API key never leaks', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the server echoes it in message, details, code and request_id: not in the DOM, the logs or any error', async () => {
    const logs = spyConsole();
    const echoed = `Invalid API key ${KEY}`;
    const app = await renderEverything(
      {
        code: KEY,
        message: echoed,
        details: { authorization: `Bearer ${KEY}`, [KEY]: [echoed], nested: { deeper: [KEY, { key: KEY }] } },
        request_id: `req_${KEY}`,
      },
      KEY,
    );
    await app.advance(10_000);
    // Sanity: the key was really sent, and everything that shows server text was rendered.
    expect(app.calls.every((call) => call.headers.get('authorization') === `Bearer ${KEY}`)).toBe(true);
    expect(document.querySelector('[data-slot="toast"][data-kind="failed"]')).not.toBeNull();
    expect(document.querySelector('[data-slot="operation-progress"]')).toHaveAttribute('data-state', 'failed');
    expect(app.seen.errors.length).toBeGreaterThanOrEqual(4);

    expect(document.documentElement.outerHTML).not.toContain(KEY);
    expect(document.body.textContent).toContain('[redacted]');
    expectNoKey(logs(), 'console output');
    for (const error of app.seen.errors) {
      expectNoKey(errorTexts(error), `${error.name} (${error.kind}, ${error.status ?? 'no status'})`);
      expectNoKey([JSON.stringify(error), String(error), error.message], error.name);
    }
  });

  it('when a transport failure mentions it: network, timeout, abort and body errors, down their cause chains', async () => {
    const logs = spyConsole();
    const leaky = (what: string) =>
      new Error(`${what} (request headers: {"authorization":"Bearer ${KEY}"})`, { cause: { headers: { Authorization: `Bearer ${KEY}` } } });
    /** A fetch (a wrapper, a polyfill) whose errors quote the request, key included. */
    const fetchFailing = (mode: 'reject' | 'on-abort' | 'body') =>
      vi.fn(
        (_input: RequestInfo | URL, init: RequestInit = {}) =>
          new Promise<Response>((resolvePromise, reject) => {
            if (mode === 'reject') reject(new TypeError('fetch failed', { cause: leaky('connect ECONNREFUSED') }));
            if (mode === 'on-abort') init.signal?.addEventListener('abort', () => reject(leaky('aborted')), { once: true });
            if (mode === 'body') {
              resolvePromise({
                status: 500,
                ok: false,
                headers: new Headers(),
                text: () => Promise.reject(leaky('body stream terminated')),
              } as unknown as Response);
            }
          }),
      );
    const failures: unknown[] = [];
    const capture = (promise: Promise<unknown>) => promise.then(
      () => failures.push(new Error('expected a failure')),
      (error: unknown) => failures.push(error),
    );

    await capture(createSenseiClient({ baseUrl: BASE, apiKey: KEY, fetch: fetchFailing('reject'), shareAcrossTabs: false }).get('/v1/x'));
    const timeout = capture(
      createSenseiClient({ baseUrl: BASE, apiKey: KEY, fetch: fetchFailing('on-abort'), timeoutMs: 1000, shareAcrossTabs: false }).get('/v1/x'),
    );
    await vi.advanceTimersByTimeAsync(1000);
    await timeout;
    const controller = new AbortController();
    const aborted = capture(
      createSenseiClient({ baseUrl: BASE, apiKey: KEY, fetch: fetchFailing('on-abort'), shareAcrossTabs: false }).get('/v1/x', {
        signal: controller.signal,
      }),
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await aborted;
    await capture(createSenseiClient({ baseUrl: BASE, apiKey: KEY, fetch: fetchFailing('body'), shareAcrossTabs: false }).get('/v1/x'));
    await capture(
      createSenseiClient({ baseUrl: BASE, getApiKey: async () => KEY, fetch: fetchFailing('reject'), shareAcrossTabs: false }).get('/v1/x'),
    );

    expect(failures.map((error) => (error as Error).name)).toEqual([
      'SenseiNetworkError',
      'SenseiTimeoutError',
      'SenseiAbortError',
      'SenseiRequestError', // a plain Error from the body is no network failure (#13 item 6)
      'SenseiNetworkError',
    ]);
    for (const error of failures) expectNoKey(errorTexts(error), (error as Error).name);
    expectNoKey(logs(), 'console output');
  });
});

describe("stories' args hold no API key", () => {
  const dir = resolve(import.meta.dirname, '../../stories');
  const files = readdirSync(dir).filter((file) => file.endsWith('.stories.tsx'));
  /** Anything that looks like a Sensei key in the stories' source: `sk_…` literals. */
  const keyLike = /\bsk_[A-Za-z0-9_]{4,}/g;
  const keysInSource = new Set(files.flatMap((file) => readFileSync(resolve(dir, file), 'utf8').match(keyLike) ?? []));
  const modules = import.meta.glob<Record<string, unknown>>('../../stories/*.stories.tsx', { eager: true });

  it('scans every story file', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(modules)).toHaveLength(files.length);
  });

  it.each(Object.entries(modules))('%s: composed stories carry no key in args', (_file, module) => {
    const stories = composeStories(module as Parameters<typeof composeStories>[0]);
    const serialize = (value: unknown) =>
      JSON.stringify(value, (_key, item: unknown) => (typeof item === 'function' ? `[function ${String(item)}]` : item)) ?? '';
    expect(Object.keys(stories).length).toBeGreaterThan(0);
    for (const [name, story] of Object.entries(stories)) {
      const args = serialize((story as { args?: unknown }).args);
      expect(args, `${name}'s args`).not.toMatch(keyLike);
      for (const key of keysInSource) expect(args.includes(key), `${name}'s args hold ${key}`).toBe(false);
      expect(args, `${name}'s args`).not.toMatch(/"(apiKey|getApiKey|authorization)"/i);
    }
  });
});

// @vitest-environment node
// What an app's bundler makes of the core: development checks and their messages fold away in a
// production build, and a runtime with neither `process` nor a bundler still works. These tests
// read src/ as text and bundle it with esbuild, so Stryker (which runs on instrumented source)
// leaves this file out: stryker/vitest.core.config.ts.
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { createSenseiClient } from '../../src/core/index.js';

const BASE = 'https://api.example.com';
const SOURCE = join(import.meta.dirname, '../../src/core/createSenseiClient.ts');

/** The client module bundled as an app's production (or development) build would bundle it. */
async function bundle(nodeEnv: 'production' | 'development' | undefined) {
  const result = await esbuild.build({
    entryPoints: [SOURCE],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'sensei',
    platform: 'browser',
    ...(nodeEnv ? { define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) } } : {}),
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('createSenseiClient without an API key, bundled', () => {
  it('folds away in a production bundle (no message left), stays in a development bundle', async () => {
    const [production, development] = await Promise.all([bundle('production'), bundle('development')]);
    expect(development).toContain('requireApiKey: false');
    expect(production).not.toContain('requireApiKey: false');
    expect(production).not.toContain('No API key');
  });

  it('a runtime with no `process` and no bundler skips the check instead of failing', async () => {
    const code = await bundle(undefined);
    const context = { URL, AbortController, Headers, setTimeout, clearTimeout, console, sensei: undefined as unknown };
    runInNewContext(code, context);
    const { createSenseiClient: create } = context.sensei as { createSenseiClient: typeof createSenseiClient };
    expect(create({ baseUrl: BASE, shareAcrossTabs: false }).apiId).toBe(BASE);
  });
});

describe('isDevelopment in a bundled production app', () => {
  it('is false once a bundler has replaced process.env.NODE_ENV, even where `process` does not exist', async () => {
    const { build } = esbuild;
    const result = await build({
      stdin: { contents: "import { isDevelopment } from './src/core/dev.ts'; globalThis.__dev = isDevelopment();", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      write: false,
      format: 'iife',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    // Run it as a browser would: no `process` at all.
    const sandbox: Record<string, unknown> = {};
    new Function('globalThis', 'process', result.outputFiles[0]!.text)(sandbox, undefined);
    expect(sandbox.__dev).toBe(false);
  });
});

describe('development warnings in a production bundle', () => {
  it('leave no text behind: the inline guard folds, so the core ships none of the messages', async () => {
    const { build } = esbuild;
    const bundle = async (nodeEnv: string) =>
      (
        await build({
          stdin: { contents: "export { createSenseiClient, toErrorState } from './src/core/index.ts';", resolveDir: process.cwd(), loader: 'ts' },
          bundle: true,
          minify: true,
          write: false,
          format: 'esm',
          platform: 'browser',
          external: ['zod', 'zod/*', '@tanstack/*'],
          define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
          logLevel: 'silent',
        })
      ).outputFiles[0]!.text;
    const messages = ['carried no readable Retry-After', 'is no duration in ms', "message function for code"];
    const development = await bundle('development');
    for (const message of messages) expect(development).toContain(message);
    const production = await bundle('production');
    for (const message of messages) expect(production).not.toContain(message);
    expect(production).not.toContain('[@sensei/react]');
  });
});

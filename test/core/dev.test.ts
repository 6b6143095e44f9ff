// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDevelopment, warnOnce } from '../../src/core/dev.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('warnOnce', () => {
  it('warns once per key, prefixed with the package name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warnOnce('dev-test:a', 'Do this instead.');
    warnOnce('dev-test:a', 'Do this instead.');
    warnOnce('dev-test:b', 'Another thing.');
    expect(warn.mock.calls).toEqual([['[@sensei/react] Do this instead.'], ['[@sensei/react] Another thing.']]);
  });

  it('is silent in production builds', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(isDevelopment()).toBe(false);
    warnOnce('dev-test:production', 'Not shown.');
    expect(warn).not.toHaveBeenCalled();
  });

  it('treats test and development as development', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(isDevelopment()).toBe(true);
    vi.stubEnv('NODE_ENV', 'test');
    expect(isDevelopment()).toBe(true);
  });
});

describe('isDevelopment in a bundled production app', () => {
  it('is false once a bundler has replaced process.env.NODE_ENV, even where `process` does not exist', async () => {
    const { build } = await import('esbuild');
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
    const { build } = await import('esbuild');
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

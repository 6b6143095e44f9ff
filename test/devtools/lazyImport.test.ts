// @vitest-environment node
import { describe, expect, it } from 'vitest';

/** The README's lazy import, built as an app's bundler builds it. */
async function buildApp(nodeEnv: string) {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: `
        import { lazy } from 'react';
        const SenseiDevtools =
          process.env.NODE_ENV === 'development'
            ? lazy(() => import('./src/devtools/index.ts').then((m) => ({ default: m.SenseiDevtools })))
            : () => null;
        console.log(SenseiDevtools);`,
      resolveDir: process.cwd(),
      loader: 'tsx',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: 'out',
    write: false,
    jsx: 'automatic',
    external: ['react', 'react/*', 'react-dom', '@tanstack/*', '@radix-ui/*', 'zod', 'zod/*'],
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text);
}

describe('the README\'s lazy import of the devtools', () => {
  it('leaves the devtools out of a production build entirely', async () => {
    const production = await buildApp('production');
    expect(production).toHaveLength(1);
    expect(production.join('')).not.toContain('sensei-devtools');
  });

  it('loads them as a separate chunk in development', async () => {
    const development = await buildApp('development');
    expect(development.length).toBeGreaterThan(1);
    const [entry, ...chunks] = development;
    expect(entry).not.toContain('sensei-devtools__panel');
    expect(chunks.join('')).toContain('sensei-devtools__panel');
  });
});

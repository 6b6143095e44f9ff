import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import dts from 'vite-plugin-dts';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

// Everything a user's app already has (or must choose) stays out of our bundle.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^@radix-ui\//,
  /^msw($|\/)/,
  /^zod($|\/)/,
  /^node:/,
];

/** Inlines `@import './x.css';` lines (one level deep is all styles.css uses). */
function inlineImports(file: string): string {
  return readFileSync(file, 'utf8').replace(/^@import\s+['"](.+?)['"];\s*$/gm, (_line, path: string) =>
    inlineImports(resolve(dirname(file), path)),
  );
}

/** Ships src/styles.css as dist/styles.css: components import no CSS, so apps can go unstyled. */
function stylesheet(): Plugin {
  return {
    name: 'sensei-stylesheet',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: inlineImports(resolve(root, 'src/styles.css')) });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    stylesheet(),
    dts({
      tsconfigPath: resolve(root, 'tsconfig.build.json'),
      entryRoot: 'src',
      include: ['src'],
    }),
  ],
  // The MSW worker lives in public/ for Storybook; it must not ship in dist.
  publicDir: false,
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        'core/index': resolve(root, 'src/core/index.ts'),
        'testing/index': resolve(root, 'src/testing/index.ts'),
        'testing/server': resolve(root, 'src/testing/server.ts'),
        register: resolve(root, 'src/register.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { external },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});

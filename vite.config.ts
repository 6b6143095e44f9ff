import { resolve } from 'node:path';
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

export default defineConfig({
  plugins: [
    react(),
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

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright';
import type { Plugin } from 'vite';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import dts from 'vite-plugin-dts';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

// Debian's Chromium, never a downloaded browser (.ci/run installs it).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Everything a user's app already has (or must choose) stays out of our bundle.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^@radix-ui\//,
  /^msw($|\/)/,
  /^zod($|\/)/,
  // Router adapters' optional peers (@tanstack/react-router is covered above).
  /^react-router($|\/)/,
  /^next($|\/)/,
  /^nuqs($|\/)/,
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
      // The devtools' own sheet: apps that leave the devtools out ship none of it.
      this.emitFile({ type: 'asset', fileName: 'devtools.css', source: inlineImports(resolve(root, 'src/devtools/devtools.css')) });
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
        'testing/msw': resolve(root, 'src/testing/msw.ts'),
        'testing/server': resolve(root, 'src/testing/server.ts'),
        register: resolve(root, 'src/register.ts'),
        'devtools/index': resolve(root, 'src/devtools/index.ts'),
        'router/react-router': resolve(root, 'src/router/react-router.ts'),
        'router/next': resolve(root, 'src/router/next.ts'),
        'router/tanstack-router': resolve(root, 'src/router/tanstack-router.ts'),
        'router/nuqs': resolve(root, 'src/router/nuqs.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { external, output: { preserveModules: true, preserveModulesRoot: 'src' } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.ts'],
          restoreMocks: true,
          unstubGlobals: true,
        },
      },
      {
        extends: true,
        // Every story becomes a test (render + play + axe) in Debian's Chromium.
        plugins: [storybookTest({ configDir: resolve(root, '.storybook') })],
        // Serves MSW's worker (public/mockServiceWorker.js) to the stories.
        publicDir: resolve(root, 'public'),
        test: {
          name: 'storybook',
          // Forced colours and colour-scheme emulation (CDP) apply to the whole tab, every file's
          // frame included: one story file at a time, so an emulated story never leaks into another.
          fileParallelism: false,
          browser: {
            // The browser pool reads its own copy of the flag.
            fileParallelism: false,
            // Stories ask for forced colours or an OS colour scheme (.storybook/preview.ts);
            // Playwright holds one emulation per page, so `null` truly lifts it again.
            commands: {
              emulateMedia: async (context, media: { forcedColors: 'active' | null; colorScheme: 'light' | 'dark' | null }) => {
                await (context as unknown as { page: Page }).page.emulateMedia(media);
              },
            },
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        // The built demo dashboard (examples/dashboard) served on 127.0.0.1 and driven by
        // Playwright in Debian's Chromium; globalSetup builds it once per run.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser and one demo server per file, one file at a time: timings stay honest.
          fileParallelism: false,
        },
      },
    ],
  },
});

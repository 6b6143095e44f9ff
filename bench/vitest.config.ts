import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run bench` runs these through bench/run.mjs: React + jsdom measurements that print
// numbers and assert nothing about time. Kept apart from the test projects in vite.config.ts.
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    name: 'bench',
    environment: 'jsdom',
    include: ['bench/**/*.bench-run.tsx'],
    setupFiles: ['bench/setup.ts'],
    // One file at a time: the real-time measurements must not share two cores with the others.
    fileParallelism: false,
    testTimeout: 120_000,
    restoreMocks: true,
  },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

// A React Router 7 app (data mode, createBrowserRouter) for e2e/reactRouter.e2e.test.ts, built
// by that test. It gets its API URL from /config.js at serve time.
export default defineConfig({
  root: here,
  plugins: [react()],
  publicDir: false,
  build: { outDir: resolve(here, 'dist'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  logLevel: 'warn',
});

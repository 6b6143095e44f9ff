import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

// The demo dashboard's client build: a plain app (not the library's lib-mode build).
// No env variable is read at build time, so no API key can end up in the bundle; the page
// gets its API URL (and, for a real API, the key) from /__demo/config.js at serve time.
export default defineConfig({
  root: here,
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: resolve(here, 'dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

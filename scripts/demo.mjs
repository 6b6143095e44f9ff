// `npm start`: builds the demo dashboard and serves it with the embedded mock Sensei API, or
// with a real one when SENSEI_API_URL (and SENSEI_API_KEY) are set.
//
//   node scripts/demo.mjs               build, then serve on http://127.0.0.1:4173
//   node scripts/demo.mjs --build-only  build only (npm run demo:build)
//   node scripts/demo.mjs --no-build    serve the last build
//   PORT=0 node scripts/demo.mjs        any free port
//
// Plain Node cannot import the TypeScript sources, so the server part (the demo server and the
// mock API from src/testing) is bundled with Vite's SSR build next to the client build.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const demoDir = resolve(root, 'examples/dashboard');
const clientDir = resolve(demoDir, 'dist/client');
const serverDir = resolve(demoDir, 'dist/server');
const serverEntry = resolve(serverDir, 'startDemoServer.mjs');
const DEFAULT_PORT = 4173;

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((arg) => !['--build-only', '--no-build'].includes(arg));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Use --build-only or --no-build.`);
  process.exit(2);
}

async function buildDemo() {
  // A shell's NODE_ENV=development (or Vitest's test) must not turn this into a development build.
  process.env.NODE_ENV = 'production';
  const started = Date.now();
  await build({ configFile: resolve(demoDir, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: resolve(demoDir, 'server/startDemoServer.ts'),
      outDir: serverDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rolldownOptions: { output: { entryFileNames: 'startDemoServer.mjs' } },
    },
  });
  console.log(`Built the demo in ${((Date.now() - started) / 1000).toFixed(1)} s (examples/dashboard/dist).`);
}

function parsePort(value) {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (0 for any free one), got ${JSON.stringify(value)}.`);
    process.exit(2);
  }
  return port;
}

async function serve() {
  if (!existsSync(serverEntry) || !existsSync(resolve(clientDir, 'index.html'))) {
    console.error('The demo is not built yet: run `npm run demo:build` (or `npm start`, which builds it).');
    process.exit(1);
  }
  const { startDemoServer } = await import(pathToFileURL(serverEntry).href);

  const apiUrl = process.env.SENSEI_API_URL?.trim();
  const apiKey = process.env.SENSEI_API_KEY?.trim();
  if (!apiUrl && apiKey) console.warn('SENSEI_API_KEY is set but SENSEI_API_URL is not: using the mock API (the key is ignored).');
  const realApi = apiUrl ? { url: new URL(apiUrl).href, apiKey: apiKey || undefined } : undefined;

  const requested = parsePort(process.env.PORT);
  const options = { staticDir: clientDir, host: '127.0.0.1', realApi };
  let demo;
  try {
    demo = await startDemoServer({ ...options, port: requested ?? DEFAULT_PORT });
  } catch (error) {
    // The default port is taken (another demo, a vite preview): any free one will do.
    if (requested !== undefined || error?.code !== 'EADDRINUSE') throw error;
    demo = await startDemoServer({ ...options, port: 0 });
  }

  const lines = ['', `  Sensei demo dashboard:  ${demo.url}/`, ''];
  if (realApi) {
    lines.push(`  API: ${demo.apiUrl}/ (SENSEI_API_URL)`);
    if (apiKey) {
      lines.push(
        '  The key from SENSEI_API_KEY is handed to the page at serve time (it is never built into it), so',
        '  anyone who can open this page can read it. The server listens on 127.0.0.1 only; keep it that way.',
      );
    } else {
      lines.push('  No SENSEI_API_KEY set: requests go out without a key.');
    }
    lines.push('  The API must allow this origin through CORS and expose its rate-limit headers.');
  } else {
    lines.push(
      `  API: the mock Sensei API at ${demo.apiUrl} (another origin, so CORS is real).`,
      '  Switch it into scenarios (rate limited, flaky, outage, slow, 422, failing migrations) with the',
      '  strip at the top of the page. Set SENSEI_API_URL and SENSEI_API_KEY to use a real API instead.',
    );
  }
  lines.push('', '  Press Ctrl+C to stop.', '');
  // One write, so whoever reads the output (a test, a log) sees the whole message at once.
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the demo.`);
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (!args.has('--no-build')) await buildDemo();
if (!args.has('--build-only')) await serve();

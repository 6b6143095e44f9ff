import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { BUILD_CANARY_KEY } from './canary.js';

const root = resolve(import.meta.dirname, '..');

/**
 * Builds the demo exactly as `npm start` does (client and server bundle), in a child process so
 * Vitest's NODE_ENV=test cannot turn it into a development build. The build runs with a canary
 * SENSEI_API_KEY in its environment: a test checks that it appears nowhere in the output.
 */
export default async function setup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    accessSync(chromium, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium was not found at ${chromium}; the e2e tests need it. Install Debian's build with ` +
        '`apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH). Browsers are never downloaded.',
    );
  }
  const env: NodeJS.ProcessEnv = { ...process.env, SENSEI_API_KEY: BUILD_CANARY_KEY, VITE_SENSEI_API_KEY: BUILD_CANARY_KEY };
  delete env.NODE_ENV;
  await promisify(execFile)(process.execPath, [resolve(root, 'scripts/demo.mjs'), '--build-only'], { cwd: root, env });
}

// Browser tests run in Debian's Chromium; a missing browser is a clear failure, never a skip.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(
    `Chromium was not found at ${path}; the browser tests need it.\n` +
      'Install Debian\'s build with:  apt-get update && apt-get install -y chromium\n' +
      '(or point CHROMIUM_PATH at another Chromium binary). Browsers are never downloaded.',
  );
  process.exit(1);
}

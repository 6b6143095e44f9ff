/** True unless the app was built for production. */
export function isDevelopment(): boolean {
  // Written plainly so that bundlers replace `process.env.NODE_ENV` (a production build folds
  // this to `false`); a runtime with no `process` and no bundler throws, and counts as dev.
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

const warned = new Set<string>();

/** Warns once per `key`, in development only. */
export function warnOnce(key: string, message: string): void {
  if (!isDevelopment() || warned.has(key)) return;
  warned.add(key);
  console.warn(`[@sensei/react] ${message}`);
}

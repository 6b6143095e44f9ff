/**
 * True unless the app was built for production. For tests and code that must decide at run
 * time; a warning's call site uses the inline guard below instead, so its text leaves the bundle.
 */
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

/**
 * Warns once per `key`, in development only. Call it behind the inline guard
 * `if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') warnOnce(…)`:
 * esbuild, Rolldown (Vite) and SWC (Next) fold the guard to `false` in a production build and
 * drop the call with its message, which a call through a helper cannot achieve (they do not
 * inline a function's result across modules). `typeof process` keeps a browser without
 * `process` and without a bundler from throwing; there the warnings stay silent.
 */
export function warnOnce(key: string, message: string): void {
  if (!isDevelopment() || warned.has(key)) return;
  warned.add(key);
  console.warn(`[@sensei/react] ${message}`);
}

// Bundlers replace `process.env.NODE_ENV`; guard for runtimes without `process`.
/** True unless the app was built for production. */
export function isDevelopment(): boolean {
  return typeof process === 'undefined' || process.env?.NODE_ENV !== 'production';
}

const warned = new Set<string>();

/** Warns once per `key`, in development only. */
export function warnOnce(key: string, message: string): void {
  if (!isDevelopment() || warned.has(key)) return;
  warned.add(key);
  console.warn(`[@sensei/react] ${message}`);
}

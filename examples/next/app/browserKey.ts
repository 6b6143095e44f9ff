'use client';

/**
 * The key the browser sends: a publishable, browser-scoped key, never the server's secret. A
 * function from a client module, so the Server Component in `migrations/page.tsx` can hand it to
 * `<SenseiProvider getApiKey>` (a client reference crosses; a plain function would not).
 */
export function readBrowserKey(): string {
  return process.env.NEXT_PUBLIC_SENSEI_PUBLISHABLE_KEY ?? 'pk_browser_demo';
}

// `@sensei/react/router/next`: the page of a list in the Next.js App Router URL.
export { type NextPageSyncOptions, useNextPageSync } from './useNextPageSync.js';

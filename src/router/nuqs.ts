// `@sensei/react/router/nuqs`: the page of a list in the URL through nuqs.
export { type NuqsPageSyncOptions, useNuqsPageSync } from './useNuqsPageSync.js';

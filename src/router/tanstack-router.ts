// `@sensei/react/router/tanstack-router`: the page of a list in TanStack Router's search params.
export { useTanStackRouterPageSync } from './useTanStackRouterPageSync.js';
export { validatePageSearch } from './validatePageSearch.js';
export type { RouterPageSyncOptions as TanStackRouterPageSyncOptions } from './pageSyncOf.js';

// `@sensei/react/router/react-router`: the page of a list in React Router 7's URL.
export { useReactRouterPageSync } from './useReactRouterPageSync.js';
export type { RouterPageSyncOptions as ReactRouterPageSyncOptions } from './pageSyncOf.js';

import { type PageParamOptions, parsePageParam } from '../core/pageParams.js';
import type { LocationPageSyncOptions, PageUrlSync } from '../react/createLocationPageSync.js';

/** Options of every router adapter: parameter names (with a prefix) and push or replace. */
export interface RouterPageSyncOptions extends PageParamOptions, Pick<LocationPageSyncOptions, 'history'> {}

// The router re-renders the component on every URL change and the adapter returns a new object
// then: there is nothing to subscribe to.
const noSubscribe = () => () => {};

/**
 * The `PageUrlSync` of a hook-based router for the URL it rendered with: the same values on the
 * server and in the browser (so the server renders the requested page and hydration matches).
 */
export function pageSyncOf(page: unknown, perPage: unknown, write: PageUrlSync['write']): PageUrlSync {
  const state = { page: parsePageParam(page), perPage: parsePageParam(perPage) };
  const read = () => state;
  return { read, readServer: read, write, subscribe: noSubscribe };
}

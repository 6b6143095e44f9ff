'use client';
import { useMemo } from 'react';
import { type Location, useLocation, useNavigate } from 'react-router';
import { pageParamNames, withPageParams } from '../core/pageParams.js';
import type { PageUrlSync } from '../react/createLocationPageSync.js';
import { pageSyncOf, type RouterPageSyncOptions } from './pageSyncOf.js';

// The search each rendered location was last written to, until the router renders the write:
// two lists writing in one tick (both clamped, both back to page 1) build on each other instead
// of the second undoing the first, as React Router's own `setSearchParams` would.
const written = new WeakMap<Location, string>();

/**
 * Keeps a list's page in React Router 7's URL (library, data and framework modes): pass it as
 * `usePaginatedList({ urlSync })`. Page changes navigate through the router, so its loaders,
 * `useSearchParams` and links see them, and every other search parameter stays. Server
 * rendering (`StaticRouterProvider`, framework mode) renders the requested page.
 * @example
 * const list = usePaginatedList({ path: '/v1/migrations', params: { status }, urlSync: useReactRouterPageSync() });
 */
export function useReactRouterPageSync(options: RouterPageSyncOptions = {}): PageUrlSync {
  const location = useLocation();
  const navigate = useNavigate();
  const [pageName, perPageName] = pageParamNames(options);
  const { history } = options;
  return useMemo(() => {
    const params = new URLSearchParams(location.search);
    return pageSyncOf(params.get(pageName), params.get(perPageName), (state, { replace } = {}) => {
      const current = written.get(location) ?? location.search;
      const search = withPageParams(current, [pageName, perPageName], state);
      if (search === current) return;
      written.set(location, search);
      void navigate(
        { pathname: location.pathname, search, hash: location.hash },
        // A page change keeps the scroll position, as a button on the page would.
        { replace: replace === true || history === 'replace', preventScrollReset: true },
      );
    });
  }, [location, navigate, pageName, perPageName, history]);
}

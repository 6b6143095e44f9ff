'use client';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { pageParamNames } from '../core/pageParams.js';
import type { PageUrlSync } from '../react/createLocationPageSync.js';
import { pageSyncOf, type RouterPageSyncOptions } from './pageSyncOf.js';

/**
 * Keeps a list's page in TanStack Router's search params: pass it as
 * `usePaginatedList({ urlSync })`. Writes with a search reducer on the current route, so every
 * other (validated) search param stays; pair with `validatePageSearch` in the route's
 * `validateSearch` for typed page params. Server rendering renders the requested page.
 * @example
 * const list = usePaginatedList({ path: '/v1/migrations', urlSync: useTanStackRouterPageSync() });
 */
export function useTanStackRouterPageSync(options: RouterPageSyncOptions = {}): PageUrlSync {
  const [pageName, perPageName] = pageParamNames(options);
  const search: Record<string, unknown> = useSearch({ strict: false });
  const navigate = useNavigate();
  const page = search[pageName];
  const perPage = search[perPageName];
  const { history } = options;
  return useMemo(
    () =>
      pageSyncOf(page, perPage, (state, { replace } = {}) => {
        // The reducer gets the router's latest search, not the rendered one: two writes in one
        // tick both land.
        void navigate({
          to: '.',
          search: (previous: Record<string, unknown>) => ({
            ...previous,
            [pageName]: state.page,
            ...(state.perPage !== undefined && { [perPageName]: state.perPage }),
          }),
          replace: replace === true || history === 'replace',
          resetScroll: false,
        });
      }),
    [page, perPage, navigate, pageName, perPageName, history],
  );
}

'use client';
import { parseAsString, useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { pageParamNames } from '../core/pageParams.js';
import type { PageUrlSync } from '../react/createLocationPageSync.js';
import { pageSyncOf, type RouterPageSyncOptions } from './pageSyncOf.js';

export interface NuqsPageSyncOptions extends RouterPageSyncOptions {
  /**
   * nuqs' `shallow`: `false` asks the server again on each page change (Next.js, Remix, React
   * Router loaders); `true` updates the URL in the browser only.
   * @default true
   */
  shallow?: boolean;
}

/**
 * Keeps a list's page in the URL through nuqs (under whichever `NuqsAdapter` the app uses):
 * pass it as `usePaginatedList({ urlSync })`. Other keys, nuqs' own among them, stay; the
 * server renders the requested page where the adapter reads the request's URL.
 * @example
 * const list = usePaginatedList({ path: '/v1/migrations', urlSync: useNuqsPageSync({ prefix: 'users_' }) });
 */
export function useNuqsPageSync(options: NuqsPageSyncOptions = {}): PageUrlSync {
  const [pageName, perPageName] = pageParamNames(options);
  // Read as text and validated by the list (parseAsInteger would take `2.5` and `-1`).
  const keys = useMemo(() => ({ [pageName]: parseAsString, [perPageName]: parseAsString }), [pageName, perPageName]);
  const { history = 'push', shallow = true } = options;
  const [values, setValues] = useQueryStates(keys, { history, shallow, scroll: false });
  const page = values[pageName];
  const perPage = values[perPageName];
  return useMemo(
    () =>
      pageSyncOf(page, perPage, (state, { replace } = {}) => {
        const next = { [pageName]: String(state.page), ...(state.perPage !== undefined && { [perPageName]: String(state.perPage) }) };
        void setValues(next, replace === true ? { history: 'replace' } : undefined);
      }),
    [page, perPage, setValues, pageName, perPageName],
  );
}

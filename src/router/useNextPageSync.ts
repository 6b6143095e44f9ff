'use client';
import { useRouter, useSearchParams } from 'next/navigation.js';
import { useMemo } from 'react';
import { pageParamNames, withPageParams } from '../core/pageParams.js';
import type { PageUrlSync } from '../react/createLocationPageSync.js';
import { pageSyncOf, type RouterPageSyncOptions } from './pageSyncOf.js';

export interface NextPageSyncOptions extends RouterPageSyncOptions {
  /**
   * `true` writes with `history.pushState`/`replaceState`, which the App Router folds into
   * `useSearchParams` without asking the server again: a page change costs one API request
   * from the browser, no React Server Component round trip. `false` uses `router.push`/`replace`
   * (`scroll: false`), for a page whose Server Component must render again (it reads
   * `searchParams` for more than the first page).
   * @default true
   */
  shallow?: boolean;
}

/**
 * Keeps a list's page in the Next.js App Router URL: pass it as `usePaginatedList({ urlSync })`.
 * Reads `useSearchParams`, so the server renders the requested page (in a dynamic route, or
 * below a `<Suspense>` boundary in a static one) and Back/Forward move between pages; every
 * other search parameter stays.
 * @example
 * const list = usePaginatedList({ path: '/v1/migrations', urlSync: useNextPageSync() });
 */
export function useNextPageSync(options: NextPageSyncOptions = {}): PageUrlSync {
  // Null in the Pages Router, where this adapter reads nothing and writes through history.
  const searchParams = useSearchParams();
  const router = useRouter();
  const [pageName, perPageName] = pageParamNames(options);
  const page = searchParams?.get(pageName);
  const perPage = searchParams?.get(perPageName);
  const { history, shallow = true } = options;
  return useMemo(
    () =>
      pageSyncOf(page, perPage, (state, { replace } = {}) =>
        // After the commit's effects: the App Router starts following history.pushState in an
        // effect of its own, which runs after this list's effects when both mount together (a
        // clamp or a page-1 correction while hydrating would otherwise go past the router).
        queueMicrotask(() => {
          // window.location, not the rendered params: a second write before the next render
          // builds on the first.
          const { pathname, search: current, hash } = window.location;
          const search = withPageParams(current, [pageName, perPageName], state);
          if (search === current) return;
          const url = pathname + search + hash;
          const replacing = replace === true || history === 'replace';
          if (!shallow) (replacing ? router.replace : router.push)(url, { scroll: false });
          else if (replacing) window.history.replaceState(null, '', url);
          else window.history.pushState(null, '', url);
        }),
      ),
    [page, perPage, router, pageName, perPageName, history, shallow],
  );
}

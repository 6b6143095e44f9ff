'use client';
import { type PageParamOptions, parsePageParam } from '../core/pageParams.js';

/** A list's page and per-page values as a URL holds them (`undefined` when absent or invalid). */
export interface PageUrlState {
  page: number | undefined;
  perPage: number | undefined;
}

/**
 * Keeps a list's `page` and `per_page` in the URL (or anywhere else an app keeps state). Either a
 * store (`createLocationPageSync`: `read` returns what the URL says now, `subscribe` reports
 * changes) or, for a router that hands out its URL through hooks, the object a hook returns for
 * the URL it rendered with (`read` and `readServer` return the same values, `subscribe` does
 * nothing: the router re-renders the component on every URL change, and the hook returns a new
 * object then).
 * @example
 * // An adapter for any router with a search-params hook (see docs/guides/routers.md)
 * function useMyRouterPageSync(): PageUrlSync {
 *   const [search, setSearch] = useMyRouterSearch();
 *   return useMemo(() => {
 *     const state = { page: Number(search.page) || undefined, perPage: Number(search.per_page) || undefined };
 *     return {
 *       read: () => state,
 *       readServer: () => state,
 *       write: ({ page, perPage }, { replace } = {}) => setSearch({ ...search, page, per_page: perPage }, { replace }),
 *       subscribe: () => () => {},
 *     };
 *   }, [search, setSearch]);
 * }
 */
export interface PageUrlSync {
  /** The page and per-page values currently in the URL. */
  read(): PageUrlState;
  /**
   * The values the server renders with, read again while the browser hydrates (React's
   * `getServerSnapshot`): a router that knows the request's URL on the server returns `read()`
   * here, so the server renders the requested page and hydration matches it. Left out, the
   * server renders `defaultPage` and the browser moves to the URL's page after hydrating.
   */
  readServer?(): PageUrlState;
  /**
   * Writes new values, keeping every other search parameter (filters, sort) as it is.
   * `replace` is true when the list corrects the URL by itself (a page past the end clamped to
   * the last one, page 1 after `params` changed): replace the current entry then, or Back
   * leads to the stale page and the correction runs again, trapping the user. A user's page
   * change pushes, so Back and Forward move between pages.
   */
  write(state: { page: number; perPage: number | undefined }, options?: { replace?: boolean }): void;
  /** Calls `listener` when the URL changes (back/forward, or `write`). */
  subscribe(listener: () => void): () => void;
}

export interface LocationPageSyncOptions extends Omit<PageParamOptions, 'prefix'> {
  /**
   * `push` adds a history entry per page so Back returns to the previous page; `replace` does not.
   * A clamp past the end always replaces.
   * @default 'push'
   */
  history?: 'push' | 'replace';
}

// Checked at each call, not at creation: created during SSR, used in the browser.
const hasWindow = () => typeof window !== 'undefined';

/**
 * The default URL sync on `window.location` and `history`. Safe to create during SSR: it touches
 * `window` only when read, written or subscribed to, and reads nothing there (no `readServer`:
 * the server renders `defaultPage`). Behind a router, use its adapter instead
 * (`@sensei/react/router/*`): writing `history` behind a router's back leaves it a stale URL.
 */
export function createLocationPageSync(options: LocationPageSyncOptions = {}): PageUrlSync {
  const pageParam = options.pageParam ?? 'page';
  const perPageParam = options.perPageParam ?? 'per_page';
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    read() {
      if (!hasWindow()) return { page: undefined, perPage: undefined };
      const params = new URLSearchParams(window.location.search);
      return { page: parsePageParam(params.get(pageParam)), perPage: parsePageParam(params.get(perPageParam)) };
    },
    write({ page, perPage }, { replace = false } = {}) {
      if (!hasWindow()) return;
      const { location, history } = window;
      const url = new URL(location.href);
      const { searchParams } = url;
      searchParams.set(pageParam, String(page));
      if (perPage !== undefined) searchParams.set(perPageParam, String(perPage));
      if (url.href === location.href) return;
      if (replace || options.history === 'replace') history.replaceState(history.state, '', url);
      else history.pushState(history.state, '', url);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && hasWindow()) window.addEventListener('popstate', notify);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && hasWindow()) window.removeEventListener('popstate', notify);
      };
    },
  };
}

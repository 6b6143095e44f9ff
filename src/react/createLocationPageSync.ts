'use client';

/** Keeps a list's `page` and `per_page` in the URL (or anywhere else an app keeps state). */
export interface PageUrlSync {
  /** The page and per-page values currently in the URL (`undefined` when absent or invalid). */
  read(): { page: number | undefined; perPage: number | undefined };
  /**
   * Writes new values. `replace` is true when the list corrects the URL by itself (a page past
   * the end clamped to the last one): replace the current entry then, or Back leads to the
   * stale page and the clamp runs again, trapping the user. A user's page change pushes.
   */
  write(state: { page: number; perPage: number | undefined }, options?: { replace?: boolean }): void;
  /** Calls `listener` when the URL changes (back/forward, or `write`). */
  subscribe(listener: () => void): () => void;
}

export interface LocationPageSyncOptions {
  /**
   * The search parameter for the page.
   * @default 'page'
   */
  pageParam?: string;
  /**
   * The search parameter for items per page.
   * @default 'per_page'
   */
  perPageParam?: string;
  /**
   * `push` adds a history entry per page so Back returns to the previous page; `replace` does not.
   * A clamp past the end always replaces.
   * @default 'push'
   */
  history?: 'push' | 'replace';
}

const positive = (value: string | null) => {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
};

// Checked at each call, not at creation: created during SSR, used in the browser.
const hasWindow = () => typeof window !== 'undefined';

/**
 * The default URL sync on `window.location` and `history`. Safe to create during SSR: it touches
 * `window` only when read, written or subscribed to, and reads nothing there.
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
      return { page: positive(params.get(pageParam)), perPage: positive(params.get(perPageParam)) };
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

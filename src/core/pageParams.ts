/** How a list's page and per-page values are named in a URL. */
export interface PageParamOptions {
  /**
   * Put before both parameter names, so two lists can share one URL: `prefix: 'users_'` reads
   * and writes `?users_page=2&users_per_page=25`.
   * @default ''
   */
  prefix?: string;
  /**
   * The search parameter for the page (after `prefix`).
   * @default 'page'
   */
  pageParam?: string;
  /**
   * The search parameter for items per page (after `prefix`).
   * @default 'per_page'
   */
  perPageParam?: string;
}

/** The page and per-page parameter names, prefix included. */
export function pageParamNames({ prefix = '', pageParam = 'page', perPageParam = 'per_page' }: PageParamOptions): [string, string] {
  return [prefix + pageParam, prefix + perPageParam];
}

/**
 * A page or per-page value read from a URL: a whole number of at least 1, as text (`'3'`) or
 * as a number (routers that parse the search as JSON). Anything else (`'0'`, `'-2'`, `'2.5'`,
 * `'1e3'`, past 2^53) is `undefined`, so a hand-edited URL falls back to the default page.
 */
export function parsePageParam(value: unknown): number | undefined {
  const n = /^\d+$/.test(String(value)) ? Number(value) : 0;
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * `search` (`'?status=done'`, `''`) with the page and, when given, the per-page value set;
 * every other parameter kept. Starts with `?`.
 */
export function withPageParams(search: string, [pageName, perPageName]: [string, string], state: { page: number; perPage: number | undefined }): string {
  const params = new URLSearchParams(search);
  params.set(pageName, String(state.page));
  if (state.perPage !== undefined) params.set(perPageName, String(state.perPage));
  return `?${params}`;
}

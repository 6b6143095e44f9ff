import { type PageParamOptions, pageParamNames, parsePageParam } from '../core/pageParams.js';

type PageSearch<Prefix extends string, Page extends string, PerPage extends string> = {
  [Name in `${Prefix}${Page}` | `${Prefix}${PerPage}`]?: number;
};

/**
 * A `validateSearch` for TanStack Router that types a list's page params as numbers and drops
 * invalid ones (`?page=-1`, `?page=abc`) instead of failing the route, so a hand-edited URL
 * shows the first page. Combine it with the route's other params.
 * @example
 * validateSearch: (search) => ({ ...validatePageSearch()(search), status: search.status === 'failed' ? 'failed' : undefined })
 */
export function validatePageSearch<Prefix extends string = '', Page extends string = 'page', PerPage extends string = 'per_page'>(
  options: PageParamOptions & { prefix?: Prefix; pageParam?: Page; perPageParam?: PerPage } = {},
): (search: Record<string, unknown>) => PageSearch<Prefix, Page, PerPage> {
  const names = pageParamNames(options);
  return (search) => {
    const valid: Record<string, number> = {};
    for (const name of names) {
      const value = parsePageParam(search[name]);
      if (value !== undefined) valid[name] = value;
    }
    return valid as PageSearch<Prefix, Page, PerPage>;
  };
}

/** Rows per page: one value for the server prefetch and the browser's hook, so their keys match. */
export const PER_PAGE = 20;

/** The list's filters from the URL's `status`: one rule for the server prefetch and the browser. */
export function listParams(status: string | null | undefined): { status: string } | undefined {
  return status ? { status } : undefined;
}

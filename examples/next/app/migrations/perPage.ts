/** Rows per page: one value for the server prefetch and the browser's hook, so their keys match. */
export const PER_PAGE = 20;

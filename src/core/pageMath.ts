/** The page that keeps the first visible item on screen when `per_page` changes. */
export function pageForFirstItem(page: number, perPage: number, nextPerPage: number): number {
  const firstIndex = (Math.max(1, page) - 1) * Math.max(1, perPage);
  return Math.floor(firstIndex / Math.max(1, nextPerPage)) + 1;
}

/** A page in [1, totalPages] (1 when there are no pages). */
export function clampPage(page: number, totalPages: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(1, Math.trunc(page)), Math.max(1, Math.trunc(totalPages) || 1));
}

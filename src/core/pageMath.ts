/** The page that keeps the first visible item on screen when `per_page` changes. */
export function pageForFirstItem(page: number, perPage: number, nextPerPage: number): number {
  const firstIndex = (Math.max(1, page) - 1) * Math.max(1, perPage);
  return Math.floor(firstIndex / Math.max(1, nextPerPage)) + 1;
}

/** A whole page, at least 1 (`NaN` is page 1). */
export function wholePage(page: number): number {
  return Math.max(1, Math.trunc(page) || 1);
}

/**
 * A whole number of pages, 0 when not finite. Capped at 2^53 - 1: past it `page += 1` stops
 * changing the number and a loop over the pages never ends.
 */
export function pageCount(totalPages: number | undefined): number {
  return Number.isFinite(totalPages) ? Math.min(Math.max(0, Math.trunc(totalPages as number)), Number.MAX_SAFE_INTEGER) : 0;
}

/** A page in [1, totalPages] (1 when there are no pages). */
export function clampPage(page: number, totalPages: number): number {
  return Number.isFinite(page) ? Math.min(wholePage(page), wholePage(totalPages)) : 1;
}

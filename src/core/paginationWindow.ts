import { pageCount, wholePage } from './pageMath.js';

/** One slot of a paginator: a page to go to, or a gap standing for the pages it hides. */
export type PaginationWindowItem = { type: 'page'; page: number } | { type: 'ellipsis'; key: 'start' | 'end' };

export interface PaginationWindowOptions {
  /** The current page (clamped into `1…totalPages`). */
  page: number;
  /** How many pages there are; `0` (or less) gives an empty window. */
  totalPages: number;
  /**
   * Pages shown on each side of the current one.
   * @default 1
   */
  siblingCount?: number;
  /**
   * Pages always shown at the start and at the end.
   * @default 1
   */
  boundaryCount?: number;
}

const count = (value: number | undefined, fallback: number) =>
  Number.isFinite(value) ? Math.max(0, Math.trunc(value as number)) : fallback;

/**
 * How many items `paginationWindow` returns once `totalPages` is at least this large:
 * both boundaries, the current page with its siblings, and two slots that are either an
 * ellipsis or the page next to it. With the defaults: 7.
 */
export function paginationWindowSize(options: Pick<PaginationWindowOptions, 'siblingCount' | 'boundaryCount'> = {}): number {
  return 2 * count(options.boundaryCount, 1) + 2 * count(options.siblingCount, 1) + 3;
}

function pages(from: number, to: number): PaginationWindowItem[] {
  const items: PaginationWindowItem[] = [];
  for (let page = from; page <= to; page += 1) items.push({ type: 'page', page });
  return items;
}

/**
 * The pages a paginator shows around `page`, with ellipses for the pages left out.
 *
 * The number of items is constant — `paginationWindowSize()` — whenever `totalPages` is at
 * least that size, so the paginator does not change width as the user pages; with fewer pages
 * every page is listed. An ellipsis always hides two pages or more (a gap of one shows that
 * page instead). Cost depends on the counts only, never on `totalPages`.
 *
 * @example
 * paginationWindow({ page: 50, totalPages: 100 });
 * // 1, …, 49, 50, 51, …, 100
 */
export function paginationWindow(options: PaginationWindowOptions): PaginationWindowItem[] {
  // Capped at 2^53 - 1: past it `page += 1` stops changing the number and the loop never ends.
  const totalPages = pageCount(options.totalPages);
  if (totalPages === 0) return [];
  const boundary = count(options.boundaryCount, 1);
  const sibling = count(options.siblingCount, 1);
  const size = paginationWindowSize({ boundaryCount: boundary, siblingCount: sibling });
  if (totalPages <= size) return pages(1, totalPages);

  const page = Math.min(wholePage(options.page), totalPages);
  const startGap: PaginationWindowItem = { type: 'ellipsis', key: 'start' };
  const endGap: PaginationWindowItem = { type: 'ellipsis', key: 'end' };
  // Pages shown on the crowded side when the current page is near one end: all slots but the
  // other boundary and its ellipsis.
  const run = size - boundary - 1;
  const last = pages(totalPages - boundary + 1, totalPages);

  if (page - sibling <= boundary + 2) return [...pages(1, run), endGap, ...last];
  const first = pages(1, boundary);
  if (page + sibling >= totalPages - boundary - 1) return [...first, startGap, ...pages(totalPages - run + 1, totalPages)];
  return [...first, startGap, ...pages(page - sibling, page + sibling), endGap, ...last];
}

/** The items a page shows, for "Showing 51–100 of 150". */
export interface PaginationRange {
  /** 1-based index of the first item on the page; `0` when the page is empty. */
  first: number;
  /** 1-based index of the last item on the page; `0` when the page is empty. */
  last: number;
  /** Items in the whole list. */
  total: number;
  /** No item on this page (an empty list, or a page past the end). */
  isEmpty: boolean;
}

/**
 * Which items `page` holds: `{ first: 51, last: 100, total: 150 }` for page 2 of 50 per page.
 * An empty list, or a page past the end, gives `{ first: 0, last: 0, isEmpty: true }`.
 */
export function paginationRange(options: { page: number; perPage: number; total: number }): PaginationRange {
  const total = count(options.total, 0);
  // `Infinity` per page would make the first item 0 × Infinity = NaN.
  const perPage = Number.isFinite(options.perPage) ? wholePage(options.perPage) : 1;
  const page = wholePage(options.page);
  const first = (page - 1) * perPage + 1;
  if (total === 0 || first > total) return { first: 0, last: 0, total, isEmpty: true };
  return { first, last: Math.min(page * perPage, total), total, isEmpty: false };
}

'use client';
import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { pageCount, wholePage } from '../core/pageMath.js';
import { paginationRange, paginationWindow } from '../core/paginationWindow.js';
import type { Pagination } from '../core/paginationSchema.js';
import type { UsePaginatedListResult } from '../react/usePaginatedList.js';
import { cx } from './cx.js';
import { useNumberFormat } from './useNumberFormat.js';

/** Words of `Paginator`; replace them for another language. Numbers arrive formatted. */
export interface PaginatorLabels {
  /** Accessible name of the `nav` landmark. @default 'Pagination' */
  nav: string;
  /** @default 'First page' */
  first: string;
  /** @default 'Previous page' */
  previous: string;
  /** @default 'Next page' */
  next: string;
  /** @default 'Last page' */
  last: string;
  /** Accessible name of a page button; contains the visible number. @default (page) => `Page ${page}` */
  page: (page: string) => string;
  /** @default ({ first, last, total }) => `Showing ${first}–${last} of ${total}` */
  range: (range: { first: string; last: string; total: string }) => string;
  /** The range text of an empty list (or a page past its end). @default 'No items' */
  empty: string;
  /** Label of the per-page select. @default 'Per page' */
  perPage: string;
}

export const defaultPaginatorLabels: PaginatorLabels = Object.freeze({
  nav: 'Pagination',
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
  page: (page: string) => `Page ${page}`,
  range: ({ first, last, total }: { first: string; last: string; total: string }) => `Showing ${first}–${last} of ${total}`,
  empty: 'No items',
  perPage: 'Per page',
});

/** The parts of the paginator; each has `data-slot="paginator-<part>"` and a `classNames` entry. */
export type PaginatorPart =
  | 'list'
  | 'item'
  | 'control'
  | 'first'
  | 'previous'
  | 'page'
  | 'ellipsis'
  | 'next'
  | 'last'
  | 'range'
  | 'perPage'
  | 'perPageLabel'
  | 'perPageSelect';

/** Which control asked for a page. */
export type PaginatorChangeReason = 'first' | 'previous' | 'page' | 'next' | 'last';

/** What `onPageChange` gets besides the page. */
export interface PaginatorChangeDetails {
  reason: PaginatorChangeReason;
  /**
   * The click. With `getHref` the browser follows the link after `onPageChange` returns unless
   * you call `event.preventDefault()` (do, for client-side routing).
   */
  event: MouseEvent<HTMLElement>;
}

/** What the paginator reads from `usePaginatedList`; pass the hook's whole result. */
export type PaginatorList = Pick<
  UsePaginatedListResult<unknown>,
  'pagination' | 'page' | 'perPage' | 'setPage' | 'setPerPage' | 'isPlaceholderData' | 'isPending'
>;

export interface PaginatorOwnProps {
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
  /**
   * Show the first-page and last-page buttons.
   * @default true
   */
  showFirstLast?: boolean;
  /**
   * Show "Showing 51–100 of 150" (a polite live region, so a page change is announced).
   * @default true
   */
  showRange?: boolean;
  /**
   * Locale of the numbers (`Intl.NumberFormat`): 4,000 or 4.000.
   * @default the runtime's locale
   */
  locale?: string | readonly string[];
  /** @default defaultPaginatorLabels */
  labels?: Partial<PaginatorLabels>;
  /**
   * Class names per part (`control` goes on every button or link); the root takes `className`.
   * @default {}
   */
  classNames?: Partial<Record<PaginatorPart, string>>;
}

export type PageChangeHandler = (page: number, details: PaginatorChangeDetails) => void;

/** Driven by `usePaginatedList`: pages, per-page and loading state all come from `list`. */
export interface PaginatorListSource {
  /**
   * The result of `usePaginatedList`.
   * @example
   * const list = usePaginatedList({ path: '/v1/migrations' });
   * <Paginator list={list} perPageOptions={[25, 50, 100]} />
   */
  list: PaginatorList;
  /**
   * Offer these per-page values in a select; a change calls `list.setPerPage`.
   * @default undefined (no select)
   */
  perPageOptions?: readonly number[];
  /**
   * Render links to these URLs instead of buttons (pair with the hook's `urlSync`). A plain
   * click pages in place through `list.setPage`; a modified click (new tab) is the browser's.
   * @default undefined (buttons)
   */
  getHref?: (page: number) => string;
  pagination?: never;
  loading?: never;
  onPageChange?: never;
  onPerPageChange?: never;
}

/** Driven by a seed `pagination` object and callbacks. */
export type PaginatorPaginationSource = {
  /** The seed's `pagination` object; `undefined` while the first page loads. */
  pagination: Pagination | undefined;
  /**
   * Marks the paginator busy (`aria-busy`, `data-state="loading"`) while a page loads.
   * @default false
   */
  loading?: boolean;
  list?: never;
} & (
  | {
      /** Called with the page to show. */
      onPageChange: PageChangeHandler;
      /**
       * Render links to these URLs instead of buttons. A plain click calls `onPageChange`
       * first, then the browser follows the link unless the handler called
       * `details.event.preventDefault()`.
       * @default undefined (buttons)
       */
      getHref?: (page: number) => string;
    }
  | {
      /** Render links to these URLs instead of buttons; a plain click follows the link. */
      getHref: (page: number) => string;
      /**
       * Called on a plain click before the browser follows the link; call
       * `details.event.preventDefault()` to route client-side instead.
       * @default undefined
       */
      onPageChange?: PageChangeHandler;
    }
) &
  (
    | {
        /** Offer these per-page values in a select (needs `onPerPageChange`). */
        perPageOptions: readonly number[];
        /** Called with the per-page value chosen in the select. */
        onPerPageChange: (perPage: number) => void;
      }
    | { perPageOptions?: never; onPerPageChange?: never }
  );

export type PaginatorProps = PaginatorOwnProps &
  (PaginatorListSource | PaginatorPaginationSource) &
  Omit<ComponentPropsWithoutRef<'nav'>, keyof PaginatorOwnProps | 'children' | 'onChange'>;

interface PaginatorModel {
  page: number;
  totalPages: number;
  perPage: number | undefined;
  total: number | undefined;
  hasPrev: boolean;
  hasNext: boolean;
  loading: boolean;
}

function toModel(list: PaginatorList | undefined, pagination: Pagination | undefined, loading: boolean): PaginatorModel {
  const p = list ? list.pagination : pagination;
  // A server's `page: 0` (valid by the schema) is page 1: no control may point before the first page.
  const page = list ? list.page : Number.isFinite(p?.page) ? wholePage(p!.page) : 1;
  // Whole pages only, so that "Last" never points at page 1.5 or Infinity.
  const totalPages = pageCount(p?.total_pages);
  // The server's flags hold for the page it answered; while another page loads, derive them.
  const answered = p !== undefined && p.page === page && !list?.isPlaceholderData;
  return {
    page,
    totalPages,
    perPage: list?.perPage ?? p?.per_page,
    total: p?.total,
    // Nothing comes before page 1, whatever `has_prev` says.
    hasPrev: page > 1 && (answered ? p.has_prev : true),
    hasNext: answered ? p.has_next : page < totalPages,
    loading: list ? list.isPlaceholderData || (list.isPending && p === undefined) : loading,
  };
}

/** Alt, Ctrl, Meta or Shift held: a click or key the paginator leaves to the browser. */
function hasModifier(event: MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>): boolean {
  return event.altKey || event.ctrlKey || event.metaKey || event.shiftKey;
}

/** A left click without modifiers: the only one a paginator may turn into in-place paging. */
function isPlainClick(event: MouseEvent<HTMLElement>): boolean {
  return event.button === 0 && !hasModifier(event);
}

const CONTROL = 'button:not(:disabled), a[href]';

/**
 * Pages through a Sensei list: first / previous / a window of pages with ellipses / next /
 * last, "Showing 51–100 of 150" and an optional per-page select.
 *
 * Plug it into `usePaginatedList` with `list={list}`, or drive it with the seed's
 * `pagination` object and `onPageChange`. The window keeps the same number of items however
 * many pages there are (7 by default), so the paginator does not change width while paging.
 *
 * Keyboard: every control is in the Tab order; Left/Right move focus to the previous/next
 * control (mirrored in right-to-left text), Home/End to the first/last; Enter (and Space on
 * buttons) activates. Moving focus never changes the page by itself. When the control in
 * focus becomes disabled (Next on reaching the last page), focus moves to the current page.
 *
 * Root attributes: `data-slot="paginator"`, `data-state` (`loading`, `empty` or `ready`) and
 * `aria-busy` while a page loads.
 *
 * @example
 * <Paginator list={list} perPageOptions={[25, 50, 100]} />
 * <Paginator pagination={body.pagination} onPageChange={setPage} />
 * <Paginator pagination={body.pagination} getHref={(page) => `?page=${page}`} />
 */
export const Paginator = forwardRef<HTMLElement, PaginatorProps>(function Paginator(props, ref) {
  const {
    list,
    pagination,
    loading = false,
    onPageChange,
    onPerPageChange,
    perPageOptions,
    getHref,
    siblingCount = 1,
    boundaryCount = 1,
    showFirstLast = true,
    showRange = true,
    locale,
    labels: labelOverrides,
    classNames = {},
    className,
    ...rest
  } = props;
  const labels = { ...defaultPaginatorLabels, ...labelOverrides };
  const { page, totalPages, perPage, total, hasPrev, hasNext, loading: busy } = toModel(list, pagination, loading);

  const format = useNumberFormat(locale);

  const listRef = useRef<HTMLUListElement>(null);
  // The page this paginator asked for: when it arrives, focus may need a new home.
  const restoreFocus = useRef<number | undefined>(undefined);
  const perPageId = useId();

  // A control that had focus may now be disabled (Next on the last page): keep focus in the nav.
  useEffect(() => {
    if (restoreFocus.current !== page) return;
    restoreFocus.current = undefined;
    const root = listRef.current;
    const active = typeof document === 'undefined' ? null : document.activeElement;
    if (!root || (active && active !== document.body && root.contains(active) && active.matches(CONTROL))) return;
    root.querySelector<HTMLElement>('[aria-current="page"]')?.focus();
  }, [page]);

  const go = (target: number, reason: PaginatorChangeReason, event: MouseEvent<HTMLElement>) => {
    const isLink = getHref !== undefined;
    // A new tab or window: the browser's business, not this page's.
    if (isLink && !isPlainClick(event)) return;
    if (target === page || target < 1 || (totalPages > 0 && target > totalPages)) {
      if (isLink) event.preventDefault();
      return;
    }
    restoreFocus.current = target;
    if (list) {
      if (isLink) event.preventDefault();
      list.setPage(target);
    } else {
      onPageChange?.(target, { reason, event });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const { key } = event;
    if (hasModifier(event)) return;
    const root = listRef.current;
    if (!root) return;
    const controls = Array.from(root.querySelectorAll<HTMLElement>(CONTROL));
    const index = controls.indexOf(event.target as HTMLElement);
    if (index === -1) return;
    const rtl = getComputedStyle(root).direction === 'rtl';
    const lastIndex = controls.length - 1;
    // The control each key moves focus to.
    const targets: Record<string, number> = {
      Home: 0,
      End: lastIndex,
      [rtl ? 'ArrowLeft' : 'ArrowRight']: Math.min(index + 1, lastIndex),
      [rtl ? 'ArrowRight' : 'ArrowLeft']: Math.max(index - 1, 0),
    };
    if (!Object.hasOwn(targets, key)) return;
    event.preventDefault();
    controls[targets[key]!]?.focus();
  };

  /** `data-slot` and class names of a part: `perPageLabel` is `paginator-per-page-label`. */
  const part = (name: PaginatorPart, baseClassName?: string) => ({
    'data-slot': `paginator-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
    className: cx(baseClassName, classNames[name]),
  });
  const control = (slot: PaginatorChangeReason, target: number, enabled: boolean, content: ReactNode, label: string) => {
    const shared = {
      'aria-label': label,
      ...(slot === 'page' && target === page ? { 'aria-current': 'page' as const } : {}),
      ...part(slot, classNames.control),
      onClick: (event: MouseEvent<HTMLElement>) => go(target, slot, event),
    };
    // A link cannot be disabled: without `href` it leaves the Tab order and says so.
    return getHref ? (
      <a {...shared} {...(enabled ? { href: getHref(target) } : { role: 'link', 'aria-disabled': 'true', 'data-disabled': '' })}>
        {content}
      </a>
    ) : (
      <button {...shared} type="button" disabled={!enabled} data-disabled={enabled ? undefined : ''}>
        {content}
      </button>
    );
  };
  // An ellipsis stands for pages a screen reader can reach through the controls.
  const item = (key: string, kind: string, children: ReactNode) => (
    <li key={key} {...part('item')} data-kind={kind} aria-hidden={kind === 'ellipsis' || undefined}>
      {children}
    </li>
  );
  /** First, previous, next and last: a glyph named by its label. */
  const step = (slot: Exclude<PaginatorChangeReason, 'page'>, target: number, enabled: boolean, glyph: string) =>
    item(slot, slot, control(slot, target, enabled, <span aria-hidden="true">{glyph}</span>, labels[slot]));

  const range = total === undefined || perPage === undefined ? undefined : paginationRange({ page, perPage, total });
  const rangeText =
    range === undefined
      ? ''
      : range.isEmpty
        ? labels.empty
        : labels.range({ first: format(range.first), last: format(range.last), total: format(range.total) });
  const state = busy ? 'loading' : total === undefined || total === 0 ? 'empty' : 'ready';

  let perPageSelect: ReactNode = null;
  if (perPageOptions && perPageOptions.length > 0) {
    const current = perPage ?? perPageOptions[0];
    const options = [...new Set([...perPageOptions, ...(current === undefined ? [] : [current])])].sort((a, b) => a - b);
    perPageSelect = (
      <span {...part('perPage')}>
        <label htmlFor={perPageId} {...part('perPageLabel')}>
          {labels.perPage}
        </label>
        <select
          id={perPageId}
          {...part('perPageSelect')}
          value={String(current)}
          onChange={(event) => {
            const next = Number(event.currentTarget.value);
            if (list) list.setPerPage(next);
            else onPerPageChange?.(next);
          }}
        >
          {options.map((value) => (
            <option key={value} value={value}>
              {format(value)}
            </option>
          ))}
        </select>
      </span>
    );
  }

  return (
    <nav
      aria-label={labels.nav}
      {...rest}
      ref={ref}
      className={cx(className)}
      aria-busy={busy || undefined}
      data-slot="paginator"
      data-state={state}
    >
      {showRange && (
        <p role="status" {...part('range')}>
          {rangeText}
        </p>
      )}
      <ul ref={listRef} {...part('list')} onKeyDown={onKeyDown}>
        {showFirstLast && step('first', 1, hasPrev, '«')}
        {step('previous', page - 1, hasPrev, '‹')}
        {paginationWindow({ page, totalPages, siblingCount, boundaryCount }).map((entry) => {
          if (entry.type === 'ellipsis') {
            return item(`ellipsis-${entry.key}`, 'ellipsis', <span {...part('ellipsis')}>…</span>);
          }
          const number = format(entry.page);
          return item(`page-${entry.page}`, 'page', control('page', entry.page, true, number, labels.page(number)));
        })}
        {step('next', page + 1, hasNext, '›')}
        {showFirstLast && step('last', Math.max(1, totalPages), hasNext, '»')}
      </ul>
      {perPageSelect}
    </nav>
  );
});
Paginator.displayName = 'Paginator';

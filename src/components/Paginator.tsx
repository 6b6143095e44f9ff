'use client';
import {
  forwardRef,
  useId,
  useRef,
  type ComponentPropsWithoutRef,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { clampPage, pageCount, wholePage } from '../core/pageMath.js';
import { paginationRange, paginationWindow } from '../core/paginationWindow.js';
import type { Pagination } from '../core/paginationSchema.js';
import type { UsePaginatedListResult } from '../react/usePaginatedList.js';
import { cx } from './cx.js';
import { useFocusRecovery } from './useFocusRecovery.js';
import { useNumberFormat } from './useNumberFormat.js';
import { visuallyHidden } from './visuallyHidden.js';

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
  /**
   * The items on screen. Numbers arrive formatted for `locale`; `count` is the total as a number,
   * for plural rules.
   * @default ({ first, last, total }) => `Showing ${first}–${last} of ${total}`
   */
  range: (range: { first: string; last: string; total: string; count: number }) => string;
  /** The range text of an empty list (or a page past its end). @default 'No items' */
  empty: string;
  /** Label of the per-page select. @default 'Per page' */
  perPage: string;
  /** Visible text of `variant="compact"`. @default ({ page, totalPages }) => `${page} / ${totalPages}` */
  compact: (position: { page: string; totalPages: string }) => string;
  /** What screen readers hear for `variant="compact"`. @default ({ page, totalPages }) => `Page ${page} of ${totalPages}` */
  pageOf: (position: { page: string; totalPages: string }) => string;
  /** Label of the quick jumper's field. @default 'Go to page' */
  jumpTo: string;
  /** The quick jumper's button. @default 'Go' */
  jump: string;
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
  compact: ({ page, totalPages }: { page: string; totalPages: string }) => `${page} / ${totalPages}`,
  pageOf: ({ page, totalPages }: { page: string; totalPages: string }) => `Page ${page} of ${totalPages}`,
  jumpTo: 'Go to page',
  jump: 'Go',
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
  | 'perPageSelect'
  | 'compact'
  | 'jumper'
  | 'jumperLabel'
  | 'jumperInput'
  | 'jumperButton';

/** Which control asked for a page: a button or link, or the quick jumper. */
export type PaginatorChangeReason = PaginatorItemType | 'jump';

/** The controls of the paginator that point at a page. */
export type PaginatorItemType = 'first' | 'previous' | 'page' | 'next' | 'last';

/** What `onPageChange` gets besides the page. */
export type PaginatorChangeDetails =
  | {
      reason: PaginatorItemType;
      /**
       * The click. With `getHref` the browser follows the link after `onPageChange` returns unless
       * you call `event.preventDefault()` (do, for client-side routing).
       */
      event: MouseEvent<HTMLElement>;
    }
  | {
      reason: 'jump';
      /** The quick jumper's submit (its default is already prevented). */
      event: FormEvent<HTMLFormElement>;
    };

/** One control as `renderItem` gets it. */
export interface PaginatorItem {
  type: PaginatorItemType;
  /** The page it points at (clamped into the list). */
  page: number;
  /** The current page (a `page` item only). */
  current: boolean;
  /** Nothing to go to (the ends of the list). */
  disabled: boolean;
  /** `getHref(page)` when given and not disabled. */
  href: string | undefined;
  /**
   * Spread these on the element you render: accessible name, `aria-current`, `data-slot`,
   * class names, the visible content as `children`, and `onClick`, which pages in place (through
   * `list.setPage` or `onPageChange`) on a plain click and never prevents the default, so a
   * router link still navigates.
   */
  props: {
    'aria-label': string;
    'aria-current'?: 'page';
    'data-slot': string;
    className: string | undefined;
    children: ReactNode;
    onClick: (event: MouseEvent<HTMLElement>) => void;
  };
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
  /**
   * `compact` shows previous / "3 / 10" / next instead of the page window (small screens,
   * toolbars). In a container narrower than 24rem the default variant hides the window's other
   * pages by itself (a container query), so it never overflows at 320 px.
   * @default 'default'
   */
  variant?: 'default' | 'compact';
  /**
   * Render nothing when there is one page or none (and none is loading).
   * @default false
   */
  hideOnSinglePage?: boolean;
  /**
   * A "Go to page" field; a number past either end goes to that end.
   * @default false
   */
  showJumper?: boolean;
  /**
   * Renders each control yourself, such as a router's `<Link>`. Spread `item.props` on it.
   * @default a `<button>`, or an `<a href>` with `getHref`
   * @example
   * renderItem={(item) => item.disabled
   *   ? <span {...item.props} aria-disabled="true" />
   *   : <Link to={`?page=${item.page}`} {...item.props} />}
   */
  renderItem?: (item: PaginatorItem) => ReactNode;
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
  /** The current page, clamped into the list: what the controls mark and count from. */
  page: number;
  /** The page whose rows are on screen (the previous one while a placeholder shows). */
  shownPage: number;
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
  const requested = list ? list.page : Number.isFinite(p?.page) ? wholePage(p!.page) : 1;
  // Whole pages only, so that "Last" never points at page 1.5 or Infinity.
  const totalPages = pageCount(p?.total_pages);
  // A page past the end (a controlled page after deletions) shows and targets the last page.
  const page = totalPages > 0 ? clampPage(requested, totalPages) : requested;
  const shownPage = p === undefined ? page : totalPages > 0 ? clampPage(p.page, totalPages) : wholePage(p.page);
  // The server's flags hold for the page it answered; while another page loads, derive them.
  const answered = p !== undefined && p.page === page && !list?.isPlaceholderData;
  return {
    page,
    shownPage,
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
    variant = 'default',
    hideOnSinglePage = false,
    showJumper = false,
    renderItem,
    className,
    ...rest
  } = props;
  const labels = { ...defaultPaginatorLabels, ...labelOverrides };
  const { page, shownPage, totalPages, perPage, total, hasPrev, hasNext, loading: busy } = toModel(list, pagination, loading);

  const format = useNumberFormat(locale);

  const listRef = useRef<HTMLUListElement>(null);
  const perPageId = useId();
  const jumperId = useId();
  // The focused control may become disabled (Next on reaching the last page) or go away (the
  // window moves): focus goes to the current page, never to <body>.
  const rootRef = useFocusRecovery<HTMLElement>({
    ref,
    target: (root) => root.querySelector<HTMLElement>('[aria-current="page"]'),
  });

  const request = (target: number, details: PaginatorChangeDetails) => {
    if (list) list.setPage(target);
    else if (onPageChange) onPageChange(target, details);
    else if (getHref && details.reason === 'jump') window.location.assign(getHref(target));
  };

  const go = (target: number, reason: PaginatorItemType, event: MouseEvent<HTMLElement>, custom: boolean) => {
    const isLink = getHref !== undefined && !custom;
    // A new tab or window: the browser's business, not this page's.
    if ((isLink || custom) && !isPlainClick(event)) return;
    if (target === page || target < 1 || (totalPages > 0 && target > totalPages)) {
      if (isLink) event.preventDefault();
      return;
    }
    if (list && isLink) event.preventDefault();
    request(target, { reason, event });
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
  const control = (type: PaginatorItemType, target: number, enabled: boolean, content: ReactNode, label: string) => {
    const current = type === 'page' && target === page;
    const shared = {
      'aria-label': label,
      ...(current ? { 'aria-current': 'page' as const } : {}),
      ...part(type, classNames.control),
    };
    if (renderItem) {
      return renderItem({
        type,
        page: target,
        current,
        disabled: !enabled,
        href: enabled && getHref ? getHref(target) : undefined,
        props: { ...shared, children: content, onClick: (event) => go(target, type, event, true) },
      });
    }
    const onClick = (event: MouseEvent<HTMLElement>) => go(target, type, event, false);
    // A link cannot be disabled: without `href` it leaves the Tab order and says so.
    return getHref ? (
      <a {...shared} onClick={onClick} {...(enabled ? { href: getHref(target) } : { role: 'link', 'aria-disabled': 'true', 'data-disabled': '' })}>
        {content}
      </a>
    ) : (
      <button {...shared} onClick={onClick} type="button" disabled={!enabled} data-disabled={enabled ? undefined : ''}>
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
  /** First, previous, next and last: a glyph named by its label (‹ and › mirror in RTL text). */
  const step = (type: Exclude<PaginatorItemType, 'page'>, target: number, enabled: boolean, glyph: string) =>
    item(type, type, control(type, target, enabled, <span aria-hidden="true">{glyph}</span>, labels[type]));

  // The range follows the rows on screen: while the next page loads behind a placeholder it
  // still names the rows shown, and the live region announces the new range when it arrives.
  const range = total === undefined || perPage === undefined ? undefined : paginationRange({ page: shownPage, perPage, total });
  const rangeText =
    range === undefined
      ? ''
      : range.isEmpty
        ? labels.empty
        : labels.range({ first: format(range.first), last: format(range.last), total: format(range.total), count: range.total });
  // An empty list says so once: no arrows with nothing to page to, whether the server counts
  // its pages as 0 or 1.
  const answered = (list ? list.pagination : pagination) !== undefined;
  const empty = !busy && answered && (total === undefined ? totalPages === 0 : total === 0);
  const state = busy ? 'loading' : empty || total === undefined ? 'empty' : 'ready';

  if (hideOnSinglePage && !busy && answered && totalPages <= 1) return null;

  let perPageSelect: ReactNode = null;
  if (!empty && perPageOptions && perPageOptions.length > 0) {
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

  const jumper = showJumper && !empty && totalPages > 1 && (
    <form
      {...part('jumper')}
      // Past either end goes to that end, instead of the browser refusing the number.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem('page');
        if (!(input instanceof HTMLInputElement)) return;
        const wanted = input.valueAsNumber;
        // Not a number: leave the field for the user to fix.
        if (!Number.isFinite(wanted)) return;
        input.value = '';
        const target = clampPage(wanted, totalPages);
        if (target !== page) request(target, { reason: 'jump', event });
      }}
    >
      <label htmlFor={jumperId} {...part('jumperLabel')}>
        {labels.jumpTo}
      </label>
      <input id={jumperId} name="page" type="number" inputMode="numeric" min={1} max={totalPages} step={1} {...part('jumperInput')} />
      <button type="submit" {...part('jumperButton', classNames.control)}>
        {labels.jump}
      </button>
    </form>
  );

  const compact = variant === 'compact';
  const position = { page: format(page), totalPages: format(Math.max(1, totalPages)) };

  return (
    <nav
      aria-label={labels.nav}
      {...rest}
      ref={rootRef}
      className={cx(className)}
      aria-busy={busy || undefined}
      data-slot="paginator"
      data-state={state}
      data-variant={variant}
    >
      {showRange && (
        <p role="status" {...part('range')}>
          {rangeText}
        </p>
      )}
      {!empty && (
        <ul ref={listRef} {...part('list')} onKeyDown={onKeyDown}>
          {showFirstLast && step('first', 1, hasPrev, '«')}
          {step('previous', page - 1, hasPrev, '‹')}
          {compact
            ? item(
                'compact',
                'compact',
                <span {...part('compact')}>
                  <span aria-hidden="true">{labels.compact(position)}</span>
                  <span style={visuallyHidden}>{labels.pageOf(position)}</span>
                </span>,
              )
            : paginationWindow({ page, totalPages, siblingCount, boundaryCount }).map((entry) => {
                if (entry.type === 'ellipsis') {
                  return item(`ellipsis-${entry.key}`, 'ellipsis', <span {...part('ellipsis')}>…</span>);
                }
                const number = format(entry.page);
                return item(`page-${entry.page}`, 'page', control('page', entry.page, true, number, labels.page(number)));
              })}
          {step('next', page + 1, hasNext, '›')}
          {showFirstLast && step('last', Math.max(1, totalPages), hasNext, '»')}
        </ul>
      )}
      {jumper}
      {perPageSelect}
    </nav>
  );
});
Paginator.displayName = 'Paginator';

'use client';
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { UseInfiniteListResult } from '../react/useInfiniteList.js';
import { useGateOpenAt } from '../react/useGateOpenAt.js';
import { useNumberFormat } from './useNumberFormat.js';

/** A count for a label: formatted for the locale, and the number itself for plural rules. */
export interface LoadMoreCount {
  /** Formatted with the component's `locale`: `1,000`. */
  count: string;
  /** The number, for `Intl.PluralRules` or a plural switch. */
  value: number;
}

/** Words of `LoadMore`; replace them for another language. Numbers arrive formatted, with their values for plurals. */
export interface LoadMoreLabels {
  /** @default ({ count }) => `Load ${count} more` */
  loadMore: (next: LoadMoreCount) => string;
  /** The button of `direction="backward"`. @default ({ count }) => `Load ${count} earlier` */
  loadPrevious: (previous: LoadMoreCount) => string;
  /** @default 'Loading…' */
  loading: string;
  /** At the end of the list. @default ({ count }) => `All ${count} loaded` */
  allLoaded: (total: LoadMoreCount) => string;
  /** `direction="backward"` with the first page loaded. @default 'Start of the list' */
  atStart: string;
  /** The button after a page failed to load. @default 'Try again' */
  retry: string;
  /** Why the button waits while the rate-limit gate is closed. @default 'Paused by the rate limit; loading resumes when it resets.' */
  waiting: string;
  /** The polite status line. @default ({ loaded, total }) => `Loaded ${loaded.count} of ${total.count}` */
  status: (counts: { loaded: LoadMoreCount; total: LoadMoreCount }) => string;
  /** The status line of an empty list. @default 'No items' */
  empty: string;
}

export const defaultLoadMoreLabels: LoadMoreLabels = Object.freeze({
  loadMore: ({ count }: LoadMoreCount) => `Load ${count} more`,
  loadPrevious: ({ count }: LoadMoreCount) => `Load ${count} earlier`,
  loading: 'Loading…',
  allLoaded: ({ count }: LoadMoreCount) => `All ${count} loaded`,
  atStart: 'Start of the list',
  retry: 'Try again',
  waiting: 'Paused by the rate limit; loading resumes when it resets.',
  status: ({ loaded, total }: { loaded: LoadMoreCount; total: LoadMoreCount }) => `Loaded ${loaded.count} of ${total.count}`,
  empty: 'No items',
});

/** The parts; each has `data-slot="load-more-<part>"` and a `classNames` entry. */
export type LoadMorePart = 'button' | 'status' | 'hint' | 'sentinel';

/** What `LoadMore` reads from `useInfiniteList`; pass the hook's whole result. */
export type LoadMoreList = Pick<
  UseInfiniteListResult<unknown>,
  | 'loaded'
  | 'total'
  | 'nextCount'
  | 'previousCount'
  | 'hasNextPage'
  | 'hasPreviousPage'
  | 'fetchNextPage'
  | 'fetchPreviousPage'
  | 'isFetchingNextPage'
  | 'isFetchingPreviousPage'
  | 'isFetchNextPageError'
  | 'isFetchPreviousPageError'
  | 'isFetching'
  | 'isPending'
  | 'waiting'
  | 'pages'
>;

export interface LoadMoreProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * The result of `useInfiniteList`.
   * @example
   * const feed = useInfiniteList({ path: '/v1/activity' });
   * <LoadMore list={feed} auto />
   */
  list: LoadMoreList;
  /**
   * Which end it loads: `forward` below the list (next pages), `backward` above it (pages that
   * `maxPages` dropped).
   * @default 'forward'
   */
  direction?: 'forward' | 'backward';
  /**
   * Also load when the end of the list scrolls into view (IntersectionObserver), never while
   * the rate-limit gate is closed, a load runs or the last one failed. The button stays for
   * keyboard and screen reader users.
   * @default false
   */
  auto?: boolean;
  /**
   * How far before the end the automatic mode starts loading (IntersectionObserver `rootMargin`).
   * @default '200px'
   */
  rootMargin?: string;
  /**
   * Show "Loaded 100 of 150" in a polite live region, so each load is announced.
   * @default true for `forward`, false for `backward`
   */
  showStatus?: boolean;
  /**
   * Locale of the numbers (`Intl.NumberFormat`): 1,000 or 1.000.
   * @default the runtime's locale
   */
  locale?: string | readonly string[];
  /** @default defaultLoadMoreLabels */
  labels?: Partial<LoadMoreLabels>;
  /**
   * Class names per part; the root takes `className`.
   * @default {}
   */
  classNames?: Partial<Record<LoadMorePart, string>>;
}

type LoadMoreState = 'pending' | 'idle' | 'loading' | 'waiting' | 'error' | 'done';

/**
 * "Load 50 more" under an infinite list, "All 150 loaded" at its end, and a polite "Loaded 100
 * of 150". Optional automatic loading when the end scrolls into view. The button never unmounts
 * and is never `disabled`: while it cannot act it is `aria-disabled`, so focus stays on it.
 *
 * Root attributes: `data-slot="load-more"`, `data-state` (`pending`, `idle`, `loading`,
 * `waiting`, `error`, `done`), `data-direction`, and `aria-busy` while a page loads.
 *
 * @example
 * <LoadMore list={feed} />
 * <LoadMore list={feed} direction="backward" />
 * <LoadMore list={feed} auto locale="de-DE" labels={{ loadMore: ({ count }) => `${count} weitere laden` }} />
 */
export const LoadMore = forwardRef<HTMLDivElement, LoadMoreProps>(function LoadMore(props, ref) {
  const {
    list,
    direction = 'forward',
    auto = false,
    rootMargin = '200px',
    showStatus = direction === 'forward',
    locale,
    labels: labelOverrides,
    classNames = {},
    className,
    ...rest
  } = props;
  const labels = { ...defaultLoadMoreLabels, ...labelOverrides };
  const format = useNumberFormat(locale);
  const count = (value: number): LoadMoreCount => ({ count: format(value), value });
  const hintId = useId();
  const gateClosed = useGateOpenAt() !== undefined;

  const forward = direction === 'forward';
  const more = forward ? list.hasNextPage : list.hasPreviousPage;
  const running = forward ? list.isFetchingNextPage : list.isFetchingPreviousPage;
  const failed = forward ? list.isFetchNextPageError : list.isFetchPreviousPageError;
  const state: LoadMoreState = list.isPending
    ? 'pending'
    : running && list.waiting === 'rate-limit'
      ? 'waiting'
      : running || list.isFetching
        ? 'loading'
        : !more
          ? 'done'
          : gateClosed
            ? 'waiting'
            : failed
              ? 'error'
              : 'idle';
  const load = forward ? list.fetchNextPage : list.fetchPreviousPage;

  // Automatic mode: whether the sentinel is in view; loading follows from it and the state.
  // Observed afresh each time the button becomes ready and each time pages arrive: the items
  // just loaded may have pushed the sentinel out of view, and the observer's first report says
  // so before anything loads. A report counts only for the pages it was made with, so new pages
  // need a new report even when React never rendered their "loading" state (React 18 batches
  // it away; a prefetched page arrives within a tick) and the old and new reports share a render.
  const sentinel = useRef<HTMLDivElement>(null);
  const { pages } = list;
  const [seenWith, setSeenWith] = useState<unknown>();
  const inView = seenWith === pages;
  const ready = state === 'idle';
  useEffect(() => {
    const target = sentinel.current;
    if (!auto || !ready || !target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setSeenWith(entries.some((entry) => entry.isIntersecting) ? pages : undefined), {
      rootMargin,
    });
    observer.observe(target);
    return () => {
      observer.disconnect();
      setSeenWith(undefined);
    };
  }, [auto, ready, rootMargin, pages]);
  // Only from `idle`: never into a closed gate, over a running load, or again after a failure
  // (the user retries with the button, which restarts the automatic mode on success).
  useEffect(() => {
    if (auto && inView && ready) load();
  }, [auto, inView, ready, load]);

  const text =
    state === 'loading'
      ? labels.loading
      : state === 'done'
        ? forward
          ? labels.allLoaded(count(list.total ?? list.loaded))
          : labels.atStart
        : state === 'error'
          ? labels.retry
          : state === 'pending'
            ? labels.loading
            : forward
              ? labels.loadMore(count(list.nextCount))
              : labels.loadPrevious(count(list.previousCount));
  const total = list.total;
  const statusText = total === undefined ? '' : total === 0 ? labels.empty : labels.status({ loaded: count(list.loaded), total: count(total) });
  const actionable = state === 'idle' || state === 'error';

  const button = (
    <button
      type="button"
      data-slot="load-more-button"
      className={classNames.button}
      aria-disabled={actionable ? undefined : true}
      aria-describedby={state === 'waiting' ? hintId : undefined}
      onClick={() => {
        if (actionable) load();
      }}
    >
      {text}
    </button>
  );
  return (
    <div
      ref={ref}
      data-slot="load-more"
      data-state={state}
      data-direction={direction}
      aria-busy={running || state === 'pending' || undefined}
      className={className}
      {...rest}
    >
      {auto && forward ? <div ref={sentinel} data-slot="load-more-sentinel" aria-hidden="true" className={classNames.sentinel} /> : null}
      {button}
      {auto && !forward ? <div ref={sentinel} data-slot="load-more-sentinel" aria-hidden="true" className={classNames.sentinel} /> : null}
      <span id={hintId} data-slot="load-more-hint" className={classNames.hint} hidden={state !== 'waiting'}>
        {labels.waiting}
      </span>
      {showStatus ? (
        <p role="status" data-slot="load-more-status" className={classNames.status}>
          {statusText}
        </p>
      ) : null}
    </div>
  );
});

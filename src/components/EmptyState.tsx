'use client';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from './cx.js';

/** Words of `EmptyState`; replace them for another language. */
export interface EmptyStateLabels {
  /** Title of `kind="empty"`. @default 'No items yet' */
  empty: string;
  /** Title of `kind="filtered"`. @default 'Nothing matches your filters' */
  filtered: string;
  /** Title of `kind="error"`. @default 'The list could not be loaded' */
  error: string;
  /** The button of `onClearFilters`. @default 'Clear filters' */
  clearFilters: string;
  /** The button of `onRetry`. @default 'Try again' */
  retry: string;
}

export const defaultEmptyStateLabels: EmptyStateLabels = Object.freeze({
  empty: 'No items yet',
  filtered: 'Nothing matches your filters',
  error: 'The list could not be loaded',
  clearFilters: 'Clear filters',
  retry: 'Try again',
});

/** Why there is nothing to show; also the root's `data-kind`. */
export type EmptyStateKind = 'empty' | 'filtered' | 'error';

/** The parts of `EmptyState`; each has `data-slot="empty-state-<part>"` and a `classNames` entry. */
export type EmptyStatePart = 'icon' | 'title' | 'description' | 'actions' | 'action';

interface EmptyStateOwnProps {
  /**
   * Why the list is empty: it has no data yet, the filters match nothing, or it failed to load.
   * @default 'empty'
   */
  kind?: EmptyStateKind;
  /** @default the label of `kind` */
  title?: ReactNode;
  /** A sentence under the title (server text renders as text). @default none */
  description?: ReactNode;
  /**
   * A picture above the title; `null` shows none.
   * @default an outline icon per kind (it follows `currentColor`, so it shows in forced colours)
   */
  icon?: ReactNode;
  /** With `kind="filtered"`: shows a "Clear filters" button that calls it. @default none */
  onClearFilters?: () => void;
  /** With `kind="error"`: shows a "Try again" button that calls it. @default none */
  onRetry?: () => void;
  /**
   * Your own controls after the built-in one ("Create migration").
   * @default none
   */
  action?: ReactNode;
  /**
   * Heading level of the title, to fit the page's outline.
   * @default 3
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** @default defaultEmptyStateLabels */
  labels?: Partial<EmptyStateLabels>;
  /** Class names per part; the root takes `className`. @default {} */
  classNames?: Partial<Record<EmptyStatePart, string>>;
}

export type EmptyStateProps = EmptyStateOwnProps & Omit<ComponentPropsWithoutRef<'div'>, keyof EmptyStateOwnProps | 'children'>;

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** Outline icons per kind: a tray, a funnel, a warning sign. */
const ICONS: Record<EmptyStateKind, ReactNode> = {
  empty: <path d="M4 13.5 6.5 5h11l2.5 8.5M4 13.5V19h16v-5.5M4 13.5h4.5l1 2h5l1-2H20" {...stroke} />,
  filtered: <path d="M4 5h16l-6 7.5V18l-4 1.5v-7L4 5Z" {...stroke} />,
  error: <path d="M12 4 3 19.5h18L12 4Zm0 6v4.5m0 2.5v.01" {...stroke} />,
};

/**
 * What a list shows instead of rows: no data yet, nothing that matches the filters, or a list
 * that failed to load, with a title, a sentence and the way forward ("Clear filters",
 * "Try again", or your own action).
 *
 * The title and description sit in a polite live region (`role="status"`), so a screen reader
 * hears "Nothing matches your filters" when a filter empties the list; `kind="error"` is
 * `role="alert"`. Root attributes: `data-slot="empty-state"`, `data-kind`.
 *
 * @example
 * {list.items.length === 0 && (
 *   <EmptyState kind={filters.active ? 'filtered' : 'empty'} onClearFilters={filters.clear} />
 * )}
 */
export const EmptyState = forwardRef<HTMLDivElement, EmptyStateProps>(function EmptyState(
  {
    kind = 'empty',
    title,
    description,
    icon,
    onClearFilters,
    onRetry,
    action,
    headingLevel = 3,
    labels: labelOverrides,
    classNames = {},
    className,
    ...rest
  },
  ref,
) {
  const labels = { ...defaultEmptyStateLabels, ...labelOverrides };
  const Heading = `h${headingLevel}` as const;
  const part = (name: EmptyStatePart) => ({ 'data-slot': `empty-state-${name}`, className: cx(classNames[name]) });
  const shownIcon =
    icon === undefined ? (
      <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
        {ICONS[kind]}
      </svg>
    ) : (
      icon
    );
  const builtIn =
    kind === 'filtered' && onClearFilters
      ? { label: labels.clearFilters, onClick: onClearFilters, name: 'clear-filters' }
      : kind === 'error' && onRetry
        ? { label: labels.retry, onClick: onRetry, name: 'retry' }
        : undefined;

  return (
    <div {...rest} ref={ref} className={cx(className)} data-slot="empty-state" data-kind={kind}>
      {shownIcon !== null && <div {...part('icon')}>{shownIcon}</div>}
      <div role={kind === 'error' ? 'alert' : 'status'} data-slot="empty-state-text">
        <Heading {...part('title')}>{title ?? labels[kind]}</Heading>
        {description != null && <p {...part('description')}>{description}</p>}
      </div>
      {(builtIn || action != null) && (
        <div {...part('actions')}>
          {builtIn && (
            <button type="button" {...part('action')} data-action={builtIn.name} onClick={builtIn.onClick}>
              {builtIn.label}
            </button>
          )}
          {action}
        </div>
      )}
    </div>
  );
});
EmptyState.displayName = 'EmptyState';

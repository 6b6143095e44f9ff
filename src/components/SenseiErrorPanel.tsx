'use client';
import { forwardRef, useEffect, useId, useRef, type ComponentPropsWithoutRef } from 'react';
import type { ErrorCatalog } from '../core/errorCatalog.js';
import { formatCountdown } from '../core/formatCountdown.js';
import { describeStatus } from '../core/statusCodes.js';
import type { ErrorAction, ErrorState } from '../core/toErrorState.js';
import { useCountdown } from '../react/useCountdown.js';
import { useClaimError } from '../react/useClaimError.js';
import { useErrorState } from '../react/useErrorState.js';
import { useIsBefore } from '../react/useIsBefore.js';
import { cx } from './cx.js';
import { DEFAULT_TIME_FORMAT, formatTime } from './formatTime.js';
import { defaultRequestIdLabels, SenseiRequestId, type SenseiRequestIdLabels } from './SenseiRequestId.js';

/** Words of the panel's own chrome (titles and messages come from the error catalog). */
export interface SenseiErrorPanelLabels extends SenseiRequestIdLabels {
  /** Accessible name of the list of field errors. @default 'Fields to fix' */
  fields: string;
  /** The countdown after the Retry label while retry is not possible yet. @default (time) => `in ${time}` */
  retryIn: (countdown: string) => string;
  /** While retry is not possible yet: when it will be. @default (time) => `Requests resume at ${time}.` */
  resumesAt: (time: string) => string;
}

export const defaultErrorPanelLabels: SenseiErrorPanelLabels = Object.freeze({
  ...defaultRequestIdLabels,
  fields: 'Fields to fix',
  retryIn: (countdown: string) => `in ${countdown}`,
  resumesAt: (time: string) => `Requests resume at ${time}.`,
});

/** The parts of the panel; each has `data-slot="error-panel-<part>"` and a `classNames` entry. */
export type SenseiErrorPanelPart =
  | 'icon'
  | 'body'
  | 'title'
  | 'message'
  | 'fields'
  | 'field'
  | 'solution'
  | 'meta'
  | 'resumes'
  | 'requestId'
  | 'actions'
  | 'action';

interface SenseiErrorPanelOwnProps {
  /**
   * `full` is a panel in place of content; `compact` an inline notice (no solution, status line
   * or request id unless asked).
   * @default 'full'
   */
  variant?: 'full' | 'compact';
  /**
   * Level of the title's heading element.
   * @default 2
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * Move focus to the title when the panel appears or its error changes — for a panel that
   * replaces the content the user was in.
   * @default false
   */
  autoFocus?: boolean;
  /**
   * The catalog to use instead of the provider's (ignored with `state`).
   * @default the `errorCatalog` of the nearest `<SenseiProvider>`
   */
  catalog?: ErrorCatalog;
  /** @default defaultErrorPanelLabels */
  labels?: Partial<SenseiErrorPanelLabels>;
  /**
   * Locale of the time requests resume at.
   * @default the browser's
   */
  locale?: Intl.LocalesArgument;
  /**
   * Format of that time.
   * @default { hour: 'numeric', minute: '2-digit' }
   */
  timeFormat?: Intl.DateTimeFormatOptions;
  /** Class names per part; the root takes `className`. */
  classNames?: Partial<Record<SenseiErrorPanelPart, string>>;
  /**
   * Show the seed's solution text.
   * @default variant === 'full'
   */
  showSolution?: boolean;
  /**
   * Show the request id with its copy button.
   * @default variant === 'full'
   */
  showRequestId?: boolean;
  /** Retry, and retry once a rate limit's countdown ends. Without it no Retry button shows. */
  onRetry?: () => void;
  /** "Refresh and retry" after a conflict. */
  onRefresh?: () => void;
  onSignIn?: () => void;
  onGoBack?: () => void;
  onContactSupport?: (requestId: string | undefined) => void;
  onDismiss?: () => void;
  /** Any action without its own callback, including the catalog's `custom` actions. */
  onAction?: (action: ErrorAction) => void;
}

/** Where the panel's state comes from: a thrown value or a state computed already. */
type SenseiErrorPanelSource =
  | {
      /** Any thrown value; `null` or `undefined` renders nothing (as `query.error` when all is well). */
      error: unknown;
      state?: never;
    }
  | {
      /** A state from `toErrorState`/`useErrorState`; `null` renders nothing. */
      state: ErrorState | null;
      error?: never;
    };

export type SenseiErrorPanelProps = SenseiErrorPanelOwnProps &
  SenseiErrorPanelSource &
  Omit<ComponentPropsWithoutRef<'div'>, keyof SenseiErrorPanelOwnProps | 'children' | 'title'>;

/**
 * Shows a Sensei failure as a clear, accessible state: title, message, field errors, the
 * solution, status and code, the request id with a copy button, and the ways out as buttons.
 * A rate-limited error counts down to when Retry becomes possible.
 *
 * `role="alert"` by default (pass `role="status"` for a polite one). Server text is rendered as
 * text. Renders nothing for no error and for an abort (the app cancelled the request itself).
 * Root attributes: `data-slot="error-panel"`, `data-kind`, `data-variant` and `data-state`
 * (`waiting` until retry is possible, `retryable`, or `final`).
 *
 * @example
 * <SenseiErrorPanel error={query.error} onRetry={() => query.refetch()} />
 */
export const SenseiErrorPanel = forwardRef<HTMLDivElement, SenseiErrorPanelProps>(function SenseiErrorPanel(props, ref) {
  const {
    error,
    state: stateProp,
    variant = 'full',
    headingLevel = 2,
    autoFocus = false,
    catalog,
    labels: labelOverrides,
    locale,
    timeFormat = DEFAULT_TIME_FORMAT,
    classNames = {},
    showSolution = variant === 'full',
    showRequestId = variant === 'full',
    onRetry,
    onRefresh,
    onSignIn,
    onGoBack,
    onContactSupport,
    onDismiss,
    onAction,
    className,
    ...rest
  } = props;
  const computed = useErrorState(stateProp === undefined ? error : null, { catalog });
  const state = stateProp === undefined ? computed : stateProp;
  // Shown here, so not in a toast as well (an abort shows nowhere).
  useClaimError(state && state.kind !== 'aborted' ? error : null);
  const labels = { ...defaultErrorPanelLabels, ...labelOverrides };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const resumesId = useId();
  // Re-renders the panel once, when the wait ends; the button ticks on its own.
  const waiting = useIsBefore(state?.retryAt);

  useEffect(() => {
    if (autoFocus && state) headingRef.current?.focus();
  }, [autoFocus, state]);

  if (!state || state.kind === 'aborted') return null;

  const { kind, status, code, requestId } = state;
  const handlers: Partial<Record<ErrorAction['type'], () => void>> = {
    retry: onRetry,
    'retry-at': onRetry,
    'refresh-and-retry': onRefresh,
    'sign-in': onSignIn,
    'go-back': onGoBack,
    'contact-support': onContactSupport && (() => onContactSupport(requestId)),
    dismiss: onDismiss,
  };
  const actions = state.actions.flatMap((action) => {
    const handler = handlers[action.type] ?? (onAction && (() => onAction(action)));
    return handler ? [{ action, handler }] : [];
  });
  const fields = Object.entries(state.fieldErrors);
  const Heading = `h${headingLevel}` as const;
  const dataState = waiting ? 'waiting' : state.retryable ? 'retryable' : 'final';
  /** A part's `data-slot` and class name. */
  const part = (name: SenseiErrorPanelPart) => ({ 'data-slot': `error-panel-${name}`, className: cx(classNames[name]) });

  return (
    <div
      role="alert"
      aria-labelledby={titleId}
      {...rest}
      ref={ref}
      className={cx(className)}
      data-slot="error-panel"
      data-kind={kind}
      data-variant={variant}
      data-state={dataState}
    >
      <svg {...part('icon')} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10 5.5v5.25" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
        <circle cx="10" cy="14" r="1.1" fill="currentColor" />
      </svg>
      <div {...part('body')}>
        <Heading ref={headingRef} id={titleId} tabIndex={-1} {...part('title')}>
          {state.title}
        </Heading>
        <p {...part('message')}>
          {/* bdi: an RTL override in server text must not flip the text around it. */}
          <bdi>{state.message}</bdi>
        </p>
        {fields.length > 0 && (
          <ul {...part('fields')} aria-label={labels.fields}>
            {fields.map(([field, message]) => (
              <li key={field} {...part('field')}>
                <bdi data-slot="error-panel-field-name">{field}</bdi>: <bdi data-slot="error-panel-field-message">{message}</bdi>
              </li>
            ))}
          </ul>
        )}
        {showSolution && state.solution && <p {...part('solution')}>{state.solution}</p>}
        {variant === 'full' && (status !== undefined || code !== undefined) && (
          <p {...part('meta')}>
            {status !== undefined && <span data-slot="error-panel-status">{describeStatus(status)}</span>}
            {status !== undefined && code !== undefined && ' · '}
            {code !== undefined && (
              <code data-slot="error-panel-code">
                <bdi>{code}</bdi>
              </code>
            )}
          </p>
        )}
        {waiting && state.retryAt !== undefined && (
          <p id={resumesId} {...part('resumes')}>
            {labels.resumesAt(formatTime(state.retryAt, locale, timeFormat))}
          </p>
        )}
        {showRequestId && requestId !== undefined && (
          <SenseiRequestId requestId={requestId} labels={labels} className={cx(classNames.requestId)} />
        )}
        {actions.length > 0 && (
          <div {...part('actions')}>
            {actions.map(({ action, handler }, index) =>
              action.type === 'retry-at' ? (
                <RetryAtButton
                  key={action.type}
                  action={action}
                  onClick={handler}
                  primary={index === 0}
                  className={classNames.action}
                  retryIn={labels.retryIn}
                  describedBy={waiting ? resumesId : undefined}
                />
              ) : (
                <button
                  key={action.type === 'custom' ? `custom:${action.id}` : action.type}
                  {...actionButtonProps(action, index === 0)}
                  className={cx(classNames.action)}
                  onClick={handler}
                >
                  {action.label}
                </button>
              ),
            )}
          </div>
        )}
      </div>
    </div>
  );
});
SenseiErrorPanel.displayName = 'SenseiErrorPanel';

/** The attributes every action button starts with. */
function actionButtonProps(action: ErrorAction, primary: boolean) {
  return {
    type: 'button',
    'data-slot': 'error-panel-action',
    'data-action': action.type,
    'data-primary': primary ? '' : undefined,
  } as const;
}

interface RetryAtButtonProps {
  action: Extract<ErrorAction, { type: 'retry-at' }>;
  onClick: () => void;
  primary: boolean;
  className: string | undefined;
  retryIn: (countdown: string) => string;
  /** The line that says when requests resume. */
  describedBy: string | undefined;
}

/**
 * Retry that cannot work until `action.at`: mounted and focusable but `aria-disabled` (focus is
 * not dropped when it turns ready), described by when requests resume. Only this button
 * re-renders every second.
 */
function RetryAtButton({ action, onClick, primary, className, retryIn, describedBy }: RetryAtButtonProps) {
  const remaining = useCountdown(action.at);
  const waiting = remaining > 0;
  return (
    <button
      {...actionButtonProps(action, primary)}
      data-state={waiting ? 'waiting' : 'ready'}
      className={cx(className)}
      aria-disabled={waiting || undefined}
      aria-describedby={describedBy}
      onClick={waiting ? undefined : onClick}
    >
      {action.label}
      {waiting && (
        // Hidden from assistive tech: inside role="alert" a ticking text would be read every second.
        <span data-slot="error-panel-countdown" aria-hidden="true">
          {' '}
          {retryIn(formatCountdown(remaining))}
        </span>
      )}
    </button>
  );
}

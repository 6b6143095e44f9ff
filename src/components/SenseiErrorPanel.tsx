'use client';
import { forwardRef, useContext, useEffect, useId, useRef, useState, useSyncExternalStore, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { ErrorCatalog } from '../core/errorCatalog.js';
import { formatCountdown } from '../core/formatCountdown.js';
import type { ErrorAction, ErrorState } from '../core/toErrorState.js';
import { SenseiContext } from '../react/SenseiContext.js';
import { useCountdown } from '../react/useCountdown.js';
import { useClaimError } from '../react/useClaimError.js';
import { useErrorState } from '../react/useErrorState.js';
import { useIsBefore } from '../react/useIsBefore.js';
import { cx } from './cx.js';
import { DEFAULT_TIME_FORMAT, formatTime } from './formatTime.js';
import { defaultRequestIdLabels, SenseiRequestId, type SenseiRequestIdLabels } from './SenseiRequestId.js';
import { useFocusRecovery } from './useFocusRecovery.js';
import { visuallyHidden } from './visuallyHidden.js';

/** Words of the panel's own chrome (titles and messages come from the error catalog). */
export interface SenseiErrorPanelLabels extends SenseiRequestIdLabels {
  /** Accessible name of the list of field errors. @default 'Fields to fix' */
  fields: string;
  /** The countdown after the Retry label while retry is not possible yet. @default (time) => `in ${time}` */
  retryIn: (countdown: string) => string;
  /**
   * While retry is not possible yet: when it will be, to the second. Visible, and the Retry
   * button's description, so screen readers hear a steady time instead of a ticking countdown.
   * @default (time) => `Retry available at ${time}`
   */
  resumesAt: (time: string) => string;
  /** Said once, politely, when the wait ends. @default 'Retry is available now.' */
  retryReady: string;
  /**
   * The quiet details line for support: the Sensei code and the HTTP status (the request id
   * follows with its copy button).
   * @default ({ code, status }) => [code && `Code ${code}`, status && `HTTP ${status}`].filter(Boolean).join(' · ')
   */
  details: (details: { code: string | undefined; status: number | undefined }) => string;
}

export const defaultErrorPanelLabels: SenseiErrorPanelLabels = Object.freeze({
  ...defaultRequestIdLabels,
  fields: 'Fields to fix',
  retryIn: (countdown: string) => `in ${countdown}`,
  resumesAt: (time: string) => `Retry available at ${time}`,
  retryReady: 'Retry is available now.',
  details: ({ code, status }: { code: string | undefined; status: number | undefined }) =>
    [code && `Code ${code}`, status !== undefined && `HTTP ${status}`].filter(Boolean).join(' · '),
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

export interface SenseiErrorPanelOwnProps {
  /**
   * `full` is a panel in place of content; `compact` an inline notice (no details line or
   * request id unless asked).
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
   * Format of that time; seconds are added unless it uses `timeStyle`.
   * @default { hour: 'numeric', minute: '2-digit', second: '2-digit' }
   */
  timeFormat?: Intl.DateTimeFormatOptions;
  /** Class names per part; the root takes `className`. */
  classNames?: Partial<Record<SenseiErrorPanelPart, string>>;
  /**
   * The icon before the title; `null` shows none.
   * @default a circled exclamation mark, in the current colour
   */
  icon?: ReactNode;
  /**
   * Show the catalog's solution text. Off by default: the seed's solutions ("Retry with
   * backoff") are written for developers; give your own through the catalog and turn it on.
   * @default false
   */
  showSolution?: boolean;
  /**
   * Show the details line: code, status, and the request id with its copy button.
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
export type SenseiErrorPanelSource =
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
 * Shows a Sensei failure as a clear, accessible state: one title, one message, field errors,
 * a quiet details line (code, status, the request id with a copy button), and the ways out as
 * buttons — the first one filled when it is the way forward. A rate-limited error (or a closed
 * rate-limit gate) says when Retry becomes possible and counts down to it.
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
    icon,
    showSolution = false,
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
  // The net under the stable Retry: focus never falls to <body> when a control goes away.
  const rootRef = useFocusRecovery({ ref });
  const titleId = useId();
  const resumesId = useId();
  // While the client's rate-limit gate is closed a retry would only wait there: say when it works.
  const gate = useContext(SenseiContext)?.client.rateLimit;
  const gateOpenAt = useSyncExternalStore(gate ? gate.subscribe : noSubscribe, () => gate?.openAt(), () => undefined);
  const retryAt = state?.retryable ? later(state.retryAt, gateOpenAt) : state?.retryAt;
  // Re-renders the panel once, when the wait ends; the button ticks on its own.
  const waiting = useIsBefore(retryAt);
  // One polite announcement when a wait this panel showed ends.
  const [waited, setWaited] = useState(false);
  if (waiting && !waited) setWaited(true);

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
  const details = labels.details({ code, status });
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
      ref={rootRef}
      className={cx(className)}
      data-slot="error-panel"
      data-kind={kind}
      data-variant={variant}
      data-state={dataState}
    >
      {icon === undefined ? (
        <svg {...part('icon')} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10 5.5v5.25" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          <circle cx="10" cy="14" r="1.1" fill="currentColor" />
        </svg>
      ) : (
        icon !== null && (
          <span {...part('icon')} aria-hidden="true">
            {icon}
          </span>
        )
      )}
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
        {waiting && retryAt !== undefined && (
          <p id={resumesId} {...part('resumes')}>
            {labels.resumesAt(formatTime(retryAt, locale, withSeconds(timeFormat)))}
          </p>
        )}
        {showRequestId && (details !== '' || requestId !== undefined) && (
          <div {...part('meta')}>
            {details !== '' && (
              <span data-slot="error-panel-details">
                {/* bdi: the code is server text. */}
                <bdi>{details}</bdi>
              </span>
            )}
            {requestId !== undefined && <SenseiRequestId requestId={requestId} labels={labels} className={cx(classNames.requestId)} />}
          </div>
        )}
        {actions.length > 0 && (
          <div {...part('actions')}>
            {actions.map(({ action, handler }, index) => {
              // Filled only when it is the way forward: never for "Dismiss".
              const primary = index === 0 && action.type !== 'dismiss';
              return action.type === 'retry-at' || action.type === 'retry' ? (
                // One key for both: Retry that meets a 429 stays the same, focused control.
                <RetryButton
                  key="retry"
                  label={action.label}
                  at={waiting ? retryAt : undefined}
                  onClick={handler}
                  primary={primary}
                  className={classNames.action}
                  retryIn={labels.retryIn}
                  describedBy={waiting ? resumesId : undefined}
                />
              ) : (
                <button
                  key={action.type === 'custom' ? `custom:${action.id}` : action.type}
                  {...actionButtonProps(action.type, primary)}
                  className={cx(classNames.action)}
                  onClick={handler}
                >
                  {action.label}
                </button>
              );
            })}
          </div>
        )}
        {/* Present from the start, so the one announcement when a wait ends is heard. */}
        <span role="status" data-slot="error-panel-announcement" style={visuallyHidden}>
          {waited && !waiting && state.retryable ? labels.retryReady : ''}
        </span>
      </div>
    </div>
  );
});
SenseiErrorPanel.displayName = 'SenseiErrorPanel';

const noSubscribe = () => () => {};
const later = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
/** The wait sentence is to the second; a `timeStyle` cannot be combined with `second`. */
const withSeconds = (format: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions =>
  format.timeStyle !== undefined || format.dateStyle !== undefined ? format : { ...format, second: '2-digit' };


/** The attributes every action button starts with. */
function actionButtonProps(type: ErrorAction['type'], primary: boolean) {
  return {
    type: 'button',
    'data-slot': 'error-panel-action',
    'data-action': type,
    'data-primary': primary ? '' : undefined,
  } as const;
}

interface RetryButtonProps {
  label: string;
  /** Retry cannot work before this (epoch ms); `undefined` when it can now. */
  at: number | undefined;
  onClick: () => void;
  primary: boolean;
  className: string | undefined;
  retryIn: (countdown: string) => string;
  /** The line that says when retry becomes possible. */
  describedBy: string | undefined;
}

/**
 * Retry, and Retry that cannot work until `at`: one control that stays mounted and focusable
 * (`aria-disabled` while waiting), so focus is not dropped when it turns either way; described
 * by when it will work. Only this button re-renders every second.
 */
function RetryButton({ label, at, onClick, primary, className, retryIn, describedBy }: RetryButtonProps) {
  const remaining = useCountdown(at);
  const waiting = remaining > 0;
  return (
    <button
      {...actionButtonProps(at === undefined ? 'retry' : 'retry-at', primary)}
      data-state={waiting ? 'waiting' : 'ready'}
      className={cx(className)}
      aria-disabled={waiting || undefined}
      aria-describedby={describedBy}
      onClick={waiting ? undefined : onClick}
    >
      {label}
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

'use client';
import { forwardRef, useEffect, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { formatCountdown } from '../core/formatCountdown.js';
import type { SenseiError } from '../core/SenseiError.js';
import { timers } from '../core/timers.js';
import type { AsyncOperationStatus, UseAsyncOperationResult } from '../react/useAsyncOperation.js';
import { cx } from './cx.js';
import { SenseiErrorPanel } from './SenseiErrorPanel.js';
import { useFocusRecovery } from './useFocusRecovery.js';
import { useNumberFormat } from './useNumberFormat.js';

/** Words of `OperationProgress`; replace them for another language. */
export interface OperationProgressLabels {
  /** While the start request is in flight. @default 'Starting…' */
  starting: string;
  /** Polling, the server says `pending` or `queued`. @default 'Waiting to start…' */
  pending: string;
  /** Polling, the operation runs. @default 'In progress…' */
  running: string;
  /** @default 'Completed' */
  succeeded: string;
  /** @default 'Failed' */
  failed: string;
  /** `maxDuration` ran out; the operation may still finish on the server. @default 'Taking longer than expected' */
  timedOut: string;
  /** Polling was cancelled; `cancel()` does not stop the operation on the server. @default 'Stopped checking for updates' */
  cancelled: string;
  /** Accessible name of the progress bar. @default 'Progress' */
  progress: string;
  /** The elapsed time; `time` is formatted as `0:05`. @default (time) => `Elapsed ${time}` */
  elapsed: (time: string) => string;
  /** @default 'Cancel' */
  cancel: string;
  /** After a timeout: polls again. @default 'Keep waiting' */
  keepWaiting: string;
  /** After cancel: polls again. @default 'Resume' */
  resume: string;
  /** Polls again after checking the status failed (the operation itself may still be running). @default 'Check again' */
  checkAgain: string;
  /** Before the request id of a failure, in the default error panel. @default 'Request ID' */
  requestId: string;
}

export const defaultOperationProgressLabels: OperationProgressLabels = Object.freeze({
  starting: 'Starting…',
  pending: 'Waiting to start…',
  running: 'In progress…',
  succeeded: 'Completed',
  failed: 'Failed',
  timedOut: 'Taking longer than expected',
  cancelled: 'Stopped checking for updates',
  progress: 'Progress',
  elapsed: (time: string) => `Elapsed ${time}`,
  cancel: 'Cancel',
  keepWaiting: 'Keep waiting',
  resume: 'Resume',
  checkAgain: 'Check again',
  requestId: 'Request ID',
});

/** The parts of the component; each has `data-slot="operation-progress-<part>"` and a `classNames` entry. */
export type OperationProgressPart =
  | 'header'
  | 'status'
  | 'elapsed'
  | 'meter'
  | 'bar'
  | 'indicator'
  | 'percent'
  | 'error'
  | 'errorMessage'
  | 'requestId'
  | 'actions'
  | 'action'
  | 'placeholder';

/**
 * What the component reads from `useAsyncOperation`; pass the hook's whole result. Without
 * `cancel` or `resume` their buttons are not shown.
 */
export type OperationProgressSource = Pick<UseAsyncOperationResult<unknown>, 'status' | 'progress' | 'error' | 'startedAt'> &
  Partial<Pick<UseAsyncOperationResult<unknown>, 'operationStatus' | 'cancel' | 'resume'>>;

export interface OperationProgressOwnProps {
  /**
   * The result of `useAsyncOperation`.
   * @example
   * const migration = useAsyncOperation({ startPath: '/v1/migrations' });
   * <OperationProgress operation={migration} />
   */
  operation: OperationProgressSource;
  /**
   * Shown while `idle` (no operation yet).
   * @default null
   */
  placeholder?: ReactNode;
  /**
   * Renders the error of a failed operation.
   * @default `<SenseiErrorPanel variant="compact">`: title, message and request id with copy
   */
  renderError?: (error: SenseiError) => ReactNode;
  /**
   * Heading level of the default error panel, to fit the page's outline.
   * @default 3
   */
  errorHeadingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * Show the elapsed time, ticking once a second while the operation runs.
   * @default true
   */
  showElapsed?: boolean;
  /**
   * Locale of the percentage, and of the elapsed time's digits when given (`Intl.NumberFormat`).
   * @default the runtime's locale
   */
  locale?: string | readonly string[];
  /** @default defaultOperationProgressLabels */
  labels?: Partial<OperationProgressLabels>;
  /**
   * Class names per part; the root takes `className`.
   * @default {}
   */
  classNames?: Partial<Record<OperationProgressPart, string>>;
}

export type OperationProgressProps = OperationProgressOwnProps &
  Omit<ComponentPropsWithoutRef<'div'>, keyof OperationProgressOwnProps | 'children'>;

const ACTIVE: ReadonlySet<AsyncOperationStatus> = new Set(['starting', 'polling']);
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
const PENDING_STATUSES: ReadonlySet<string> = new Set(['pending', 'queued', 'accepted']);

/**
 * Milliseconds since `startedAt`, re-rendering on each whole second while `running`. It stops
 * at the last whole second when the operation ends, and its timer ends on unmount.
 */
function useElapsed(startedAt: number | undefined, running: boolean): number | undefined {
  const [clock, setClock] = useState(() => ({ startedAt, running, now: timers.now() }));
  // A new start (or `resume()`) restarts the clock at once, not on the next tick; an end stops
  // it at the moment it ended, not at the last tick.
  if (clock.startedAt !== startedAt || clock.running !== running) setClock({ startedAt, running, now: timers.now() });

  useEffect(() => {
    if (!running || startedAt === undefined) return;
    let handle: unknown;
    const schedule = () => {
      const elapsed = timers.now() - startedAt;
      handle = timers.setTimeout(tick, 1000 - (((elapsed % 1000) + 1000) % 1000));
    };
    const tick = () => {
      setClock({ startedAt, running, now: timers.now() });
      schedule();
    };
    schedule();
    return () => timers.clearTimeout(handle);
  }, [running, startedAt]);

  return startedAt === undefined ? undefined : Math.max(0, clock.now - startedAt);
}

/**
 * Shows an async operation from `useAsyncOperation`: starting, pending or running (with a
 * progress bar that is determinate when the API reports progress), completed, failed (with the
 * error), timed out ("Keep waiting") or cancelled ("Resume"), the elapsed time and a Cancel
 * button while it polls.
 *
 * The state text is a polite live region (`role="status"`): each state change is announced
 * once; the elapsed time and percentage sit outside it, so ticks are not. Idle renders only
 * that (empty) region, so the first state is announced, plus `placeholder`. Server text is
 * rendered as text. Root attributes: `data-slot="operation-progress"`, `data-state` (the
 * hook's status) and `data-operation-status` (the server's).
 *
 * @example
 * <OperationProgress operation={migration} />
 */
export const OperationProgress = forwardRef<HTMLDivElement, OperationProgressProps>(function OperationProgress(
  { operation, placeholder = null, renderError, errorHeadingLevel = 3, showElapsed = true, locale, labels: labelOverrides, classNames = {}, className, ...rest },
  ref,
) {
  const labels = { ...defaultOperationProgressLabels, ...labelOverrides };
  const { status, progress, error, startedAt, operationStatus, cancel, resume } = operation;
  const running = ACTIVE.has(status);
  const elapsed = useElapsed(startedAt, running);

  const formatPercent = useNumberFormat(locale, PERCENT);
  const formatDigit = useNumberFormat(locale);

  // The focused action is replaced (Cancel → Resume) or goes away (Cancel on completion): focus
  // moves to the new action, else to the component itself, never to <body>.
  const rootRef = useFocusRecovery({ ref });

  // The other statuses have a label of their own name.
  const text =
    status === 'idle'
      ? ''
      : status === 'polling'
        ? operationStatus !== undefined && PENDING_STATUSES.has(operationStatus)
          ? labels.pending
          : labels.running
        : labels[status === 'timed-out' ? 'timedOut' : status];

  const known = progress !== undefined && Number.isFinite(progress);
  const value = known ? Math.min(100, Math.max(0, progress)) : undefined;

  // A failed status check (network, 5xx after retries) says nothing about the operation itself.
  const checkFailed = status === 'failed' && startedAt !== undefined && error && error.kind !== 'operation' && error.kind !== 'invalid-request';
  // One action at most, as the statuses exclude each other; `resume` is called without arguments.
  const again = resume && (() => resume());
  const [actionName, actionLabel, actionHandler] =
    status === 'polling'
      ? ['cancel', labels.cancel, cancel]
      : status === 'timed-out'
        ? ['keep-waiting', labels.keepWaiting, again]
        : checkFailed
          ? ['check-again', labels.checkAgain, again]
          : status === 'cancelled'
            ? ['resume', labels.resume, again]
            : [];

  let errorContent: ReactNode = null;
  if (status === 'failed' && error) {
    errorContent = renderError ? (
      renderError(error)
    ) : (
      <SenseiErrorPanel error={error} variant="compact" headingLevel={errorHeadingLevel} showRequestId labels={{ requestId: labels.requestId }} />
    );
  }

  const seconds = elapsed === undefined ? undefined : Math.floor(elapsed / 1000);
  const part = (name: OperationProgressPart) => ({ 'data-slot': `operation-progress-${name}`, className: cx(classNames[name]) });

  return (
    <div
      {...rest}
      ref={rootRef}
      className={cx(className)}
      data-slot="operation-progress"
      data-state={status}
      data-operation-status={operationStatus}
    >
      <div {...part('header')}>
        <span role="status" aria-live="polite" {...part('status')}>
          {text}
        </span>
        {showElapsed && status !== 'idle' && seconds !== undefined && (
          <time {...part('elapsed')} dateTime={`PT${seconds}S`}>
            {labels.elapsed(locale === undefined ? formatCountdown(seconds * 1000) : formatCountdown(seconds * 1000).replace(/\d/g, (digit) => formatDigit(Number(digit))))}
          </time>
        )}
      </div>
      {status === 'idle' && placeholder !== null && <div {...part('placeholder')}>{placeholder}</div>}
      {running && (
        <div {...part('meter')}>
          <div
            role="progressbar"
            aria-label={labels.progress}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={value === undefined ? undefined : Math.round(value)}
            {...part('bar')}
            data-state={value === undefined ? 'indeterminate' : 'determinate'}
          >
            <div {...part('indicator')} style={value === undefined ? undefined : { width: `${value}%` }} />
          </div>
          {value !== undefined && (
            <span {...part('percent')} aria-hidden="true">
              {formatPercent(value / 100)}
            </span>
          )}
        </div>
      )}
      {errorContent !== null && <div {...part('error')}>{errorContent}</div>}
      {actionHandler && (
        <div {...part('actions')}>
          <button
            key={actionName}
            type="button"
            {...part('action')}
            data-action={actionName}
            onClick={() => actionHandler()}
          >
            {actionLabel}
          </button>
        </div>
      )}
    </div>
  );
});
OperationProgress.displayName = 'OperationProgress';

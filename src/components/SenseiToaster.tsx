'use client';
import * as Toast from '@radix-ui/react-toast';
import { forwardRef, useEffect, useMemo, useState, useSyncExternalStore, type ComponentPropsWithoutRef } from 'react';
import { formatCountdown } from '../core/formatCountdown.js';
import { timers } from '../core/timers.js';
import type { QueuedToast, ToastQueue } from '../core/ToastQueue.js';
import type { RetryActivityEntry } from '../react/RetryActivityStore.js';
import { useCountdown } from '../react/useCountdown.js';
import { useRetryActivity } from '../react/useRetryActivity.js';
import { useSenseiToastQueue, type SenseiToastContent } from '../react/useSenseiToast.js';
import { cx } from './cx.js';
import { SenseiToast, type SenseiToastPart } from './SenseiToast.js';
import { defaultRequestIdLabels, SenseiRequestId, type SenseiRequestIdLabels } from './SenseiRequestId.js';

/** Where the toasts appear. */
export type SenseiToasterPosition = 'top-left' | 'top-center' | 'top-right' | 'bottom-left' | 'bottom-center' | 'bottom-right';

/** Every word of the toaster; replace them for another language. What failed comes from the error catalog. */
export interface SenseiToasterLabels extends SenseiRequestIdLabels {
  /** Landmark name of the viewport; `{hotkey}` is replaced. @default 'Notifications ({hotkey})' */
  region: string;
  /** Said before each toast's announcement. @default 'Notification' */
  toast: string;
  /** Title of the grouped retry toast. @default (count) => `${count} requests retrying` */
  retryingGroup: (count: number) => string;
  /** One request's countdown. @default (countdown) => `Retrying in ${countdown}` */
  retryIn: (countdown: string) => string;
  /** The grouped toast's countdown to the earliest retry. @default (countdown) => `Next retry in ${countdown}` */
  nextRetryIn: (countdown: string) => string;
  /** While the retry is on its way. @default 'Retrying now…' */
  retryingNow: string;
  /** When the policy gave no time. @default 'Retrying soon…' */
  retryingSoon: string;
  /** While TanStack Query waits for the network or a focused tab. @default 'Waiting for the connection…' */
  paused: string;
  /** @default (count) => count === 1 ? '1 failed attempt' : `${count} failed attempts` */
  failedAttempts: (count: number) => string;
  /** @default 'Retry now' */
  retryNow: string;
  /** Radix `altText` of Retry now, for screen-reader users. @default 'Retry now: press F8 to reach the notification' */
  retryNowAltText: string;
  /** Title of the success toast. @default (count) => count === 1 ? 'Recovered' : `${count} requests recovered` */
  recovered: (count: number) => string;
  /** Under the title of a single success. @default (label) => `${label}: the retry succeeded.` */
  recoveredDescription: (label: string) => string;
  /** Title of the grouped final error. @default (count) => `${count} requests failed` */
  failedGroup: (count: number) => string;
  /** Under the title of a final error. @default (attempts) => `Gave up after ${attempts} attempts.` */
  failedDescription: (attempts: number) => string;
  /** Starts a failed query over. @default 'Try again' */
  tryAgain: string;
  /** @default 'Try again: press F8 to reach the notification' */
  tryAgainAltText: string;
  /** Accessible name of every toast's close button. @default 'Dismiss' */
  dismiss: string;
}

export const defaultToasterLabels: SenseiToasterLabels = Object.freeze({
  ...defaultRequestIdLabels,
  region: 'Notifications ({hotkey})',
  toast: 'Notification',
  retryingGroup: (count: number) => `${count} requests retrying`,
  retryIn: (countdown: string) => `Retrying in ${countdown}`,
  nextRetryIn: (countdown: string) => `Next retry in ${countdown}`,
  retryingNow: 'Retrying now…',
  retryingSoon: 'Retrying soon…',
  paused: 'Waiting for the connection…',
  failedAttempts: (count: number) => (count === 1 ? '1 failed attempt' : `${count} failed attempts`),
  retryNow: 'Retry now',
  retryNowAltText: 'Retry now: press F8 to reach the notification',
  recovered: (count: number) => (count === 1 ? 'Recovered' : `${count} requests recovered`),
  recoveredDescription: (label: string) => `${label}: the retry succeeded.`,
  failedGroup: (count: number) => `${count} requests failed`,
  failedDescription: (attempts: number) => `Gave up after ${attempts} attempts.`,
  tryAgain: 'Try again',
  tryAgainAltText: 'Try again: press F8 to reach the notification',
  dismiss: 'Dismiss',
});

/** How long each kind of toast stays, in ms; `Infinity` keeps it until dismissed. Timers pause on hover and focus. */
export interface SenseiToastDurations {
  /** A retry succeeded. @default 4000 */
  recovered: number;
  /** Retries ran out; it carries a request id to copy. @default Infinity */
  failed: number;
  /** App toasts by variant. @default 5000 */
  info: number;
  /** @default 5000 */
  success: number;
  /** @default 8000 */
  error: number;
}

export const defaultToastDurations: SenseiToastDurations = Object.freeze({
  recovered: 4000,
  failed: Number.POSITIVE_INFINITY,
  info: 5000,
  success: 5000,
  error: 8000,
});

export interface SenseiToasterProps extends Omit<ComponentPropsWithoutRef<'ol'>, 'children'> {
  /**
   * Where the viewport sits; also `data-position` on it.
   * @default 'bottom-right'
   */
  position?: SenseiToasterPosition;
  /** @default defaultToasterLabels */
  labels?: Partial<SenseiToasterLabels>;
  /** @default defaultToastDurations */
  durations?: Partial<SenseiToastDurations>;
  /**
   * Keys that move focus to the toasts.
   * @default ['F8']
   */
  hotkey?: string[];
  /**
   * Direction of the swipe that dismisses a toast.
   * @default toward the nearest edge: 'right' for *-right, 'left' for *-left, 'up' for top-center, 'down' for bottom-center
   */
  swipeDirection?: 'up' | 'down' | 'left' | 'right';
  /**
   * Show toasts for Sensei queries and mutations that wait to retry, recover or fail.
   * @default true
   */
  retryToasts?: boolean;
  /**
   * Which retrying requests get a toast, e.g. `(e) => e.key?.[1] !== 'operation'` to leave
   * operation polls out.
   * @default every Sensei query and mutation
   */
  filter?: (entry: RetryActivityEntry) => boolean;
  /**
   * Where app toasts come from (pass the same queue to `useSenseiToast({ queue })`).
   * @default the queue of the provider's client, which `useSenseiToast()` pushes to
   */
  queue?: ToastQueue<SenseiToastContent>;
  /** Class names per toast part (`toast` for each toast's root); the viewport takes `className`. @default {} */
  classNames?: Partial<Record<SenseiToastPart | 'toast', string>>;
}

type ToastModel =
  | { key: string; kind: 'retrying' | 'recovered' | 'failed'; entries: readonly RetryActivityEntry[] }
  | { key: string; kind: 'app'; toast: QueuedToast<SenseiToastContent> };

const SWIPE: Record<SenseiToasterPosition, 'up' | 'down' | 'left' | 'right'> = {
  'top-left': 'left',
  'top-center': 'up',
  'top-right': 'right',
  'bottom-left': 'left',
  'bottom-center': 'down',
  'bottom-right': 'right',
};

// Long enough for any exit animation; closed toasts are dropped after it.
const EXIT_MS = 1000;
const NO_ENTRIES: readonly RetryActivityEntry[] = Object.freeze([]);

function groupKey(kind: string, entries: readonly RetryActivityEntry[]): string {
  // A new member means a new toast, so Radix announces it.
  return `${kind}:${entries.map((entry) => entry.id).join(',')}`;
}

/**
 * Retry toasts and app toasts on Radix Toast. Place it once under `<SenseiProvider>`:
 *
 * - While a Sensei query or mutation waits to retry, one toast says what failed and counts down
 *   to the attempt the retry policy scheduled, with "Retry now" (queries: exactly one request)
 *   and dismiss. It updates in place on each failure; several requests share one toast
 *   ("3 requests retrying", counting down to the earliest).
 * - A retry that succeeds becomes a short success toast; retries that run out become an error
 *   toast with the request id.
 * - `useSenseiToast()` pushes the app's own toasts here.
 *
 * F8 moves focus to the toasts; swipe or Escape dismisses one. The ref is the viewport (`ol`).
 * @example
 * <SenseiProvider client={client}>
 *   <App />
 *   <SenseiToaster position="top-center" />
 * </SenseiProvider>
 */
export const SenseiToaster = forwardRef<HTMLOListElement, SenseiToasterProps>(function SenseiToaster(props, ref) {
  const {
    position = 'bottom-right',
    labels: labelOverrides,
    durations: durationOverrides,
    hotkey,
    swipeDirection,
    retryToasts = true,
    filter,
    queue: queueProp,
    classNames = {},
    className,
    ...rest
  } = props;
  const labels = { ...defaultToasterLabels, ...labelOverrides };
  const durations = { ...defaultToastDurations, ...durationOverrides };
  const activity = useRetryActivity();
  const queue = useSenseiToastQueue(queueProp, 'SenseiToaster');
  const appToasts = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  const entries = retryToasts ? activity.entries : NO_ENTRIES;

  const models = useMemo((): ToastModel[] => {
    const visible = entries.filter((entry) => !entry.dismissed && (!filter || filter(entry)));
    const retrying = visible.filter((entry) => entry.status === 'retrying');
    const failed = visible.filter((entry) => entry.status === 'failed');
    const recovered = visible.filter((entry) => entry.status === 'recovered');
    const list: ToastModel[] = [];
    if (retrying.length > 0) list.push({ key: 'retrying', kind: 'retrying', entries: retrying });
    if (failed.length > 0) list.push({ key: groupKey('failed', failed), kind: 'failed', entries: failed });
    if (recovered.length > 0) list.push({ key: groupKey('recovered', recovered), kind: 'recovered', entries: recovered });
    for (const toast of appToasts) list.push({ key: `app:${toast.key}`, kind: 'app', toast });
    return list;
  }, [entries, filter, appToasts]);
  const rendered = useExitingToasts(models);

  const { retryNow, dismiss } = activity;
  const shared = { labels, classNames, className: classNames.toast };

  return (
    <Toast.Provider label={labels.toast} swipeDirection={swipeDirection ?? SWIPE[position]}>
      {rendered.map(({ model, open }) => {
        const onOpenChange = (next: boolean) => {
          if (next || !open) return;
          if (model.kind === 'app') queue.close(model.toast.key);
          else dismiss(model.entries);
        };
        switch (model.kind) {
          case 'retrying':
            return <RetryingToast key={model.key} {...shared} open={open} onOpenChange={onOpenChange} entries={model.entries} retryNow={retryNow} />;
          case 'recovered':
            return (
              <SenseiToast
                key={model.key}
                open={open}
                onOpenChange={onOpenChange}
                className={cx(classNames.toast)}
                classNames={classNames}
                variant="success"
                type="background"
                duration={durations.recovered}
                data-kind="recovered"
                dismissLabel={labels.dismiss}
                title={labels.recovered(model.entries.length)}
                description={
                  model.entries.length === 1 ? labels.recoveredDescription((model.entries[0] as RetryActivityEntry).label) : summary(model.entries)
                }
              />
            );
          case 'failed':
            return (
              <FailedToast
                key={model.key}
                {...shared}
                open={open}
                onOpenChange={onOpenChange}
                duration={durations.failed}
                entries={model.entries}
                retryNow={retryNow}
              />
            );
          case 'app': {
            const { content, duration } = model.toast;
            const { action } = content;
            return (
              <SenseiToast
                key={model.key}
                open={open}
                onOpenChange={onOpenChange}
                className={cx(classNames.toast)}
                classNames={classNames}
                variant={content.variant}
                type={content.variant === 'error' ? 'foreground' : 'background'}
                duration={duration ?? durations[content.variant]}
                data-kind="app"
                dismissLabel={labels.dismiss}
                title={content.title}
                description={content.description}
                actions={
                  action && (
                    <Toast.Action
                      data-slot="toast-action"
                      className={cx(classNames.action)}
                      altText={action.altText ?? action.label}
                      onClick={() => action.onClick()}
                    >
                      {action.label}
                    </Toast.Action>
                  )
                }
              />
            );
          }
        }
      })}
      <Toast.Viewport
        {...rest}
        ref={ref}
        hotkey={hotkey}
        label={labels.region}
        className={cx(className)}
        data-slot="toaster"
        data-position={position}
        data-state={models.length > 0 ? 'active' : 'idle'}
      />
    </Toast.Provider>
  );
});
SenseiToaster.displayName = 'SenseiToaster';

interface GroupToastProps {
  entries: readonly RetryActivityEntry[];
  labels: SenseiToasterLabels;
  classNames: Partial<Record<SenseiToastPart | 'toast', string>>;
  className: string | undefined;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  retryNow: (entry: RetryActivityEntry) => Promise<void>;
}

/** "Service unavailable (503)" or "3 requests retrying", counting down to the next attempt. */
function RetryingToast({ entries, labels, classNames, className, open, onOpenChange, retryNow }: GroupToastProps) {
  const single = entries.length === 1 ? entries[0] : undefined;
  const waiting = entries.filter((entry) => !entry.paused && !entry.retryingNow && entry.retryAt !== undefined);
  const nextAt = waiting.length > 0 ? Math.min(...waiting.map((entry) => entry.retryAt as number)) : undefined;
  const retryable = entries.filter((entry) => entry.canRetryNow);

  let description;
  if (entries.every((entry) => entry.paused)) description = labels.paused;
  else if (single?.retryingNow) description = labels.retryingNow;
  else if (nextAt === undefined) description = labels.retryingSoon;
  else description = <RetryCountdown at={nextAt} labels={labels} grouped={!single} />;

  return (
    <SenseiToast
      open={open}
      onOpenChange={onOpenChange}
      className={cx(className)}
      classNames={classNames}
      variant="warning"
      type="background"
      duration={Number.POSITIVE_INFINITY}
      data-kind="retrying"
      data-count={entries.length}
      dismissLabel={labels.dismiss}
      title={single ? single.label : labels.retryingGroup(entries.length)}
      description={description}
      actions={
        retryable.length > 0 && (
          <Toast.Action
            data-slot="toast-action"
            data-action="retry-now"
            className={cx(classNames.action)}
            altText={labels.retryNowAltText}
            onClick={(event) => {
              // Keep the toast open: it shows the attempt, then turns into its outcome.
              event.preventDefault();
              for (const entry of retryable) void retryNow(entry);
            }}
          >
            {labels.retryNow}
          </Toast.Action>
        )
      }
    >
      {single ? (
        single.failureCount > 1 && (
          <p data-slot="toast-meta" className={cx(classNames.meta)}>
            {labels.failedAttempts(single.failureCount)}
          </p>
        )
      ) : (
        <p data-slot="toast-meta" className={cx(classNames.meta)}>
          {summary(entries)}
        </p>
      )}
    </SenseiToast>
  );
}

/** The live part of the retry toast: only this re-renders every second. */
function RetryCountdown({ at, labels, grouped }: { at: number; labels: SenseiToasterLabels; grouped: boolean }) {
  const left = useCountdown(at);
  const text = left > 0 ? (grouped ? labels.nextRetryIn : labels.retryIn)(formatCountdown(left)) : labels.retryingNow;
  return (
    <span data-slot="toast-countdown" data-state={left > 0 ? 'waiting' : 'due'}>
      {text}
    </span>
  );
}

/** Retries ran out: what failed, after how many attempts, and the request id to quote. */
function FailedToast({ entries, labels, classNames, className, open, onOpenChange, retryNow, duration }: GroupToastProps & { duration: number }) {
  const single = entries.length === 1 ? entries[0] : undefined;
  const retryable = entries.filter((entry) => entry.canRetryNow);
  return (
    <SenseiToast
      open={open}
      onOpenChange={onOpenChange}
      className={cx(className)}
      classNames={classNames}
      variant="error"
      type="foreground"
      duration={duration}
      data-kind="failed"
      data-count={entries.length}
      dismissLabel={labels.dismiss}
      title={single ? single.label : labels.failedGroup(entries.length)}
      description={single ? labels.failedDescription(single.failureCount) : undefined}
      actions={
        retryable.length > 0 && (
          <Toast.Action
            data-slot="toast-action"
            data-action="try-again"
            className={cx(classNames.action)}
            altText={labels.tryAgainAltText}
            onClick={() => {
              for (const entry of retryable) void retryNow(entry);
            }}
          >
            {labels.tryAgain}
          </Toast.Action>
        )
      }
    >
      {single ? (
        single.requestId !== undefined && <SenseiRequestId requestId={single.requestId} labels={labels} />
      ) : (
        <ul data-slot="toast-list">
          {entries.map((entry) => (
            <li key={entry.id} data-slot="toast-list-item">
              <span data-slot="toast-list-label">{entry.label}</span>
              {entry.requestId !== undefined && <SenseiRequestId requestId={entry.requestId} labels={labels} />}
            </li>
          ))}
        </ul>
      )}
    </SenseiToast>
  );
}

/** "Service unavailable (503) ×2 · Bad gateway (502)": what a group is made of. */
function summary(entries: readonly RetryActivityEntry[]): string {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.label, (counts.get(entry.label) ?? 0) + 1);
  return [...counts].map(([label, count]) => (count > 1 ? `${label} ×${count}` : label)).join(' · ');
}

/**
 * Keeps toasts that left the list rendered with `open={false}` for a moment, so Radix plays
 * their exit animation instead of cutting them off.
 */
function useExitingToasts(models: readonly ToastModel[]): { model: ToastModel; open: boolean }[] {
  const [state, setState] = useState({ models, exiting: [] as readonly ToastModel[] });
  let current = state;
  if (state.models !== models) {
    const keys = new Set(models.map((model) => model.key));
    const gone = state.models.filter((model) => !keys.has(model.key));
    const goneKeys = new Set(gone.map((model) => model.key));
    current = { models, exiting: [...state.exiting.filter((model) => !keys.has(model.key) && !goneKeys.has(model.key)), ...gone] };
    setState(current);
  }
  const { exiting } = current;
  useEffect(() => {
    if (exiting.length === 0) return;
    const handle = timers.setTimeout(() => setState((s) => ({ ...s, exiting: [] })), EXIT_MS);
    return () => timers.clearTimeout(handle);
  }, [exiting]);
  return [...models.map((model) => ({ model, open: true })), ...exiting.map((model) => ({ model, open: false }))];
}

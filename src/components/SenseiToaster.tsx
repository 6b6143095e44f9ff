'use client';
import * as Toast from '@radix-ui/react-toast';
import { forwardRef, useEffect, useMemo, useState, useSyncExternalStore, type ComponentPropsWithoutRef } from 'react';
import { formatCountdown } from '../core/formatCountdown.js';
import { timers } from '../core/timers.js';
import type { QueuedToast, ToastQueue } from '../core/ToastQueue.js';
import type { RetryActivityEntry } from '../react/RetryActivityStore.js';
import { useCountdown } from '../react/useCountdown.js';
import { useGateOpenAt } from '../react/useGateOpenAt.js';
import { useIsBefore } from '../react/useIsBefore.js';
import { useRetryActivity } from '../react/useRetryActivity.js';
import { useSenseiToastQueue, type SenseiToastContent } from '../react/useSenseiToast.js';
import { cx } from './cx.js';
import { DEFAULT_TIME_FORMAT, formatTime } from './formatTime.js';
import { SenseiToast, type SenseiToastPart, type SenseiToastProps } from './SenseiToast.js';
import { defaultRequestIdLabels, SenseiRequestId, type SenseiRequestIdLabels } from './SenseiRequestId.js';

/** Where the toasts appear. */
export type SenseiToasterPosition = 'top-left' | 'top-center' | 'top-right' | 'bottom-left' | 'bottom-center' | 'bottom-right';

/** Every word of the toaster; replace them for another language. What failed comes from the error catalog. */
export interface SenseiToasterLabels extends SenseiRequestIdLabels {
  /** Landmark name of the viewport; `{hotkey}` is replaced. @default 'Notifications ({hotkey})' */
  region: string;
  /** Said before each toast's announcement. @default 'Notification' */
  toast: string;
  /**
   * Title of the grouped retry toast; `formatted` is `count` in `locale`, `count` is for plural rules.
   * @default (count, formatted) => `${formatted} requests retrying`
   */
  retryingGroup: (count: number, formatted: string) => string;
  /** One request's countdown. @default (countdown) => `Retrying in ${countdown}` */
  retryIn: (countdown: string) => string;
  /** The grouped toast's countdown to the earliest retry. @default (countdown) => `Next retry in ${countdown}` */
  nextRetryIn: (countdown: string) => string;
  /** The countdown while the next attempt waits for the rate limit. @default (countdown) => `Waiting for the rate limit, ${countdown}` */
  rateLimitedIn: (countdown: string) => string;
  /** "Retry now" while the rate limit holds every request: when it will work. @default (time) => `Retry at ${time}` */
  retryAt: (time: string) => string;
  /** "Try again" while the rate limit holds every request, or a final 429 says when requests resume. @default (time) => `Try again at ${time}` */
  tryAgainAt: (time: string) => string;
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
  /**
   * Title of the success toast; `formatted` is `count` in `locale`.
   * @default (count, formatted) => count === 1 ? 'Recovered' : `${formatted} requests recovered`
   */
  recovered: (count: number, formatted: string) => string;
  /** Under the title of a single success. @default (label) => `${label}: the retry succeeded.` */
  recoveredDescription: (label: string) => string;
  /** Title of the grouped final error; `formatted` is `count` in `locale`. @default (count, formatted) => `${formatted} requests failed` */
  failedGroup: (count: number, formatted: string) => string;
  /** Under the title of a final error. @default (attempts) => `Gave up after ${attempts} attempts.` */
  failedDescription: (attempts: number) => string;
  /** Starts a failed query over. @default 'Try again' */
  tryAgain: string;
  /** @default 'Try again: press F8 to reach the notification' */
  tryAgainAltText: string;
  /** Accessible name of every toast's close button. @default 'Dismiss' */
  dismiss: string;
  /** One kind of failure in a group's summary, `count` in `locale`. @default (label, count) => `${label} ×${count}` */
  times: (label: string, count: string) => string;
  /** Between the parts of a group's summary. @default ' · ' */
  separator: string;
  /** Under a list capped at `listLimit`, `count` in `locale`. @default (count) => `+${count} more` */
  more: (count: string) => string;
}

export const defaultToasterLabels: SenseiToasterLabels = Object.freeze({
  ...defaultRequestIdLabels,
  region: 'Notifications ({hotkey})',
  toast: 'Notification',
  retryingGroup: (_count: number, formatted: string) => `${formatted} requests retrying`,
  retryIn: (countdown: string) => `Retrying in ${countdown}`,
  nextRetryIn: (countdown: string) => `Next retry in ${countdown}`,
  rateLimitedIn: (countdown: string) => `Waiting for the rate limit, ${countdown}`,
  retryAt: (time: string) => `Retry at ${time}`,
  tryAgainAt: (time: string) => `Try again at ${time}`,
  retryingNow: 'Retrying now…',
  retryingSoon: 'Retrying soon…',
  paused: 'Waiting for the connection…',
  failedAttempts: (count: number) => (count === 1 ? '1 failed attempt' : `${count} failed attempts`),
  retryNow: 'Retry now',
  retryNowAltText: 'Retry now: press F8 to reach the notification',
  recovered: (count: number, formatted: string) => (count === 1 ? 'Recovered' : `${formatted} requests recovered`),
  recoveredDescription: (label: string) => `${label}: the retry succeeded.`,
  failedGroup: (_count: number, formatted: string) => `${formatted} requests failed`,
  failedDescription: (attempts: number) => `Gave up after ${attempts} attempts.`,
  tryAgain: 'Try again',
  tryAgainAltText: 'Try again: press F8 to reach the notification',
  dismiss: 'Dismiss',
  times: (label: string, count: string) => `${label} ×${count}`,
  separator: ' · ',
  more: (count: string) => `+${count} more`,
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
  failed: Infinity,
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
  /**
   * Locale of the times, counts and countdown digits a toast shows.
   * @default the browser's
   */
  locale?: Intl.LocalesArgument;
  /**
   * How many toasts show at once; the rest wait their turn (retry groups first, then app
   * toasts, oldest first) and their timers start when they show.
   * @default 3
   */
  limit?: number;
  /**
   * How many show at once on a narrow screen (under 480 px wide), where more would run off it.
   * @default 1
   */
  narrowLimit?: number;
  /**
   * How many requests a group's toast lists; the rest are counted ("+17 more").
   * @default 3
   */
  listLimit?: number;
  /**
   * Format of those times.
   * @default { hour: 'numeric', minute: '2-digit' }
   */
  timeFormat?: Intl.DateTimeFormatOptions;
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
  | { key: string; kind: RetryActivityEntry['status']; entries: readonly RetryActivityEntry[] }
  | { key: string; kind: 'app'; toast: QueuedToast<SenseiToastContent> };

type ToasterClassNames = NonNullable<SenseiToasterProps['classNames']>;

/** What every toast of the toaster shares, passed on to `SenseiToast` as is. */
type SharedToastProps = Pick<SenseiToastProps, 'open' | 'onOpenChange' | 'className' | 'dismissLabel'> & { classNames: ToasterClassNames };

const SWIPE: Record<SenseiToasterPosition, 'up' | 'down' | 'left' | 'right'> = {
  'top-left': 'left',
  'top-center': 'up',
  'top-right': 'right',
  'bottom-left': 'left',
  'bottom-center': 'down',
  'bottom-right': 'right',
};

// The order the retry toasts stack in.
const GROUPS = ['retrying', 'failed', 'recovered'] as const;

// Long enough for any exit animation; closed toasts are dropped after it.
const EXIT_MS = 1000;
const NO_ENTRIES: readonly RetryActivityEntry[] = Object.freeze([]);

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
    locale,
    timeFormat = DEFAULT_TIME_FORMAT,
    limit = 3,
    narrowLimit = 1,
    listLimit = 3,
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
  const { entries: activityEntries, retryNow, dismiss } = useRetryActivity();
  const queue = useSenseiToastQueue(queueProp, 'SenseiToaster');
  const appToasts = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  const entries = retryToasts ? activityEntries : NO_ENTRIES;
  // While the gate is closed a retry can only wait: actions say when they will work.
  const gateOpenAt = useGateOpenAt();
  const formatAt = (at: number) => formatTime(at, locale, timeFormat);
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow, () => false);
  const shown = Math.max(1, Math.floor(narrow ? Math.min(limit, narrowLimit) : limit) || 1);
  const number = new Intl.NumberFormat(locale);
  const format: GroupFormat = {
    number: (n) => number.format(n),
    // Countdown digits in the locale's numbering system (0:05 → ٠:٠٥ in `ar-EG`).
    digits: (text) => text.replace(/\d/g, (digit) => number.format(Number(digit))),
    time: formatAt,
  };

  const models = useMemo((): ToastModel[] => {
    // The provider's rule: only failures no panel shows, of work someone is looking at.
    const visible = entries.filter((entry) => entry.surface === 'toast' && !entry.dismissed && (!filter || filter(entry)));
    const list: ToastModel[] = [];
    for (const kind of GROUPS) {
      const group = visible.filter((entry) => entry.status === kind);
      // One stable toast per kind: a burst updates it in place (announced once, focus kept).
      if (group.length > 0) list.push({ key: kind, kind, entries: group });
    }
    for (const toast of appToasts) list.push({ key: `app:${toast.key}`, kind: 'app', toast });
    return list;
  }, [entries, filter, appToasts]);
  // The rest wait their turn: a narrow screen is not filled from edge to edge.
  const showing = useMemo(() => models.slice(0, shown), [models, shown]);
  const rendered = useExitingToasts(showing);

  return (
    <Toast.Provider label={labels.toast} swipeDirection={swipeDirection ?? SWIPE[position]}>
      {rendered.map(({ model, open }) => {
        const shared: SharedToastProps = {
          open,
          onOpenChange: (next) => {
            if (next || !open) return;
            if (model.kind === 'app') queue.close(model.toast.key);
            else dismiss(model.entries);
          },
          className: classNames.toast,
          classNames,
          dismissLabel: labels.dismiss,
        };
        if (model.kind === 'app') {
          const { content, duration } = model.toast;
          const { action } = content;
          return (
            <SenseiToast
              key={model.key}
              {...shared}
              variant={content.variant}
              type={content.variant === 'error' ? 'foreground' : 'background'}
              duration={duration ?? durations[content.variant]}
              data-kind="app"
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
        const group = model.entries;
        if (model.kind === 'recovered') {
          return (
            <SenseiToast
              key={model.key}
              {...shared}
              variant="success"
              type="background"
              duration={durations.recovered}
              data-kind="recovered"
              title={labels.recovered(group.length, format.number(group.length))}
              description={
                group.length === 1 ? labels.recoveredDescription((group[0] as RetryActivityEntry).label) : summary(group, labels, format)
              }
            />
          );
        }
        return (
          <GroupToast
            key={model.key}
            {...shared}
            kind={model.kind}
            entries={group}
            labels={labels}
            retryNow={retryNow}
            gateOpenAt={gateOpenAt}
            format={format}
            listLimit={listLimit}
            duration={model.kind === 'failed' ? durations.failed : Infinity}
          />
        );
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
        data-queued={models.length > shown ? models.length - shown : undefined}
      />
    </Toast.Provider>
  );
});
SenseiToaster.displayName = 'SenseiToaster';

interface GroupToastProps extends SharedToastProps {
  kind: 'retrying' | 'failed';
  duration: number;
  entries: readonly RetryActivityEntry[];
  labels: SenseiToasterLabels;
  retryNow: (entry: RetryActivityEntry) => Promise<void>;
  /** When the rate-limit gate opens, while it is closed. */
  gateOpenAt: number | undefined;
  format: GroupFormat;
  listLimit: number;
}

/** Numbers, countdown digits and times in the toaster's `locale`. */
interface GroupFormat {
  number: (value: number) => string;
  digits: (text: string) => string;
  time: (at: number) => string;
}

const NARROW = '(max-width: 480px)';
const subscribeNarrow = (listener: () => void) => {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(NARROW);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
};
const isNarrow = () => typeof matchMedia === 'function' && matchMedia(NARROW).matches;
// Left out of the toast's announcement: one short summary is read, not a list of ids.
const NOT_ANNOUNCED = { 'data-radix-toast-announce-exclude': '' };

/** The later of two optional times. */
const later = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/**
 * A group's toast. `retrying`: "Service unavailable (503)" or "3 requests retrying", counting
 * down to the next attempt, with "Retry now" (the toast shows the attempt, then turns into its
 * outcome). `failed`: retries ran out — what failed, after how many attempts, the request id to
 * quote, and "Try again". Either action sends one request for each query of the group that can
 * be retried; none for mutations.
 */
function GroupToast({ kind, entries, labels, retryNow, gateOpenAt, format, listLimit, ...shared }: GroupToastProps) {
  const retrying = kind === 'retrying';
  const single = entries.length === 1 ? entries[0] : undefined;
  // A rate-limited failure (a wait past the cap fails at once) cannot be tried again before this.
  const resumeAt = retrying ? undefined : entries.reduce<number | undefined>((at, entry) => later(at, entry.resumeAt), gateOpenAt);
  // While the gate is closed a retry can only wait.
  const resumePending = useIsBefore(resumeAt);
  const blockedUntil = retrying ? gateOpenAt : resumePending ? resumeAt : undefined;
  const blocked = blockedUntil !== undefined;
  const retryable = entries.filter((entry) => entry.canRetryNow);

  let description;
  let details;
  if (retrying) {
    // Each attempt goes out when its retry is due and the gate lets it: the later of the two.
    let next: { at: number; gated: boolean } | undefined;
    for (const { retryingNow, waiting, nextAttemptAt } of entries) {
      const at = later(nextAttemptAt, gateOpenAt);
      if (retryingNow || !(waiting === 'retry' || waiting === 'rate-limit') || at === undefined || (next && next.at <= at)) continue;
      next = { at, gated: waiting === 'rate-limit' || at !== nextAttemptAt };
    }
    const meta = single ? single.failureCount > 1 && labels.failedAttempts(single.failureCount) : summary(entries, labels, format);
    if (entries.every((entry) => entry.paused)) description = labels.paused;
    else if (single && (single.retryingNow || single.waiting === null)) description = labels.retryingNow;
    else if (next === undefined) description = labels.retryingSoon;
    else {
      const sentence = next.gated ? labels.rateLimitedIn : single ? labels.retryIn : labels.nextRetryIn;
      description = <RetryCountdown at={next.at} format={(countdown) => sentence(format.digits(countdown))} due={labels.retryingNow} />;
    }
    details = meta !== false && (
      <p data-slot="toast-meta" className={cx(shared.classNames.meta)}>
        {meta}
      </p>
    );
  } else if (single) {
    description = labels.failedDescription(single.failureCount);
    details = single.requestId !== undefined && <SenseiRequestId {...NOT_ANNOUNCED} requestId={single.requestId} labels={labels} />;
  } else {
    // Capped, so one toast cannot run off a small screen; the oldest stay put, so a focused
    // Copy button is not moved or removed when more failures join.
    const more = entries.length - listLimit;
    description = summary(entries, labels, format);
    details = (
      <>
        <ul data-slot="toast-list" {...NOT_ANNOUNCED}>
          {entries.slice(0, Math.max(0, listLimit)).map((entry) => (
            <li key={entry.id} data-slot="toast-list-item">
              <span data-slot="toast-list-label">{entry.label}</span>
              {entry.requestId !== undefined && <SenseiRequestId requestId={entry.requestId} labels={labels} />}
            </li>
          ))}
        </ul>
        {more > 0 && (
          <p data-slot="toast-more" {...NOT_ANNOUNCED}>
            {labels.more(format.number(more))}
          </p>
        )}
      </>
    );
  }

  return (
    <SenseiToast
      {...shared}
      variant={retrying ? 'warning' : 'error'}
      type={retrying ? 'background' : 'foreground'}
      data-kind={kind}
      data-count={entries.length}
      title={single ? single.label : (retrying ? labels.retryingGroup : labels.failedGroup)(entries.length, format.number(entries.length))}
      description={description}
      actions={
        retryable.length > 0 && (
          // Kept mounted and focusable while blocked (aria-disabled), saying when it will work.
          <Toast.Action
            data-slot="toast-action"
            data-action={retrying ? 'retry-now' : 'try-again'}
            data-state={blocked ? 'waiting' : 'ready'}
            aria-disabled={blocked || undefined}
            className={cx(shared.classNames.action)}
            altText={retrying ? labels.retryNowAltText : labels.tryAgainAltText}
            onClick={(event) => {
              if (retrying || blocked) event.preventDefault();
              if (blocked) return;
              for (const entry of retryable) void retryNow(entry);
            }}
          >
            {blocked
              ? (retrying ? labels.retryAt : labels.tryAgainAt)(format.time(blockedUntil))
              : retrying
                ? labels.retryNow
                : labels.tryAgain}
          </Toast.Action>
        )
      }
    >
      {details}
    </SenseiToast>
  );
}

/** The live part of the retry toast: only this re-renders every second. */
function RetryCountdown({ at, format, due }: { at: number; format: (countdown: string) => string; due: string }) {
  const left = useCountdown(at);
  const text = left > 0 ? format(formatCountdown(left)) : due;
  return (
    <span data-slot="toast-countdown" data-state={left > 0 ? 'waiting' : 'due'}>
      {text}
    </span>
  );
}

/** "Service unavailable (503) ×2 · Bad gateway (502)": what a group is made of, in `labels` and `locale`. */
function summary(entries: readonly RetryActivityEntry[], labels: SenseiToasterLabels, format: GroupFormat): string {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.label, (counts.get(entry.label) ?? 0) + 1);
  return [...counts].map(([label, count]) => (count > 1 ? labels.times(label, format.number(count)) : label)).join(labels.separator);
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

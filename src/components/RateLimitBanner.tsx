'use client';
import { forwardRef, useCallback, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { formatCountdown } from '../core/formatCountdown.js';
import { lowRemainingThreshold } from '../core/lowRemainingThreshold.js';
import type { RateLimitState } from '../core/RateLimitStore.js';
import { timers } from '../core/timers.js';
import { useCountdown } from '../react/useCountdown.js';
import { useIsBefore } from '../react/useIsBefore.js';
import { useRateLimit } from '../react/useRateLimit.js';
import { cx } from './cx.js';
import { DEFAULT_TIME_FORMAT, formatTime } from './formatTime.js';
import { useFocusRecovery } from './useFocusRecovery.js';
import { useNumberFormat } from './useNumberFormat.js';
import { visuallyHidden } from './visuallyHidden.js';

/**
 * What the low-quota labels get: the counts as numbers (for plural rules) and as text grouped
 * for `locale` (`formatted`), and the reset time (with its date when it is not today).
 */
export interface RateLimitBannerLowDetails {
  remaining: number;
  limit: number;
  resetTime: string | undefined;
  formatted: { remaining: string; limit: string };
}

/** Words of the banner; replace them for another language. */
export interface RateLimitBannerLabels {
  /**
   * Visible text when few requests are left.
   * @default ({ limit, resetTime, formatted }) => `${formatted.remaining} of ${formatted.limit} ${limit === 1 ? 'request' : 'requests'} left` + (resetTime ? `, resets at ${resetTime}` : '')
   */
  low: (details: RateLimitBannerLowDetails) => string;
  /**
   * What screen readers hear when the banner turns low. No remaining count, so it does not
   * change (and get announced again) with every request.
   * @default ({ limit, resetTime, formatted }) => `Few of ${formatted.limit} ${limit === 1 ? 'request' : 'requests'} left` + (resetTime ? `, the limit resets at ${resetTime}` : '') + '.'
   */
  lowStatus: (details: Omit<RateLimitBannerLowDetails, 'remaining' | 'formatted'> & { formatted: { limit: string } }) => string;
  /** Visible title while limited. @default 'Rate limit reached' */
  limited: string;
  /** The ticking part, hidden from screen readers. @default (countdown) => `requests resume in ${countdown}` */
  resumeIn: (countdown: string) => string;
  /** Instead of the countdown while more than five minutes are left. @default (time) => `requests resume at ${time}` */
  resumeAt: (time: string) => string;
  /** What screen readers hear once when the limit is reached. @default (time) => `Rate limit reached. Requests resume at ${time}.` */
  limitedStatus: (time: string) => string;
  /** Shown for `recoveredMs` after the wait ends. @default 'Requests are going out again.' */
  recovered: string;
  /** Added when the server's rate-limit headers were unreadable (CORS). @default 'The wait time is estimated.' */
  estimated: string;
  /** Accessible name of the dismiss button. @default 'Dismiss rate-limit warning' */
  dismiss: string;
}

// English plurals: `1` is the only "one" of whole counts (Intl.PluralRules('en') agrees).
const requests = (count: number) => (count === 1 ? 'request' : 'requests');

export const defaultRateLimitBannerLabels: RateLimitBannerLabels = Object.freeze({
  low: ({ limit, resetTime, formatted }: RateLimitBannerLowDetails) =>
    `${formatted.remaining} of ${formatted.limit} ${requests(limit)} left${resetTime ? `, resets at ${resetTime}` : ''}`,
  lowStatus: ({ limit, resetTime, formatted }: { limit: number; resetTime: string | undefined; formatted: { limit: string } }) =>
    `Few of ${formatted.limit} ${requests(limit)} left${resetTime ? `, the limit resets at ${resetTime}` : ''}.`,
  limited: 'Rate limit reached',
  resumeIn: (countdown: string) => `requests resume in ${countdown}`,
  resumeAt: (time: string) => `requests resume at ${time}`,
  limitedStatus: (time: string) => `Rate limit reached. Requests resume at ${time}.`,
  recovered: 'Requests are going out again.',
  estimated: 'The wait time is estimated.',
  dismiss: 'Dismiss rate-limit warning',
});

/** What the banner shows; also its `data-state`. */
export type RateLimitBannerState = 'hidden' | 'low' | 'limited' | 'recovered';

/** The parts of the banner; each has `data-slot="rate-limit-banner-<part>"` and a `classNames` entry. */
export type RateLimitBannerPart = 'icon' | 'body' | 'message' | 'title' | 'countdown' | 'note' | 'status' | 'action' | 'dismiss';

export interface RateLimitBannerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * The rate-limit state to show, for stories, tests and server rendering.
   * @default the state of the nearest `<SenseiProvider>`'s client, live
   */
  state?: RateLimitState;
  /**
   * At or below this many remaining requests the banner warns.
   * @default 10% of the limit, at least 1
   */
  lowThreshold?: number;
  /**
   * Locale of the reset time.
   * @default the browser's
   */
  locale?: Intl.LocalesArgument;
  /**
   * Format of the reset time in the low warning (the limited state adds seconds; a time that is
   * not today adds the date). Any valid `Intl` option works, `timeStyle` included.
   * @default { hour: 'numeric', minute: '2-digit' }
   */
  timeFormat?: Intl.DateTimeFormatOptions;
  /**
   * Your own control in the low and limited states, such as "Upgrade plan" or "View usage".
   * It is in the Tab order and keeps focus when the state changes.
   * @default none
   * @example
   * <RateLimitBanner action={<a href="/billing">Upgrade plan</a>} />
   */
  action?: ReactNode;
  /**
   * How long "Requests are going out again" shows after the wait ends, in ms; `0` hides the
   * banner at once.
   * @default 0
   */
  recoveredMs?: number;
  /**
   * Offer a dismiss button on the low warning (never while limited). A dismissed warning stays
   * hidden until the window resets.
   * @default true
   */
  dismissible?: boolean;
  /** Called when the user dismisses the low warning. @default none */
  onDismiss?: () => void;
  /** @default defaultRateLimitBannerLabels */
  labels?: Partial<RateLimitBannerLabels>;
  /** Class names per part; the root takes `className`. @default {} */
  classNames?: Partial<Record<RateLimitBannerPart, string>>;
}

/** Longer waits (past the retry cap: a long 429 fails requests at once) show the time, not digits. */
const COUNTDOWN_MS = 5 * 60_000;

/**
 * Resets this close are the same window. A reset sent as seconds-until (fastify) becomes a
 * slightly different instant on every response (whole seconds plus latency).
 */
const WINDOW_SLACK_MS = 2_000;

const sameWindow = (a: number | undefined, b: number | undefined) =>
  a === b || (a !== undefined && b !== undefined && Math.abs(a - b) <= WINDOW_SLACK_MS);


// The icons' strokes.
const stroke = { fill: 'none', stroke: 'currentColor' } as const;
const line = { ...stroke, strokeWidth: '1.75', strokeLinecap: 'round' } as const;

function thresholdFor(limit: number | undefined, lowThreshold: number | undefined): number {
  return lowThreshold ?? lowRemainingThreshold(limit);
}

/** When the gate opens (epoch ms): the later of `Retry-After` and, with nothing left, the reset. */
function openAtOf(state: RateLimitState): number | undefined {
  if (!state.isLimited) return undefined;
  return Math.max(state.retryAt ?? 0, state.remaining === 0 ? (state.resetAt ?? 0) : 0) || undefined;
}

/**
 * Warns before and while the client is rate limited. Low: "5 of 100 requests left, resets at
 * 14:05", dismissible. Limited: "Rate limit reached — requests resume in 0:42", counting down
 * and hiding by itself when the gate opens (or saying so for `recoveredMs`).
 *
 * Screen readers hear a polite `role="status"` sentence when the state changes, never the
 * ticking digits. Only the countdown re-renders each second: not the banner, its parent or
 * other `useRateLimit` subscribers. The root stays in the DOM (empty) while hidden, so the live
 * region exists before it has something to say. Root attributes: `data-slot="rate-limit-banner"`,
 * `data-state` (`hidden`, `low`, `limited`, `recovered`), `data-estimated`.
 * @example
 * <RateLimitBanner locale="en-GB" recoveredMs={3000} />
 */
export const RateLimitBanner = forwardRef<HTMLDivElement, RateLimitBannerProps>(function RateLimitBanner(props, ref) {
  return props.state ? <RateLimitBannerView {...props} state={props.state} ref={ref} /> : <ConnectedRateLimitBanner {...props} ref={ref} />;
});
RateLimitBanner.displayName = 'RateLimitBanner';

/** Reads the provider's store; re-renders when what the banner shows changes, not on every response. */
const ConnectedRateLimitBanner = forwardRef<HTMLDivElement, RateLimitBannerProps>(function ConnectedRateLimitBanner(props, ref) {
  const { lowThreshold } = props;
  const select = useCallback(
    (state: RateLimitState): RateLimitState =>
      // Plenty left: the exact count is not shown, so it need not re-render the banner.
      !state.isLimited && state.remaining !== undefined && state.remaining > thresholdFor(state.limit, lowThreshold)
        ? { ...state, remaining: Infinity }
        : state,
    [lowThreshold],
  );
  const state = useRateLimit(select);
  return <RateLimitBannerView {...props} state={state} ref={ref} />;
});

const RateLimitBannerView = forwardRef<HTMLDivElement, RateLimitBannerProps & { state: RateLimitState }>(function RateLimitBannerView(
  {
    state,
    lowThreshold,
    locale,
    timeFormat = DEFAULT_TIME_FORMAT,
    action,
    recoveredMs = 0,
    dismissible = true,
    onDismiss,
    labels: labelOverrides,
    classNames = {},
    className,
    ...rest
  },
  ref,
) {
  const labels = { ...defaultRateLimitBannerLabels, ...labelOverrides };
  const { limit, remaining, resetAt } = state;
  const formatNumber = useNumberFormat(locale);
  // Dismiss goes away, or "low" turns "limited" under the keyboard: focus stays in the banner.
  const rootRef = useFocusRecovery({ ref });
  const openAt = openAtOf(state);
  // These re-render the banner once, when their time comes; the digits tick in <Countdown>.
  const limited = useIsBefore(openAt);
  const longWait = useIsBefore(openAt === undefined ? undefined : openAt - COUNTDOWN_MS);
  const windowOpen = useIsBefore(resetAt) || resetAt === undefined;

  const [wasLimited, setWasLimited] = useState(limited);
  const [recoveredUntil, setRecoveredUntil] = useState<number | undefined>(undefined);
  if (wasLimited !== limited) {
    setWasLimited(limited);
    setRecoveredUntil(!limited && recoveredMs > 0 ? timers.now() + recoveredMs : undefined);
  }
  const recovered = useIsBefore(recoveredUntil) && !limited;

  // A dismissed warning stays dismissed for its window, however the reset was sent.
  const [dismissedFor, setDismissedFor] = useState<{ resetAt: number | undefined } | undefined>(undefined);
  const dismissed = dismissedFor !== undefined && sameWindow(dismissedFor.resetAt, resetAt);

  const low =
    !limited &&
    windowOpen &&
    limit !== undefined &&
    remaining !== undefined &&
    remaining <= thresholdFor(limit, lowThreshold) &&
    !dismissed;

  const mode: RateLimitBannerState = limited ? 'limited' : recovered ? 'recovered' : low ? 'low' : 'hidden';
  // A daily quota resets tomorrow: the time then says the date.
  const format = (at: number, seconds?: boolean) => formatTime(at, locale, timeFormat, { seconds, date: true, now: timers.now() });
  const resetTime = resetAt !== undefined ? format(resetAt) : undefined;
  const estimated = mode === 'limited' && state.headersHidden;
  const part = (name: RateLimitBannerPart) => ({ 'data-slot': `rate-limit-banner-${name}`, className: cx(classNames[name]) });

  // The visible message, and the steady sentence screen readers hear instead.
  let message: ReactNode = null;
  let status = '';
  if (mode === 'limited' && openAt !== undefined) {
    message = (
      <>
        <strong {...part('title')}>{labels.limited}</strong>
        {' — '}
        {longWait ? (
          <span {...part('countdown')}>{labels.resumeAt(format(openAt))}</span>
        ) : (
          <Countdown at={openAt} format={labels.resumeIn} className={classNames.countdown} />
        )}
      </>
    );
    status = labels.limitedStatus(format(openAt, true));
    if (estimated) status += ` ${labels.estimated}`;
  } else if (mode === 'low' && limit !== undefined && remaining !== undefined) {
    const formatted = { remaining: formatNumber(remaining), limit: formatNumber(limit) };
    message = labels.low({ remaining, limit, resetTime, formatted });
    status = labels.lowStatus({ limit, resetTime, formatted });
  } else if (mode === 'recovered') {
    message = status = labels.recovered;
  }

  return (
    <div
      {...rest}
      ref={rootRef}
      className={cx(className)}
      data-slot="rate-limit-banner"
      data-state={mode}
      data-estimated={estimated ? '' : undefined}
    >
      {mode !== 'hidden' && (
        <svg
          {...part('icon')}
          viewBox="0 0 20 20"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
        >
          <circle cx="10" cy="10" r="8.25" {...stroke} strokeWidth="1.5" />
          <path d="M10 5.5V10l3 2" {...line} strokeLinejoin="round" />
        </svg>
      )}
      {mode !== 'hidden' && (
        // Visible text for sighted users; screen readers get the steady sentence below instead.
        <div {...part('body')} aria-hidden="true">
          <p {...part('message')}>{message}</p>
          {estimated && (
            <p {...part('note')}>{labels.estimated}</p>
          )}
        </div>
      )}
      <p role="status" {...part('status')} style={visuallyHidden}>
        {status}
      </p>
      {action != null && (mode === 'low' || mode === 'limited') && <div {...part('action')}>{action}</div>}
      {mode === 'low' && dismissible && (
        <button
          type="button"
          {...part('dismiss')}
          aria-label={labels.dismiss}
          onClick={() => {
            setDismissedFor({ resetAt });
            onDismiss?.();
          }}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" {...line} />
          </svg>
        </button>
      )}
    </div>
  );
});

/** The ticking digits: the only part that re-renders every second. */
function Countdown({ at, format, className }: { at: number; format: (countdown: string) => string; className: string | undefined }) {
  const left = useCountdown(at);
  return (
    <span data-slot="rate-limit-banner-countdown" className={cx(className)}>
      {format(formatCountdown(left))}
    </span>
  );
}

/** The components' default `timeFormat`: when requests resume, to the minute. */
export const DEFAULT_TIME_FORMAT: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** What a component adds to the caller's `timeFormat`. */
export interface FormatTimeExtras {
  /** Show seconds too (a wait that ends within the minute). */
  seconds?: boolean;
  /** Show the date when `at` is not on the same day as `now`, in the format's time zone (a daily quota). */
  date?: boolean;
  /** Today, for `date`. @default Date.now() */
  now?: number;
}

const DATE_FIELDS = ['weekday', 'era', 'year', 'month', 'day', 'dateStyle'] as const;

/** The calendar day of `at` in `timeZone`, comparable across days. */
const dayOf = (at: number, timeZone: string | undefined) =>
  new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * `at` (epoch ms) as a time of day in `locale`, with seconds or the date added as `extras` ask.
 * The additions follow the format's own style (`timeStyle: 'short'` becomes `'medium'` for
 * seconds, never `timeStyle` plus `second`, which `Intl` refuses), and no valid `Intl` option
 * can make it throw: a combination `Intl` refuses falls back to the caller's format alone, then
 * to the default; an invalid `at` gives `''`.
 */
export function formatTime(at: number, locale: Intl.LocalesArgument, format: Intl.DateTimeFormatOptions, extras: FormatTimeExtras = {}): string {
  if (!Number.isFinite(at)) return '';
  const styled = format.timeStyle !== undefined || format.dateStyle !== undefined;
  let options = format;
  if (extras.seconds && format.second === undefined && format.timeStyle !== 'medium' && format.timeStyle !== 'long' && format.timeStyle !== 'full') {
    options = styled ? { ...options, timeStyle: 'medium' } : { ...options, second: '2-digit' };
  }
  if (extras.date && !DATE_FIELDS.some((field) => format[field] !== undefined)) {
    try {
      const now = extras.now ?? Date.now();
      if (dayOf(at, format.timeZone) !== dayOf(now, format.timeZone)) {
        const otherYear = dayOf(at, format.timeZone).slice(-4) !== dayOf(now, format.timeZone).slice(-4);
        options = styled
          ? { ...options, dateStyle: 'medium' }
          : { ...options, month: 'short', day: 'numeric', ...(otherYear ? { year: 'numeric' } : {}) };
      }
    } catch {
      // An unknown time zone: the formats below fall back as well.
    }
  }
  for (const candidate of [options, format, DEFAULT_TIME_FORMAT]) {
    try {
      return new Intl.DateTimeFormat(locale, candidate).format(at);
    } catch {
      // Try the next, plainer format.
    }
  }
  return new Date(at).toISOString();
}

/** The components' default `timeFormat`: when requests resume, to the minute. */
export const DEFAULT_TIME_FORMAT: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** What a component adds to the caller's `timeFormat`. */
export interface FormatTimeExtras {
  /** Show seconds too (a wait that ends within the minute). */
  seconds?: boolean | undefined;
  /** Show the date when `at` is not on the same day as `now`, in the format's time zone (a daily quota). */
  date?: boolean | undefined;
  /** Today, for `date`. @default Date.now() */
  now?: number | undefined;
}

const format = (at: number, locale: Intl.LocalesArgument, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, options).format(at);

/**
 * `at` (epoch ms) as a time of day in `locale`, with seconds or the date added as `extras` ask.
 * The additions follow the format's own style (`timeStyle: 'short'` becomes `'medium'` for
 * seconds, never `timeStyle` plus `second`, which `Intl` refuses), and no valid `Intl` option
 * makes it throw: what `Intl` refuses falls back to the caller's format alone, then to the
 * default format in the runtime's locale.
 */
export function formatTime(at: number, locale: Intl.LocalesArgument, options: Intl.DateTimeFormatOptions, extras: FormatTimeExtras = {}): string {
  const styled = options.timeStyle !== undefined || options.dateStyle !== undefined;
  let full = options;
  if (extras.seconds && !styled) full = { ...full, second: '2-digit' };
  if (extras.seconds && styled) full = { ...full, timeStyle: options.timeStyle === 'short' || !options.timeStyle ? 'medium' : options.timeStyle };
  const day = (time: number) => format(time, 'en', { timeZone: options.timeZone, dateStyle: 'short' });
  for (const [candidate, where] of [
    [full, locale],
    [options, locale],
    [DEFAULT_TIME_FORMAT, undefined],
  ] as const) {
    try {
      let shown = candidate;
      // A date field of the caller's own, or today: the time alone says it.
      if (extras.date && !styled && !(options.day ?? options.weekday) && day(at) !== day(extras.now ?? Date.now())) {
        shown = { ...shown, month: 'short', day: 'numeric' };
      } else if (extras.date && styled && !options.dateStyle && day(at) !== day(extras.now ?? Date.now())) {
        shown = { ...shown, dateStyle: 'medium' };
      }
      return format(at, where, shown);
    } catch {
      // Refused: try the next, plainer format.
    }
  }
  return '';
}

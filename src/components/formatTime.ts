/** The components' default `timeFormat`: when requests resume, to the minute. */
export const DEFAULT_TIME_FORMAT: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** `at` (epoch ms) as a time of day in `locale`. */
export const formatTime = (at: number, locale: Intl.LocalesArgument, format: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(locale, format).format(at);

/**
 * Formats a remaining time for a countdown: `0:42`, `12:05`, `1:02:03`. Rounds up to whole
 * seconds, so `0:00` shows only once the time is really up; negative, NaN and infinite values
 * show `0:00`. With `locale`, the digits are that locale's (`٠:٤٢` in `ar-EG`); without it,
 * ASCII digits.
 */
export function formatCountdown(ms: number, locale?: Intl.LocalesArgument): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const digits = (value: number, width: number) =>
    locale === undefined
      ? String(value).padStart(width, '0')
      : new Intl.NumberFormat(locale as string | string[], { minimumIntegerDigits: width, useGrouping: false }).format(value);
  const seconds = digits(total % 60, 2);
  return hours > 0 ? `${digits(hours, 1)}:${digits(minutes, 2)}:${seconds}` : `${digits(minutes, 1)}:${seconds}`;
}

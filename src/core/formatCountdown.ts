/**
 * Formats a remaining time for a countdown: `0:42`, `12:05`, `1:02:03`. Rounds up to whole
 * seconds, so `0:00` shows only once the time is really up; negative, NaN and infinite values
 * show `0:00`.
 */
export function formatCountdown(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = twoDigits(total % 60);
  return hours > 0 ? `${hours}:${twoDigits(minutes)}:${seconds}` : `${minutes}:${seconds}`;
}

const twoDigits = (value: number): string => String(value).padStart(2, '0');

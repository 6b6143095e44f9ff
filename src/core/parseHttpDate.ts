const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const LONG_DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d)';

// RFC 9110 §5.6.7, the only three forms: IMF-fixdate, obsolete RFC 850 and asctime.
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d\\d) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d\\d)-${MONTH}-(\\d\\d) ${TIME} GMT$`, 'i');
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ((?:\\d| )\\d) ${TIME} (\\d{4})$`, 'i');

/**
 * Reads an HTTP-date (RFC 9110 §5.6.7) as epoch ms, always as UTC: `Date.parse` would read
 * asctime in the machine's zone and accept many non-dates. `now` places RFC 850's two-digit
 * years: one more than 50 years ahead is in the past century. Anything else is `undefined`.
 */
export function parseHttpDate(value: string, now: number = Date.now()): number | undefined {
  let match = IMF_FIXDATE.exec(value);
  if (match) return toUtc(match[3], match[2], match[1], match.slice(4));
  match = ASCTIME.exec(value);
  if (match) return toUtc(match[6], match[1], match[2], match.slice(3, 6));
  match = RFC_850.exec(value);
  if (!match) return undefined;
  const thisYear = new Date(now).getUTCFullYear();
  let year = thisYear - (thisYear % 100) + Number(match[3]);
  if (year < thisYear - 50) year += 100;
  if (year > thisYear + 50) year -= 100;
  return toUtc(String(year), match[2], match[1], match.slice(4));
}

function toUtc(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  [hourText, minuteText, secondText]: (string | undefined)[],
): number | undefined {
  const year = Number(yearText);
  const month = MONTHS.indexOf(monthText?.toLowerCase() ?? '');
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText);
  if (hour > 23 || minute > 59 || second > 60) return undefined; // 60: a leap second
  // Not Date.UTC: it reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  // 31 Feb would roll over into March: such a day does not exist.
  if (date.getUTCDate() !== day) return undefined;
  return date.setUTCHours(hour, minute, second);
}

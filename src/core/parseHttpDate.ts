const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';
const MONTH = `(${MONTHS.replace(/(...)(?!$)/g, '$1|')})`;
// RFC 9110 §5.6.7: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the obsolete RFC 850
// (`Sunday, 06-Nov-94 08:49:37 GMT`); asctime (`Sun Nov  6 08:49:37 1994`) is rewritten to the
// first. Day names are not checked against the date: they add nothing to it.
const FIXDATE = new RegExp(`^[A-Z][a-z]{2}(?:[a-z]{0,3}day)?, (\\d\\d)([ -])${MONTH}\\2(\\d{4}|\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d) GMT$`);
const ASCTIME = new RegExp(`^([A-Z][a-z]{2}) ${MONTH} ([ \\d]\\d) (\\S{8}) (\\d{4})$`);

/**
 * Reads an HTTP-date (RFC 9110 §5.6.7) as epoch ms, always as UTC: `Date.parse` would read
 * asctime in the machine's zone and accept many non-dates. `now` places RFC 850's two-digit
 * years: one more than 50 years ahead is in the past century. Anything else is `undefined`.
 */
export function parseHttpDate(value: string, now: number = Date.now()): number | undefined {
  const parts = FIXDATE.exec(value.replace(ASCTIME, (_, day: string, month: string, date: string, time: string, year: string) => `${day}, ${date.replace(' ', '0')} ${month} ${year} ${time} GMT`));
  // Stryker disable next-line StringLiteral,ArrayDeclaration: defaults for the type checker; a match has every group and no match returns below
  const [, dayText, dash, month = '', yearText = '', ...time] = parts ?? [];
  // IMF-fixdate has a four-digit year, RFC 850 a two-digit one after dashes.
  if (!parts || (dash === '-') !== (yearText.length === 2)) return undefined;
  const [day, hour, minute, second] = [dayText, ...time].map(Number) as [number, number, number, number];
  let year = Number(yearText);
  if (dash === '-') {
    const thisYear = new Date(now).getUTCFullYear();
    const ahead = (year - (thisYear % 100) + 100) % 100;
    year = thisYear + (ahead > 50 ? ahead - 100 : ahead);
  }
  if (hour > 23 || minute > 59 || second > 60) return undefined; // 60: a leap second
  // Not Date.UTC, which reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, MONTHS.indexOf(month) / 3, day);
  // 31 Feb would roll over into March: no such day.
  return date.getUTCDate() === day ? date.setUTCHours(hour, minute, second) : undefined;
}

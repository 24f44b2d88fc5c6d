// Calendar-date parsing for the ddMMyyyy dates printed in the CCCD QR, as ISO yyyy-mm-dd strings:
// dates of birth and issue are days, not instants, so they never pass through a time zone.

/** Earliest and latest year accepted: anything outside is a scanning or typing error. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when y-m-d is a real date of the Gregorian calendar within the accepted years. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** "15031999" → "1999-03-15"; null for anything that is not a real calendar date (e.g. 31022000). */
export function parseDdMmYyyy(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  if (!isRealDate(Number(yyyy), Number(mm), Number(dd))) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/** "1999-03-15" → "1999-03-15" when real, else null. Used for dates given by callers. */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [, yyyy, mm, dd] = m as unknown as [string, string, string, string];
  return isRealDate(Number(yyyy), Number(mm), Number(dd)) ? text : null;
}

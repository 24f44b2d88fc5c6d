// Dates as the desk reads them, on screen in either language: dd/MM/yyyy and dd/MM/yyyy HH:mm on
// Vietnam's wall clock, whatever the device's zone or language (an English UI must not show
// 12/06 for 6 December, nor any screen an ISO "2026-12-06").
import type { IsoDate } from './civil-date';
import { isIsoDate } from './civil-date';
import { vietnamWallClock } from './vietnam-time';

/** What the app holds for an instant: a Date, epoch milliseconds or ISO text; nothing shows as ''. */
export type InstantLike = Date | number | string | null | undefined;

const two = (n: number) => String(n).padStart(2, '0');

function instantOf(value: InstantLike): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** "06/12/2026": the instant's date in Vietnam; '' for none or unreadable. */
export function displayDate(value: InstantLike): string {
  const ms = instantOf(value);
  if (ms === undefined) return '';
  const c = vietnamWallClock(ms);
  return `${two(c.day)}/${two(c.month)}/${c.year}`;
}

/** "06/12/2026 14:05": the instant in Vietnam, to the minute; '' for none or unreadable. */
export function displayDateTime(value: InstantLike): string {
  const ms = instantOf(value);
  if (ms === undefined) return '';
  const c = vietnamWallClock(ms);
  return `${two(c.day)}/${two(c.month)}/${c.year} ${two(c.hour)}:${two(c.minute)}`;
}

/** "31/03/2026" for a calendar date "2026-03-31" (no time, so no zone); other text is returned as is. */
export function displayCivilDate(date: IsoDate): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

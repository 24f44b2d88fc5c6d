// Numbers and dates of the reports as the commune prints them (vi: "1.234", "63,2 %", "31/03/2026").
import { VIETNAM_TIME_ZONE, vietnamWallClock } from '../../domain/calendar';

export const formatCount = (n: number, locale: string) => n.toLocaleString(locale);

export function formatPercent(p: number | null, locale: string): string {
  return p === null ? '–' : `${p.toLocaleString(locale, { minimumFractionDigits: 0, maximumFractionDigits: 1 })} %`;
}

/** An ISO calendar date ("2026-03-31") as dd/mm/yyyy. */
export function formatIsoDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** An instant as its Vietnamese calendar date, dd/mm/yyyy; '' for none. */
export function formatDay(instant: Date | null): string {
  if (!instant) return '';
  const local = vietnamWallClock(instant);
  return `${String(local.day).padStart(2, '0')}/${String(local.month).padStart(2, '0')}/${local.year}`;
}

export function formatDayTime(instant: Date, locale: string): string {
  return instant.toLocaleString(locale, { timeZone: VIETNAM_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

// Numbers and dates of the reports as the commune prints them (vi: "1.234", "63,2 %", "31/03/2026").
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
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  return `${String(local.getUTCDate()).padStart(2, '0')}/${String(local.getUTCMonth() + 1).padStart(2, '0')}/${local.getUTCFullYear()}`;
}

export function formatDayTime(instant: Date, locale: string): string {
  return instant.toLocaleString(locale, { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

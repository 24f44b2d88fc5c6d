// Numbers of the reports as the commune prints them (vi: "1.234", "63,2 %"); dates go through
// the desk's one date formatter in src/domain/calendar.

export const formatCount = (n: number, locale: string) => n.toLocaleString(locale);

export function formatPercent(p: number | null, locale: string): string {
  return p === null ? '–' : `${p.toLocaleString(locale, { minimumFractionDigits: 0, maximumFractionDigits: 1 })} %`;
}

// A report period: whole days on the Vietnamese calendar, from and to inclusive, as the commune's
// monthly, quarterly and yearly reports are drawn up.
import { addDays, atVietnamTime, isIsoDate, type IsoDate } from '../calendar';

export interface ReportPeriod {
  from: IsoDate;
  /** Inclusive: the last day counted. */
  to: IsoDate;
}

/** The instants the period covers: [start, end). */
export interface PeriodBounds {
  start: Date;
  end: Date;
}

export function isValidPeriod(period: ReportPeriod): boolean {
  return isIsoDate(period.from) && isIsoDate(period.to) && period.from <= period.to;
}

export function periodBounds(period: ReportPeriod): PeriodBounds {
  if (!isValidPeriod(period)) throw new RangeError(`Kỳ báo cáo không hợp lệ: ${period.from} – ${period.to}`);
  return { start: atVietnamTime(period.from), end: atVietnamTime(addDays(period.to, 1)) };
}

export function inPeriod(instant: Date | null, bounds: PeriodBounds): instant is Date {
  return instant !== null && instant.getTime() >= bounds.start.getTime() && instant.getTime() < bounds.end.getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function monthPeriod(year: number, month: number): ReportPeriod {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return { from: `${year}-${pad(month)}-01`, to: addDays(next, -1) };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): ReportPeriod {
  const first = monthPeriod(year, quarter * 3 - 2);
  const last = monthPeriod(year, quarter * 3);
  return { from: first.from, to: last.to };
}

export function yearPeriod(year: number): ReportPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

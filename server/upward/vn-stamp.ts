// Dates as the national portal reads them: yyyyMMddHHmmss on Vietnamese wall-clock time (the
// domain's vietnamWallClock, the one UTC+7 conversion app and gateway share).
import { vietnamWallClock } from '../../src/domain/calendar';

export function vnStamp(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) return '';
  const d = vietnamWallClock(t);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.year, 4)}${p(d.month)}${p(d.day)}${p(d.hour)}${p(d.minute)}${p(d.second)}`;
}

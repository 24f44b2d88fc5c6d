// Calendar dates as seen in Vietnam (Asia/Ho_Chi_Minh). Vietnam has kept UTC+7 without daylight
// saving since 1975, so a fixed offset is exact for every date the app handles, and it does not
// depend on the runtime's ICU time-zone data (workers and small Node builds may lack it).

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isValidDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/** The day, month and year on a wall calendar in Vietnam at instant `d`. */
export function vnCalendarDate(d: Date): CalendarDate {
  const shifted = new Date(d.getTime() + VN_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** "2025-07-01": sortable, so dates compare as strings. */
export function vnIsoDate(d: Date): string {
  const { year, month, day } = vnCalendarDate(d);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** "250701", the YYMMDD of the dossier code. */
export function vnDayKey(d: Date): string {
  const { year, month, day } = vnCalendarDate(d);
  return `${pad2(year % 100)}${pad2(month)}${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

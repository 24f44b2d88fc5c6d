// Date-only arithmetic on plain calendar dates (no time, no time zone), so holiday and
// lunar rules can count days without ever touching the machine's local time zone.

/** A calendar date as written on paper: `YYYY-MM-DD`. */
export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

/** 0 = Sunday … 6 = Saturday, the same numbering as `Date#getUTCDay`. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 (the "epoch day"). Date.UTC is used only as a proleptic
 * Gregorian day counter; no local time zone is involved.
 */
export function toEpochDay(date: CivilDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): CivilDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOfEpochDay(epochDay: number): WeekdayIndex {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay + 4) % 7) + 7) % 7) as WeekdayIndex;
}

export function weekdayOf(date: CivilDate | IsoDate): WeekdayIndex {
  return weekdayOfEpochDay(toEpochDay(typeof date === 'string' ? civilFromIso(date) : date));
}

/** Parses `YYYY-MM-DD`; undefined for malformed text or impossible dates (2025-02-29). */
export function parseIsoDate(text: string): CivilDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const roundTrip = fromEpochDay(toEpochDay(date));
  return roundTrip.year === date.year && roundTrip.month === date.month && roundTrip.day === date.day ? date : undefined;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** For dates the code itself produced or already validated; throws on bad input. */
export function civilFromIso(text: IsoDate): CivilDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`Not a valid YYYY-MM-DD date: "${text}"`);
  return date;
}

export function formatIsoDate(date: CivilDate): IsoDate {
  const y = String(date.year).padStart(4, '0');
  const m = String(date.month).padStart(2, '0');
  const d = String(date.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function isoToEpochDay(text: IsoDate): number {
  return toEpochDay(civilFromIso(text));
}

export function epochDayToIso(epochDay: number): IsoDate {
  return formatIsoDate(fromEpochDay(epochDay));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return epochDayToIso(isoToEpochDay(date) + days);
}

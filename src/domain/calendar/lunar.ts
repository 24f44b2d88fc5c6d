// The Vietnamese lunar calendar (âm lịch), computed from true new moons and solar terms at UTC+7.
// Tết and Giỗ Tổ depend on it; a Chinese (UTC+8) calendar puts Tết a day or a month off in some
// years (1985, 2007, 2030), so this is computed here rather than taken from a Chinese library.
// Method: month 11 holds the December solstice; a 13-month year repeats the first month without a
// major solar term. Note: almanacs printed in Vietnam before 1968 used UTC+8; this always uses UTC+7.

import type { CivilDate } from './civil-date';
import { toEpochDay, fromEpochDay } from './civil-date';
import { newMoonIndexNear, newMoonJd, sunApparentLongitude, UNIX_EPOCH_JD, utToTt } from './astronomy';
import { VIETNAM_UTC_OFFSET_HOURS } from './vietnam-time';

export interface LunarDate {
  /** The lunar year, numbered as the Gregorian year in which its Tết falls. */
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-30 */
  readonly day: number;
  /** True for the intercalary month (tháng nhuận) that repeats `month`. */
  readonly leap: boolean;
}

export interface LunarOptions {
  /**
   * Meridian the calendar is reckoned at. 7 (Vietnam) by default; 8 gives the Chinese calendar,
   * which is useful only to show where the two differ.
   */
  readonly utcOffsetHours?: number;
}

/**
 * Years the calendar is meant for: Tết and Giỗ Tổ match published tables for 1901-2100, and every
 * day round-trips with months of 29-30 days through 2199. Outside, it still works, less checked.
 */
export const LUNAR_SUPPORTED_YEARS = { from: 1900, to: 2199 } as const;

function offsetOf(options: LunarOptions | undefined): number {
  return options?.utcOffsetHours ?? VIETNAM_UTC_OFFSET_HOURS;
}

/** Local epoch day on which the k-th new moon falls. */
function newMoonDay(k: number, offsetHours: number): number {
  return Math.floor(newMoonJd(k) - UNIX_EPOCH_JD + offsetHours / 24);
}

/**
 * Which 30° sector of the ecliptic the Sun is in at local midnight starting a day. A lunar month
 * contains a major solar term (trung khí) exactly when the sector changes between its first day
 * and the first day of the next month.
 */
function sunSectorAtDayStart(epochDay: number, offsetHours: number): number {
  const jdUt = UNIX_EPOCH_JD + epochDay - offsetHours / 24;
  return Math.floor(sunApparentLongitude(utToTt(jdUt)) / 30);
}

interface MonthStart {
  readonly k: number;
  readonly day: number;
}

/**
 * The 11th lunar month is, by definition, the one containing the December solstice (Sun at
 * 270°). It anchors every lunar year: month 11 of `gregorianYear` is found here.
 */
function month11Start(gregorianYear: number, offsetHours: number): MonthStart {
  const dec31 = toEpochDay({ year: gregorianYear, month: 12, day: 31 });
  // Start after the solstice and walk back to the last new moon whose day begins before it.
  let k = newMoonIndexNear(dec31 + UNIX_EPOCH_JD) + 1;
  for (;;) {
    const day = newMoonDay(k, offsetHours);
    const sunAtStart = sunApparentLongitude(utToTt(UNIX_EPOCH_JD + day - offsetHours / 24));
    if (day <= dec31 && sunAtStart < 270) return { k, day };
    k -= 1;
  }
}

interface LunarYearFrame {
  /** Month 11 that opens the frame, and the one that closes it. */
  readonly from: MonthStart;
  readonly to: MonthStart;
  /** Position (1-12) of the leap month counted from month 11, or 0 in a 12-month frame. */
  readonly leapPosition: number;
}

// Frames are pure functions of (year, meridian) and cost a few hundred trigonometric series
// each; remembering them makes day-by-day conversion cheap.
const frameCache = new Map<string, LunarYearFrame>();

/** The months from month 11 of `gregorianYear` up to (not including) month 11 of the next. */
function frameStartingIn(gregorianYear: number, offsetHours: number): LunarYearFrame {
  const key = `${gregorianYear}@${offsetHours}`;
  const cached = frameCache.get(key);
  if (cached) return cached;
  const from = month11Start(gregorianYear, offsetHours);
  const to = month11Start(gregorianYear + 1, offsetHours);
  let leapPosition = 0;
  if (to.k - from.k === 13) {
    // The leap month is the first month of the frame without a major solar term.
    for (let i = 1; i <= 12; i++) {
      const start = newMoonDay(from.k + i, offsetHours);
      const next = newMoonDay(from.k + i + 1, offsetHours);
      if (sunSectorAtDayStart(start, offsetHours) === sunSectorAtDayStart(next, offsetHours)) {
        leapPosition = i;
        break;
      }
    }
  }
  const frame = { from, to, leapPosition };
  frameCache.set(key, frame);
  return frame;
}

/** Month number (1-12) of the month at `position` months after month 11, ignoring leap months. */
function monthNumberAt(position: number): number {
  return ((position + 10) % 12) + 1;
}

export function solarToLunar(date: CivilDate, options?: LunarOptions): LunarDate {
  const offset = offsetOf(options);
  const day = toEpochDay(date);
  let frame = frameStartingIn(date.year - 1, offset);
  if (day >= frame.to.day) frame = frameStartingIn(date.year, offset);

  // Latest new moon on or before the day.
  let k = frame.from.k + Math.floor((day - frame.from.day) / 29.530588861);
  while (newMoonDay(k + 1, offset) <= day) k += 1;
  while (newMoonDay(k, offset) > day) k -= 1;

  const position = k - frame.from.k;
  const leap = frame.leapPosition !== 0 && position === frame.leapPosition;
  const shifted = frame.leapPosition !== 0 && position >= frame.leapPosition ? position - 1 : position;
  const month = monthNumberAt(shifted);
  // Months 11 and 12 at the start of the frame still belong to the old lunar year.
  const frameYear = fromEpochDay(frame.from.day).year;
  const year = month >= 11 && position <= 3 ? frameYear : frameYear + 1;
  return { year, month, day: day - newMoonDay(k, offset) + 1, leap };
}

/** Start day and length of a lunar month, or undefined if that (leap) month does not exist. */
function locateMonth(year: number, month: number, leap: boolean, offset: number): { start: number; length: number } | undefined {
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const frame = frameStartingIn(month >= 11 ? year : year - 1, offset);
  let position = (month - 11 + 12) % 12;
  if (frame.leapPosition !== 0) {
    if (leap && position !== frame.leapPosition - 1) return undefined;
    if (leap || position >= frame.leapPosition) position += 1;
  } else if (leap) {
    return undefined;
  }
  const start = newMoonDay(frame.from.k + position, offset);
  const next = newMoonDay(frame.from.k + position + 1, offset);
  return { start, length: next - start };
}

/** The solar date of a lunar date, or undefined if it does not exist (e.g. a 30th in a 29-day month). */
export function lunarToSolar(lunar: LunarDate, options?: LunarOptions): CivilDate | undefined {
  const located = locateMonth(lunar.year, lunar.month, lunar.leap, offsetOf(options));
  if (!located || !Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > located.length) {
    return undefined;
  }
  return fromEpochDay(located.start + lunar.day - 1);
}

/** Number of days (29 or 30) in a lunar month, or undefined if that (leap) month does not exist. */
export function lunarMonthLength(year: number, month: number, leap = false, options?: LunarOptions): number | undefined {
  return locateMonth(year, month, leap, offsetOf(options))?.length;
}

/** The leap month of a lunar year (1-12), or 0 if the year has none. */
export function leapMonthOf(lunarYear: number, options?: LunarOptions): number {
  const offset = offsetOf(options);
  // A leap month of lunar year N sits in the frame that opens with month 11 of N-1 (or, for a
  // leap 11th or 12th month, in the one that opens in N).
  const before = frameStartingIn(lunarYear - 1, offset);
  if (before.leapPosition >= 3) return monthNumberAt(before.leapPosition - 1);
  const after = frameStartingIn(lunarYear, offset);
  if (after.leapPosition !== 0 && after.leapPosition <= 2) return monthNumberAt(after.leapPosition - 1);
  return 0;
}

/** Mùng 1 Tết: the first day of the lunar year that begins in `gregorianYear`. */
export function lunarNewYear(gregorianYear: number, options?: LunarOptions): CivilDate {
  const date = lunarToSolar({ year: gregorianYear, month: 1, day: 1, leap: false }, options);
  // Month 1, day 1 always exists; reaching here means the code above is broken.
  if (!date) throw new Error(`No lunar new year found for ${gregorianYear}`);
  return date;
}

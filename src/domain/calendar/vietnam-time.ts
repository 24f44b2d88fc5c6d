// Converts between instants (JS Date) and Vietnamese wall-clock time. Vietnam keeps UTC+7 all
// year (no DST), so a fixed offset is exact and the machine's own time zone never matters.

import type { IsoDate } from './civil-date';
import { epochDayToIso, isoToEpochDay } from './civil-date';

export const VIETNAM_UTC_OFFSET_HOURS = 7;

/** The IANA zone, for Intl formatting in the user's language; arithmetic uses the fixed offset below. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * MS_PER_HOUR;

/** A wall-clock time of day, `HH:mm` (24-hour). */
export type ClockTime = string;

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for `HH:mm`; undefined when malformed. `24:00` is accepted as end of day. */
export function parseClockTime(text: string): number | undefined {
  if (text === '24:00') return 24 * 60;
  const m = CLOCK_TIME.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

export function formatClockTime(minutes: number): ClockTime {
  const h = Math.floor(minutes / 60);
  const m = Math.floor(minutes % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Where an instant falls on the Vietnamese calendar: epoch day and milliseconds into that day. */
export interface VietnamDayPosition {
  readonly epochDay: number;
  readonly msOfDay: number;
}

export function vietnamPosition(instant: Date): VietnamDayPosition {
  const local = instant.getTime() + OFFSET_MS;
  const epochDay = Math.floor(local / MS_PER_DAY);
  return { epochDay, msOfDay: local - epochDay * MS_PER_DAY };
}

export function instantFromVietnamPosition(epochDay: number, msOfDay: number): Date {
  return new Date(epochDay * MS_PER_DAY + msOfDay - OFFSET_MS);
}

/** The date an instant has on a wall calendar in Vietnam. */
export function vietnamDateOf(instant: Date): IsoDate {
  return epochDayToIso(vietnamPosition(instant).epochDay);
}

/** The instant of a Vietnamese wall-clock time, e.g. `atVietnamTime('2025-01-27', '07:00')`. */
export function atVietnamTime(date: IsoDate, time: ClockTime = '00:00'): Date {
  const minutes = parseClockTime(time);
  if (minutes === undefined) throw new RangeError(`Not a valid HH:mm time: "${time}"`);
  return instantFromVietnamPosition(isoToEpochDay(date), minutes * MS_PER_MINUTE);
}

/** `YYYY-MM-DD HH:mm` in Vietnam, for logs and tests (sortable); screens use display-date.ts. Seconds are truncated. */
export function formatVietnamDateTime(instant: Date): string {
  const { epochDay, msOfDay } = vietnamPosition(instant);
  return `${epochDayToIso(epochDay)} ${formatClockTime(Math.floor(msOfDay / MS_PER_MINUTE))}`;
}

/** Year, month (1-12), day, hour, minute and second on Vietnam's wall clock at an instant. */
export interface VietnamWallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall clock in Vietnam at an instant (a Date or epoch milliseconds); the device's zone never matters. */
export function vietnamWallClock(instant: Date | number): VietnamWallClock {
  const d = new Date((typeof instant === 'number' ? instant : instant.getTime()) + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

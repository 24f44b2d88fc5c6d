// Public holidays (ngày nghỉ lễ, tết) for any year: computed from the Labour Code rules, with a
// holiday on a weekly rest day moved to the next working day (Art. 111), and then overridden by
// the official yearly schedule (days off and make-up Saturdays) whenever the data has one.

import type { CalendarData, HolidayRule } from './calendar-data';
import { SHIPPED_CALENDAR_DATA } from './calendar-data';
import type { IsoDate, WeekdayName } from './civil-date';
import { WEEKDAY_NAMES, epochDayToIso, isoToEpochDay, toEpochDay, weekdayOfEpochDay } from './civil-date';
import { lunarMonthLength, lunarNewYear, lunarToSolar } from './lunar';

/** Why a day is off: a statutory holiday, its substitute (nghỉ bù), or an official announcement. */
export type DayOffKind = 'holiday' | 'substitute' | 'official';

export interface DayOff {
  readonly date: IsoDate;
  readonly name: string;
  readonly kind: DayOffKind;
  /** The rule (e.g. `tet_am_lich`) this day carries out, when known. */
  readonly ruleId?: string | undefined;
}

export interface MakeUpWorkingDay {
  readonly date: IsoDate;
  readonly swappedWith?: IsoDate | undefined;
}

/** A year's days off as the engine will use them. */
export interface YearSchedule {
  readonly year: number;
  /** `official`: the Prime Minister's schedule is in the data; `computed`: rules only. */
  readonly source: 'official' | 'computed';
  readonly status: string;
  readonly sources: readonly string[];
  /** Sorted by date; includes days off that fall on weekly rest days. */
  readonly daysOff: readonly DayOff[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDay[];
  /** Rules whose official days are not yet announced; their computed days are used meanwhile. */
  readonly undecidedRules: readonly string[];
}

export type DayStatusReason = 'workday' | 'weeklyRest' | 'holiday' | 'substitute' | 'officialDayOff' | 'makeUpWorkingDay';

export interface DayStatus {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly reason: DayStatusReason;
  /** Name of the holiday or announcement behind the status, for display. */
  readonly name?: string | undefined;
}

function restDaySet(data: CalendarData): ReadonlySet<WeekdayName> {
  return new Set(data.weeklyRestDays);
}

function isRestDay(epochDay: number, rest: ReadonlySet<WeekdayName>): boolean {
  return rest.has(WEEKDAY_NAMES[weekdayOfEpochDay(epochDay)]);
}

function ruleApplies(rule: HolidayRule, year: number): boolean {
  return (rule.fromYear === undefined || rule.fromYear <= year) && (rule.toYear === undefined || year <= rule.toYear);
}

/**
 * Tết by precedent: when mùng 1 falls on a weekday the data has a past schedule for (Saturday:
 * 29 Chạp to mùng 5, as in 2017 and 2020), the whole break as then, with no nghỉ bù after it.
 */
function tetByPrecedent(rule: HolidayRule, year: number): number[] | undefined {
  if (rule.kind !== 'lunarNewYear') return undefined;
  const mung1 = toEpochDay(lunarNewYear(year));
  const precedent = rule.precedents?.find((p) => p.newYearOn === WEEKDAY_NAMES[weekdayOfEpochDay(mung1)]);
  if (!precedent) return undefined;
  const days: number[] = [];
  for (let i = -precedent.daysBeforeNewYear; i < precedent.daysFromNewYear; i++) days.push(mung1 + i);
  return days;
}

/** The statutory days of one rule in one year, before substitution. */
function ruleDays(rule: HolidayRule, year: number, rest: ReadonlySet<WeekdayName>): number[] {
  switch (rule.kind) {
    case 'solar': {
      const day = toEpochDay({ year, month: rule.month, day: rule.day });
      if (rule.adjacentDay === undefined) return [day];
      const after = rule.adjacentDay === 'after' || (rule.adjacentDay === 'towardWeekend' && !isRestDay(day + 1, rest) && isRestDay(day + 2, rest));
      return after ? [day, day + 1] : [day - 1, day];
    }
    case 'lunarNewYear': {
      const mung1 = toEpochDay(lunarNewYear(year));
      const days: number[] = [];
      for (let i = -rule.daysBeforeNewYear; i < rule.daysFromNewYear; i++) days.push(mung1 + i);
      return days;
    }
    case 'lunar': {
      // A 30th in a 29-day month is kept on the month's last day, as anniversaries are.
      const length = lunarMonthLength(year, rule.lunarMonth) ?? 29;
      const date = lunarToSolar({ year, month: rule.lunarMonth, day: Math.min(rule.lunarDay, length), leap: false });
      return date ? [toEpochDay(date)] : [];
    }
  }
}

/**
 * Days off by the statutory rules alone for a Gregorian year, with substitute days for holidays
 * that fall on weekly rest days. Official schedules are not consulted.
 */
export function computedHolidays(year: number, data: CalendarData = SHIPPED_CALENDAR_DATA): DayOff[] {
  const rest = restDaySet(data);
  const holidays: Array<{ day: number; rule: HolidayRule; substitutable: boolean }> = [];
  for (const rule of data.rules) {
    if (!ruleApplies(rule, year)) continue;
    const precedent = tetByPrecedent(rule, year);
    for (const day of precedent ?? ruleDays(rule, year, rest)) holidays.push({ day, rule, substitutable: precedent === undefined });
  }
  holidays.sort((a, b) => a.day - b.day);

  const result: Array<{ day: number; off: DayOff }> = holidays.map(({ day, rule }) => ({
    day,
    off: { date: epochDayToIso(day), name: rule.name, kind: 'holiday', ruleId: rule.id },
  }));
  if (data.substituteHolidaysOnRestDays.enabled) {
    const taken = new Set(holidays.map((h) => h.day));
    // In date order, so two holidays on one weekend take Monday and Tuesday, not the same day.
    for (const { day, rule, substitutable } of holidays) {
      if (!substitutable || !isRestDay(day, rest)) continue;
      let substitute = day + 1;
      while (isRestDay(substitute, rest) || taken.has(substitute)) substitute += 1;
      taken.add(substitute);
      result.push({
        day: substitute,
        off: { date: epochDayToIso(substitute), name: `Nghỉ bù ${rule.name}`, kind: 'substitute', ruleId: rule.id },
      });
    }
  }
  return result.sort((a, b) => a.day - b.day).map((entry) => entry.off);
}

export interface HolidayCalendar {
  readonly data: CalendarData;
  dayStatus(date: IsoDate): DayStatus;
  isWorkingDay(date: IsoDate): boolean;
  /** The same question by epoch day, for loops that walk many days. */
  isWorkingEpochDay(epochDay: number): boolean;
  yearSchedule(year: number): YearSchedule;
}

/** Builds the day-by-day answer from calendar data; per-year results are cached. */
export function createHolidayCalendar(data: CalendarData = SHIPPED_CALENDAR_DATA): HolidayCalendar {
  const rest = restDaySet(data);
  const officialOff = new Map<number, { name: string; ruleId: string | undefined }>();
  const makeUps = new Map<number, MakeUpWorkingDay>();
  for (const year of Object.values(data.years)) {
    for (const period of year.daysOff) {
      const end = isoToEpochDay(period.to);
      for (let day = isoToEpochDay(period.from); day <= end; day++) {
        officialOff.set(day, { name: period.name, ruleId: period.ruleId });
      }
    }
    for (const makeUp of year.makeUpWorkingDays) makeUps.set(isoToEpochDay(makeUp.date), makeUp);
  }

  const ruleDaysCache = new Map<number, ReadonlyMap<number, DayOff>>();
  /** Computed days off that still count in a year: all of them, or only undecided rules'. */
  function ruleDaysOff(year: number): ReadonlyMap<number, DayOff> {
    const cached = ruleDaysCache.get(year);
    if (cached) return cached;
    const official = data.years[String(year)];
    const undecided = new Set(official?.undecidedRules ?? []);
    const map = new Map<number, DayOff>();
    for (const off of computedHolidays(year, data)) {
      if (official && (off.ruleId === undefined || !undecided.has(off.ruleId))) continue;
      map.set(isoToEpochDay(off.date), off);
    }
    ruleDaysCache.set(year, map);
    return map;
  }

  function statusOf(epochDay: number): DayStatus {
    const date = epochDayToIso(epochDay);
    const official = officialOff.get(epochDay);
    if (official) return { date, working: false, reason: 'officialDayOff', name: official.name };
    if (makeUps.has(epochDay)) return { date, working: true, reason: 'makeUpWorkingDay' };
    const computed = ruleDaysOff(Number(date.slice(0, 4))).get(epochDay);
    if (computed) {
      return { date, working: false, reason: computed.kind === 'substitute' ? 'substitute' : 'holiday', name: computed.name };
    }
    if (isRestDay(epochDay, rest)) return { date, working: false, reason: 'weeklyRest' };
    return { date, working: true, reason: 'workday' };
  }

  function yearSchedule(year: number): YearSchedule {
    const official = data.years[String(year)];
    const computed = [...ruleDaysOff(year).values()];
    if (!official) {
      return {
        year,
        source: 'computed',
        status: 'computed from the Labour Code rules / tính theo quy tắc của Bộ luật Lao động',
        sources: [data.meta.legalBasis],
        daysOff: computed,
        makeUpWorkingDays: [],
        undecidedRules: [],
      };
    }
    const byDay = new Map<number, DayOff>();
    for (const period of official.daysOff) {
      const end = isoToEpochDay(period.to);
      for (let day = isoToEpochDay(period.from); day <= end; day++) {
        byDay.set(day, { date: epochDayToIso(day), name: period.name, kind: 'official', ruleId: period.ruleId });
      }
    }
    for (const off of computed) {
      const day = isoToEpochDay(off.date);
      if (!byDay.has(day)) byDay.set(day, off);
    }
    return {
      year,
      source: 'official',
      status: official.status,
      sources: official.sources,
      daysOff: [...byDay.entries()].sort(([a], [b]) => a - b).map(([, off]) => off),
      makeUpWorkingDays: official.makeUpWorkingDays.map(({ date, swappedWith }) => ({ date, swappedWith })),
      undecidedRules: official.undecidedRules,
    };
  }

  return {
    data,
    dayStatus: (date) => statusOf(isoToEpochDay(date)),
    isWorkingDay: (date) => statusOf(isoToEpochDay(date)).working,
    isWorkingEpochDay: (epochDay) => statusOf(epochDay).working,
    yearSchedule,
  };
}

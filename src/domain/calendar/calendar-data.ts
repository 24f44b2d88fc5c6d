// The holiday calendar as data (CalendarData): statutory rules plus each year's official schedule.
// It arrives from outside (shipped JSON, the gateway, an administrator's edits), so it is parsed
// and cross-checked here before any deadline is computed from it.

import { z } from '../schema';
import { WEEKDAY_NAMES, isoToEpochDay, parseIsoDate, weekdayOf } from './civil-date';
import shippedJson from './calendar-data.json';

const isoDate = z.string({ error: 'expected a date "YYYY-MM-DD" / cần một ngày dạng "YYYY-MM-DD"' }).refine((text) => parseIsoDate(text) !== undefined, {
  error: (issue) => `"${String(issue.input)}" is not a real date YYYY-MM-DD / không phải ngày hợp lệ dạng YYYY-MM-DD`,
});

const weekdayName = z.enum(WEEKDAY_NAMES, {
  error: `expected one of ${WEEKDAY_NAMES.join(', ')} / cần tên thứ bằng tiếng Anh`,
});

/** How sure we are of a fact: "found", "computed", "inferred", or a sentence saying so. */
const status = z.string().min(1);

const ruleId = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'rule id must be lower_snake_case / mã quy tắc phải viết thường, nối bằng _' });

const ruleCommon = {
  id: ruleId,
  name: z.string().min(1),
  status,
  note: z.string().optional(),
  /** First and last Gregorian year the rule applies (inclusive); open-ended when absent. */
  fromYear: z.int().optional(),
  toYear: z.int().optional(),
};

const solarRule = z.strictObject({
  kind: z.literal('solar'),
  ...ruleCommon,
  month: z.int().min(1).max(12),
  day: z.int().min(1).max(31),
  /**
   * A second day joined to the holiday (Quốc khánh: "02/9 + 01 ngày liền kề"). `towardWeekend`
   * picks the side that bridges to the weekly rest days, the day before when neither does.
   */
  adjacentDay: z.enum(['before', 'after', 'towardWeekend']).optional(),
});

const lunarNewYearRule = z.strictObject({
  kind: z.literal('lunarNewYear'),
  ...ruleCommon,
  /** Days off before mùng 1 (1 = the last day of the old year, 29 or 30 Tết). */
  daysBeforeNewYear: z.int().min(0).max(10),
  /** Days off from mùng 1 on, mùng 1 included. */
  daysFromNewYear: z.int().min(1).max(10),
  /**
   * Past schedules to follow, in years with no official one, when mùng 1 falls on a given weekday:
   * the whole break from `daysBeforeNewYear` before mùng 1 to `daysFromNewYear` from it, weekly
   * rest days inside it included and no nghỉ bù added after it (the break already holds the
   * statutory working days off). `precedent` names the years it copies.
   */
  precedents: z
    .array(
      z.strictObject({
        newYearOn: weekdayName,
        daysBeforeNewYear: z.int().min(0).max(10),
        daysFromNewYear: z.int().min(1).max(10),
        precedent: z.string().min(1),
      }),
    )
    .optional(),
});

const lunarRule = z.strictObject({
  kind: z.literal('lunar'),
  ...ruleCommon,
  lunarMonth: z.int().min(1).max(12),
  lunarDay: z.int().min(1).max(30),
});

const holidayRule = z.discriminatedUnion('kind', [solarRule, lunarNewYearRule, lunarRule], {
  error: 'rule kind must be "solar", "lunarNewYear" or "lunar" / loại quy tắc không hợp lệ',
});

const officialDaysOff = z.strictObject({
  from: isoDate,
  to: isoDate,
  /** The statutory holiday this period carries out, when it is one. */
  ruleId: ruleId.optional(),
  name: z.string().min(1),
  status: status.optional(),
});

const makeUpWorkingDay = z.strictObject({
  date: isoDate,
  /** The weekday given off in exchange (hoán đổi). */
  swappedWith: isoDate.optional(),
  note: z.string().optional(),
});

/**
 * A year's official schedule (lịch nghỉ chính thức) as announced by the Prime Minister. It
 * replaces the computed rules for that year entirely, except for `undecidedRules`.
 */
const officialYear = z.strictObject({
  status,
  sources: z.array(z.string()),
  /** Every day inside these periods is a day off, weekend or not. */
  daysOff: z.array(officialDaysOff),
  /** Weekly rest days that are working days this year (ngày làm bù). */
  makeUpWorkingDays: z.array(makeUpWorkingDay),
  /** Rules whose days are not yet announced: their computed days still apply this year. */
  undecidedRules: z.array(ruleId),
  unresolved: z.array(z.string()).optional(),
  note: z.string().optional(),
});

const calendarDataShape = z.object({
  schemaVersion: z.literal(1, {
    error: 'unsupported schemaVersion, expected 1 (update the app) / phiên bản dữ liệu không được hỗ trợ',
  }),
  meta: z.object({
    description: z.string(),
    legalBasis: z.string(),
    updatedAt: z.string().optional(),
    notes: z.array(z.string()),
  }),
  weeklyRestDays: z.array(weekdayName).max(6),
  substituteHolidaysOnRestDays: z.object({
    enabled: z.boolean(),
    rule: z.string(),
    status,
  }),
  rules: z.array(holidayRule),
  /** Announced but not yet law: kept for people to read, never applied. */
  pendingChanges: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      month: z.int().optional(),
      day: z.int().optional(),
      status,
      detail: z.string(),
      sources: z.array(z.string()),
    }),
  ),
  /** Lunar dates from an independent source, kept to cross-check the lunar code. */
  lunarAnchors: z
    .object({
      status,
      method: z.string(),
      tetMung1: z.record(z.string(), isoDate),
      gioTo: z.record(z.string(), isoDate),
      crossCheck: z.string(),
    })
    .optional(),
  years: z.record(z.string().regex(/^\d{4}$/, { error: 'year keys must be 4 digits / năm phải có 4 chữ số' }), officialYear),
});

const DAYS_IN_MONTH_LEAP_YEAR = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const calendarDataSchema = calendarDataShape.superRefine(
  (data, ctx) => {
    const ruleIds = new Set<string>();
    data.rules.forEach((rule, i) => {
      if (ruleIds.has(rule.id)) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}" / mã quy tắc bị trùng` });
      }
      ruleIds.add(rule.id);
      if (rule.kind === 'solar' && rule.day > (DAYS_IN_MONTH_LEAP_YEAR[rule.month - 1] ?? 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'day'],
          message: `${rule.day}/${rule.month} does not exist / ngày ${rule.day}/${rule.month} không tồn tại`,
        });
      }
      if (rule.fromYear !== undefined && rule.toYear !== undefined && rule.fromYear > rule.toYear) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'toYear'], message: 'toYear is before fromYear / năm kết thúc trước năm bắt đầu' });
      }
    });

    const restDays = new Set(data.weeklyRestDays);
    const allPeriods: Array<{ from: number; to: number }> = [];
    for (const [yearKey, year] of Object.entries(data.years)) {
      const y = Number(yearKey);
      // A year's schedule may reach into the neighbouring December/January, never further.
      const earliest = isoToEpochDay(`${String(y - 1).padStart(4, '0')}-12-01`);
      const latest = isoToEpochDay(`${String(y + 1).padStart(4, '0')}-01-31`);
      year.daysOff.forEach((period, i) => {
        const path = ['years', yearKey, 'daysOff', i];
        const from = isoToEpochDay(period.from);
        const to = isoToEpochDay(period.to);
        if (from > to) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'to'],
            message: `"to" ${period.to} is before "from" ${period.from} / ngày kết thúc trước ngày bắt đầu`,
          });
        } else if (to - from > 31) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'to'],
            message: 'a period of days off longer than 31 days is surely a typo / kỳ nghỉ dài quá 31 ngày, kiểm tra lại',
          });
        }
        if (from < earliest || to > latest) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `period ${period.from}..${period.to} lies outside year ${yearKey} / kỳ nghỉ nằm ngoài năm ${yearKey}`,
          });
        }
        if (period.ruleId !== undefined && !ruleIds.has(period.ruleId)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'ruleId'], message: `unknown rule id "${period.ruleId}" / không có quy tắc này` });
        }
        allPeriods.push({ from, to });
      });
      year.undecidedRules.forEach((id, i) => {
        if (!ruleIds.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['years', yearKey, 'undecidedRules', i], message: `unknown rule id "${id}" / không có quy tắc này` });
        }
      });
    }
    for (const [yearKey, year] of Object.entries(data.years)) {
      year.makeUpWorkingDays.forEach((makeUp, i) => {
        const path = ['years', yearKey, 'makeUpWorkingDays', i, 'date'];
        const weekday = WEEKDAY_NAMES[weekdayOf(makeUp.date)];
        if (weekday === undefined || !restDays.has(weekday)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `${makeUp.date} (${String(weekday)}) is not a weekly rest day, so it cannot be a make-up working day / ngày này không phải ngày nghỉ hằng tuần nên không thể là ngày làm bù`,
          });
        }
        const day = isoToEpochDay(makeUp.date);
        if (allPeriods.some((p) => p.from <= day && day <= p.to)) {
          ctx.addIssue({ code: 'custom', path, message: `${makeUp.date} is both a day off and a make-up working day / vừa là ngày nghỉ vừa là ngày làm bù` });
        }
      });
    }
    // Cross-checks assume well-formed dates; they run only once the shape is valid.
  },
  { when: (payload) => payload.issues.length === 0 },
);

export type CalendarData = z.output<typeof calendarDataSchema>;
export type HolidayRule = CalendarData['rules'][number];
export type OfficialYear = CalendarData['years'][string];

export interface CalendarDataIssue {
  /** Where in the data, e.g. `years.2026.makeUpWorkingDays[0].date`. */
  readonly path: string;
  readonly message: string;
}

export type ParseCalendarDataResult =
  { readonly ok: true; readonly data: CalendarData } | { readonly ok: false; readonly error: string; readonly issues: readonly CalendarDataIssue[] };

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Checks calendar data from any source; never throws. */
export function parseCalendarData(input: unknown): ParseCalendarDataResult {
  const result = calendarDataSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const issues = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const error = ['Invalid holiday calendar data / Dữ liệu lịch nghỉ lễ không hợp lệ:', ...issues.map((issue) => `- ${issue.path}: ${issue.message}`)].join(
    '\n',
  );
  return { ok: false, error, issues };
}

function parseShipped(): CalendarData {
  const result = parseCalendarData(shippedJson);
  // The shipped file is part of the code; if it is broken, failing loudly at load is right.
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/** The calendar data shipped with the app (converted from shared/data/holidays.json). */
export const SHIPPED_CALENDAR_DATA: CalendarData = parseShipped();

// A commune's office hours (giờ hành chính): the periods in which deadline time runs, how many
// working hours make a working day, and the same-day cutoff. Communes set these themselves, so
// the settings are parsed like any other outside data.

import { z } from '../schema';
import type { ClockTime } from './vietnam-time';
import { parseClockTime } from './vietnam-time';

export interface OfficeHoursSettings {
  /** Working periods of a working day, in order, e.g. morning and afternoon. */
  readonly periods: ReadonlyArray<{ readonly start: ClockTime; readonly end: ClockTime }>;
  /** Working hours that make one working day of processing time. */
  readonly hoursPerWorkingDay: number;
  /** Same-day procedures received at or after this time are due the next working day. */
  readonly sameDayCutoff: ClockTime;
}

/** DOMAIN.md §5 defaults: 07:00-11:30 and 13:30-17:00, 8 h a day, same-day cutoff 15:00. */
export const DEFAULT_OFFICE_HOURS: OfficeHoursSettings = {
  periods: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  hoursPerWorkingDay: 8,
  // NĐ 23/2015 Art. 7: received after 15:00 means returned the next working day.
  sameDayCutoff: '15:00',
};

/** Office hours in minutes after midnight, ready for arithmetic. */
export interface OfficeHours {
  readonly periods: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  readonly hoursPerWorkingDay: number;
  readonly sameDayCutoff: number;
  /** Opening of the first period and close of the last: 07:00 and 17:00 by default. */
  readonly opening: number;
  readonly closing: number;
}

const clockTime = z.string().refine((text) => parseClockTime(text) !== undefined, {
  error: (issue) => `"${String(issue.input)}" is not a time HH:mm / không phải giờ dạng HH:mm`,
});

export const officeHoursSchema = z
  .strictObject({
    periods: z
      .array(z.strictObject({ start: clockTime, end: clockTime }))
      .min(1, { error: 'at least one office period is needed / cần ít nhất một buổi làm việc' }),
    hoursPerWorkingDay: z.number().positive().max(24).default(8),
    sameDayCutoff: clockTime.default('15:00'),
  })
  .superRefine(
    (settings, ctx) => {
      let previousEnd = -1;
      settings.periods.forEach((period, i) => {
        const start = parseClockTime(period.start) ?? 0;
        const end = parseClockTime(period.end) ?? 0;
        if (start >= end) {
          ctx.addIssue({ code: 'custom', path: ['periods', i], message: 'a period must end after it starts / giờ kết thúc phải sau giờ bắt đầu' });
        }
        if (start < previousEnd) {
          ctx.addIssue({
            code: 'custom',
            path: ['periods', i],
            message: 'periods must be in order and not overlap / các buổi phải theo thứ tự, không chồng nhau',
          });
        }
        previousEnd = end;
      });
      const cutoff = parseClockTime(settings.sameDayCutoff) ?? 0;
      const opening = parseClockTime(settings.periods[0]?.start ?? '') ?? 0;
      if (cutoff < opening || cutoff > previousEnd) {
        ctx.addIssue({ code: 'custom', path: ['sameDayCutoff'], message: 'the cutoff must lie within office hours / giờ chốt phải nằm trong giờ làm việc' });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export type ParseOfficeHoursResult = { readonly ok: true; readonly settings: OfficeHoursSettings } | { readonly ok: false; readonly error: string };

/** Checks office-hour settings from a commune's configuration; never throws. */
export function parseOfficeHours(input: unknown): ParseOfficeHoursResult {
  const result = officeHoursSchema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  const lines = result.error.issues.map((issue) => `- ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { ok: false, error: ['Invalid office hours / Giờ làm việc không hợp lệ:', ...lines].join('\n') };
}

/** Resolves settings to minutes; throws on invalid settings (use parseOfficeHours on outside data). */
export function resolveOfficeHours(settings: OfficeHoursSettings = DEFAULT_OFFICE_HOURS): OfficeHours {
  const parsed = parseOfficeHours(settings);
  if (!parsed.ok) throw new RangeError(parsed.error);
  const periods = parsed.settings.periods.map((p) => ({
    start: parseClockTime(p.start) ?? 0,
    end: parseClockTime(p.end) ?? 0,
  }));
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) throw new RangeError('Invalid office hours: no periods');
  return {
    periods,
    hoursPerWorkingDay: parsed.settings.hoursPerWorkingDay,
    sameDayCutoff: parseClockTime(parsed.settings.sameDayCutoff) ?? 0,
    opening: first.start,
    closing: last.end,
  };
}

import { describe, expect, it } from 'vitest';
import type { CalendarData } from './calendar-data';
import { SHIPPED_CALENDAR_DATA } from './calendar-data';
import { WEEKDAY_NAMES, weekdayOf } from './civil-date';
import { computedHolidays, createHolidayCalendar } from './holidays';

const calendar = createHolidayCalendar();
const weekdaysOff = (year: number) =>
  calendar
    .yearSchedule(year)
    .daysOff.map((d) => d.date)
    .filter((date) => !['Saturday', 'Sunday'].includes(WEEKDAY_NAMES[weekdayOf(date)] ?? ''));

describe('computed holidays (rules only, with nghỉ bù)', () => {
  // Expected values worked out by hand from the rules: Tết = last day of the old year + mùng 1-4,
  // or, when mùng 1 is a Saturday, 29 Chạp to mùng 5 as in 2017 and 2020 (Thu to Wed, no nghỉ bù);
  // a holiday on Sat/Sun moves to the next free working day (* = substitute day).
  it.each([
    [
      2027, // Tết Đinh Mùi: mùng 1 = Sat 6/2 → Thu 4/2 to Wed 10/2; 1/5 is a Saturday; 2/9 is a Thursday → Fri 3/9
      '01-01 02-04 02-05 02-06 02-07 02-08 02-09 02-10 04-16 04-30 05-01 05-03* 09-02 09-03',
    ],
    [
      2030, // Tết Canh Tuất: mùng 1 = Sat 2/2 (3/2 in China) → Thu 31/1 to Wed 6/2; 2/9 is a Monday → Sun 1/9 → Tue 3/9
      '01-01 01-31 02-01 02-02 02-03 02-04 02-05 02-06 04-12 04-30 05-01 09-01 09-02 09-03*',
    ],
    [
      2026, // Giỗ Tổ on Sunday 26/4 → Monday 27/4, as the official schedule also says
      '01-01 02-16 02-17 02-18 02-19 02-20 04-26 04-27* 04-30 05-01 09-01 09-02',
    ],
  ])('%i: %s', (year, expected) => {
    const got = computedHolidays(year)
      .map((d) => `${d.date.slice(5)}${d.kind === 'substitute' ? '*' : ''}`)
      .join(' ');
    expect(got).toBe(expected);
  });

  // The years the Saturday precedent comes from, computed by the rules alone, give the breaks the
  // Prime Minister set: Thu 26/1-Wed 1/2/2017 and Thu 23/1-Wed 29/1/2020 (29 Chạp to mùng 5).
  it.each([
    [2017, '2017-01-26', '2017-02-01'],
    [2020, '2020-01-23', '2020-01-29'],
    [2027, '2027-02-04', '2027-02-10'],
  ])('Tết %i with mùng 1 on a Saturday: %s to %s, five working days, no nghỉ bù after', (year, from, to) => {
    const tet = computedHolidays(year).filter((d) => d.ruleId === 'tet_am_lich');
    expect(tet.every((d) => d.kind === 'holiday')).toBe(true);
    const days = tet.map((d) => d.date);
    expect([days[0], days.at(-1), days.length]).toEqual([from, to, 7]);
    expect(days.filter((d) => !['Saturday', 'Sunday'].includes(WEEKDAY_NAMES[weekdayOf(d)] ?? ''))).toHaveLength(5);
    // The next working day is the Thursday after mùng 5.
    const thursday = new Date(`${to}T00:00:00Z`);
    thursday.setUTCDate(thursday.getUTCDate() + 1);
    expect(createHolidayCalendar().isWorkingDay(thursday.toISOString().slice(0, 10) as never)).toBe(true);
  });

  it('names the substitute after its holiday', () => {
    expect(computedHolidays(2027).find((d) => d.date === '2027-05-03')).toEqual({
      date: '2027-05-03',
      name: 'Nghỉ bù Ngày Quốc tế Lao động',
      kind: 'substitute',
      ruleId: 'quoc_te_lao_dong',
    });
  });

  it('follows the Tết rule in the data (2 days before + 3 from mùng 1)', () => {
    const data: CalendarData = {
      ...SHIPPED_CALENDAR_DATA,
      rules: SHIPPED_CALENDAR_DATA.rules.map((r) => (r.kind === 'lunarNewYear' ? { ...r, daysBeforeNewYear: 2, daysFromNewYear: 3 } : r)),
    };
    const tet = computedHolidays(2027, data).filter((d) => d.ruleId === 'tet_am_lich');
    // Thu 4/2 .. Mon 8/2, with Sat 6/2 and Sun 7/2 moved to Tue 9/2 and Wed 10/2.
    expect(tet.map((d) => d.date.slice(5))).toEqual(['02-04', '02-05', '02-06', '02-07', '02-08', '02-09', '02-10']);
  });

  it('applies a rule only within its years (Ngày Văn hóa Việt Nam, if enacted from 2027)', () => {
    const data: CalendarData = {
      ...SHIPPED_CALENDAR_DATA,
      rules: [
        ...SHIPPED_CALENDAR_DATA.rules,
        { kind: 'solar', id: 'van_hoa', name: 'Ngày Văn hóa Việt Nam', month: 11, day: 24, status: 'test', fromYear: 2027 },
      ],
    };
    expect(computedHolidays(2026, data).some((d) => d.date === '2026-11-24')).toBe(false);
    expect(computedHolidays(2027, data).some((d) => d.date === '2027-11-24')).toBe(true);
  });
});

describe('official schedules win over the computed rule', () => {
  it('2025: weekdays off are exactly those announced (holidays.json holidayWeekdays)', () => {
    expect(calendar.yearSchedule(2025).source).toBe('official');
    expect(weekdaysOff(2025)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
  });

  it('2026: the announced days, plus the computed adjacent day of the undecided Quốc khánh', () => {
    const schedule = calendar.yearSchedule(2026);
    expect(schedule.undecidedRules).toEqual(['quoc_khanh']);
    expect(weekdaysOff(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(schedule.makeUpWorkingDays).toEqual([{ date: '2026-01-10', swappedWith: '2026-01-02' }]);
  });

  it('2027 has no official schedule: computed', () => {
    expect(calendar.yearSchedule(2027).source).toBe('computed');
  });

  // Day-by-day status: [date, working?, reason]
  it.each([
    ['2025-01-27', false, 'officialDayOff'], // Mon before Tết: off by decision, not by the 1+4 rule
    ['2025-02-03', true, 'workday'], // the rule would give nghỉ bù for Sat 1/2; the schedule does not
    ['2025-04-07', false, 'officialDayOff'], // Giỗ Tổ Ất Tỵ, Monday
    ['2025-04-26', true, 'makeUpWorkingDay'], // Saturday worked in exchange for Fri 2/5
    ['2025-05-02', false, 'officialDayOff'],
    ['2025-04-27', false, 'weeklyRest'],
    ['2026-01-02', false, 'officialDayOff'],
    ['2026-01-10', true, 'makeUpWorkingDay'],
    ['2026-02-23', true, 'workday'], // first day back after Tết Bính Ngọ
    ['2026-04-27', false, 'officialDayOff'], // nghỉ bù Giỗ Tổ
    ['2026-09-01', false, 'holiday'], // computed, pending the official decision
    ['2026-09-03', true, 'workday'],
    ['2027-05-03', false, 'substitute'], // 1/5/2027 is a Saturday
    ['2030-02-06', false, 'holiday'], // mùng 5 Canh Tuất: the Saturday precedent's last day
    ['2030-02-07', true, 'workday'], // no nghỉ bù after a Saturday-mùng-1 Tết
    ['2030-02-08', true, 'workday'],
    ['2030-04-12', false, 'holiday'], // Giỗ Tổ Canh Tuất
  ] as const)('%s working=%s (%s)', (date, working, reason) => {
    const status = calendar.dayStatus(date);
    expect(status.working).toBe(working);
    expect(status.reason).toBe(reason);
  });

  it('an official schedule added later takes over that year', () => {
    const data: CalendarData = {
      ...SHIPPED_CALENDAR_DATA,
      years: {
        ...SHIPPED_CALENDAR_DATA.years,
        '2027': {
          status: 'test',
          sources: [],
          daysOff: [{ from: '2027-02-04', to: '2027-02-10', ruleId: 'tet_am_lich', name: 'Tết Đinh Mùi' }],
          makeUpWorkingDays: [{ date: '2027-01-30' }],
          undecidedRules: [],
        },
      },
    };
    const admin = createHolidayCalendar(data);
    expect(admin.isWorkingDay('2027-02-04')).toBe(false); // announced
    expect(admin.isWorkingDay('2027-02-11')).toBe(true); // the rule's nghỉ bù no longer applies
    expect(admin.isWorkingDay('2027-01-30')).toBe(true); // make-up Saturday
    expect(admin.isWorkingDay('2027-05-03')).toBe(true); // not announced, so not a day off
  });
});

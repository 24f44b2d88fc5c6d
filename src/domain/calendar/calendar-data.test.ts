import { describe, expect, it } from 'vitest';
import shipped from './calendar-data.json';
import { SHIPPED_CALENDAR_DATA, parseCalendarData } from './calendar-data';

type Path = ReadonlyArray<string | number>;

/** A deep copy of the shipped data with values replaced, as an administrator's edit would be. */
function edited(...changes: Array<[Path, unknown]>): unknown {
  const copy: unknown = structuredClone(shipped);
  for (const [path, value] of changes) {
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1] as string | number] = value;
  }
  return copy;
}

describe('parseCalendarData', () => {
  it('accepts the shipped data and keeps its status and sources', () => {
    const result = parseCalendarData(shipped);
    expect(result.ok).toBe(true);
    expect(SHIPPED_CALENDAR_DATA.years['2025']?.status).toBe('found');
    expect(SHIPPED_CALENDAR_DATA.years['2025']?.sources).toEqual(['https://www.tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html']);
    expect(SHIPPED_CALENDAR_DATA.years['2026']?.undecidedRules).toEqual(['quoc_khanh']);
    expect(SHIPPED_CALENDAR_DATA.pendingChanges[0]?.status).toBe('policy announced, legal effect NOT confirmed');
  });

  it('accepts an administrator adding the 2027 schedule', () => {
    const result = parseCalendarData(
      edited([
        ['years', '2027'],
        {
          status: 'found',
          sources: ['https://example.gov.vn/lich-nghi-2027'],
          daysOff: [{ from: '2027-02-04', to: '2027-02-10', ruleId: 'tet_am_lich', name: 'Tết Đinh Mùi' }],
          makeUpWorkingDays: [],
          undecidedRules: ['quoc_khanh'],
        },
      ]),
    );
    expect(result.ok).toBe(true);
  });

  // Each malformed input, and a fragment the bilingual message must contain.
  it.each([
    ['not an object', null, '(root)'],
    ['a newer schema', edited([['schemaVersion'], 2]), 'schemaVersion'],
    [
      'an impossible date',
      edited([['years', '2026', 'daysOff', 0, 'from'], '2026-02-30']),
      'years.2026.daysOff[0].from: "2026-02-30" is not a real date YYYY-MM-DD / không phải ngày hợp lệ',
    ],
    ['a date in another format', edited([['years', '2025', 'makeUpWorkingDays', 0, 'date'], '26/04/2025']), 'years.2025.makeUpWorkingDays[0].date'],
    ['a period ending before it starts', edited([['years', '2025', 'daysOff', 1, 'to'], '2025-01-20']), 'ngày kết thúc trước ngày bắt đầu'],
    ['a period in the wrong year', edited([['years', '2025', 'daysOff', 0], { from: '2052-01-01', to: '2052-01-01', name: 'typo' }]), 'lies outside year 2025'],
    [
      'a make-up working day on a weekday',
      edited([['years', '2026', 'makeUpWorkingDays', 0, 'date'], '2026-01-09']),
      'years.2026.makeUpWorkingDays[0].date: 2026-01-09 (Friday) is not a weekly rest day',
    ],
    ['a make-up day that is also a day off', edited([['years', '2026', 'makeUpWorkingDays', 0, 'date'], '2026-01-03']), 'vừa là ngày nghỉ vừa là ngày làm bù'],
    ['an unknown rule id', edited([['years', '2026', 'undecidedRules'], ['quoc_khan']]), 'unknown rule id "quoc_khan"'],
    ['a misspelt field in a year', edited([['years', '2026', 'makeupWorkingDays'], []]), 'years.2026'],
    ['an impossible solar rule', edited([['rules', 0, 'month'], 2], [['rules', 0, 'day'], 31]), 'ngày 31/2 không tồn tại'],
    ['an unknown rule kind', edited([['rules', 1, 'kind'], 'chinese']), 'loại quy tắc không hợp lệ'],
    ['a misspelt weekday', edited([['weeklyRestDays'], ['Saturday', 'sunday']]), 'weeklyRestDays[1]'],
  ])('rejects %s', (_label, input, fragment) => {
    const result = parseCalendarData(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^Invalid holiday calendar data \/ Dữ liệu lịch nghỉ lễ không hợp lệ:/);
    expect(result.error).toContain(fragment);
    expect(result.issues.length).toBeGreaterThan(0);
  });
});

// A procedure's time limit reaches the appointment rules in the unit its catalogue entry counts in:
// "15 ngày" of a calendar-day procedure is 15 days on the calendar, not 15 working days. Dates are
// worked out by hand on the 2025 calendar (30/4-2/5 off, Saturday 26/4 worked in exchange).
import { describe, expect, it } from 'vitest';
import { createWorkingTime, formatVietnamDateTime } from '../calendar';
import { demoCatalogue, parseCatalogue, type Procedure } from '../catalogue';
import { newDraftData, processingTimeOf } from './index';

const clock = createWorkingTime();
const vn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);
const procedures = demoCatalogue().procedures;
const byCode = (code: string) => procedures.find((p) => p.code === code)!;
/** Kết hôn có yếu tố nước ngoài: "trong 15 ngày" (Luật Hộ tịch Đ.38), counted on the calendar. */
const calendarDay = byCode('2.000806');
/** A procedure of "05 ngày làm việc". */
const workingDay = byCode('1.004884');

function dueFor(procedure: Procedure, receivedAt: string): string {
  const time = processingTimeOf(newDraftData(procedure, 1));
  return formatVietnamDateTime(clock.appointmentFor(vn(receivedAt), time!));
}

describe('processing time in the unit the catalogue counts it in', () => {
  it('the demo catalogue says which procedures count calendar days', () => {
    expect(calendarDay).toMatchObject({ processingDays: 15, countedIn: 'calendarDays' });
    expect(workingDay.countedIn).toBeUndefined();
    expect(processingTimeOf(newDraftData(workingDay, 1))).toEqual({ processingDays: 5, countedIn: 'workingDays' });
  });

  it.each([
    // [procedure, received, due]
    ['15 calendar days across two weekends and 30/4-2/5', calendarDay, '2025-04-22 09:00', '2025-05-07 09:00'],
    ['15 calendar days ending on 30/4: moved past the holidays and the weekend', calendarDay, '2025-04-15 09:00', '2025-05-05 09:00'],
    ['15 calendar days from the Monday before the holidays', calendarDay, '2025-04-28 09:00', '2025-05-13 09:00'],
    ['5 working days across 30/4-2/5 and a weekend', workingDay, '2025-04-28 09:00', '2025-05-08 09:00'],
  ])('%s', (_, procedure, received, due) => {
    expect(dueFor(procedure, received)).toBe(due);
  });

  it('counted as working days, the same 15 days would end a week later', () => {
    const asWorkingDays = { ...calendarDay, countedIn: undefined };
    expect(dueFor(asWorkingDays, '2025-04-22 09:00')).toBe('2025-05-15 09:00');
  });

  it('a draft saved before the unit was kept counts working days; an unknown time gives none', () => {
    const { countedIn: _, ...old } = newDraftData(workingDay, 1);
    expect(processingTimeOf(old)).toEqual({ processingDays: 5, countedIn: 'workingDays' });
    expect(processingTimeOf({ ...old, processingDays: null })).toBeNull();
  });
});

describe('the catalogue field countedIn', () => {
  const withProcedure = (patch: Record<string, unknown>) => {
    const input = structuredClone(demoCatalogue()) as unknown as { procedures: Record<string, unknown>[] };
    Object.assign(input.procedures[1]!, patch);
    return parseCatalogue(input);
  };

  it('accepts the two units and refuses anything else, in Vietnamese', () => {
    expect(withProcedure({ countedIn: 'calendarDays' }).ok).toBe(true);
    expect(withProcedure({ countedIn: 'workingDays' }).ok).toBe(true);
    const wrong = withProcedure({ countedIn: 'ngày' });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toContain('đơn vị thời hạn (countedIn) phải là "workingDays" (ngày làm việc) hoặc "calendarDays" (ngày theo lịch)');
  });

  it('refuses part of a calendar day', () => {
    const half = withProcedure({ countedIn: 'calendarDays', processingDays: 2.5 });
    expect(!half.ok && half.message).toContain('thời hạn tính theo ngày lịch (calendarDays) phải là số ngày nguyên');
  });
});

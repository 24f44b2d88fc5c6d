import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayCivilDate, displayDate, displayDateTime } from './display-date';

describe('dates on screen', () => {
  it('shows an instant on Vietnam’s wall clock, dd/MM/yyyy HH:mm', () => {
    // 17:30 UTC on 5 December is already 00:30 on 6 December in Vietnam.
    expect(displayDateTime('2026-12-05T17:30:00.000Z')).toBe('06/12/2026 00:30');
    expect(displayDate('2026-12-05T17:30:00.000Z')).toBe('06/12/2026');
    expect(displayDateTime(new Date('2026-01-02T01:05:59Z'))).toBe('02/01/2026 08:05');
    expect(displayDate(Date.UTC(2025, 0, 27, 16, 59))).toBe('27/01/2025');
    expect(displayDate(Date.UTC(2025, 0, 27, 17, 0))).toBe('28/01/2025');
  });

  it('shows nothing for no date or an unreadable one, never "Invalid Date"', () => {
    for (const v of [null, undefined, '', 'hôm qua', '2026-13-45T00:00:00Z', Number.NaN, new Date('x')]) {
      expect(displayDate(v)).toBe('');
      expect(displayDateTime(v)).toBe('');
    }
  });

  it('shows a calendar date without moving it across a zone', () => {
    expect(displayCivilDate('2026-03-31')).toBe('31/03/2026');
    expect(displayCivilDate('2024-02-29')).toBe('29/02/2024');
    expect(displayCivilDate('2026-02-30')).toBe('2026-02-30');
  });

  // Since 1976: the south kept UTC+8 until 1975, which Intl knows and the desk never needs.
  it('agrees with Intl in Asia/Ho_Chi_Minh for any instant, and never shows an ISO date', () => {
    const intl = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const shown = displayDateTime(ms);
        expect(shown).toBe(intl.format(ms).replace(',', ''));
        expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }),
    );
  });
});

import { describe, it, expect } from 'vitest';
import { classifyFinished, classifyOpen, classifyDossierTiming } from './timing';

// Appointment: 17:00 on 1 July 2025 in Vietnam (10:00 UTC).
const DUE = new Date('2025-07-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('classifyFinished (dates in Vietnam only)', () => {
  it.each([
    ['2025-06-30T16:59:59Z', 'early'], // 23:59:59 on 30 June
    ['2025-06-30T17:00:00Z', 'onTime'], // 00:00 on 1 July
    ['2025-07-01T03:00:00Z', 'onTime'], // 10:00, before the appointment hour
    ['2025-07-01T16:30:00Z', 'onTime'], // 23:30: after the hour, same date
    ['2025-07-01T17:10:00Z', 'late'], // 00:10 on 2 July, though still 1 July in UTC
    ['2025-07-10T03:00:00Z', 'late'],
  ])('finished at %s → %s', (finished, expected) => {
    expect(classifyFinished(DUE, at(finished))).toBe(expected);
  });
});

describe('classifyOpen', () => {
  it.each([
    ['2025-06-28T03:00:00Z', 'inTime'],
    ['2025-06-30T09:59:59.999Z', 'inTime'], // 24 h and 1 ms before
    ['2025-06-30T10:00:00Z', 'dueSoon'], // exactly 24 h before
    ['2025-07-01T09:00:00Z', 'dueSoon'],
    ['2025-07-01T11:00:00Z', 'dueSoon'], // 18:00: past the hour, but the date has not passed
    ['2025-07-01T16:59:59.999Z', 'dueSoon'], // last instant of 1 July in Vietnam
    ['2025-07-01T17:00:00Z', 'overdue'], // 00:00 on 2 July in Vietnam
    ['2025-07-05T03:00:00Z', 'overdue'],
  ])('now %s → %s', (now, expected) => {
    expect(classifyOpen(DUE, at(now))).toBe(expected);
  });
});

describe('classifyDossierTiming', () => {
  const base = { appointmentAt: DUE, resultReadyAt: null };
  const now = at('2025-07-03T03:00:00Z');

  it('judges finished dossiers on the day the result was ready, not on the return day', () => {
    expect(classifyDossierTiming({ status: 10, appointmentAt: DUE, resultReadyAt: at('2025-06-30T03:00:00Z') }, now)).toEqual({
      phase: 'finished',
      timing: 'early',
    });
    expect(classifyDossierTiming({ status: 9, appointmentAt: DUE, resultReadyAt: at('2025-07-02T03:00:00Z') }, now)).toEqual({
      phase: 'finished',
      timing: 'late',
    });
  });

  it('classes open dossiers against now', () => {
    expect(classifyDossierTiming({ ...base, status: 4 }, now)).toEqual({ phase: 'open', timing: 'overdue' });
    expect(classifyDossierTiming({ ...base, status: 2 }, at('2025-06-20T03:00:00Z'))).toEqual({
      phase: 'open',
      timing: 'inTime',
    });
  });

  it('does not count a dossier waiting on the citizen as overdue', () => {
    expect(classifyDossierTiming({ ...base, status: 5 }, now)).toEqual({ phase: 'paused' });
    expect(classifyDossierTiming({ ...base, status: 6 }, now)).toEqual({ phase: 'paused' });
  });

  it('has no class before receipt or after closing without a result', () => {
    expect(classifyDossierTiming({ status: 1, appointmentAt: null, resultReadyAt: null }, now)).toEqual({ phase: 'none' });
    for (const status of [3, 7, 8] as const) {
      expect(classifyDossierTiming({ ...base, status }, now)).toEqual({ phase: 'none' });
    }
  });
});

// Timing class of a dossier against its appointment (ngày hẹn trả), as the reports and the
// national portal count it: by calendar date in Vietnam, never by time of day.

import type { DossierState } from './status';
import { vnIsoDate } from './vn-time';

/** Finished dossiers: trước hạn / đúng hạn / quá hạn. */
export type FinishedTiming = 'early' | 'onTime' | 'late';
/** Unfinished dossiers: còn hạn / sắp hết hạn / quá hạn. */
export type OpenTiming = 'inTime' | 'dueSoon' | 'overdue';

/** "Sắp hết hạn" = due within 24 hours. */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/** Finished before the appointment date, on it (at any hour), or after it. */
export function classifyFinished(appointmentAt: Date, finishedAt: Date): FinishedTiming {
  const due = vnIsoDate(appointmentAt);
  const done = vnIsoDate(finishedAt);
  if (done < due) return 'early';
  return done === due ? 'onTime' : 'late';
}

/**
 * Overdue only once the appointment *date* has passed in Vietnam (consistent with "on time" for
 * a result finished late on the due day); otherwise due soon when 24 h or less remain
 * (including the hours after the appointment time on the due day itself).
 */
export function classifyOpen(appointmentAt: Date, now: Date): OpenTiming {
  if (vnIsoDate(now) > vnIsoDate(appointmentAt)) return 'overdue';
  return appointmentAt.getTime() - now.getTime() <= DUE_SOON_MS ? 'dueSoon' : 'inTime';
}

export type DossierTiming =
  | { phase: 'finished'; timing: FinishedTiming }
  | { phase: 'open'; timing: OpenTiming }
  /** Waiting on the citizen (status 5 or 6): the clock is stopped and the appointment will move. */
  | { phase: 'paused' }
  /** Not received yet (no appointment), or closed without a result (refused, withdrawn, stopped). */
  | { phase: 'none' };

export function classifyDossierTiming(dossier: Pick<DossierState, 'status' | 'appointmentAt' | 'resultReadyAt'>, now: Date): DossierTiming {
  const due = dossier.appointmentAt;
  if (due === null) return { phase: 'none' };
  switch (dossier.status) {
    case 9:
    case 10:
      return dossier.resultReadyAt === null ? { phase: 'none' } : { phase: 'finished', timing: classifyFinished(due, dossier.resultReadyAt) };
    case 5:
    case 6:
      return { phase: 'paused' };
    case 2:
    case 4:
      return { phase: 'open', timing: classifyOpen(due, now) };
    default:
      return { phase: 'none' };
  }
}

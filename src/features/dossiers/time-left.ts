// Where a dossier stands against its appointment, in words: "còn 3 giờ làm việc", "quá hạn 2
// ngày", "Trước hạn". Working time comes from the commune's clock (office hours, holidays).
import type { TFunction } from 'i18next';
import type { WorkingTime } from '../../domain/calendar';
import { classifyDossierTiming, vnIsoDate } from '../../domain/dossier';
import { readDossierState, type DossierRow } from '../../db';

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

const DAY_MS = 86_400_000;

export function timeLeft(t: TFunction, clock: WorkingTime, row: DossierRow, now: Date): { text: string; tone: Tone } {
  const state = readDossierState(row);
  const timing = classifyDossierTiming(state, now);
  switch (timing.phase) {
    case 'none':
      return { text: '', tone: 'muted' };
    case 'paused':
      return { text: t('dossiers.timing.paused'), tone: 'muted' };
    case 'finished':
      return { text: t(`dossiers.timing.${timing.timing}`), tone: timing.timing === 'late' ? 'bad' : 'ok' };
    case 'open': {
      const due = state.appointmentAt!;
      if (timing.timing === 'overdue') {
        const days = Math.round((Date.parse(vnIsoDate(now)) - Date.parse(vnIsoDate(due))) / DAY_MS);
        return { text: t('dossiers.timeLeft.overdue', { count: days }), tone: 'bad' };
      }
      const tone: Tone = timing.timing === 'dueSoon' ? 'warn' : 'ok';
      const hours = clock.workingHoursLeft(due, now);
      if (hours <= 0) return { text: t('dossiers.timeLeft.pastHour'), tone: 'warn' };
      if (hours < 1) return { text: t('dossiers.timeLeft.minutes', { count: Math.max(1, Math.floor(hours * 60)) }), tone };
      // Whole hours, rounded down: the desk should never read more time than it has.
      if (hours < 8) return { text: t('dossiers.timeLeft.hours', { count: Math.floor(hours) }), tone };
      return { text: t('dossiers.timeLeft.daysHours', { days: Math.floor(hours / 8), hours: Math.floor(hours % 8) }), tone };
    }
  }
}

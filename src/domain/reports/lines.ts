// The report as lines in the order the commune prints it (labels come from i18n by `id`), so the
// screen, the CSV and the XLSX show the very same figures.
import { percent, type DeskReport } from './compute';

export type ReportLineId =
  | 'toHandle'
  | 'carriedOver'
  | 'received'
  | 'receivedDirect'
  | 'receivedOnline'
  | 'finished'
  | 'finishedEarly'
  | 'finishedOnTime'
  | 'finishedLate'
  | 'inProgress'
  | 'inProgressInTime'
  | 'inProgressOverdue'
  | 'inProgressWaiting'
  | 'withdrawn'
  | 'stopped'
  | 'supplementRequests'
  | 'refusals'
  | 'digitized'
  | 'rated'
  | 'ratedVeryGood'
  | 'ratedGood'
  | 'ratedBad';

export interface ReportLine {
  id: ReportLineId;
  value: number;
  /** Share of the parent line, in percent with one decimal; null where it makes no sense. */
  percent: number | null;
  /** 0 = a heading figure, 1 = "trong đó" (of which). */
  level: 0 | 1;
}

export function reportLines(r: DeskReport): ReportLine[] {
  const line = (id: ReportLineId, value: number, of: number | null, level: 0 | 1 = 1): ReportLine => ({
    id,
    value,
    percent: of === null ? null : percent(value, of),
    level,
  });
  return [
    line('toHandle', r.toHandle, null, 0),
    line('carriedOver', r.carriedOver, r.toHandle),
    line('received', r.received.total, r.toHandle),
    line('receivedDirect', r.received.direct, r.received.total),
    line('receivedOnline', r.received.online, r.received.total),
    line('finished', r.finished.total, r.toHandle, 0),
    line('finishedEarly', r.finished.early, r.finished.total),
    line('finishedOnTime', r.finished.onTime, r.finished.total),
    line('finishedLate', r.finished.late, r.finished.total),
    line('inProgress', r.inProgress.total, r.toHandle, 0),
    line('inProgressInTime', r.inProgress.inTime, r.inProgress.total),
    line('inProgressOverdue', r.inProgress.overdue, r.inProgress.total),
    line('inProgressWaiting', r.inProgress.waiting, r.inProgress.total),
    line('withdrawn', r.withdrawn, null, 0),
    line('stopped', r.stopped, null, 0),
    line('supplementRequests', r.supplementRequests, null, 0),
    line('refusals', r.refusals, null, 0),
    line('digitized', r.digitization.digitized, r.digitization.received, 0),
    line('rated', r.satisfaction.total, null, 0),
    line('ratedVeryGood', r.satisfaction.veryGood, r.satisfaction.total),
    line('ratedGood', r.satisfaction.good, r.satisfaction.total),
    line('ratedBad', r.satisfaction.bad, r.satisfaction.total),
  ];
}

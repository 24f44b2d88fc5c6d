// Sổ theo dõi hồ sơ: the desk's register of the dossiers received in a period, one line each, in
// the order they were received, with where each one stands.
import { classifyDossierTiming, classifyFinished, type DossierStatusCode, type FinishedTiming, type OpenTiming } from '../dossier';
import { inPeriod, periodBounds, type ReportPeriod } from './period';
import type { ReportRecord } from './record';

export interface RegisterRow {
  /** STT, from 1. */
  number: number;
  code: string;
  procedureName: string;
  applicantName: string;
  field: string;
  receivedAt: Date;
  appointmentAt: Date | null;
  resultReadyAt: Date | null;
  returnedAt: Date | null;
  status: DossierStatusCode;
  /** Finished: early / on time / late; open: in time / due soon / overdue (at `now`); else null. */
  timing: FinishedTiming | OpenTiming | 'paused' | null;
}

export function registerRows(records: readonly ReportRecord[], options: { period: ReportPeriod; field?: string | null; now: Date }): RegisterRow[] {
  const bounds = periodBounds(options.period);
  const field = options.field ? options.field : null;
  return records
    .filter((r): r is ReportRecord & { receivedAt: Date } => (field === null || r.field === field) && inPeriod(r.receivedAt, bounds))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.code.localeCompare(b.code))
    .map((r, i) => ({
      number: i + 1,
      code: r.code,
      procedureName: r.procedureName,
      applicantName: r.applicantName,
      field: r.field,
      receivedAt: r.receivedAt,
      appointmentAt: r.appointmentAt,
      resultReadyAt: r.resultReadyAt,
      returnedAt: r.returnedAt,
      status: r.status,
      timing: rowTiming(r, options.now),
    }));
}

function rowTiming(r: ReportRecord, now: Date): RegisterRow['timing'] {
  if (r.resultReadyAt !== null && r.appointmentAt !== null) return classifyFinished(r.appointmentAt, r.resultReadyAt);
  const t = classifyDossierTiming({ status: r.status, appointmentAt: r.appointmentAt, resultReadyAt: r.resultReadyAt }, now);
  if (t.phase === 'open') return t.timing;
  return t.phase === 'paused' ? 'paused' : null;
}

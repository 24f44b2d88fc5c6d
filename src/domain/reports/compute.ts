// The commune's dossier report for a period (báo cáo tình hình giải quyết hồ sơ): what was carried
// over and received, finished early / on time / late, still in progress in time or overdue, plus
// supplement requests, refusals, digitization and satisfaction. Pure arithmetic over ReportRecord.
import { classifyFinished, classifyOpen } from '../dossier';
import { inPeriod, periodBounds, type PeriodBounds, type ReportPeriod } from './period';
import type { ReportRecord } from './record';

export interface ReportOptions {
  period: ReportPeriod;
  /** Lĩnh vực; null or '' for all fields. */
  field?: string | null;
  /** Today: open dossiers of a period that has not ended yet are judged now, not at its end. */
  now: Date;
}

export interface DeskReport {
  period: ReportPeriod;
  field: string | null;
  /** The moment open dossiers were judged at: the end of the period, or now if earlier. */
  asOf: Date;
  /** Received before the period and still open when it began (kỳ trước chuyển qua). */
  carriedOver: number;
  /** Newly received in the period, by channel (mới tiếp nhận: trực tiếp / trực tuyến). */
  received: { total: number; direct: number; online: number };
  /** carriedOver + received.total (tổng số hồ sơ phải giải quyết). */
  toHandle: number;
  /** Result ready in the period, by its timing against the appointment date. */
  finished: { total: number; early: number; onTime: number; late: number };
  /** Still open at asOf; `waiting` (of which: waiting on the citizen's papers or payment). */
  inProgress: { total: number; inTime: number; overdue: number; waiting: number };
  /** Closed without a result in the period. */
  withdrawn: number;
  stopped: number;
  /** Dossiers asked for supplementary papers in the period (Mẫu 02 issued). */
  supplementRequests: number;
  /** Refused at reception in the period (status 3). */
  refusals: number;
  /** Of the dossiers received in the period, those whose every received component has a file. */
  digitization: { received: number; digitized: number };
  /** Ratings given in the period; the reasons of "Không hài lòng", for the commune to act on. */
  satisfaction: { total: number; veryGood: number; good: number; bad: number; badReasons: { code: string; reason: string }[] };
}

/** One decimal, as reports print them; null when there is nothing to divide (shown as "–"). */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function endedAt(r: ReportRecord): Date | null {
  return r.resultReadyAt ?? r.closedWithoutResultAt;
}

const before = (a: Date, b: Date) => a.getTime() < b.getTime();

/**
 * Open at asOf: overdue once the appointment date has passed in Vietnam. A dossier waiting on the
 * citizen is judged at the moment its clock stopped (its appointment moves when the papers come).
 */
function isOverdue(r: ReportRecord, asOf: Date): boolean {
  if (r.appointmentAt === null) return false;
  const at = r.pausedAt !== null && before(r.pausedAt, asOf) ? r.pausedAt : asOf;
  return classifyOpen(r.appointmentAt, at) === 'overdue';
}

export function computeReport(records: readonly ReportRecord[], options: ReportOptions): DeskReport {
  const bounds: PeriodBounds = periodBounds(options.period);
  const field = options.field ? options.field : null;
  const asOf = before(options.now, bounds.end) ? options.now : new Date(bounds.end.getTime() - 1);
  const report: DeskReport = {
    period: options.period,
    field,
    asOf,
    carriedOver: 0,
    received: { total: 0, direct: 0, online: 0 },
    toHandle: 0,
    finished: { total: 0, early: 0, onTime: 0, late: 0 },
    inProgress: { total: 0, inTime: 0, overdue: 0, waiting: 0 },
    withdrawn: 0,
    stopped: 0,
    supplementRequests: 0,
    refusals: 0,
    digitization: { received: 0, digitized: 0 },
    satisfaction: { total: 0, veryGood: 0, good: 0, bad: 0, badReasons: [] },
  };

  for (const r of records) {
    if (field !== null && r.field !== field) continue;
    if (inPeriod(r.refusedAt, bounds)) report.refusals++;
    if (inPeriod(r.supplementRequestedAt, bounds)) report.supplementRequests++;
    if (r.rating !== null && inPeriod(r.rating.at, bounds)) {
      const s = report.satisfaction;
      s.total++;
      s[r.rating.value]++;
      if (r.rating.value === 'bad') s.badReasons.push({ code: r.code, reason: r.rating.reason ?? '' });
    }

    const received = r.receivedAt;
    if (received === null || !before(received, bounds.end)) continue;
    const ended = endedAt(r);
    if (ended !== null && before(ended, bounds.start)) continue; // closed before the period: not in it

    if (before(received, bounds.start)) {
      report.carriedOver++;
    } else {
      report.received.total++;
      report.received[r.channel]++;
      report.digitization.received++;
      if (r.componentsReceived > 0 && r.componentsDigitized >= r.componentsReceived) report.digitization.digitized++;
    }

    if (ended === null || !before(ended, bounds.end)) {
      report.inProgress.total++;
      if (isOverdue(r, asOf)) report.inProgress.overdue++;
      else report.inProgress.inTime++;
      if (r.pausedAt !== null && before(r.pausedAt, asOf)) report.inProgress.waiting++;
    } else if (r.resultReadyAt !== null) {
      report.finished.total++;
      // A received dossier always has an appointment; without one there was no deadline to miss.
      const timing = r.appointmentAt === null ? 'onTime' : classifyFinished(r.appointmentAt, r.resultReadyAt);
      report.finished[timing]++;
    } else if (r.status === 7) {
      report.withdrawn++;
    } else {
      report.stopped++;
    }
  }
  report.toHandle = report.carriedOver + report.received.total;
  // The same report whatever order the records came in.
  report.satisfaction.badReasons.sort((a, b) => a.code.localeCompare(b.code));
  return report;
}

/** The same report for each field present in the records, in Vietnamese alphabetical order. */
export function computeReportByField(records: readonly ReportRecord[], options: Omit<ReportOptions, 'field'>): DeskReport[] {
  // Each field's report over its own records: one pass to sort them out, not one pass per field over all.
  const byField = new Map<string, ReportRecord[]>();
  for (const r of records) {
    const list = byField.get(r.field);
    if (list) list.push(r);
    else byField.set(r.field, [r]);
  }
  const fields = [...byField.keys()].sort((a, b) => a.localeCompare(b, 'vi'));
  // An empty field name means "all fields" to computeReport, so that report reads every record, as before.
  return fields.map((field) => computeReport(field ? byField.get(field)! : records, { ...options, field }));
}

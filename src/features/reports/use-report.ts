// Loads and computes the report for a period and field, and again after dossiers change. Not a
// live query: its result cache would deep-copy a year of report facts on every run.
import { useEffect, useState } from 'react';
import { computeReport, computeReportByField, isValidPeriod, periodBounds, type DeskReport, type ReportPeriod, type ReportRecord } from '../../domain/reports';
import { getDb, loadReportRecords, watchReportFacts } from '../../db';

export interface LoadedReport {
  key: string;
  /** The records behind the figures, for the register and the exports. */
  records: ReportRecord[];
  report: DeskReport;
  byField: DeskReport[];
  /** The "now" open dossiers were judged at. */
  now: Date;
  /** How long loading and computing took. */
  ms: number;
}

export type ReportState =
  { status: 'loading' } | { status: 'invalid' } | { status: 'failed'; reason: string } | { status: 'ready'; loaded: LoadedReport; stale: boolean };

/** Writes come in bursts (a sync brings many): wait for a quiet moment before recomputing. */
const SETTLE_MS = 400;

export function useReport(period: ReportPeriod, field: string): ReportState {
  const key = `${period.from}|${period.to}|${field}`;
  const valid = isValidPeriod(period);
  const [result, setResult] = useState<LoadedReport | { key: string; error: string }>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watchReportFacts(getDb(), () => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  useEffect(() => {
    if (!valid) return;
    let live = true;
    const [from, to, chosenField] = key.split('|') as [string, string, string];
    const chosen = { from, to };
    const started = performance.now();
    loadReportRecords(getDb(), periodBounds(chosen))
      .then((records) => {
        const now = new Date();
        const report = computeReport(records, { period: chosen, field: chosenField, now });
        const byField = chosenField ? [] : computeReportByField(records, { period: chosen, now });
        if (live) setResult({ key, records, report, byField, now, ms: performance.now() - started });
      })
      .catch((error: unknown) => live && setResult({ key, error: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [key, valid, version]);

  if (!valid) return { status: 'invalid' };
  if (result === undefined) return { status: 'loading' };
  if ('error' in result) return result.key === key ? { status: 'failed', reason: result.error } : { status: 'loading' };
  return { status: 'ready', loaded: result, stale: result.key !== key };
}

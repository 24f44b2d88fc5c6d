// Reads what a report needs for a period from the report facts (dossier-facts.ts), never the
// dossiers themselves nor their attachment rows, and only by index ranges (IndexedDB hands back a
// range far faster than the same rows asked for one by one):
//   - received in the period: a range of receivedAt;
//   - carried over (received before, still active when it began): the rows active in the
//     period's first month, plus those still open;
// then exactly those received before the end and active after the start are kept.
import Dexie, { type ObservabilitySet } from 'dexie';
import type { PeriodBounds, ReportRecord } from '../domain/reports';
import { vietnamWallClock } from '../domain/calendar';
import type { MotcuaDb } from './db';
import { FACTS_TABLE, OPEN_END, recordOfFacts, vnMonth, type DossierFactsRow } from './dossier-facts';

export async function loadReportRecords(db: MotcuaDb, bounds: PeriodBounds): Promise<ReportRecord[]> {
  const facts = db.table<DossierFactsRow, string>(FACTS_TABLE);
  const start = bounds.start.toISOString();
  const end = bounds.end.toISOString();
  const rows = await db.transaction('r', facts, () =>
    Promise.all([
      facts.where('receivedAt').between(start, end, true, false).toArray(),
      facts.where('activeMonths').equals(vnMonth(bounds.start.getTime())).toArray(),
      facts.where('activeUntil').equals(OPEN_END).toArray(),
    ]),
  );
  const seen = new Set<string>();
  const records: ReportRecord[] = [];
  for (const f of rows.flat()) {
    if (seen.has(f.id) || f.receivedAt >= end || f.activeUntil < start) continue;
    seen.add(f.id);
    records.push(recordOfFacts(f));
  }
  return records;
}

/**
 * Calls `onChange` after any write that touches the report facts (here or in another tab). A
 * report is loaded once, outside a live query (whose result cache would copy tens of thousands
 * of rows on every run), and loaded again when this fires.
 */
export function watchReportFacts(db: MotcuaDb, onChange: () => void): () => void {
  const prefix = `idb://${db.name}/${FACTS_TABLE}/`;
  const handler = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) onChange();
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}

/** The first and last year a dossier was received on this device (index ends only), for the year picker. */
export async function receivedYearRange(db: MotcuaDb): Promise<{ first: number; last: number } | null> {
  const [first] = (await db.dossiers.orderBy('receivedAt').limit(1).keys()) as string[];
  const [last] = (await db.dossiers.orderBy('receivedAt').reverse().limit(1).keys()) as string[];
  if (!first || !last) return null;
  // Vietnam is UTC+7: a dossier received on 1 January before 07:00 is still in the new year there.
  const year = (iso: string) => vietnamWallClock(new Date(iso)).year;
  return { first: year(first), last: year(last) };
}

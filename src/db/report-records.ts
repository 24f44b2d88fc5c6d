// Reads what a report needs for a period from the report facts (dossier-facts.ts), never the
// dossiers themselves nor their attachment rows. The dossiers in reach of a period [start, end):
//   - received in the period (receivedAt, as text, in [start, end));
//   - carried over (received before, still active when it began): those active in the period's
//     first month, plus those still open;
// of which exactly those received before the end and active after the start are kept. They are
// read from the report packs (report-packs.ts: the received packs of the period's months, the
// active pack of its first month, the open pack), a dozen rows for a year; a missing pack is built
// from the facts' index ranges. A period the packs cannot describe reads those ranges directly.
import Dexie, { type ObservabilitySet } from 'dexie';
import type { PeriodBounds, ReportRecord } from '../domain/reports';
import { vietnamWallClock } from '../domain/calendar';
import type { MotcuaDb } from './db';
import { FACTS_TABLE, OPEN_END, recordOfFacts, vnMonth, type DossierFactsRow } from './dossier-facts';
import { isUsablePack, monthStart, nextMonth, OPEN_PACK, packOf, packsOfPeriod, recordInPack, type PackKey, type ReportPackRow } from './report-packs';

export async function loadReportRecords(db: MotcuaDb, bounds: PeriodBounds): Promise<ReportRecord[]> {
  const plan = packsOfPeriod(bounds.start, bounds.end);
  if (!plan) return loadReportRecordsFromFacts(db, bounds);
  const start = bounds.start.toISOString();
  const end = bounds.end.toISOString();
  const received = plan.received.map((month): PackKey => `received:${month}`);
  const packs = await readPacks(db, [...received, `active:${plan.firstMonth}`, OPEN_PACK]);
  const open = packs.pop()!;
  const active = packs.pop()!;
  const records: ReportRecord[] = [];
  // Received in the period: every such row is in one of these packs, and in no other part below.
  for (const p of packs) {
    for (let i = 0; i < p.id.length; i++) {
      const at = p.receivedAt[i] as string;
      if (at >= start && at < end && !((p.activeUntil[i] as string) < start)) records.push(recordInPack(p, i));
    }
  }
  // Then the carried over, first from the active pack, then the open ones not found there: the
  // order and the tests of the index ranges' union (the comparisons are those of the stored values,
  // whatever their type).
  const inPeriod = (v: unknown) => typeof v === 'string' && v >= start && v < end;
  const kept = (p: ReportPackRow, i: number) => !inPeriod(p.receivedAt[i]) && !((p.receivedAt[i] as string) >= end) && !((p.activeUntil[i] as string) < start);
  const seen = new Set<string>();
  for (let i = 0; i < active.id.length; i++) {
    if (!kept(active, i)) continue;
    seen.add(active.id[i]!);
    records.push(recordInPack(active, i));
  }
  for (let i = 0; i < open.id.length; i++) if (kept(open, i) && !seen.has(open.id[i]!)) records.push(recordInPack(open, i));
  return records;
}

/**
 * The packs of these keys. Most reports find them all and read them without holding up a writer;
 * missing ones are built from the facts in a read-write transaction over both tables, so a write
 * of the facts lands wholly before (and is in the pack) or after (and drops it), never between.
 */
async function readPacks(db: MotcuaDb, keys: PackKey[]): Promise<ReportPackRow[]> {
  const { dossierFacts: facts, reportPacks: packs } = db;
  const ready = await db.transaction('r', packs, async () => {
    const present = await packs.where(':id').anyOf(keys).primaryKeys();
    return present.length === keys.length ? packs.bulkGet(keys) : undefined;
  });
  if (ready?.every(isUsablePack)) return ready;
  return db.transaction('rw', facts, packs, async () => {
    const found = await packs.bulkGet(keys);
    const built = await Promise.all(keys.map(async (key, i) => (isUsablePack(found[i]) ? null : packOf(key, await factsOfPack(db, key)))));
    const fresh = built.filter((p): p is ReportPackRow => p !== null);
    if (fresh.length > 0) await packs.bulkPut(fresh);
    return keys.map((_, i) => built[i] ?? found[i]!);
  });
}

/** A pack's facts rows, in the order of its index range. */
function factsOfPack(db: MotcuaDb, key: PackKey): Promise<DossierFactsRow[]> {
  const facts = db.dossierFacts;
  if (key === OPEN_PACK) return facts.where('activeUntil').equals(OPEN_END).toArray();
  const [kind, month] = key.split(':') as ['received' | 'active', string];
  if (kind === 'active') return facts.where('activeMonths').equals(month).toArray();
  return facts
    .where('receivedAt')
    .between(monthStart(month), monthStart(nextMonth(month)), true, false)
    .toArray();
}

/** Drops every report pack: the next report builds them again (for measuring that first report). */
export async function dropReportPacks(db: MotcuaDb): Promise<void> {
  await db.transaction('rw', db.reportPacks, () => db.reportPacks.clear());
}

/** The same records read straight from the facts' index ranges (three of them), one row per dossier: what the packs replace. */
export async function loadReportRecordsFromFacts(db: MotcuaDb, bounds: PeriodBounds): Promise<ReportRecord[]> {
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

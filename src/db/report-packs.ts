// Report packs (reportPacks, schema v9): the report facts (dossier-facts.ts) of many dossiers in one
// row, column by column, so a year's report reads a dozen rows instead of one per dossier (what
// IndexedDB charges for is each row read, far more than its bytes). Derived and disposable: every
// write of the facts deletes, in its own transaction, the packs the row was or is in (the
// middleware below), and the report rebuilds what is missing (report-records.ts).
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreRangeType, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { atVietnamTime } from '../domain/calendar';
import type { ReportRecord } from '../domain/reports';
import { FACTS_TABLE, OPEN_END, recordOfFacts, vnMonth, type DossierFactsRow } from './dossier-facts';
import { inUpgrade } from './upgrades/in-upgrade';

export const PACKS_TABLE = 'reportPacks';

/** The layout of ReportPackRow. A pack of another layout counts as missing, so the layout may change without a schema version. */
export const PACK_FORMAT = 1;

/**
 * Which facts rows a pack holds, in the order of the index it was read from (the order a report
 * read them in before packs, kept so the records come out in the same order):
 *   - `received:YYYY-MM`: receivedAt, as text, from the first instant of that Vietnam month to the
 *     first of the next (the text ranges tile every value, so any receivedAt of a period is in one);
 *   - `active:YYYY-MM`: that month among activeMonths;
 *   - `open`: activeUntil = OPEN_END.
 */
export type PackKey = `received:${string}` | `active:${string}` | 'open';
export const OPEN_PACK = 'open';

/** Dates of a record, in this order, DATE_COUNT to a dossier in `dates`. */
const DATE_FIELDS = [
  'receivedAt',
  'appointmentAt',
  'resultReadyAt',
  'returnedAt',
  'refusedAt',
  'closedWithoutResultAt',
  'supplementRequestedAt',
  'pausedAt',
] as const satisfies readonly (keyof ReportRecord)[];
const DATE_COUNT = DATE_FIELDS.length + 1; // and the rating's
/** No date. Never an instant: a Date holds a finite time or NaN. */
const NO_DATE = -Infinity;

/**
 * One pack. Text columns are plain arrays (structured clone copies them quickly); values many
 * dossiers share are stored once in `shared` and pointed at; numbers sit in typed arrays.
 */
export interface ReportPackRow {
  key: PackKey;
  format: number;
  /** As stored in the facts: a report selects on them as text, as the index ranges did. */
  receivedAt: unknown[];
  activeUntil: unknown[];
  id: string[];
  code: string[];
  applicantName: string[];
  /** Procedures, fields, channels, statuses, rating values and reasons, each once. */
  shared: unknown[];
  procedureCode: Uint32Array;
  procedureName: Uint32Array;
  field: Uint32Array;
  channel: Uint32Array;
  status: Uint32Array;
  /** Into `shared`; -1: not rated, no reason given. */
  rating: Int32Array;
  ratingReason: Int32Array;
  /** DATE_COUNT per dossier, epoch milliseconds (NaN for an invalid date), NO_DATE for none. */
  dates: Float64Array;
  componentsReceived: Uint32Array;
  componentsDigitized: Uint32Array;
}

// ---- months, and which packs a period reads ----

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** The first instant of a Vietnam month (YYYY-MM), as ISO text. */
export function monthStart(month: string): string {
  return atVietnamTime(`${month}-01`).toISOString();
}

/** Beyond this a period is read from the facts directly (no desk asks for fifty years at once). */
const MAX_MONTHS = 600;

/**
 * The packs a period [start, end) reads: the months it receives in, the month it begins in and the
 * open dossiers. Null when its bounds are not plain ISO instants of years 1000-9998 (where month
 * starts sort as text the way they sort in time): such a period is read from the facts.
 */
export function packsOfPeriod(start: Date, end: Date): { received: string[]; firstMonth: string } | null {
  const from = start.toISOString();
  const to = end.toISOString();
  if (!CANONICAL_INSTANT.test(from) || !CANONICAL_INSTANT.test(to) || from < '1000' || to >= '9999') return null;
  const firstMonth = vnMonth(start.getTime());
  const received: string[] = [];
  for (let month = firstMonth; monthStart(month) < to; month = nextMonth(month)) {
    if (received.length === MAX_MONTHS) return null;
    received.push(month);
  }
  return { received, firstMonth };
}

/** The received pack that holds this receivedAt; '*' when it cannot be told from the text alone (then every received pack is dropped). */
function receivedPackOf(receivedAt: unknown): string | null {
  if (typeof receivedAt !== 'string') return null; // not text: in no text range, so in no received pack
  const ms = Date.parse(receivedAt);
  // Only an instant written as toISOString writes it sorts among the month starts as it does in time.
  if (Number.isNaN(ms) || !CANONICAL_INSTANT.test(receivedAt) || new Date(ms).toISOString() !== receivedAt) return '*';
  return `received:${vnMonth(ms)}`;
}

// ---- building and reading a pack ----

/** Facts rows, in index order, as one pack. Each row goes through recordOfFacts, so a pack gives back exactly the records the rows give. */
export function packOf(key: PackKey, rows: readonly DossierFactsRow[]): ReportPackRow {
  const n = rows.length;
  const shared: unknown[] = [];
  const slots = new Map<unknown, number>();
  const slot = (value: unknown) => {
    let at = slots.get(value);
    if (at === undefined) {
      at = shared.push(value) - 1;
      slots.set(value, at);
    }
    return at;
  };
  const pack: ReportPackRow = {
    key,
    format: PACK_FORMAT,
    receivedAt: new Array<unknown>(n),
    activeUntil: new Array<unknown>(n),
    id: new Array<string>(n),
    code: new Array<string>(n),
    applicantName: new Array<string>(n),
    shared,
    procedureCode: new Uint32Array(n),
    procedureName: new Uint32Array(n),
    field: new Uint32Array(n),
    channel: new Uint32Array(n),
    status: new Uint32Array(n),
    rating: new Int32Array(n),
    ratingReason: new Int32Array(n),
    dates: new Float64Array(n * DATE_COUNT),
    componentsReceived: new Uint32Array(n),
    componentsDigitized: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const r = recordOfFacts(row);
    pack.receivedAt[i] = row.receivedAt;
    pack.activeUntil[i] = row.activeUntil;
    pack.id[i] = r.id;
    pack.code[i] = r.code;
    pack.applicantName[i] = r.applicantName;
    pack.procedureCode[i] = slot(r.procedureCode);
    pack.procedureName[i] = slot(r.procedureName);
    pack.field[i] = slot(r.field);
    pack.channel[i] = slot(r.channel);
    pack.status[i] = slot(r.status);
    pack.rating[i] = r.rating ? slot(r.rating.value) : -1;
    pack.ratingReason[i] = r.rating && 'reason' in r.rating ? slot(r.rating.reason) : -1;
    const d = i * DATE_COUNT;
    DATE_FIELDS.forEach((name, k) => (pack.dates[d + k] = r[name]?.getTime() ?? NO_DATE));
    pack.dates[d + DATE_FIELDS.length] = r.rating ? r.rating.at.getTime() : NO_DATE;
    pack.componentsReceived[i] = r.componentsReceived;
    pack.componentsDigitized[i] = r.componentsDigitized;
  }
  return pack;
}

export function isUsablePack(pack: ReportPackRow | undefined): pack is ReportPackRow {
  return pack?.format === PACK_FORMAT;
}

/** The i-th dossier of a pack as a report record, equal to recordOfFacts of its facts row. */
export function recordInPack(p: ReportPackRow, i: number): ReportRecord {
  const d = i * DATE_COUNT;
  const at = (k: number) => {
    const v = p.dates[d + k]!;
    return v === NO_DATE ? null : new Date(v);
  };
  const rating = p.rating[i]!;
  const reason = p.ratingReason[i]!;
  return {
    id: p.id[i]!,
    code: p.code[i]!,
    procedureCode: p.shared[p.procedureCode[i]!] as string,
    procedureName: p.shared[p.procedureName[i]!] as string,
    field: p.shared[p.field[i]!] as string,
    applicantName: p.applicantName[i]!,
    channel: p.shared[p.channel[i]!] as ReportRecord['channel'],
    status: p.shared[p.status[i]!] as ReportRecord['status'],
    receivedAt: at(0),
    appointmentAt: at(1),
    resultReadyAt: at(2),
    returnedAt: at(3),
    refusedAt: at(4),
    closedWithoutResultAt: at(5),
    supplementRequestedAt: at(6),
    pausedAt: at(7),
    rating:
      rating < 0
        ? null
        : {
            value: p.shared[rating] as NonNullable<ReportRecord['rating']>['value'],
            at: new Date(p.dates[d + DATE_FIELDS.length]!),
            ...(reason >= 0 ? { reason: p.shared[reason] as string } : {}),
          },
    componentsReceived: p.componentsReceived[i]!,
    componentsDigitized: p.componentsDigitized[i]!,
  };
}

// ---- keeping packs honest, inside the writer's own transaction ----

/** The packs a facts row is in. */
function packsOfRow(row: DossierFactsRow | undefined, into: Set<string>): void {
  if (!row) return;
  const received = receivedPackOf(row.receivedAt);
  if (received) into.add(received);
  if (Array.isArray(row.activeMonths)) for (const month of row.activeMonths) if (typeof month === 'string') into.add(`active:${month}`);
  if (row.activeUntil === OPEN_END) into.add(OPEN_PACK);
}

const range = (lower: string, upper: string) => ({ type: 2 as DBCoreRangeType, lower, upper, lowerOpen: false, upperOpen: false });
const EVERY_KEY = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined };

/** The facts rows a write replaces (a range deletion is not asked: it drops every pack). */
function keysWritten(facts: DBCoreTable, req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): unknown[] {
  if (req.type === 'delete') return req.keys;
  return req.keys ?? req.values.map((v) => facts.schema.primaryKey.extractKey!(v));
}

/** The packs a write makes stale: those its rows were in before and are in after. */
function packsTouched(before: readonly (DossierFactsRow | undefined)[], after: readonly DossierFactsRow[]): Set<string> {
  const touched = new Set<string>();
  for (const row of before) packsOfRow(row, touched);
  for (const row of after) packsOfRow(row, touched);
  return touched;
}

function dropPacks(packs: DBCoreTable, trans: DBCoreTransaction, stale: Set<string> | 'all'): Promise<unknown> {
  if (stale === 'all') return packs.mutate({ trans, type: 'deleteRange', range: EVERY_KEY });
  const drops: Promise<unknown>[] = [];
  if (stale.delete('*')) drops.push(packs.mutate({ trans, type: 'deleteRange', range: range('received:', 'received:\uffff') }));
  if (stale.size > 0) drops.push(packs.mutate({ trans, type: 'delete', keys: [...stale].sort() }));
  return Promise.all(drops);
}

/**
 * Goes on in the zone of the caller's Dexie transaction: Dexie's own middleware below reads the
 * transaction from it on every write, and a native promise between two writes may lose it (in an
 * implicit transaction, such as a lone table.clear()).
 */
const inZone = <T>(promise: Promise<T>) => Dexie.Promise.resolve(promise);

/**
 * Extends every read-write transaction on the facts to the packs, and drops the packs a facts
 * write changes, whoever writes (dossier-facts.ts's middleware sits above this one and writes
 * through it). An upgrade writes facts before the packs table exists; a later upgrade that
 * rewrites facts clears the packs itself.
 */
export const reportPacksMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'motcua-report-packs',
  // Below the facts middleware (level 10), so the facts rows it writes pass through here.
  level: 9,
  create: (down) => {
    const names = new Set(down.schema.tables.map((t) => t.name));
    if (!names.has(FACTS_TABLE) || !names.has(PACKS_TABLE)) return down;
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && stores.includes(FACTS_TABLE) && !stores.includes(PACKS_TABLE) ? [...stores, PACKS_TABLE] : stores,
          mode,
          options,
        ),
      table: (name) => {
        const table = down.table(name);
        if (name !== FACTS_TABLE) return table;
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (inUpgrade(req.trans)) return table.mutate(req);
            const packs = down.table(PACKS_TABLE);
            if (req.type === 'deleteRange') return inZone(table.mutate(req)).then((result) => inZone(dropPacks(packs, req.trans, 'all')).then(() => result));
            const after = req.type === 'delete' ? [] : (req.values as DossierFactsRow[]);
            return inZone(table.getMany({ trans: req.trans, keys: keysWritten(table, req) })).then((before) =>
              inZone(table.mutate(req)).then((result) =>
                inZone(dropPacks(packs, req.trans, packsTouched(before as (DossierFactsRow | undefined)[], after))).then(() => result),
              ),
            );
          },
        };
      },
    };
  },
};

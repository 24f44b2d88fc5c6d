// Report facts (dossierFacts, schema v4): a small flat row per dossier holding only what reports
// count, kept current by a DBCore middleware on every write of a dossier or an attachment —
// whoever writes (intake, the desk, sync), in the same transaction. A year's report then reads a
// few hundred bytes per dossier instead of whole dossiers and all their attachment rows.
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { vietnamWallClock } from '../domain/calendar';
import { isFinalStatus, type DossierStatusCode } from '../domain/dossier';
import type { ReportRecord } from '../domain/reports';
import { isSatisfactionValue, type SatisfactionValue } from '../domain/satisfaction';
import { readDossierData } from './dossier-data';
import type { AttachmentRow, DossierRow } from './rows';
import { inUpgrade } from './upgrades/in-upgrade';

export const FACTS_TABLE = 'dossierFacts';

/** Sorts after every ISO instant: "still open", for the activeUntil index. */
export const OPEN_END = '9999-12-31T23:59:59.999Z';

/** Dates are epoch milliseconds: the cheapest thing for IndexedDB to hand back by the thousand. */
export interface DossierFactsRow {
  id: string;
  /** Indexed: until when events may still count for it — its last change once closed, else OPEN_END. */
  activeUntil: string;
  /** Indexed: the row's receivedAt (receipt, refusal or online submission). */
  receivedAt: string;
  /**
   * Indexed (multi-entry): each month (YYYY-MM, in Vietnam) from receipt to its last change, or to
   * the month it was last written while open. With activeUntil it answers "active when the period
   * began" from two short ranges instead of a scan (see report-records.ts).
   */
  activeMonths: string[];
  code: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  applicantName: string;
  channel: 'direct' | 'online';
  status: number;
  received: number | null;
  appointment: number | null;
  resultReady: number | null;
  returned: number | null;
  refused: number | null;
  closedWithoutResult: number | null;
  supplementRequested: number | null;
  paused: number | null;
  rating: SatisfactionValue | null;
  ratingAt: number | null;
  ratingReason?: string;
  /** Component indexes handed in at reception, and those that have at least one file. */
  components: number[];
  attached: number[];
}

const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);
const date = (n: number | null) => (n === null ? null : new Date(n));

/** YYYY-MM in Vietnam. */
export function vnMonth(instant: number): string {
  const { year, month } = vietnamWallClock(instant);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function monthsBetween(from: number, to: number): string[] {
  const months: string[] = [];
  let month = vnMonth(from);
  const last = vnMonth(Math.max(from, to));
  // Bounded: a dossier is not active for a century; a broken date must not loop for ever.
  for (let i = 0; i < 1200 && month <= last; i++) {
    months.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}

export function factsOf(row: DossierRow, attached: Iterable<number>, now = Date.now()): DossierFactsRow {
  const data = readDossierData(row);
  const { state } = data;
  const status = row.status;
  const lastOf = (action: string) => [...state.log].reverse().find((e) => e.action === action)?.at ?? null;
  const rating = data.rating && isSatisfactionValue(data.rating.value) ? data.rating : undefined;
  const attachedSet = new Set(attached);
  const closed = isFinalStatus(status);
  const start = Date.parse(row.receivedAt);
  const until = closed ? Date.parse(row.updatedAt) : Math.max(now, Date.parse(row.updatedAt));
  return {
    id: row.id,
    activeUntil: closed ? row.updatedAt : OPEN_END,
    receivedAt: row.receivedAt,
    activeMonths: Number.isNaN(start) || Number.isNaN(until) ? [] : monthsBetween(start, until),
    code: row.code,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    field: row.field,
    applicantName: row.applicantName,
    channel: data.channel ?? (state.log[0]?.action === 'submit' ? 'online' : 'direct'),
    status,
    received: status === 3 ? null : ms(state.receivedAt),
    appointment: ms(state.appointmentAt),
    resultReady: ms(state.resultReadyAt),
    returned: ms(state.returnedAt),
    refused: status === 3 ? (ms(lastOf('refuse')) ?? Date.parse(row.receivedAt)) : null,
    closedWithoutResult: status === 7 ? ms(lastOf('withdraw')) : status === 8 ? ms(lastOf('stop')) : null,
    supplementRequested: ms(state.log.find((e) => e.action === 'requestSupplement')?.at),
    paused: ms(state.pausedAt),
    rating: rating?.value ?? null,
    ratingAt: rating ? Date.parse(rating.at) : null,
    ...(rating?.reason ? { ratingReason: rating.reason } : {}),
    components: (data.intake?.components ?? []).filter((c) => c.received && c.count > 0).map((c) => c.index),
    attached: [...attachedSet].sort((a, b) => a - b),
  };
}

export function recordOfFacts(f: DossierFactsRow): ReportRecord {
  const attached = new Set(f.attached);
  return {
    id: f.id,
    code: f.code,
    procedureCode: f.procedureCode,
    procedureName: f.procedureName,
    field: f.field,
    applicantName: f.applicantName,
    channel: f.channel,
    status: f.status as DossierStatusCode,
    receivedAt: date(f.received),
    appointmentAt: date(f.appointment),
    resultReadyAt: date(f.resultReady),
    returnedAt: date(f.returned),
    refusedAt: date(f.refused),
    closedWithoutResultAt: date(f.closedWithoutResult),
    supplementRequestedAt: date(f.supplementRequested),
    pausedAt: date(f.paused),
    rating: f.rating && f.ratingAt !== null ? { value: f.rating, at: new Date(f.ratingAt), ...(f.ratingReason ? { reason: f.ratingReason } : {}) } : null,
    componentsReceived: f.components.length,
    componentsDigitized: f.components.filter((c) => attached.has(c)).length,
  };
}

/** One dossier as a report sees it; `attached` holds the component indexes that have files. */
export function toReportRecord(row: DossierRow, attached: Iterable<number>): ReportRecord {
  return recordOfFacts(factsOf(row, attached));
}

// ---- keeping the facts current, inside the writer's own transaction ----

const only = (key: unknown): DBCoreKeyRange => ({ type: 1 as DBCoreRangeType, lower: key, upper: key });

async function attachedOf(attachments: DBCoreTable, trans: DBCoreTransaction, ownerId: string): Promise<number[]> {
  const index = attachments.schema.getIndexByKeyPath('ownerId');
  if (!index) return [];
  const { result } = await attachments.query({ trans, values: true, query: { index, range: only(ownerId) } });
  return (result as AttachmentRow[]).map((a) => a.componentIndex);
}

const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

/**
 * Brings the `attached` of the owners' facts up to date. Files only added: the new component
 * indexes join the known ones (no lookup). Files moved or deleted: the owner's files are read
 * again. Owners without facts are drafts: nothing to do.
 */
async function refreshAttached(core: DBCore, trans: DBCoreTransaction, owners: Map<string, number[] | 'reread'>): Promise<void> {
  if (owners.size === 0) return;
  const facts = core.table(FACTS_TABLE);
  const ids = [...owners.keys()];
  const current = (await facts.getMany({ trans, keys: ids })) as (DossierFactsRow | undefined)[];
  const rows: DossierFactsRow[] = [];
  for (const [i, id] of ids.entries()) {
    const row = current[i];
    if (!row) continue;
    const change = owners.get(id)!;
    const attached = change === 'reread' ? sorted(await attachedOf(core.table('attachments'), trans, id)) : sorted([...row.attached, ...change]);
    rows.push({ ...row, attached });
  }
  if (rows.length > 0) await facts.mutate({ trans, type: 'put', values: rows });
}

async function keysInRange(table: DBCoreTable, trans: DBCoreTransaction, range: DBCoreKeyRange): Promise<unknown[]> {
  return (await table.query({ trans, values: false, query: { index: table.schema.primaryKey, range } })).result;
}

/** Extends every read-write transaction on dossiers or attachments to both and the facts table, and keeps the facts current (a schema upgrade writes its own). */
export const dossierFactsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'motcua-dossier-facts',
  create: (down) => {
    if (!down.schema.tables.some((t) => t.name === FACTS_TABLE)) return down;
    return {
      ...down,
      // A dossier's facts need its attachments, and a file's owner its facts. Every transaction of
      // src/db that writes dossiers or attachments lists both at its call site; a lone write outside
      // one (an implicit transaction, as tests make) gets them here.
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && (stores.includes('dossiers') || stores.includes('attachments'))
            ? [...new Set([...stores, 'attachments', FACTS_TABLE])]
            : stores,
          mode,
          options,
        ),
      table: (name) => {
        const table = down.table(name);
        if (name === 'dossiers') {
          return {
            ...table,
            mutate: async (req: DBCoreMutateRequest) => {
              if (inUpgrade(req.trans)) return table.mutate(req); // an upgrade writes its own facts
              const facts = down.table(FACTS_TABLE);
              const removed = req.type === 'delete' ? req.keys : req.type === 'deleteRange' ? await keysInRange(table, req.trans, req.range) : [];
              const result = await table.mutate(req);
              if (req.type === 'add' || req.type === 'put') {
                const values = req.values as DossierRow[];
                // A dossier written again keeps the files its facts know; only a new one looks its files up.
                const known = (await facts.getMany({ trans: req.trans, keys: values.map((v) => v.id) })) as (DossierFactsRow | undefined)[];
                const rows: DossierFactsRow[] = [];
                for (const [i, value] of values.entries()) {
                  if (result.failures[i]) continue; // not written (e.g. a duplicate code): no facts either
                  rows.push(factsOf(value, known[i]?.attached ?? (await attachedOf(down.table('attachments'), req.trans, value.id))));
                }
                if (rows.length > 0) await facts.mutate({ trans: req.trans, type: 'put', values: rows });
              } else if (removed.length > 0) {
                await facts.mutate({ trans: req.trans, type: 'delete', keys: removed });
              }
              return result;
            },
          };
        }
        if (name === 'attachments') {
          return {
            ...table,
            mutate: async (req: DBCoreMutateRequest) => {
              if (inUpgrade(req.trans)) return table.mutate(req); // an upgrade writes its own facts
              const owners = new Map<string, number[] | 'reread'>();
              // Whose files change: the owners before (moved or deleted files) and after (new ones).
              const keys =
                req.type === 'delete'
                  ? req.keys
                  : req.type === 'deleteRange'
                    ? await keysInRange(table, req.trans, req.range)
                    : req.type === 'put'
                      ? (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey?.(v)))
                      : [];
              if (keys.length > 0) {
                for (const before of (await table.getMany({ trans: req.trans, keys })) as (AttachmentRow | undefined)[])
                  if (before) owners.set(before.ownerId, 'reread');
              }
              if (req.type === 'add' || req.type === 'put') {
                for (const v of req.values as AttachmentRow[]) {
                  const known = owners.get(v.ownerId) ?? [];
                  owners.set(v.ownerId, known === 'reread' || req.type === 'put' ? 'reread' : [...known, v.componentIndex]);
                }
              }
              const result = await table.mutate(req);
              // Some files not written: count what is really there.
              if (result.numFailures > 0) for (const owner of owners.keys()) owners.set(owner, 'reread');
              await refreshAttached(down, req.trans, owners);
              return result;
            },
          };
        }
        return table;
      },
    };
  },
};

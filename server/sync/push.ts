// Applies pushed changes exactly once. The entries of a push are applied some at a time, each
// part in one transaction that also records every entry's (device, mutation) with its result;
// the answer is sent only after the last part has committed. A replay gets the recorded result,
// a refused entry is recorded too (so it never blocks, and replays say the same), and only a fault
// of the gateway itself (database unreachable, …) escapes as an error, leaving the entries of the
// failing part unrecorded so the device simply sends them again (earlier parts stay committed).
//
// A part is applied together first (batch-store.ts: reads gathered, writes made at the end or,
// on PostgreSQL, sent ahead every SEND_AHEAD_ENTRIES entries, while the gateway goes on). An
// entry refused by its kind is undone in memory alone; only when the database itself refuses a
// write (a duplicate code, a value out of range) is the part rolled back and applied again one
// entry at a time, each in a savepoint, so the refusal falls on that entry alone.
//
// With a staff session, an entry naming another actor than its officer is refused before its kind
// applies it, and that refusal alone is not recorded (actor-check.ts).
import { isTeamCaller, type Caller } from '../auth/caller';
import type { Database, Queryable, Transaction } from '../db/database';
import { isDataError } from '../db/errors';
import type { Logger } from '../log';
import { DEMO_DEVICE } from '../seed/demo-accounts';
import { actorMismatch } from './actor-check';
import { BatchStore, type Lookups, type RecordRow } from './batch-store';
import { lockCommune } from './dossier-store';
import { checkEntry, type CheckedEntry } from './entry-check';
import { KINDS, type Kind } from './kinds';
import { Rejection } from './rejection';
import { MAX_ENTRIES_PER_PUSH, type IncomingEntry, type PushEntry } from './schemas';

/**
 * An entry's answer. A refusal carries its reason in Vietnamese (what older apps show) and its
 * stable code (MotcuaError's): optional, as results recorded before codes existed lack it.
 */
export type EntryResult =
  | { mutation: number; status: 'accepted'; serverVersion: number; officialCode?: string }
  | { mutation: number; status: 'rejected'; reason: string; code?: string };

export interface PushContext {
  db: Database;
  caller: Caller & { deviceId: string };
  log: Logger;
  now?: () => Date;
}

/**
 * Entries per transaction at most: a whole push (MAX_ENTRIES_PER_PUSH) after its first entry,
 * which commits alone (see pushEntries). A commit costs a WAL flush on PostgreSQL and a part's
 * fixed statements (lock, records, reads, writes) a trip each, so a batch of 100 pays them twice
 * instead of once an entry; a gateway killed mid-batch still keeps the first entry (the replay
 * answers it from the record).
 */
export const ENTRIES_PER_TRANSACTION = MAX_ENTRIES_PER_PUSH;

/**
 * A part also ends once its entries have taken this long to apply (after the entry at hand): on a
 * slow or cold gateway the work a crash would lose, and the time other desks of the commune wait
 * for its lock, stay bounded by time rather than by count. A warm gateway applies a batch of 100
 * well within it.
 */
export const PART_MS = 50;

/**
 * Whether the database works in a process of its own (PostgreSQL), so the gateway can go on with
 * its share of a push while a statement runs. PGlite runs statements on the gateway's own thread:
 * there the same overlap would only interleave the two and add statements.
 */
const runsApart = (db: Database) => db.kind === 'postgres';

/**
 * Where the database runs apart, a part applied together sends its writes every this many
 * entries without waiting (BatchStore.sendAhead): the server stores them while the gateway
 * applies the next ones, instead of one write at the end that the gateway waits for.
 */
export const SEND_AHEAD_ENTRIES = 15;

const REUSED_NUMBER = new Rejection(
  'Số thứ tự thay đổi này đã được dùng cho một thay đổi khác trên máy chủ; thay đổi chưa được ghi. Hãy báo cho quản trị viên.',
  'entry.reused_number',
);
const DATA_REFUSED = new Rejection('Máy chủ không ghi được thay đổi này vì dữ liệu trùng hoặc không hợp lệ (ví dụ trùng mã hồ sơ).', 'entry.data_refused');
const NO_COMMUNE = new Rejection('Xã của thiết bị không còn trên máy chủ.', 'device.no_commune');

/** A kind the caller's role may not push (issue 15): a team tablet only submits and resubmits; only a team tablet does. */
const notForRole = (kind: string, team: boolean) =>
  new Rejection(
    team
      ? `Máy tính bảng của tổ công nghệ số chỉ nộp và nộp lại hồ sơ trực tuyến; không được thực hiện "${kind}".`
      : `Chỉ máy tính bảng của tổ công nghệ số mới thực hiện "${kind}".`,
    'entry.role_not_allowed',
    { kind },
  );

const unsupported = (kind: string) =>
  new Rejection(`Máy chủ chưa hỗ trợ loại thay đổi "${kind}". Hãy cập nhật ứng dụng hoặc báo quản trị viên.`, 'entry.unsupported_kind');

/** The answer to a refused entry: the reason for every app, the code for those that translate it. */
const refused = (mutation: number, rejection: Rejection): EntryResult => ({ mutation, status: 'rejected', reason: rejection.reason, code: rejection.code });

interface Recorded {
  hash: string;
  result: EntryResult;
}

interface Settled extends Recorded {
  entry: PushEntry;
}

type Commune = NonNullable<Awaited<ReturnType<typeof lockCommune>>>;

/** The database refused a write of a part applied together: apply it again an entry at a time. */
class ApplyAlone extends Error {}

/** The recorded results of these mutation numbers of the device, in one query. */
async function recordedResults(tx: Queryable, deviceId: string, mutations: number[]): Promise<Map<number, Recorded>> {
  const rows = await tx.query<{ mutation: unknown; entry_hash: string; result: EntryResult }>(
    // Mutation numbers are checked integers (pushBodySchema), so the array literal is safe.
    'select mutation, entry_hash, result from sync_mutations where device_id = $1 and mutation = any($2::bigint[])',
    [deviceId, `{${mutations.join(',')}}`],
  );
  return new Map(rows.map((r) => [Number(r.mutation), { hash: r.entry_hash, result: r.result }]));
}

/** The rows recording these entries' results (sync_mutations). */
const recordsOf = (settled: Settled[]): RecordRow[] =>
  settled.map(({ entry, hash, result }) => ({ mutation: entry.mutation, kind: entry.kind, entity_id: entry.entityId, entry_hash: hash, result }));

/**
 * Writes what the part changed and records its results (those of the first `sentAhead` entries
 * of `settled` went with the writes sent ahead). Under the commune lock no other push of
 * the device can have recorded them meanwhile; should one have (the commune row gone, so no
 * lock), its record stands and is what the device is answered.
 */
async function writeAndRecord(tx: Queryable, store: BatchStore, deviceId: string, settled: Settled[], sentAhead: number): Promise<Map<number, Recorded>> {
  const mine = await store.flush(recordsOf(settled.slice(sentAhead)));
  if (mine.size === settled.length) return new Map();
  return recordedResults(
    tx,
    deviceId,
    settled.map((s) => s.entry.mutation).filter((m) => !mine.has(m)),
  );
}

/** The entry's kind, or why it cannot be applied at all (before any database work of its own): unknown, malformed, not the caller's to push. */
function kindOf(checked: CheckedEntry, commune: Commune | null, caller: Pick<Caller, 'deviceRole' | 'staff'>): Kind | Rejection {
  if (!commune) return NO_COMMUNE;
  if (checked.problem) return new Rejection(checked.problem, 'entry.malformed');
  const { kind } = checked.entry;
  if (!Object.hasOwn(KINDS, kind)) return unsupported(kind);
  const found = KINDS[kind]!;
  const team = isTeamCaller(caller);
  return found.by === (team ? 'team' : 'desk') ? found : notForRole(kind, team);
}

/** What the entries will look up, merged; a kind that cannot read a hostile payload simply foresees nothing. */
function lookupsOf(entries: { entry: PushEntry; kind: Kind }[], agencyCode: string): Lookups {
  const all: Lookups = { dossierIds: [], fileHashes: [], codes: [], days: [] };
  for (const { entry, kind } of entries) {
    try {
      const found = kind.lookups(entry, agencyCode);
      all.dossierIds.push(...(found.dossierIds ?? []));
      all.fileHashes.push(...(found.fileHashes ?? []));
      all.codes.push(...(found.codes ?? []));
      all.days.push(...(found.days ?? []));
    } catch {
      // Only a hint: the handler fetches what it needs.
    }
  }
  return all;
}

/**
 * Applies one entry's kind through the batch's store. A refusal undoes what it did in the store
 * and answers the refusal; any other error escapes.
 */
async function applyKind(ctx: PushContext, store: BatchStore, commune: Commune, entry: PushEntry, kind: Kind): Promise<EntryResult> {
  const mark = store.mark();
  try {
    const applied = await kind.apply({ store, caller: ctx.caller, communeId: ctx.caller.communeId, commune, now: ctx.now?.() ?? new Date() }, entry);
    return { mutation: entry.mutation, status: 'accepted', ...applied };
  } catch (err) {
    store.undoTo(mark);
    if (err instanceof Rejection) return refused(entry.mutation, err);
    throw err;
  }
}

/**
 * Settles the first entries of `part` in one transaction (committed when it returns), together or
 * an entry at a time: all of them, or as many as PART_MS allows (at least one); answers their results.
 */
async function applyPart(ctx: PushContext, tx: Transaction, part: readonly CheckedEntry[], together: boolean): Promise<EntryResult[]> {
  const { caller } = ctx;
  // Lock first: a concurrent duplicate of these entries then waits here and sees their records below.
  const commune = await lockCommune(tx, caller.communeId);
  const known = await recordedResults(
    tx,
    caller.deviceId,
    part.map((c) => c.entry.mutation),
  );
  const storeOn = (q: Queryable) => new BatchStore(q, caller.communeId, commune?.agencyCode ?? '', caller.deviceId, DEMO_DEVICE.id);
  const toApply = part.flatMap((c) => {
    const kind = known.has(c.entry.mutation) ? null : kindOf(c, commune, caller);
    return kind !== null && !(kind instanceof Rejection) ? [{ entry: c.entry, kind }] : [];
  });
  const store = storeOn(tx);
  if (together && commune) await store.prefetch(lookupsOf(toApply, commune.agencyCode), toApply.length);
  const deadline = performance.now() + PART_MS;
  const sendsAhead = together && runsApart(ctx.db);
  let sentAhead = 0;

  const settled: Settled[] = [];
  const results: EntryResult[] = [];
  for (const { entry, hash, problem } of part) {
    if (results.length > 0 && performance.now() > deadline) break;
    const done = known.get(entry.mutation);
    if (done) {
      // The same number with other content is not a replay: applying or acknowledging it would lose one of the two.
      results.push(done.hash === hash ? done.result : refused(entry.mutation, REUSED_NUMBER));
      continue;
    }
    const kind = kindOf({ entry, hash, problem }, commune, caller);
    const mismatch = kind instanceof Rejection ? null : actorMismatch(caller, kind, entry);
    let result: EntryResult;
    if (kind instanceof Rejection) {
      result = refused(entry.mutation, kind);
    } else if (mismatch) {
      result = refused(entry.mutation, mismatch);
    } else if (together) {
      try {
        result = await applyKind(ctx, store, commune!, entry, kind);
      } catch (err) {
        // A write sent ahead and refused spoils every statement after it: its failure is the one that counts.
        const failure = (await store.sentFailure()) ?? err;
        // A read or write refused by the database has spoilt the transaction on PostgreSQL: start again an entry at a time.
        if (isDataError(failure)) throw new ApplyAlone();
        throw failure;
      }
    } else {
      try {
        result = await tx.savepoint(async (sp) => {
          const alone = storeOn(sp);
          const applied = await applyKind(ctx, alone, commune!, entry, kind);
          if (applied.status === 'accepted') await alone.flush([]);
          return applied;
        });
      } catch (err) {
        if (!isDataError(err)) throw err;
        // The data broke a database rule (a duplicate code, a value out of range): refuse it, do not retry it for ever.
        ctx.log.warn({ err, deviceId: caller.deviceId, mutation: entry.mutation, kind: entry.kind }, 'sync entry refused by the database');
        result = refused(entry.mutation, DATA_REFUSED);
      }
    }
    // A copy of the entry later in the same push is a replay of this one.
    known.set(entry.mutation, { hash, result });
    if (!mismatch) settled.push({ entry, hash, result });
    results.push(result);
    if (sendsAhead && settled.length - sentAhead >= SEND_AHEAD_ENTRIES) {
      store.sendAhead(recordsOf(settled.slice(sentAhead)));
      sentAhead = settled.length;
    }
  }
  let overruled: Map<number, Recorded>;
  try {
    // Applied alone, each entry's writes are made already: only the records remain.
    overruled = await writeAndRecord(tx, together ? store : storeOn(tx), caller.deviceId, settled, sentAhead);
  } catch (err) {
    if (together && isDataError(err)) throw new ApplyAlone();
    throw err;
  }
  return overruled.size === 0 ? results : results.map((r) => overruled.get(r.mutation)?.result ?? r);
}

async function applyInTransaction(ctx: PushContext, part: readonly CheckedEntry[]): Promise<EntryResult[]> {
  try {
    return await ctx.db.transaction((tx) => applyPart(ctx, tx, part, true));
  } catch (err) {
    if (!(err instanceof ApplyAlone)) throw err;
  }
  return ctx.db.transaction((tx) => applyPart(ctx, tx, part, false));
}

/** Entries checked in one turn of the event loop while the first entry's transaction runs (see pushEntries). */
const CHECKS_PER_TURN = 10;

/** checkEntry of every entry, a few per turn of the event loop, so a transaction under way meanwhile gets its answers as they come. */
async function checkInTurns(entries: readonly IncomingEntry[]): Promise<CheckedEntry[]> {
  const checked: CheckedEntry[] = [];
  for (let at = 0; at < entries.length; at += CHECKS_PER_TURN) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    checked.push(...entries.slice(at, at + CHECKS_PER_TURN).map(checkEntry));
  }
  return checked;
}

/** Applies the entries in order; the results are final (committed) when returned. */
export async function pushEntries(ctx: PushContext, entries: readonly IncomingEntry[]): Promise<EntryResult[]> {
  if (entries.length === 0) return [];
  // What cannot be stored at all (a NUL byte, a lone surrogate, deep nesting) is found by checkEntry, and refused for that entry only.
  // The first entry commits on its own: a push makes progress however soon the gateway then dies.
  // Where the database runs apart, the other entries are checked while that transaction runs.
  const first = applyInTransaction(ctx, [checkEntry(entries[0]!)]);
  first.catch(() => undefined); // awaited once the others are checked; a failure must not count as unhandled until then
  const others = runsApart(ctx.db) ? await checkInTurns(entries.slice(1)) : entries.slice(1).map(checkEntry);
  const results = await first;
  while (results.length < entries.length) {
    const from = results.length - 1;
    results.push(...(await applyInTransaction(ctx, others.slice(from, from + ENTRIES_PER_TRANSACTION))));
  }
  for (const result of results) {
    if (result.status === 'rejected')
      ctx.log.info({ deviceId: ctx.caller.deviceId, mutation: result.mutation, reason: result.reason, code: result.code }, 'sync entry rejected');
  }
  return results;
}

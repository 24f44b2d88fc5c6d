// Applies pushed changes exactly once. Each entry runs in its own transaction, which also records
// (device, mutation) with the result; the answer is sent only after that commit. A replay gets
// the recorded result, a refused entry is recorded too (so it never blocks, and replays say the
// same), and only a fault of the gateway itself (database unreachable, …) escapes as an error,
// leaving the entry unrecorded so the device simply sends it again.
import type { Caller } from '../auth/caller';
import type { Database, Queryable } from '../db/database';
import { isDataError } from '../db/errors';
import type { Logger } from '../log';
import { lockCommune } from './dossier-store';
import { checkEntry } from './entry-check';
import { KIND_HANDLERS } from './kinds';
import { Rejection } from './rejection';
import type { IncomingEntry, PushEntry } from './schemas';

export type EntryResult =
  | { mutation: number; status: 'accepted'; serverVersion: number; officialCode?: string }
  | { mutation: number; status: 'rejected'; reason: string };

export interface PushContext {
  db: Database;
  caller: Caller & { deviceId: string };
  log: Logger;
  now?: () => Date;
}

const REUSED_NUMBER =
  'Số thứ tự thay đổi này đã được dùng cho một thay đổi khác trên máy chủ; thay đổi chưa được ghi. Hãy báo cho quản trị viên.';

async function recorded(tx: Queryable, deviceId: string, mutation: number, hash: string): Promise<EntryResult | null> {
  const [row] = await tx.query<{ entry_hash: string; result: EntryResult }>(
    'select entry_hash, result from sync_mutations where device_id = $1 and mutation = $2',
    [deviceId, mutation],
  );
  if (!row) return null;
  // The same number with other content is not a replay: applying or acknowledging it would lose one of the two.
  return row.entry_hash === hash ? row.result : { mutation, status: 'rejected', reason: REUSED_NUMBER };
}

async function record(tx: Queryable, deviceId: string, entry: PushEntry, hash: string, result: EntryResult): Promise<void> {
  await tx.query(
    `insert into sync_mutations (device_id, mutation, kind, entity_id, entry_hash, result) values ($1, $2, $3, $4, $5, $6::jsonb)`,
    [deviceId, entry.mutation, entry.kind, entry.entityId, hash, JSON.stringify(result)],
  );
}

async function applyOnce(ctx: PushContext, raw: IncomingEntry): Promise<EntryResult> {
  const { db, caller } = ctx;
  // What cannot be stored at all (a NUL byte, a lone surrogate, deep nesting) is refused here, for this entry only.
  const { entry, hash, problem } = checkEntry(raw);
  let reason: string;
  try {
    return await db.transaction(async (tx) => {
      // Lock first: a concurrent duplicate of this entry then waits here and sees its record below.
      const commune = await lockCommune(tx, caller.communeId);
      if (!commune) throw new Rejection('Xã của thiết bị không còn trên máy chủ.');
      const done = await recorded(tx, caller.deviceId, entry.mutation, hash);
      if (done) return done;
      if (problem) throw new Rejection(problem);
      const handler = Object.hasOwn(KIND_HANDLERS, entry.kind) ? KIND_HANDLERS[entry.kind] : undefined;
      if (!handler) throw new Rejection(`Máy chủ chưa hỗ trợ loại thay đổi "${entry.kind}". Hãy cập nhật ứng dụng hoặc báo quản trị viên.`);
      const applied = await handler({ tx, caller, communeId: caller.communeId, commune, now: ctx.now?.() ?? new Date() }, entry);
      const result: EntryResult = { mutation: entry.mutation, status: 'accepted', ...applied };
      await record(tx, caller.deviceId, entry, hash, result);
      return result;
    });
  } catch (err) {
    if (err instanceof Rejection) {
      reason = err.reason;
    } else if (isDataError(err)) {
      // The data broke a database rule (a duplicate code, a value out of range): refuse it, do not retry it for ever.
      ctx.log.warn({ err, deviceId: caller.deviceId, mutation: entry.mutation, kind: entry.kind }, 'sync entry refused by the database');
      reason = 'Máy chủ không ghi được thay đổi này vì dữ liệu trùng hoặc không hợp lệ (ví dụ trùng mã hồ sơ).';
    } else {
      throw err;
    }
  }
  // Everything the entry did was rolled back; now record the refusal itself, unless a concurrent
  // copy of the entry got there first, whose result then stands.
  const refusal: EntryResult = { mutation: entry.mutation, status: 'rejected', reason };
  return db.transaction(async (tx) => {
    const done = await recorded(tx, caller.deviceId, entry.mutation, hash);
    if (done) return done;
    await tx.query(
      `insert into sync_mutations (device_id, mutation, kind, entity_id, entry_hash, result) values ($1, $2, $3, $4, $5, $6::jsonb)
       on conflict (device_id, mutation) do nothing`,
      [caller.deviceId, entry.mutation, entry.kind, entry.entityId, hash, JSON.stringify(refusal)],
    );
    return (await recorded(tx, caller.deviceId, entry.mutation, hash)) ?? refusal;
  });
}

/** Applies the entries in order; each result is final (committed) when returned. */
export async function pushEntries(ctx: PushContext, entries: readonly IncomingEntry[]): Promise<EntryResult[]> {
  const results: EntryResult[] = [];
  for (const entry of entries) {
    const result = await applyOnce(ctx, entry);
    if (result.status === 'rejected') ctx.log.info({ deviceId: ctx.caller.deviceId, mutation: entry.mutation, reason: result.reason }, 'sync entry rejected');
    results.push(result);
  }
  return results;
}

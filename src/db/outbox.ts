// The outbox: changes waiting for the gateway, in device order. An entry leaves only when the
// gateway has answered for it after committing; a rejected one moves to a visible quarantine
// and never holds back the entries behind it.
import type { MotcuaDb } from './db';
import type { OutboxEntry } from './schema';
import { retryRefusedFiles } from './uploads';

/** Adds an entry; the auto-incremented key (its mutation number) is always set by IndexedDB. */
export async function addEntry(db: MotcuaDb, entry: OutboxEntry): Promise<number> {
  return (await db.outbox.add(entry)) as number;
}

/** Entries not yet accepted by the gateway, quarantined ones included: none of them is synced. */
export function countUnsynced(db: MotcuaDb): Promise<number> {
  return db.outbox.count();
}

/** The next entries to send, oldest first, skipping the quarantine. */
export function nextBatch(db: MotcuaDb, size: number): Promise<OutboxEntry[]> {
  return db.outbox.where('[status+seq]').between(['pending', 0], ['pending', Infinity]).limit(size).toArray();
}

export function listQuarantine(db: MotcuaDb): Promise<OutboxEntry[]> {
  return db.outbox.where('status').equals('rejected').sortBy('seq');
}

export type PushResult =
  | { mutation: number; status: 'accepted'; serverVersion?: number; officialCode?: string }
  | { mutation: number; status: 'rejected'; reason: string };

/**
 * Applies the gateway's answers in one transaction: accepted entries leave the outbox and their
 * dossier is marked accepted (with its official code when the receipt had a provisional one);
 * rejected entries go to quarantine with the reason, their dossier marked rejected.
 */
export async function applyPushResults(db: MotcuaDb, results: PushResult[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.dossiers, db.attachments, db.dossierFacts, async () => {
    for (const result of results) {
      const entry = await db.outbox.get(result.mutation);
      if (!entry) continue; // answered before (a replay): nothing left to do
      const dossier = entry.kind.startsWith('dossier.') ? await db.dossiers.get(entry.entityId) : undefined;
      if (result.status === 'accepted') {
        await db.outbox.delete(result.mutation);
        if (dossier) {
          const stillWaiting = await db.outbox.where('entityId').equals(entry.entityId).filter((e) => e.status !== 'rejected').count();
          await db.dossiers.update(dossier.id, {
            ...(result.officialCode && result.officialCode !== dossier.code ? { code: result.officialCode } : {}),
            syncState: stillWaiting > 0 ? 'waiting' : 'accepted',
            updatedAt: new Date().toISOString(),
          });
        }
      } else {
        await db.outbox.update(result.mutation, { status: 'rejected', lastError: result.reason, attempts: entry.attempts + 1 });
        if (dossier) await db.dossiers.update(dossier.id, { syncState: 'rejected', updatedAt: new Date().toISOString() });
      }
    }
  });
}

/**
 * Puts a quarantined entry back in the queue, after the officer fixed what was wrong, together
 * with the other quarantined entries of the same dossier (a refused receipt takes the moves made
 * on it down with it), in their first order. They go in under NEW mutation numbers: the gateway
 * records its answer per (device, mutation), so the old number would only get the old refusal
 * back. The dossier's files refused earlier are tried again too. Returns the new numbers.
 */
export async function resendEntry(db: MotcuaDb, seq: number, payload?: unknown): Promise<number[]> {
  return db.transaction('rw', [db.outbox, db.dossiers, db.attachments, db.uploads, db.dossierFacts], async () => {
    const entry = await db.outbox.get(seq);
    if (!entry || entry.status !== 'rejected') return [];
    const siblings = (await db.outbox.where('entityId').equals(entry.entityId).toArray())
      .filter((e) => e.status === 'rejected')
      .sort((a, b) => a.seq! - b.seq!);
    const fresh: number[] = [];
    for (const old of siblings) {
      await db.outbox.delete(old.seq!);
      const { seq: _old, lastError: _error, ...rest } = old;
      const next: OutboxEntry = { ...rest, status: 'pending', ...(old.seq === seq && payload !== undefined ? { payload } : {}) };
      fresh.push(await addEntry(db, next));
    }
    if (entry.kind.startsWith('dossier.')) {
      await db.dossiers.update(entry.entityId, { syncState: 'waiting' });
      await retryRefusedFiles(db, entry.entityId);
    }
    return fresh;
  });
}

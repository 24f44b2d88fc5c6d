// The outbox: changes waiting for the gateway, in device order. An entry leaves only when the
// gateway has answered for it after committing; a rejected one moves to a visible quarantine
// and never holds back the entries behind it.
import type { MotcuaDb } from './db';
import { newLookupCode } from '../domain/dossier';
import { dossierOwner, type IntakeDraftData, type PersonEntry } from '../domain/intake';
import type { DossierRow, OutboxEntry } from './schema';
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
  | { mutation: number; status: 'rejected'; reason: string; code?: string };

/**
 * Applies the gateway's answers in one transaction: accepted entries leave the outbox and their
 * dossier is marked accepted (with its official code when the receipt had a provisional one);
 * rejected entries go to quarantine with the reason, their dossier marked rejected. A team's
 * submission whose lookup code another dossier already holds is not a fault of its content: it
 * draws a new code and goes back in the queue under a new mutation number (issue 15).
 */
export async function applyPushResults(db: MotcuaDb, results: PushResult[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.dossiers, db.attachments, db.dossierFacts, db.reportPacks, async () => {
    for (const result of results) {
      const entry = await db.outbox.get(result.mutation);
      if (!entry) continue; // answered before (a replay): nothing left to do
      const dossier = entry.kind.startsWith('dossier.') ? await db.dossiers.get(entry.entityId) : undefined;
      if (result.status === 'accepted') {
        await db.outbox.delete(result.mutation);
        if (dossier) {
          const stillWaiting = await db.outbox
            .where('entityId')
            .equals(entry.entityId)
            .filter((e) => e.status !== 'rejected')
            .count();
          await db.dossiers.update(dossier.id, {
            ...(result.officialCode && result.officialCode !== dossier.code ? { code: result.officialCode } : {}),
            syncState: stillWaiting > 0 ? 'waiting' : 'accepted',
            updatedAt: new Date().toISOString(),
          });
        }
      } else if (entry.kind === 'dossier.submit' && result.code === 'submission.lookup_code_taken' && dossier) {
        await redrawLookupCode(db, entry, dossier);
      } else {
        await db.outbox.update(result.mutation, { status: 'rejected', lastError: result.reason, lastErrorCode: result.code, attempts: entry.attempts + 1 });
        if (dossier) await db.dossiers.update(dossier.id, { syncState: 'rejected', updatedAt: new Date().toISOString() });
      }
    }
  });
}

/** A new lookup code on the submission (its row, and the payload sent again under a new number); the slip then shows the new one. */
async function redrawLookupCode(db: MotcuaDb, entry: OutboxEntry, dossier: DossierRow): Promise<void> {
  const lookupCode = newLookupCode();
  // Only while the row still shows its lookup code in place of a code: a received one keeps its official code.
  await db.dossiers.update(dossier.id, {
    lookupCode,
    ...(dossier.code === dossier.lookupCode ? { code: lookupCode } : {}),
    updatedAt: new Date().toISOString(),
  });
  await db.outbox.delete(entry.seq!);
  const { seq: _old, lastError: _error, lastErrorCode: _code, mutation: _mutation, ...rest } = entry;
  await addEntry(db, { ...rest, status: 'pending', attempts: entry.attempts + 1, payload: { ...(entry.payload as object), lookupCode } });
}

/** Moves a dossier's refused entries back into the queue, in their first order, under new numbers. */
async function requeue(db: MotcuaDb, siblings: OutboxEntry[], payloadOf: (old: OutboxEntry) => unknown): Promise<number[]> {
  const fresh: number[] = [];
  for (const old of siblings) {
    await db.outbox.delete(old.seq!);
    // A carried entry (issue 14) comes back as this device's own: its old (device, number) holds the refusal.
    const { seq: _old, lastError: _error, lastErrorCode: _code, originDevice: _origin, mutation: _mutation, ...rest } = old;
    fresh.push(await addEntry(db, { ...rest, status: 'pending', payload: payloadOf(old) }));
  }
  return fresh;
}

/** The dossier's refused entries, oldest first. */
async function refusedEntriesOf(db: MotcuaDb, entityId: string): Promise<OutboxEntry[]> {
  return (await db.outbox.where('entityId').equals(entityId).toArray()).filter((e) => e.status === 'rejected').sort((a, b) => a.seq! - b.seq!);
}

/**
 * Puts a quarantined entry back in the queue, after the officer fixed what was wrong, together
 * with the other quarantined entries of the same dossier (a refused receipt takes the moves made
 * on it down with it), in their first order. They go in under NEW mutation numbers: the gateway
 * records its answer per (device, mutation), so the old number would only get the old refusal
 * back. The dossier's files refused earlier are tried again too. Returns the new numbers.
 */
export async function resendEntry(db: MotcuaDb, seq: number, payload?: unknown): Promise<number[]> {
  return db.transaction('rw', [db.outbox, db.dossiers, db.attachments, db.uploads, db.dossierFacts, db.reportPacks], async () => {
    const entry = await db.outbox.get(seq);
    if (!entry || entry.status !== 'rejected') return [];
    const fresh = await requeue(db, await refusedEntriesOf(db, entry.entityId), (old) => (old.seq === seq && payload !== undefined ? payload : old.payload));
    if (entry.kind.startsWith('dossier.')) {
      await db.dossiers.update(entry.entityId, { syncState: 'waiting' });
      await retryRefusedFiles(db, entry.entityId);
    }
    return fresh;
  });
}

/** The people of a dossier, as the officer corrects them after the gateway refused the dossier. */
export interface DossierPeople {
  applicant: PersonEntry;
  ownerIsApplicant: boolean;
  owner: PersonEntry;
}

/** The entries that carry the whole dossier (its receipt or refusal): the ones a correction rewrites. */
export const CORRECTABLE_KINDS: readonly string[] = ['dossier.receive', 'dossier.refuse'];

export class QuarantineFixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuarantineFixError';
  }
}

/** The row (or payload) with its people replaced, its applicant columns following the owner. */
function withPeople<T extends DossierRow>(row: T | null | undefined, people: DossierPeople, now: string): T {
  const data = (row && typeof row === 'object' ? row.data : null) as { intake?: IntakeDraftData } | null;
  if (!row || !data?.intake) throw new QuarantineFixError('Hồ sơ này không mang thông tin tiếp nhận để sửa.');
  const intake: IntakeDraftData = { ...data.intake, applicant: { ...people.applicant }, ownerIsApplicant: people.ownerIsApplicant, owner: { ...people.owner } };
  const owner = dossierOwner(intake);
  return { ...row, applicantName: owner.fullName, applicantIdNumber: owner.idNumber, data: { ...data, intake }, updatedAt: now };
}

/**
 * The officer's fix of a dossier the gateway refused: its people (the fields a refusal names)
 * are corrected on the dossier AND in the refused receipt it carries, and the dossier's refused
 * entries go back in the queue at once, in one transaction, so what is sent is what the desk now
 * shows. Only a refused receipt (or refusal) can be fixed this way: a dossier the gateway already
 * holds is not rewritten behind its back. Once resent nothing is left refused, so a second click
 * (or a second tab) finds nothing to do and returns []: the correction is sent exactly once.
 */
export async function correctRefusedDossier(db: MotcuaDb, dossierId: string, people: DossierPeople, now = new Date()): Promise<number[]> {
  return db.transaction('rw', [db.outbox, db.dossiers, db.attachments, db.dossierFacts, db.reportPacks, db.uploads], async () => {
    const refused = await refusedEntriesOf(db, dossierId);
    if (refused.length === 0) return [];
    if (!refused.some((e) => CORRECTABLE_KINDS.includes(e.kind))) {
      throw new QuarantineFixError('Máy chủ đã nhận hồ sơ này; chỉ sửa được hồ sơ khi chính việc tiếp nhận bị từ chối.');
    }
    const row = await db.dossiers.get(dossierId);
    if (!row) throw new QuarantineFixError('Không tìm thấy hồ sơ trên máy.');
    const stamp = now.toISOString();
    await db.dossiers.put({ ...withPeople(row, people, stamp), syncState: 'waiting' });
    const fresh = await requeue(db, refused, (old) =>
      CORRECTABLE_KINDS.includes(old.kind) ? withPeople(old.payload as DossierRow | null, people, stamp) : old.payload,
    );
    await retryRefusedFiles(db, dossierId);
    return fresh;
  });
}

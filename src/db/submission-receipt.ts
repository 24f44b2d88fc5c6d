// A community team's online submission (issue 15), pulled in status 1, received at this desk: its
// official number is taken from the device's reserve inside the same transaction that moves the
// row, writes its log line and queues 'dossier.receiveSubmission', so a number is spent exactly
// when a submission is received and two tabs never receive the same submission twice.
import type { TakenCode } from '../domain/dossier';
import { MotcuaError } from '../domain/errors';
import { takeCode, type ReserveOwner } from './code-reserve';
import type { MotcuaDb } from './db';
import { commitDossierChange, DossierNotFoundError, type DossierChange } from './dossier-changes';
import type { DossierRow } from './schema';

/** Thrown when the row is no longer an online submission waiting for a desk (received, refused or sent back meanwhile). */
export class SubmissionNotWaitingError extends MotcuaError {
  constructor(id: string, status: number) {
    super('submission.not_waiting', `Hồ sơ ${id} không còn chờ tiếp nhận (trạng thái ${status}).`, { id, status });
    this.name = 'SubmissionNotWaitingError';
  }
}

/**
 * Takes the next number of `owner`'s reserve for a receipt at `at` and lets `decide` build the
 * change from the row as stored and the number taken; writes both, or neither (a refusal from
 * `decide` leaves the number in the reserve). Returns the row as stored and the number.
 */
export function receivePulledSubmission(
  db: MotcuaDb,
  id: string,
  owner: ReserveOwner,
  at: Date,
  decide: (current: DossierRow, taken: TakenCode) => DossierChange,
): Promise<{ row: DossierRow; code: string; provisional: boolean }> {
  return db.transaction(
    'rw',
    [db.settings, db.dossiers, db.processingLog, db.outbox, db.attachments, db.files, db.captureQueue, db.pageSources, db.dossierFacts, db.reportPacks],
    async () => {
      const current = await db.dossiers.get(id);
      if (!current) throw new DossierNotFoundError(id);
      if (current.status !== 1) throw new SubmissionNotWaitingError(id, current.status);
      // Both join this transaction: the reserve and the row are written together.
      const taken = await takeCode(db, owner, at);
      const row = await commitDossierChange(db, id, (latest) => decide(latest, taken));
      return { row, code: taken.code, provisional: taken.provisional };
    },
  );
}

/** A submission waiting for a desk, as its queue lists it. */
export interface WaitingSubmission {
  row: DossierRow;
  /** The tracking slip's code the villager holds. */
  lookupCode: string;
  submittedAt: string;
  /** The team member who filed it (the submission's log line). */
  filedBy: string;
}

/**
 * The online submissions waiting for a desk, newest first. Status 1 is theirs alone: a desk's own
 * dossier is born received (2) or refused (3).
 */
export async function listWaitingSubmissions(db: MotcuaDb): Promise<WaitingSubmission[]> {
  const rows = await db.dossiers.where('status').equals(1).toArray();
  return rows
    .map((row) => {
      const extra = row as DossierRow & { lookupCode?: string; submittedAt?: string };
      const log = (row.data as { state?: { log?: { who?: string }[] } } | undefined)?.state?.log;
      return { row, lookupCode: extra.lookupCode ?? row.code, submittedAt: extra.submittedAt ?? row.receivedAt, filedBy: log?.[0]?.who ?? '' };
    })
    .sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt));
}

/** How many online submissions wait for a desk (the navigation's count). */
export function countWaitingSubmissions(db: MotcuaDb): Promise<number> {
  return db.dossiers.where('status').equals(1).count();
}

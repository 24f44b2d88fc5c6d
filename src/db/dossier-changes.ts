// Writes of the dossier desk. Every change to a received dossier (an action, a result paper, a
// rating) is decided on the row as it is inside ONE transaction, and written there together with
// its processing-log entry, its outbox entry and its files: all of it, or none of it.
import { MotcuaError } from '../domain/errors';
import type { MotcuaDb } from './db';
import { deleteComponent } from './files';
import type { AttachmentRow, DossierRow, OutboxEntry, ProcessingLogRow } from './schema';
import { openBlob, sealBlob } from './vault/blobs';

export interface DossierChange {
  row: DossierRow;
  log?: Omit<ProcessingLogRow, 'id'>[];
  outbox: Omit<OutboxEntry, 'seq'>[];
  /** Each blob as stored: read with readStoredFile, or sealed beforehand with storedBlob (no sealing inside the transaction). */
  files?: { attachment: Omit<AttachmentRow, 'order'>; blob: Blob }[];
  /** Captures (pages and PDFs) the change used up, cleared in the same transaction. */
  clearComponents?: { ownerId: string; componentIndex: number }[];
}

export class DossierNotFoundError extends MotcuaError {
  constructor(id: string) {
    super('dossier.not_found', `Không tìm thấy hồ sơ ${id} trên máy.`, { id });
    this.name = 'DossierNotFoundError';
  }
}

/**
 * Reads the dossier, lets `decide` compute the change from it (throw to refuse: nothing is
 * written), and writes the change. Returns the row as stored. `decide` may read the database
 * (the captures a change takes in): it runs inside the transaction, so what it read is what is written.
 */
export async function commitDossierChange(
  db: MotcuaDb,
  id: string,
  decide: (current: DossierRow) => DossierChange | Promise<DossierChange>,
): Promise<DossierRow> {
  return db.transaction(
    'rw',
    [db.dossiers, db.processingLog, db.outbox, db.attachments, db.files, db.captureQueue, db.pageSources, db.dossierFacts, db.reportPacks],
    async () => {
      const current = await db.dossiers.get(id);
      if (!current) throw new DossierNotFoundError(id);
      const change = await decide(current);
      if (change.row.id !== id) throw new Error('Một thay đổi chỉ được ghi vào đúng hồ sơ của nó.');
      await db.dossiers.put(change.row);
      for (const entry of change.log ?? []) await db.processingLog.add(entry);
      for (const entry of change.outbox) await db.outbox.add(entry);
      for (const { attachment, blob } of change.files ?? []) {
        if (!(await db.files.get(attachment.sha256))) {
          await db.files.add({ sha256: attachment.sha256, blob, type: attachment.type, size: attachment.size, createdAt: new Date().toISOString() });
        }
        const order = await db.attachments
          .where('[ownerId+componentIndex+order]')
          .between([attachment.ownerId, attachment.componentIndex, 0], [attachment.ownerId, attachment.componentIndex, Infinity])
          .count();
        await db.attachments.add({ ...attachment, order });
      }
      // After the files are attached: what they still use stays stored.
      for (const c of change.clearComponents ?? []) await deleteComponent(db, c.ownerId, c.componentIndex);
      return (await db.dossiers.get(id))!;
    },
  );
}

/** The processing log of a dossier, oldest first; pulled entries show who acted elsewhere. */
export function listProcessingLog(db: MotcuaDb, dossierId: string): Promise<ProcessingLogRow[]> {
  return db.processingLog.where('dossierId').equals(dossierId).sortBy('at');
}

/** Changes of this dossier still waiting for the gateway (or quarantined with a reason). */
export function outboxEntriesFor(db: MotcuaDb, dossierId: string): Promise<OutboxEntry[]> {
  return db.outbox.where('entityId').equals(dossierId).toArray();
}

/** A stored file's bytes in clear, for opening it (object URL) on screen, building a PDF or uploading it. Not inside a transaction. */
export async function readFileBlob(db: MotcuaDb, sha256: string): Promise<Blob | undefined> {
  const blob = (await db.files.get(sha256))?.blob;
  return blob && openBlob(db, blob);
}

/** A stored file as it is stored (sealed or not) and its clear size, to attach it elsewhere inside a transaction. */
export async function readStoredFile(db: MotcuaDb, sha256: string): Promise<{ blob: Blob; size: number } | undefined> {
  const row = await db.files.get(sha256);
  return row && { blob: row.blob, size: row.size };
}

/** A new file's bytes as the device stores them (sealed once the vault is set up), for a DossierChange: call before commitDossierChange. */
export function storedBlob(db: MotcuaDb, blob: Blob): Promise<Blob> {
  return sealBlob(db, blob);
}

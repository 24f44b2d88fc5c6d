// Upload state of stored files on their way to the gateway, keyed by SHA-256 like the files
// themselves: a file is sent once however many dossiers use it, and a reload resumes its tus
// upload where the gateway left it. Also the per-dossier view of it ("sending files 2 of 5").
import type { MotcuaDb } from './db';
import type { AttachmentRow, UploadRow } from './schema';

export function readUpload(db: MotcuaDb, sha256: string): Promise<UploadRow | undefined> {
  return db.uploads.get(sha256);
}

async function patch(db: MotcuaDb, sha256: string, size: number, change: Partial<UploadRow>): Promise<void> {
  await db.transaction('rw', db.uploads, async () => {
    const current = await db.uploads.get(sha256);
    // A file the gateway holds stays done, whatever a late callback of an old attempt says.
    if (current?.status === 'done' && change.status !== 'done') return;
    const base: UploadRow = current ?? { sha256, status: 'uploading', size, offset: 0, updatedAt: '' };
    await db.uploads.put({ ...base, ...change, sha256, updatedAt: new Date().toISOString() });
  });
}

/** The gateway created the upload at `url`: later attempts resume there. */
export function recordUploadUrl(db: MotcuaDb, sha256: string, size: number, url: string): Promise<void> {
  return patch(db, sha256, size, { status: 'uploading', url, lastError: undefined });
}

export function recordUploadOffset(db: MotcuaDb, sha256: string, size: number, offset: number): Promise<void> {
  return patch(db, sha256, size, { offset });
}

/** The gateway holds the file (uploaded now, or found there by its hash). */
export function recordUploadDone(db: MotcuaDb, sha256: string, size: number): Promise<void> {
  return patch(db, sha256, size, { status: 'done', offset: size, url: undefined, lastError: undefined });
}

/**
 * The bytes reached the gateway damaged (its hash differed) and it dropped them: the next attempt
 * starts over with a new upload. Returns how many times that has happened to this file.
 */
export async function recordUploadDamaged(db: MotcuaDb, sha256: string, size: number, reason: string): Promise<number> {
  const damaged = ((await db.uploads.get(sha256))?.damaged ?? 0) + 1;
  await patch(db, sha256, size, { status: 'uploading', url: undefined, offset: 0, lastError: reason, damaged });
  return damaged;
}

/** The gateway refused the file for good (too large, or damaged again and again): a new attempt starts over. */
export function recordUploadFailed(db: MotcuaDb, sha256: string, size: number, reason: string): Promise<void> {
  return patch(db, sha256, size, { status: 'failed', url: undefined, offset: 0, lastError: reason });
}

/** A dossier's own files (not the editable page images behind a component PDF), once per hash. */
export async function filesOfDossier(db: MotcuaDb, dossierId: string): Promise<AttachmentRow[]> {
  const rows = await db.attachments.where('ownerId').equals(dossierId).toArray();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.sha256) && seen.add(r.sha256));
}

/**
 * Clears the "refused for good" mark on a dossier's files, so that sending the dossier again
 * (the officer's resend from quarantine) also tries its files again from the start, instead of
 * the device deciding for ever on one old answer. Call inside a transaction over attachments and uploads.
 */
export async function retryRefusedFiles(db: MotcuaDb, dossierId: string): Promise<void> {
  const files = await filesOfDossier(db, dossierId);
  const uploads = await db.uploads.bulkGet(files.map((f) => f.sha256));
  await db.uploads.bulkDelete(uploads.filter((u) => u?.status === 'failed').map((u) => u!.sha256));
}

export interface FileProgress {
  done: number;
  total: number;
}

/** How many of a dossier's files the gateway already holds. */
export async function dossierFileProgress(db: MotcuaDb, dossierId: string): Promise<FileProgress> {
  return db.transaction('r', db.attachments, db.uploads, async () => {
    const files = await filesOfDossier(db, dossierId);
    const uploads = await db.uploads.bulkGet(files.map((f) => f.sha256));
    return { done: uploads.filter((u) => u?.status === 'done').length, total: files.length };
  });
}

/**
 * Marks dossiers as being sent ('sending'), or back to 'waiting' when the attempt stopped short.
 * Only dossiers still waiting (or sending) are touched: an accepted or rejected state is the
 * gateway's answer and stays.
 */
export async function markDossiersSending(db: MotcuaDb, ids: readonly string[], sending: boolean): Promise<void> {
  const from = sending ? 'waiting' : 'sending';
  await db.transaction('rw', db.dossiers, db.attachments, db.dossierFacts, db.reportPacks, async () => {
    for (const id of ids) {
      const row = await db.dossiers.get(id);
      if (row?.syncState === from) await db.dossiers.update(id, { syncState: sending ? 'sending' : 'waiting' });
    }
  });
}

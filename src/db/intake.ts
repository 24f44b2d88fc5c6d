// Drafts and received dossiers on the device. A draft is written on every change; receiving
// writes the dossier, its files' ownership, its first log entry, its outbox entry and the spent
// dossier number in ONE transaction, so a crash leaves either a draft or a dossier, never half.
import type { MotcuaDb } from './db';
import { componentsAwaitingPdf, dropPages, pagesOwnerId } from './files';
import type { DossierRow, DraftRow, OutboxEntry, ProcessingLogRow } from './schema';

export function createDraft(db: MotcuaDb, draft: DraftRow): Promise<string> {
  return db.transaction('rw', db.drafts, () => db.drafts.add(draft));
}

export async function saveDraft(db: MotcuaDb, id: string, data: unknown, step: string): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const updated = await db.drafts.update(id, { data, step, updatedAt: new Date().toISOString() });
    if (updated === 0) throw new Error(`Bản nháp ${id} không còn trên máy.`);
  });
}

export function listDrafts(db: MotcuaDb): Promise<DraftRow[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}

/** Drops a draft, its captured pages, the photos still waiting for the digitizer and the files attached only to it. */
export async function deleteDraft(db: MotcuaDb, id: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.attachments, db.files, db.captureQueue, async () => {
    await db.captureQueue.where('ownerId').equals(id).delete();
    const attached = await db.attachments.where('ownerId').anyOf(id, pagesOwnerId(id)).toArray();
    await db.attachments.where('ownerId').anyOf(id, pagesOwnerId(id)).delete();
    for (const a of attached) {
      if ((await db.attachments.where('sha256').equals(a.sha256).count()) === 0) await db.files.delete(a.sha256);
    }
    await db.drafts.delete(id);
  });
}

export interface ReceiveWrite {
  draftId: string;
  dossier: DossierRow;
  log: ProcessingLogRow;
  outbox: Omit<OutboxEntry, 'seq'>;
  /** Settings rows changed by the receipt (the code reserve with the number spent). */
  settings: { key: string; value: unknown }[];
}

/** Thrown when a component's PDF is still being assembled from its latest pages, or photos of it still wait. */
export class PdfPendingError extends Error {
  constructor(readonly componentIndexes: number[]) {
    super('Giấy tờ vừa chụp đang được xử lý hoặc ghép thành PDF: chờ xử lý xong (và quyết định các trang cần xem lại) rồi bấm lại.');
    this.name = 'PdfPendingError';
  }
}

export async function receiveDossier(db: MotcuaDb, write: ReceiveWrite): Promise<void> {
  await db.transaction('rw', [db.drafts, db.dossiers, db.attachments, db.files, db.captureQueue, db.processingLog, db.outbox, db.settings], async () => {
    if (!(await db.drafts.get(write.draftId))) throw new Error('Bản nháp đã được tiếp nhận hoặc đã xoá.');
    // The dossier takes each component's PDF, never the pages it was made from: a PDF not yet
    // made from the latest pages would send an old copy, and photos still waiting in the capture
    // queue would be lost, so the officer waits a moment instead. dropPages empties the queue.
    const pending = await componentsAwaitingPdf(db, write.draftId);
    if (pending.length > 0) throw new PdfPendingError(pending);
    await dropPages(db, write.draftId);
    await db.dossiers.add(write.dossier);
    await db.attachments.where('ownerId').equals(write.draftId).modify({ ownerId: write.dossier.id });
    await db.processingLog.add(write.log);
    // The change names the dossier's files by hash, read here so the list is exactly what was
    // received; the pump uploads the files before it sends the change.
    const files = await db.attachments.where('[ownerId+componentIndex+order]').between([write.dossier.id, -Infinity, -Infinity], [write.dossier.id, Infinity, Infinity]).toArray();
    const attachments = files.map((f) => ({ componentIndex: f.componentIndex, sha256: f.sha256, name: f.name, type: f.type, size: f.size }));
    await db.outbox.add(attachments.length > 0 ? { ...write.outbox, payload: { ...(write.outbox.payload as object), attachments } } : write.outbox);
    const now = new Date().toISOString();
    for (const s of write.settings) await db.settings.put({ key: s.key, value: s.value, updatedAt: now });
    await db.drafts.delete(write.draftId);
  });
}

export function getDossier(db: MotcuaDb, id: string): Promise<DossierRow | undefined> {
  return db.dossiers.get(id);
}

/** A dossier by its official or its provisional code. */
export async function findDossierByCode(db: MotcuaDb, code: string): Promise<DossierRow | undefined> {
  return (await db.dossiers.where('code').equals(code).first()) ?? db.dossiers.where('provisionalCode').equals(code).first();
}

export function recentDossiers(db: MotcuaDb, limit = 50): Promise<DossierRow[]> {
  return db.dossiers.orderBy('receivedAt').reverse().limit(limit).toArray();
}

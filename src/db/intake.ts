// Drafts and received dossiers on the device. A draft is written on every change; receiving
// takes the dossier number and writes the dossier, its files' ownership, its first log entry, its
// outbox entry and the spent number in ONE transaction, so a crash leaves either a draft or a
// dossier, never half, and no other tab or refill can slip between taking and spending.
import { MotcuaError } from '../domain/errors';
import { takeCode, type ReserveOwner } from './code-reserve';
import type { MotcuaDb } from './db';
import { componentsAwaitingPdf, dropPages, pagesOwnerId } from './files';
import { openVault, sealedForStore, vaultState } from './vault/state';
import { VAULT_SETTING } from './vault/tables';
import type { DossierRow, DraftRow, OutboxEntry, ProcessingLogRow } from './schema';

export function createDraft(db: MotcuaDb, draft: DraftRow): Promise<string> {
  return db.transaction('rw', db.drafts, () => db.drafts.add(draft));
}

/** Thrown when a draft being written is no longer on the device (received or discarded, here or in another tab). */
export class DraftGoneError extends MotcuaError {
  constructor(id: string) {
    super('draft.gone', `Bản nháp ${id} không còn trên máy.`, { id });
    this.name = 'DraftGoneError';
  }
}

/**
 * Writes a draft as it now stands, in one transaction whose requests are all issued at once and
 * committed at once (IDBTransaction.commit): the backend needs nothing more from the page, so a tab
 * closed right after the change still has it written (an uncommitted transaction would be dropped
 * with the page). IndexedDB runs the drafts' transactions in the order they were made: the last
 * change is the one that stays. A count in the same transaction tells whether the draft had gone
 * meanwhile (received or discarded, here or in another tab): the row just put back is then deleted
 * again and DraftGoneError thrown. Falls back to Dexie while the database is not open.
 */
export async function writeDraft(db: MotcuaDb, row: DraftRow): Promise<void> {
  let tx: IDBTransaction | undefined;
  // A tab that believes the vault off reads the setting in the same transaction (as vault/middleware.ts,
  // guardedScope, does for every other write): another tab may have set it up since.
  const checkSetUp = vaultState(db) === 'off';
  try {
    if (db.isOpen()) tx = db.backendDB().transaction(checkSetUp ? ['drafts', 'settings'] : 'drafts', 'readwrite', { durability: 'relaxed' });
  } catch {
    // The connection was closed under Dexie (another tab upgrading the schema): Dexie reopens it.
  }
  if (!tx) {
    await db.transaction('rw', db.drafts, async () => {
      if (!(await db.drafts.get(row.id))) throw new DraftGoneError(row.id);
      await db.drafts.put(row);
    });
    return;
  }
  const writing = tx;
  // Below Dexie, so below the vault's middleware: the row is sealed here (issue 13), or refused while the vault is locked.
  let stored: object;
  try {
    stored = sealedForStore(db, 'drafts', row);
  } catch (error) {
    writing.abort();
    throw error;
  }
  const { existed, setUpMeanwhile } = await new Promise<{ existed: boolean; setUpMeanwhile: boolean }>((resolve, reject) => {
    const drafts = writing.objectStore('drafts');
    const setting = checkSetUp ? writing.objectStore('settings').get(VAULT_SETTING) : undefined;
    const there = drafts.count(row.id);
    drafts.put(stored);
    writing.commit();
    writing.oncomplete = () => resolve({ existed: there.result > 0, setUpMeanwhile: !!(setting?.result as { value?: unknown } | undefined)?.value });
    writing.onabort = () => reject(writing.error ?? new Error('Không lưu được bản nháp.'));
  });
  // Another tab set the vault up just before: this draft went in clear (issuing it later than at once
  // would lose it to a tab closed right after). This tab now learns it is locked, and the next
  // unlock seals the draft (vault/state.ts, sealStrayDrafts).
  if (setUpMeanwhile) void openVault(db).catch(() => undefined);
  if (!existed) {
    await db.transaction('rw', db.drafts, () => db.drafts.delete(row.id));
    throw new DraftGoneError(row.id);
  }
}

/** One draft as stored, or undefined once it is received or discarded. */
export function getDraft(db: MotcuaDb, id: string): Promise<DraftRow | undefined> {
  return db.drafts.get(id);
}

export function listDrafts(db: MotcuaDb): Promise<DraftRow[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}

/** Drops a draft, its captured pages, the photos still waiting for the digitizer or kept to re-open a page, and the files attached only to it. */
export async function deleteDraft(db: MotcuaDb, id: string): Promise<void> {
  await db.transaction('rw', [db.drafts, db.attachments, db.files, db.captureQueue, db.pageSources, db.dossierFacts, db.reportPacks], async () => {
    await db.captureQueue.where('ownerId').equals(id).delete();
    await db.pageSources.where('ownerId').equals(id).delete();
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
  /**
   * Whose reserve the dossier's number comes from, when it takes one (a refusal does not): the
   * number is taken inside the receipt's transaction and set on the dossier and its outbox payload.
   */
  numberFrom?: ReserveOwner;
}

/** The dossier's number as written: taken from the reserve, or the one the caller gave. */
export interface ReceivedNumber {
  code: string;
  provisional: boolean;
}

/** Thrown when a component's PDF is still being assembled from its latest pages, or photos of it still wait. */
export class PdfPendingError extends MotcuaError {
  constructor(readonly componentIndexes: number[]) {
    super('intake.pdf_pending', 'Giấy tờ vừa chụp đang được xử lý hoặc ghép thành PDF: chờ xử lý xong (và quyết định các trang cần xem lại) rồi bấm lại.');
    this.name = 'PdfPendingError';
  }
}

export async function receiveDossier(db: MotcuaDb, write: ReceiveWrite): Promise<ReceivedNumber> {
  return db.transaction(
    'rw',
    [
      db.drafts,
      db.dossiers,
      db.attachments,
      db.files,
      db.captureQueue,
      db.pageSources,
      db.processingLog,
      db.outbox,
      db.settings,
      db.dossierFacts,
      db.reportPacks,
    ],
    async () => {
      if (!(await db.drafts.get(write.draftId))) throw new Error('Bản nháp đã được tiếp nhận hoặc đã xoá.');
      // The dossier takes each component's PDF, never the pages it was made from: a PDF not yet
      // made from the latest pages would send an old copy, and photos still waiting in the capture
      // queue would be lost, so the officer waits a moment instead. dropPages empties the queue and
      // the photos kept to re-open pages.
      const pending = await componentsAwaitingPdf(db, write.draftId);
      if (pending.length > 0) throw new PdfPendingError(pending);
      await dropPages(db, write.draftId);
      const taken = write.numberFrom
        ? await takeCode(db, write.numberFrom, new Date(write.dossier.receivedAt))
        : { code: write.dossier.code, provisional: false };
      const numbered = write.numberFrom ? { code: taken.code, provisionalCode: taken.provisional ? taken.code : undefined } : {};
      const dossier: DossierRow = { ...write.dossier, ...numbered };
      await db.dossiers.add(dossier);
      await db.attachments.where('ownerId').equals(write.draftId).modify({ ownerId: dossier.id });
      await db.processingLog.add(write.log);
      // The change names the dossier's files by hash, read here so the list is exactly what was
      // received; the pump uploads the files before it sends the change.
      const files = await db.attachments
        .where('[ownerId+componentIndex+order]')
        .between([dossier.id, -Infinity, -Infinity], [dossier.id, Infinity, Infinity])
        .toArray();
      const attachments = files.map((f) => ({ componentIndex: f.componentIndex, sha256: f.sha256, name: f.name, type: f.type, size: f.size }));
      const payload = { ...(write.outbox.payload as object), ...numbered, ...(attachments.length > 0 ? { attachments } : {}) };
      await db.outbox.add({ ...write.outbox, payload });
      await db.drafts.delete(write.draftId);
      return { code: taken.code, provisional: taken.provisional };
    },
  );
}

export function getDossier(db: MotcuaDb, id: string): Promise<DossierRow | undefined> {
  return db.dossiers.get(id);
}

/** The rows of `ids` at the same places (undefined where a row is gone), e.g. the page of a list in view. */
export function getDossiers(db: MotcuaDb, ids: readonly string[]): Promise<(DossierRow | undefined)[]> {
  return db.dossiers.bulkGet([...ids]);
}

export function recentDossiers(db: MotcuaDb, limit = 50): Promise<DossierRow[]> {
  return db.dossiers.orderBy('receivedAt').reverse().limit(limit).toArray();
}

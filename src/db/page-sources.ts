// The photos behind a draft's captured pages (PageSourceRow), kept on this device so a page can be
// re-opened after a reload to move its corners or switch text and colour. A photo moves here from
// the capture queue in the transaction that stores its page, and leaves with the page, or when the
// draft is received or discarded. Nothing here is ever attached to a dossier or sent.
import type { PageMode, Quad } from '../domain/digitize';
import type { MotcuaDb } from './db';
import { replaceStoredPage, storedFile, type NewStoredFile } from './files';
import type { PageSourceRow } from './schema';
import { openBlob } from './vault/blobs';

/** How a page was made from its photo: the corners used, the mode, and the quarter turns from the photo. */
export interface PageMaking {
  corners: Quad;
  mode: PageMode;
  turns: 0 | 1 | 2 | 3;
}

/**
 * Keeps the photo of a page just stored, when its owner is a draft (other owners' pages are not
 * re-opened after a reload), with its bytes as stored (moved from the capture queue). Call inside a
 * transaction over drafts and pageSources.
 */
export async function keepPageSource(db: MotcuaDb, row: Omit<PageSourceRow, 'addedAt'>): Promise<void> {
  if (!(await db.drafts.get(row.ownerId))) return;
  await db.pageSources.put({ ...row, addedAt: new Date().toISOString() });
}

/** The photo a page was made from (its bytes in clear), if this device still keeps it. */
export async function readPageSource(db: MotcuaDb, pageId: string): Promise<PageSourceRow | undefined> {
  const row = await db.pageSources.get(pageId);
  return row && { ...row, blob: await openBlob(db, row.blob) };
}

/** The ids of a component's pages whose photo is kept (those that can be re-opened). */
export async function pagesWithSource(db: MotcuaDb, ownerId: string, componentIndex: number): Promise<string[]> {
  return (await db.pageSources.where('[ownerId+componentIndex]').equals([ownerId, componentIndex]).primaryKeys()) as string[];
}

/** Puts a page made again from its photo in place, and remembers how it was made, in one transaction. */
export async function remakePage(db: MotcuaDb, pageId: string, clear: NewStoredFile, making: PageMaking): Promise<void> {
  const page = await storedFile(db, clear);
  await db.transaction('rw', db.files, db.attachments, db.pageSources, db.dossierFacts, db.reportPacks, async () => {
    await replaceStoredPage(db, pageId, page);
    await db.pageSources.update(pageId, { corners: making.corners, mode: making.mode, turns: making.turns });
  });
}

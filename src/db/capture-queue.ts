// The capture queue: photos (and chosen files) waiting for the digitizer, kept on the device so a
// batch cut short by a reload or a crash resumes where it stopped. A photo enters with its batch in
// one transaction and leaves in the transaction that stores the page it became (or when it is
// refused), so none is lost and none becomes two pages. Raw photos never leave the device: a
// draft's page keeps its photo in pageSources until the draft is received or discarded.
import type { MotcuaDb } from './db';
import { addStoredPages, pagesOwnerId, storedFile, type NewStoredFile } from './files';
import { keepPageSource, type PageMaking } from './page-sources';
import type { CaptureQueueRow } from './schema';
import { openBlob, sealBlob } from './vault/blobs';

export interface QueuedPhoto extends CaptureQueueRow {
  seq: number;
}

const range = (ownerId: string, componentIndex: number) =>
  [
    [ownerId, componentIndex, -Infinity],
    [ownerId, componentIndex, Infinity],
  ] as const;

function rowsOf(db: MotcuaDb, ownerId: string, componentIndex: number) {
  const [from, to] = range(ownerId, componentIndex);
  return db.captureQueue.where('[ownerId+componentIndex+seq]').between(from, to, true, true);
}

/** Puts a batch of photos in the queue of a component, all or none, in the order given. Returns their seqs. */
export async function enqueueCapture(db: MotcuaDb, ownerId: string, componentIndex: number, files: readonly { blob: Blob; name: string }[]): Promise<number[]> {
  if (files.length === 0) return [];
  // Sealed before the transaction (vault/blobs.ts): Web Crypto's await would end it.
  const blobs = await Promise.all(files.map((f) => sealBlob(db, f.blob)));
  const batch = crypto.randomUUID();
  const addedAt = new Date().toISOString();
  return db.transaction('rw', db.captureQueue, async () => {
    const seqs: number[] = [];
    // The key is auto-incremented: add() always returns it.
    for (const [i, f] of files.entries()) seqs.push((await db.captureQueue.add({ ownerId, componentIndex, batch, name: f.name, blob: blobs[i]!, addedAt }))!);
    return seqs;
  });
}

/**
 * The photos still waiting for a component, in the order they were taken, with their bytes as
 * stored (sealed once the vault is set up): open the one about to be processed with openQueuedPhoto,
 * not the whole queue.
 */
export async function listCaptureQueue(db: MotcuaDb, ownerId: string, componentIndex: number): Promise<QueuedPhoto[]> {
  return (await rowsOf(db, ownerId, componentIndex).toArray()) as QueuedPhoto[];
}

/** A queued photo with its bytes in clear, for the digitizer. */
export async function openQueuedPhoto(db: MotcuaDb, photo: QueuedPhoto): Promise<QueuedPhoto> {
  return { ...photo, blob: await openBlob(db, photo.blob) };
}

/**
 * Stores the page a queued photo became, as the component's next page, and takes the photo out of
 * the queue, in one transaction. A page made from a photo (`making` given) of a draft keeps its
 * photo on the device (page-sources.ts), so it can be re-opened after a reload. Stores nothing when
 * the photo is no longer queued (its draft was received or discarded meanwhile, or another tab
 * stored it first): returns undefined then.
 */
export async function storeQueuedPage(db: MotcuaDb, seq: number, clear: NewStoredFile, making?: PageMaking): Promise<string | undefined> {
  const page = await storedFile(db, clear);
  return db.transaction('rw', [db.captureQueue, db.files, db.attachments, db.drafts, db.pageSources, db.dossierFacts, db.reportPacks], async () => {
    const row = await db.captureQueue.get(seq);
    if (!row) return undefined;
    await db.captureQueue.delete(seq);
    const [id] = await addStoredPages(db, row.ownerId, row.componentIndex, [page]);
    // The photo moves to pageSources as it is stored (sealed or not).
    if (making) await keepPageSource(db, { pageId: id!, ownerId: row.ownerId, componentIndex: row.componentIndex, name: row.name, blob: row.blob, ...making });
    return id;
  });
}

/** Takes a photo out of the queue without a page: refused by the digitizer, or discarded by the officer. */
export async function dropQueuedPhoto(db: MotcuaDb, seq: number): Promise<void> {
  await db.transaction('rw', db.captureQueue, () => db.captureQueue.delete(seq));
}

/** The components of `ownerId` with photos still waiting, each once, in index order. */
export async function queuedComponents(db: MotcuaDb, ownerId: string): Promise<number[]> {
  const rows = await db.captureQueue.where('ownerId').equals(ownerId).toArray();
  return [...new Set(rows.map((r) => r.componentIndex))].sort((a, b) => a - b);
}

/** The components of `ownerId` being captured: with pages taken, or photos waiting for the digitizer. */
export async function componentsInCapture(db: MotcuaDb, ownerId: string): Promise<number[]> {
  return db.transaction('r', db.attachments, db.captureQueue, async () => {
    const pages = await db.attachments.where('ownerId').equals(pagesOwnerId(ownerId)).toArray();
    const queued = await db.captureQueue.where('ownerId').equals(ownerId).toArray();
    return [...new Set([...pages, ...queued].map((r) => r.componentIndex))].sort((a, b) => a - b);
  });
}

/** Empties the queue of an owner (every component, or one): call inside a transaction over captureQueue. */
export async function clearCaptureQueue(db: MotcuaDb, ownerId: string, componentIndex?: number): Promise<void> {
  if (componentIndex === undefined) await db.captureQueue.where('ownerId').equals(ownerId).delete();
  else await rowsOf(db, ownerId, componentIndex).delete();
}

/** Owners starting with `prefix` that have photos waiting, the one with the latest photo first. */
export async function ownersWithQueuedPhotos(db: MotcuaDb, prefix: string): Promise<string[]> {
  const rows = await db.captureQueue.where('ownerId').startsWith(prefix).toArray();
  rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  return [...new Set(rows.map((r) => r.ownerId))];
}

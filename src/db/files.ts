// Digitized components: the pages an officer captured (kept editable: reorder, delete, retake) and
// what the component delivers (the PDF made from those pages, plus any PDF imported as it was).
// Every file is stored once in `files` under its SHA-256; rows in `attachments` point at it.
//
// Pages live under the derived owner `<ownerId>#pages`, so listAttachments(ownerId) lists only what
// the dossier delivers. The deliverables' ids carry a key of the pages they were made from, so a
// component PDF left stale by an interrupted rebuild is noticed and made again.
import type { MotcuaDb } from './db';
import type { AttachmentRow, FileRow } from './schema';
import { openBlob, sealBlob } from './vault/blobs';
import { idNumberKeys } from './vault/state';

export function pagesOwnerId(ownerId: string): string {
  return `${ownerId}#pages`;
}

export interface NewStoredFile {
  sha256: string;
  blob: Blob;
  type: string;
  size: number;
  name: string;
  thumbnail?: Blob;
}

export interface StoredPage extends AttachmentRow {
  thumbnail?: Blob;
}

const pageRange = (owner: string, componentIndex: number) =>
  [
    [owner, componentIndex, -Infinity],
    [owner, componentIndex, Infinity],
  ] as const;

function rowsOf(db: MotcuaDb, owner: string, componentIndex: number) {
  const [from, to] = pageRange(owner, componentIndex);
  return db.attachments.where('[ownerId+componentIndex+order]').between(from, to, true, true);
}

/**
 * The file with its bytes and thumbnail as the device stores them: sealed once the vault is set up
 * (vault/blobs.ts). Called before a transaction opens: Web Crypto's await would end it. Its
 * sha256 and size stay those of the clear bytes (uploads and the gateway go by them).
 */
export async function storedFile<T extends { blob: Blob; thumbnail?: Blob }>(db: MotcuaDb, file: T): Promise<T> {
  const blob = await sealBlob(db, file.blob);
  const thumbnail = file.thumbnail && (await sealBlob(db, file.thumbnail));
  return { ...file, blob, ...(thumbnail ? { thumbnail } : {}) };
}

/** Puts a file already as stored (storedFile): inside a transaction over files. */
async function putFile(db: MotcuaDb, file: NewStoredFile): Promise<void> {
  const existing = await db.files.get(file.sha256);
  if (existing) {
    // The same page taken again: keep the stored bytes, add a thumbnail if it had none.
    if (!existing.thumbnail && file.thumbnail) await db.files.update(file.sha256, { thumbnail: file.thumbnail });
    return;
  }
  const row: FileRow = { sha256: file.sha256, blob: file.blob, type: file.type, size: file.size, createdAt: new Date().toISOString() };
  if (file.thumbnail) row.thumbnail = file.thumbnail;
  await db.files.add(row);
}

/**
 * Keeps a file fetched from the gateway (the papers of a dossier another device made): stored once
 * under its hash, sealed like any other, in one transaction. The caller has checked the hash.
 */
export async function keepFetchedFile(db: MotcuaDb, file: NewStoredFile): Promise<void> {
  const stored = await storedFile(db, file);
  await db.transaction('rw', db.files, () => putFile(db, stored));
}

/** Deletes the stored files no attachment points at any more. */
async function collectFiles(db: MotcuaDb, sha256s: Iterable<string>): Promise<void> {
  for (const sha256 of new Set(sha256s)) {
    if ((await db.attachments.where('sha256').equals(sha256).count()) === 0) await db.files.delete(sha256);
  }
}

function newId(): string {
  return crypto.randomUUID();
}

/** Appends pages to a component, in the given order, in one transaction. Returns their ids. */
export async function addComponentPages(db: MotcuaDb, ownerId: string, componentIndex: number, pages: NewStoredFile[]): Promise<string[]> {
  const stored = await Promise.all(pages.map((page) => storedFile(db, page)));
  return addStoredPages(db, ownerId, componentIndex, stored);
}

/** addComponentPages of pages already as stored (storedFile), in the caller's transaction if there is one. */
export async function addStoredPages(db: MotcuaDb, ownerId: string, componentIndex: number, pages: NewStoredFile[]): Promise<string[]> {
  const owner = pagesOwnerId(ownerId);
  return db.transaction('rw', db.files, db.attachments, db.dossierFacts, db.reportPacks, async () => {
    const last = await rowsOf(db, owner, componentIndex).last();
    let order = last ? last.order + 1 : 0;
    const ids: string[] = [];
    for (const page of pages) {
      await putFile(db, page);
      const id = newId();
      await db.attachments.add({ id, ownerId: owner, componentIndex, order: order++, sha256: page.sha256, name: page.name, type: page.type, size: page.size });
      ids.push(id);
    }
    return ids;
  });
}

/** A component's pages in order, each with its thumbnail (opened after the read): one index range and one batch read. */
export async function listComponentPages(db: MotcuaDb, ownerId: string, componentIndex: number): Promise<StoredPage[]> {
  const pages = await db.transaction('r', db.files, db.attachments, async () => {
    const rows = await rowsOf(db, pagesOwnerId(ownerId), componentIndex).toArray();
    const files = await db.files.bulkGet(rows.map((r) => r.sha256));
    return rows.map((row, i) => ({ ...row, thumbnail: files[i]?.thumbnail }));
  });
  return Promise.all(pages.map(async (page) => (page.thumbnail ? { ...page, thumbnail: await openBlob(db, page.thumbnail) } : page)));
}

/** Puts a new version of a page (retaken, re-cropped, other mode) in the old one's place. */
export async function replaceComponentPage(db: MotcuaDb, id: string, page: NewStoredFile): Promise<void> {
  await replaceStoredPage(db, id, await storedFile(db, page));
}

/** replaceComponentPage of a page already as stored (storedFile), in the caller's transaction if there is one. */
export async function replaceStoredPage(db: MotcuaDb, id: string, page: NewStoredFile): Promise<void> {
  await db.transaction('rw', db.files, db.attachments, db.dossierFacts, db.reportPacks, async () => {
    const row = await db.attachments.get(id);
    if (!row) return;
    await putFile(db, page);
    await db.attachments.update(id, { sha256: page.sha256, type: page.type, size: page.size, name: page.name });
    if (row.sha256 !== page.sha256) await collectFiles(db, [row.sha256]);
  });
}

/** Deletes a page, the photo kept to re-open it, and its file if nothing else uses it. */
export async function removeComponentPage(db: MotcuaDb, id: string): Promise<void> {
  await db.transaction('rw', db.files, db.attachments, db.pageSources, db.dossierFacts, db.reportPacks, async () => {
    await db.pageSources.delete(id);
    const row = await db.attachments.get(id);
    if (!row) return;
    await db.attachments.delete(id);
    await collectFiles(db, [row.sha256]);
  });
}

/** Sets the page order to `ids` (every page of the component, each once). */
export async function reorderComponentPages(db: MotcuaDb, ownerId: string, componentIndex: number, ids: string[]): Promise<void> {
  await db.transaction('rw', db.attachments, db.dossierFacts, db.reportPacks, async () => {
    const rows = await rowsOf(db, pagesOwnerId(ownerId), componentIndex).toArray();
    const known = new Set(rows.map((r) => r.id));
    if (ids.length !== rows.length || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
      throw new RangeError('Thứ tự trang không khớp với các trang đã lưu.');
    }
    await Promise.all(ids.map((id, order) => db.attachments.update(id, { order })));
  });
}

/** A short key of the ordered pages a deliverable is made from. */
export function pagesKey(pages: readonly { sha256: string }[]): string {
  let h = 0x811c9dc5;
  for (const { sha256 } of pages) for (let i = 0; i < sha256.length; i++) h = Math.imul(h ^ sha256.charCodeAt(i), 0x01000193) >>> 0;
  return `${pages.length}-${h.toString(16).padStart(8, '0')}`;
}

/**
 * Replaces what a component delivers (its PDF, imported PDFs) in one transaction; `key` is
 * pagesKey() of the pages they were made from. Files left unreferenced are deleted.
 */
export async function saveComponentDeliverables(db: MotcuaDb, ownerId: string, componentIndex: number, key: string, clear: NewStoredFile[]): Promise<void> {
  const files = await Promise.all(clear.map((file) => storedFile(db, file)));
  await db.transaction('rw', db.files, db.attachments, db.dossierFacts, db.reportPacks, async () => {
    const old = await rowsOf(db, ownerId, componentIndex).toArray();
    await db.attachments.bulkDelete(old.map((r) => r.id));
    for (const [order, file] of files.entries()) {
      await putFile(db, file);
      await db.attachments.add({
        id: `${ownerId}|${componentIndex}|${key}|${order}`,
        ownerId,
        componentIndex,
        order,
        sha256: file.sha256,
        name: file.name,
        type: file.type,
        size: file.size,
      });
    }
    await collectFiles(
      db,
      old.map((r) => r.sha256),
    );
  });
}

export function listComponentDeliverables(db: MotcuaDb, ownerId: string, componentIndex: number): Promise<AttachmentRow[]> {
  return rowsOf(db, ownerId, componentIndex).toArray();
}

/** True when the deliverables were made from exactly these pages. */
export function deliverablesAreCurrent(deliverables: readonly AttachmentRow[], key: string): boolean {
  return deliverables.length > 0 && deliverables.every((d) => d.id.includes(`|${key}|`));
}

/**
 * The components of `ownerId` whose deliverables were not made from their pages as they stand now
 * (a PDF still being assembled after the last change), or that still have photos waiting in the
 * capture queue (pages still to come). Receiving then would send an old PDF, or lose those pages.
 */
export async function componentsAwaitingPdf(db: MotcuaDb, ownerId: string): Promise<number[]> {
  const all = (owner: string) =>
    db.attachments.where('[ownerId+componentIndex+order]').between([owner, -Infinity, -Infinity], [owner, Infinity, Infinity]).toArray();
  const [pages, deliverables, queued] = await Promise.all([
    all(pagesOwnerId(ownerId)),
    all(ownerId),
    db.captureQueue.where('ownerId').equals(ownerId).toArray(),
  ]);
  const indexes = [...new Set(pages.map((p) => p.componentIndex))];
  const stale = indexes.filter((index) => {
    const key = pagesKey(pages.filter((p) => p.componentIndex === index));
    return !deliverablesAreCurrent(
      deliverables.filter((d) => d.componentIndex === index),
      key,
    );
  });
  return [...new Set([...stale, ...queued.map((q) => q.componentIndex)])].sort((a, b) => a - b);
}

/**
 * Drops the editable pages behind an owner's components, keeping what they deliver, and empties its
 * capture queue and the photos kept to re-open pages: once a draft is received its PDFs are final,
 * and the page images and photos would only take space. Call inside a transaction over files,
 * attachments, captureQueue and pageSources.
 */
export async function dropPages(db: MotcuaDb, ownerId: string): Promise<void> {
  const rows = await db.attachments.where('ownerId').equals(pagesOwnerId(ownerId)).toArray();
  await db.attachments.bulkDelete(rows.map((r) => r.id));
  await collectFiles(
    db,
    rows.map((r) => r.sha256),
  );
  await db.captureQueue.where('ownerId').equals(ownerId).delete();
  await db.pageSources.where('ownerId').equals(ownerId).delete();
}

/** Removes a component's pages, deliverables, waiting and kept photos, and the files only they used. */
export async function deleteComponent(db: MotcuaDb, ownerId: string, componentIndex: number): Promise<void> {
  await db.transaction('rw', [db.files, db.attachments, db.captureQueue, db.pageSources, db.dossierFacts, db.reportPacks], async () => {
    await db.pageSources.where('[ownerId+componentIndex]').equals([ownerId, componentIndex]).delete();
    const rows = [...(await rowsOf(db, ownerId, componentIndex).toArray()), ...(await rowsOf(db, pagesOwnerId(ownerId), componentIndex).toArray())];
    await db.attachments.bulkDelete(rows.map((r) => r.id));
    await collectFiles(
      db,
      rows.map((r) => r.sha256),
    );
    await db.captureQueue
      .where('[ownerId+componentIndex+seq]')
      .between([ownerId, componentIndex, -Infinity], [ownerId, componentIndex, Infinity], true, true)
      .delete();
  });
}

/** Owners of loose papers digitized on the Số hóa page: `so-hoa:<uuid>`, one component each. */
export const LOOSE_PAPERS_PREFIX = 'so-hoa:';

/**
 * Adds a document digitized earlier (on the Số hóa page) to a component as a PDF kept as it is, so
 * a paper is not digitized twice. Returns the new page's id.
 */
export async function addDigitizedDocument(
  db: MotcuaDb,
  doc: Pick<DigitizedDocument, 'sha256' | 'name'>,
  ownerId: string,
  componentIndex: number,
): Promise<string> {
  return db.transaction('rw', db.files, db.attachments, db.dossierFacts, db.reportPacks, async () => {
    const file = await db.files.get(doc.sha256);
    if (!file || file.type !== 'application/pdf') throw new Error('Giấy tờ đã số hóa không còn trên máy.');
    // The bytes move as they are stored (sealed or not): nothing to open or seal in here.
    const [id] = await addStoredPages(db, ownerId, componentIndex, [
      { sha256: file.sha256, blob: file.blob, type: file.type, size: file.size, name: doc.name },
    ]);
    return id!;
  });
}

/** A digitized set of papers: the component PDFs of owners whose id starts with `prefix`. */
export interface DigitizedDocument {
  ownerId: string;
  componentIndex: number;
  name: string;
  sha256: string;
  size: number;
  createdAt: string;
}

/** A PDF of a paper in an earlier dossier of a citizen, with the name of the component it was. */
export interface CitizenPaper {
  dossierId: string;
  dossierCode: string;
  componentName: string;
  name: string;
  sha256: string;
  size: number;
}

/**
 * The papers this device already holds for the citizens with these ID numbers (Decree 107/2021:
 * the desk does not ask again for what it holds): the PDFs of their earlier dossiers' components,
 * newest dossier first. Result papers are left out.
 */
export async function listCitizenPapers(db: MotcuaDb, idNumbers: readonly string[]): Promise<CitizenPaper[]> {
  const ids = [...new Set(idNumbers.map((n) => n.trim()).filter((n) => /^\d{9,12}$/.test(n)))];
  if (ids.length === 0) return [];
  return db.transaction('r', db.dossiers, db.attachments, async () => {
    // Once sealed, the index holds each ID number's token (vault), not the number.
    const keys = ids.flatMap((id) => idNumberKeys(db, id));
    const dossiers = (await db.dossiers.where('applicantIdNumber').anyOf(keys).toArray()).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    const papers: CitizenPaper[] = [];
    for (const d of dossiers) {
      const components = (d.data as { procedure?: { components?: { name: string }[] } } | undefined)?.procedure?.components ?? [];
      for (const a of await db.attachments.where('ownerId').equals(d.id).sortBy('order')) {
        const component = components[a.componentIndex];
        if (a.componentIndex < 0 || !component || a.type !== 'application/pdf') continue;
        papers.push({ dossierId: d.id, dossierCode: d.code, componentName: component.name, name: a.name, sha256: a.sha256, size: a.size });
      }
    }
    return papers;
  });
}

/** The deliverable PDFs under owners starting with `prefix`, newest first. */
export async function listDigitizedDocuments(db: MotcuaDb, prefix: string): Promise<DigitizedDocument[]> {
  return db.transaction('r', db.files, db.attachments, async () => {
    const rows = (await db.attachments.where('ownerId').startsWith(prefix).toArray()).filter((r) => r.order === 0 && !r.ownerId.endsWith('#pages'));
    const files = await db.files.bulkGet(rows.map((r) => r.sha256));
    return rows
      .map((r, i) => ({
        ownerId: r.ownerId,
        componentIndex: r.componentIndex,
        name: r.name,
        sha256: r.sha256,
        size: r.size,
        createdAt: files[i]?.createdAt ?? '',
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
}

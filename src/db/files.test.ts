// Digitized components in the device database: pages stored once under their SHA-256, listed in
// order with thumbnails, reordered, replaced and removed; deliverables replaced whole and known stale.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import {
  addComponentPages,
  deleteComponent,
  deliverablesAreCurrent,
  listComponentDeliverables,
  listComponentPages,
  listDigitizedDocuments,
  pagesKey,
  pagesOwnerId,
  removeComponentPage,
  reorderComponentPages,
  replaceComponentPage,
  saveComponentDeliverables,
  type NewStoredFile,
} from './files';
import { listAttachments } from './attachments';

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`files-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

const page = (n: number, extra: Partial<NewStoredFile> = {}): NewStoredFile => ({
  sha256: `sha-${n}`.padEnd(64, '0'),
  blob: new Blob([`page ${n}`], { type: 'image/tiff' }),
  type: 'image/tiff',
  size: 6,
  name: `Trang ${n}`,
  thumbnail: new Blob([`thumb ${n}`], { type: 'image/jpeg' }),
  ...extra,
});

describe('component pages', () => {
  it('appends pages in order, with thumbnails, under the pages owner', async () => {
    await addComponentPages(db, 'so-hoa:a', 0, [page(1), page(2)]);
    await addComponentPages(db, 'so-hoa:a', 0, [page(3)]);
    await addComponentPages(db, 'so-hoa:a', 1, [page(9)]);
    const pages = await listComponentPages(db, 'so-hoa:a', 0);
    expect(pages.map((p) => [p.name, p.order, p.ownerId])).toEqual([
      ['Trang 1', 0, 'so-hoa:a#pages'],
      ['Trang 2', 1, 'so-hoa:a#pages'],
      ['Trang 3', 2, 'so-hoa:a#pages'],
    ]);
    expect(await pages[1]!.thumbnail!.text()).toBe('thumb 2');
    // What the dossier delivers is listed apart from the pages.
    expect(await listAttachments(db, 'so-hoa:a')).toEqual([]);
  });

  it('stores a page used twice once, and deletes its file only when no page uses it', async () => {
    const [first, second] = await addComponentPages(db, 'x', 0, [page(1), page(1)]);
    expect(await db.files.count()).toBe(1);
    await removeComponentPage(db, first!);
    expect(await db.files.count()).toBe(1);
    await removeComponentPage(db, second!);
    expect(await db.files.count()).toBe(0);
  });

  it('reorders pages and refuses an order that loses or repeats one', async () => {
    const ids = await addComponentPages(db, 'x', 0, [page(1), page(2), page(3)]);
    await reorderComponentPages(db, 'x', 0, [ids[2]!, ids[0]!, ids[1]!]);
    expect((await listComponentPages(db, 'x', 0)).map((p) => p.name)).toEqual(['Trang 3', 'Trang 1', 'Trang 2']);
    await expect(reorderComponentPages(db, 'x', 0, [ids[0]!, ids[0]!, ids[1]!])).rejects.toThrow(RangeError);
    await expect(reorderComponentPages(db, 'x', 0, [ids[0]!, ids[1]!])).rejects.toThrow(RangeError);
    expect((await listComponentPages(db, 'x', 0)).map((p) => p.name)).toEqual(['Trang 3', 'Trang 1', 'Trang 2']);
  });

  it('replaces a retaken page in its place and drops the old file', async () => {
    const ids = await addComponentPages(db, 'x', 0, [page(1), page(2)]);
    await replaceComponentPage(db, ids[0]!, page(7, { type: 'image/jpeg', name: 'Trang 1' }));
    const pages = await listComponentPages(db, 'x', 0);
    expect(pages.map((p) => [p.sha256.slice(0, 5), p.type, p.order])).toEqual([
      ['sha-7', 'image/jpeg', 0],
      ['sha-2', 'image/tiff', 1],
    ]);
    expect(await db.files.get(page(1).sha256)).toBeUndefined();
  });

  it('lists 200 pages in order', async () => {
    await addComponentPages(
      db,
      'big',
      0,
      Array.from({ length: 200 }, (_, i) => page(i)),
    );
    const pages = await listComponentPages(db, 'big', 0);
    expect(pages).toHaveLength(200);
    expect(pages.map((p) => p.order)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(pages.every((p) => p.thumbnail instanceof Blob)).toBe(true);
  });
});

describe('component deliverables', () => {
  const pdf = (n: number): NewStoredFile => ({
    sha256: `pdf-${n}`.padEnd(64, '0'),
    blob: new Blob([`%PDF-${n}`]),
    type: 'application/pdf',
    size: 7,
    name: `Giấy tờ ${n}.pdf`,
  });

  it('replaces the deliverables whole and knows whether they match the pages', async () => {
    const pages = [page(1), page(2)];
    await addComponentPages(db, 'so-hoa:b', 0, pages);
    const key = pagesKey(pages);
    await saveComponentDeliverables(db, 'so-hoa:b', 0, key, [pdf(1), pdf(2)]);
    let delivered = await listComponentDeliverables(db, 'so-hoa:b', 0);
    expect(delivered.map((d) => d.name)).toEqual(['Giấy tờ 1.pdf', 'Giấy tờ 2.pdf']);
    expect(deliverablesAreCurrent(delivered, key)).toBe(true);
    expect(deliverablesAreCurrent(delivered, pagesKey([page(2), page(1)]))).toBe(false);
    expect(deliverablesAreCurrent([], key)).toBe(false);
    // A rebuild replaces the old PDF, and its file goes when nothing uses it.
    await saveComponentDeliverables(db, 'so-hoa:b', 0, pagesKey([page(1)]), [pdf(3)]);
    delivered = await listComponentDeliverables(db, 'so-hoa:b', 0);
    expect(delivered.map((d) => d.name)).toEqual(['Giấy tờ 3.pdf']);
    expect(await db.files.get(pdf(1).sha256)).toBeUndefined();
    expect((await listAttachments(db, 'so-hoa:b')).map((a) => a.name)).toEqual(['Giấy tờ 3.pdf']);
  });

  it('lists digitized documents by owner prefix, and deletes a component with its files', async () => {
    await addComponentPages(db, 'so-hoa:c', 0, [page(5)]);
    await saveComponentDeliverables(db, 'so-hoa:c', 0, 'k', [pdf(5)]);
    await saveComponentDeliverables(db, 'dossier:1', 0, 'k', [pdf(6)]);
    const docs = await listDigitizedDocuments(db, 'so-hoa:');
    expect(docs.map((d) => [d.ownerId, d.name])).toEqual([['so-hoa:c', 'Giấy tờ 5.pdf']]);
    await deleteComponent(db, 'so-hoa:c', 0);
    expect(await listDigitizedDocuments(db, 'so-hoa:')).toEqual([]);
    expect(await db.files.get(page(5).sha256)).toBeUndefined();
    expect(await db.files.get(pdf(6).sha256)).toBeDefined();
    expect(pagesOwnerId('so-hoa:c')).toBe('so-hoa:c#pages');
  });
});

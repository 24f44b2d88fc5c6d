// The photos kept behind a draft's pages: a draft's page keeps its photo (moved from the capture
// queue in the transaction that stores the page), other owners' pages do not, and the photo goes
// with its page, with the discarded draft, and with the received one — never into the dossier's
// attachments, files or outbox.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Quad } from '../domain/digitize';
import { enqueueCapture, listCaptureQueue, storeQueuedPage } from './capture-queue';
import { MotcuaDb } from './db';
import { deleteComponent, listComponentPages, pagesKey, removeComponentPage, saveComponentDeliverables, type NewStoredFile } from './files';
import { deleteDraft, receiveDossier, type ReceiveWrite } from './intake';
import { pagesWithSource, readPageSource, remakePage } from './page-sources';
import type { DossierRow } from './schema';
import { sampleBirthDossier } from './test-support';

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`page-sources-${Math.random()}`);
  await db.open();
  for (const id of ['draft-1', 'draft-2'])
    await db.drafts.add({ id, procedureCode: '1.001193', procedure: {}, step: 'components', data: {}, createdAt: '', updatedAt: '' });
});
afterEach(() => db.close());

const JPEG = [0xff, 0xd8, 0xff];
const photo = (n: number) => ({ name: `IMG_000${n}.jpg`, blob: new Blob([new Uint8Array(JPEG), `photo ${n}`], { type: 'image/jpeg' }) });
const page = (n: number, type = 'image/tiff'): NewStoredFile => ({
  sha256: `page-${n}`.padEnd(64, '0'),
  blob: new Blob([`page ${n}`], { type }),
  type,
  size: 6,
  name: `IMG_000${n}.jpg`,
});
const corners: Quad = [
  { x: 10, y: 12 },
  { x: 200, y: 14 },
  { x: 198, y: 290 },
  { x: 11, y: 288 },
];
const making = { corners, mode: 'text' as const, turns: 0 as const };

/** Captures one photo into a component the way the capture does: queued, then stored as a page. */
async function capture(ownerId: string, componentIndex: number, n: number): Promise<string> {
  const [seq] = await enqueueCapture(db, ownerId, componentIndex, [photo(n)]);
  return (await storeQueuedPage(db, seq!, page(n), making))!;
}

const isJpeg = async (blob: Blob) => {
  const head = new Uint8Array(await blob.slice(0, 3).arrayBuffer());
  return JPEG.every((b, i) => head[i] === b);
};

describe('the photos kept behind a draft’s pages', () => {
  it('keeps the photo of a draft’s page, as taken, with how the page was made', async () => {
    const id = await capture('draft-1', 2, 1);
    const source = await readPageSource(db, id);
    expect(source).toMatchObject({ pageId: id, ownerId: 'draft-1', componentIndex: 2, name: 'IMG_0001.jpg', corners, mode: 'text', turns: 0 });
    expect(await source!.blob.text()).toBe(await photo(1).blob.text());
    expect(await pagesWithSource(db, 'draft-1', 2)).toEqual([id]);
    expect(await pagesWithSource(db, 'draft-1', 0)).toEqual([]);
    expect(await listCaptureQueue(db, 'draft-1', 2)).toEqual([]);
  });

  it('keeps no photo for a dossier’s or a loose set’s pages, nor for a PDF kept as it is', async () => {
    await capture('d9', 90, 1);
    await capture('so-hoa:x', 0, 2);
    const [seq] = await enqueueCapture(db, 'draft-1', 0, [{ name: 'a.pdf', blob: new Blob(['%PDF-1.4']) }]);
    await storeQueuedPage(db, seq!, page(3, 'application/pdf'));
    expect(await db.pageSources.count()).toBe(0);
  });

  it('keeps neither page nor photo when the page cannot be stored: the photo stays queued', async () => {
    const [seq] = await enqueueCapture(db, 'draft-1', 0, [photo(1)]);
    const unstorable = { ...page(1), thumbnail: (() => 0) as unknown as Blob };
    await expect(storeQueuedPage(db, seq!, unstorable, making)).rejects.toThrow();
    expect(await db.pageSources.count()).toBe(0);
    expect((await listCaptureQueue(db, 'draft-1', 0)).map((q) => q.seq)).toEqual([seq]);
  });

  it('remembers how a re-opened page was made again, in the page’s place', async () => {
    const id = await capture('draft-1', 0, 1);
    const moved: Quad = [corners[0], corners[1], { x: 190, y: 280 }, corners[3]];
    await remakePage(db, id, page(7, 'image/tiff; layers=g4+jpeg'), { corners: moved, mode: 'colour', turns: 2 });
    const [stored] = await listComponentPages(db, 'draft-1', 0);
    expect(stored).toMatchObject({ id, sha256: page(7).sha256, type: 'image/tiff; layers=g4+jpeg' });
    expect(await readPageSource(db, id)).toMatchObject({ corners: moved, mode: 'colour', turns: 2 });
    // The first version's file is gone: only the page made again is stored.
    expect(await db.files.get(page(1).sha256)).toBeUndefined();
  });

  it('lets the photo go with its page, its component, and its discarded draft', async () => {
    const a = await capture('draft-1', 0, 1);
    const b = await capture('draft-1', 0, 2);
    await capture('draft-1', 1, 3);
    await capture('draft-2', 0, 4);
    await removeComponentPage(db, a);
    expect(await pagesWithSource(db, 'draft-1', 0)).toEqual([b]);
    await deleteComponent(db, 'draft-1', 1);
    expect(await pagesWithSource(db, 'draft-1', 1)).toEqual([]);
    await deleteDraft(db, 'draft-1');
    expect((await db.pageSources.toArray()).map((s) => s.ownerId)).toEqual(['draft-2']);
  });

  it('lets the photos go when the draft is received, and none reaches the dossier, its files or the outbox', async () => {
    await capture('draft-1', 0, 1);
    await capture('draft-1', 0, 2);
    await capture('draft-2', 0, 3);
    const pdf = page(100, 'application/pdf');
    await saveComponentDeliverables(db, 'draft-1', 0, pagesKey([page(1), page(2)]), [pdf]);
    const dossier = {
      id: 'd1',
      code: '000.00.12.H38-260302-0001',
      status: 2,
      ...sampleBirthDossier,
      receivedAt: '2026-03-02T01:00:00.000Z',
      dueAt: '2026-03-02T10:00:00.000Z',
      syncState: 'waiting',
      data: {},
      updatedAt: '2026-03-02T01:00:00.000Z',
    } as DossierRow;
    const write: ReceiveWrite = {
      draftId: 'draft-1',
      dossier,
      log: { dossierId: 'd1', at: dossier.receivedAt, who: 'Lò Thị Mai', role: 'receptionOfficer', action: 'receive', fromStatus: null, toStatus: 2 },
      outbox: { kind: 'dossier.receive', entityId: 'd1', payload: { id: 'd1' }, createdAt: dossier.receivedAt, status: 'pending', attempts: 0 },
    };
    await receiveDossier(db, write);
    expect((await db.pageSources.toArray()).map((s) => s.ownerId)).toEqual(['draft-2']);
    expect((await db.attachments.where('ownerId').equals('d1').toArray()).map((a) => a.type)).toEqual(['application/pdf']);
    for (const file of await db.files.toArray()) expect(await isJpeg(file.blob)).toBe(false);
    const [entry] = await db.outbox.toArray();
    expect((entry!.payload as { attachments: { type: string }[] }).attachments.map((a) => a.type)).toEqual(['application/pdf']);
  });
});

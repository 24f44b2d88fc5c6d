// The capture queue in the device database: a batch enters whole, each photo leaves in the
// transaction that stores its page (or not at all when that write fails), a photo gone from the
// queue is never stored twice, and receiving or discarding a draft never leaves a photo behind.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearCaptureQueue,
  componentsInCapture,
  dropQueuedPhoto,
  enqueueCapture,
  listCaptureQueue,
  ownersWithQueuedPhotos,
  queuedComponents,
  storeQueuedPage,
} from './capture-queue';
import { MotcuaDb } from './db';
import {
  addComponentPages,
  componentsAwaitingPdf,
  deleteComponent,
  listComponentPages,
  pagesKey,
  saveComponentDeliverables,
  type NewStoredFile,
} from './files';
import { deleteDraft, PdfPendingError, receiveDossier, type ReceiveWrite } from './intake';
import type { DossierRow } from './schema';
import { sampleBirthDossier } from './test-support';

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`capture-queue-${Math.random()}`);
  await db.open();
  await db.drafts.add({ id: 'draft-1', procedureCode: '1.001193', procedure: {}, step: 'components', data: {}, createdAt: '', updatedAt: '' });
});
afterEach(() => db.close());

const photo = (n: number) => ({ name: `IMG_000${n}.jpg`, blob: new Blob([`jpeg ${n}`], { type: 'image/jpeg' }) });
const page = (n: number, type = 'image/tiff'): NewStoredFile => ({
  sha256: `page-${n}`.padEnd(64, '0'),
  blob: new Blob([`page ${n}`], { type }),
  type,
  size: 6,
  name: `IMG_000${n}.jpg`,
});

describe('the capture queue', () => {
  it('keeps a batch in the order taken, per component, with the bytes as given', async () => {
    const seqs = await enqueueCapture(db, 'draft-1', 1, [photo(1), photo(2), photo(3)]);
    await enqueueCapture(db, 'draft-1', 0, [photo(9)]);
    await enqueueCapture(db, 'draft-1', 1, [photo(4)]);
    const queued = await listCaptureQueue(db, 'draft-1', 1);
    expect(queued.map((q) => q.name)).toEqual(['IMG_0001.jpg', 'IMG_0002.jpg', 'IMG_0003.jpg', 'IMG_0004.jpg']);
    expect(queued.slice(0, 3).map((q) => q.seq)).toEqual(seqs);
    // One batch, one registration; the next take is another batch.
    expect(new Set(queued.slice(0, 3).map((q) => q.batch)).size).toBe(1);
    expect(queued[3]!.batch).not.toBe(queued[0]!.batch);
    expect(await queued[1]!.blob.text()).toBe('jpeg 2');
    expect(await queuedComponents(db, 'draft-1')).toEqual([0, 1]);
    expect(await enqueueCapture(db, 'draft-1', 1, [])).toEqual([]);
  });

  it('writes a batch whole or not at all', async () => {
    const bad = { name: 'x.jpg', blob: (() => 0) as unknown as Blob }; // cannot be stored
    await expect(enqueueCapture(db, 'draft-1', 0, [photo(1), photo(2), bad])).rejects.toThrow();
    expect(await db.captureQueue.count()).toBe(0);
  });

  it('stores each page as its photo leaves the queue, in order, and never stores a photo twice', async () => {
    const [a, b, c] = await enqueueCapture(db, 'draft-1', 0, [photo(1), photo(2), photo(3)]);
    const id1 = await storeQueuedPage(db, a!, page(1));
    expect(id1).toBeDefined();
    expect((await listCaptureQueue(db, 'draft-1', 0)).map((q) => q.seq)).toEqual([b, c]);
    await storeQueuedPage(db, b!, page(2));
    // The same photo processed again (a second tab, a retry after a reload) finds it gone.
    expect(await storeQueuedPage(db, b!, page(2))).toBeUndefined();
    await storeQueuedPage(db, c!, page(3));
    expect((await listComponentPages(db, 'draft-1', 0)).map((p) => [p.order, p.name])).toEqual([
      [0, 'IMG_0001.jpg'],
      [1, 'IMG_0002.jpg'],
      [2, 'IMG_0003.jpg'],
    ]);
    expect(await db.captureQueue.count()).toBe(0);
  });

  it('keeps the photo queued when its page cannot be stored', async () => {
    const [seq] = await enqueueCapture(db, 'draft-1', 0, [photo(1)]);
    const unstorable = { ...page(1), thumbnail: (() => 0) as unknown as Blob };
    await expect(storeQueuedPage(db, seq!, unstorable)).rejects.toThrow();
    expect((await listCaptureQueue(db, 'draft-1', 0)).map((q) => q.seq)).toEqual([seq]);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
  });

  it('drops a refused photo, and empties one component or a whole owner', async () => {
    const [s1] = await enqueueCapture(db, 'draft-1', 0, [photo(1), photo(2)]);
    await enqueueCapture(db, 'draft-1', 3, [photo(3)]);
    await enqueueCapture(db, 'so-hoa:x', 0, [photo(4)]);
    await dropQueuedPhoto(db, s1!);
    expect((await listCaptureQueue(db, 'draft-1', 0)).map((q) => q.name)).toEqual(['IMG_0002.jpg']);
    await db.transaction('rw', db.captureQueue, () => clearCaptureQueue(db, 'draft-1', 0));
    expect(await queuedComponents(db, 'draft-1')).toEqual([3]);
    await db.transaction('rw', db.captureQueue, () => clearCaptureQueue(db, 'draft-1'));
    expect(await queuedComponents(db, 'draft-1')).toEqual([]);
    expect(await ownersWithQueuedPhotos(db, 'so-hoa:')).toEqual(['so-hoa:x']);
  });

  it('names the components in capture: pages taken or photos waiting, before any PDF exists', async () => {
    await addComponentPages(db, 'draft-1', 2, [page(1)]);
    await enqueueCapture(db, 'draft-1', 5, [photo(2)]);
    expect(await componentsInCapture(db, 'draft-1')).toEqual([2, 5]);
  });

  it('finds the loose set with the latest waiting photo first', async () => {
    await enqueueCapture(db, 'so-hoa:a', 0, [photo(1)]);
    await enqueueCapture(db, 'so-hoa:b', 0, [photo(2)]);
    await enqueueCapture(db, 'draft-1', 0, [photo(3)]);
    expect(await ownersWithQueuedPhotos(db, 'so-hoa:')).toEqual(['so-hoa:b', 'so-hoa:a']);
  });
});

describe('the queue and the draft', () => {
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
  const pdf = page(100, 'application/pdf');

  it('refuses to receive while photos of a paper still wait, changing nothing, and receives once they are pages', async () => {
    await addComponentPages(db, 'draft-1', 0, [page(1)]);
    await saveComponentDeliverables(db, 'draft-1', 0, pagesKey([page(1)]), [pdf]);
    const [seq] = await enqueueCapture(db, 'draft-1', 0, [photo(2)]);
    // The PDF matches the pages so far, but a page is still to come.
    expect(await componentsAwaitingPdf(db, 'draft-1')).toEqual([0]);
    await expect(receiveDossier(db, write)).rejects.toBeInstanceOf(PdfPendingError);
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.captureQueue.count()).toBe(1);

    await storeQueuedPage(db, seq!, page(2));
    await saveComponentDeliverables(db, 'draft-1', 0, pagesKey([page(1), page(2)]), [pdf]);
    await receiveDossier(db, write);
    // The dossier holds the PDF alone: no photo, no page, nothing queued.
    expect((await db.attachments.toArray()).map((a) => [a.ownerId, a.type])).toEqual([['d1', 'application/pdf']]);
    expect(await db.captureQueue.count()).toBe(0);
    const [entry] = await db.outbox.toArray();
    expect((entry!.payload as { attachments: { type: string }[] }).attachments.map((a) => a.type)).toEqual(['application/pdf']);
  });

  it('empties the queue when the draft is discarded, and when a component is deleted', async () => {
    await enqueueCapture(db, 'draft-1', 0, [photo(1), photo(2)]);
    await enqueueCapture(db, 'draft-2', 0, [photo(3)]);
    await deleteDraft(db, 'draft-1');
    expect((await db.captureQueue.toArray()).map((q) => q.ownerId)).toEqual(['draft-2']);
    await enqueueCapture(db, 'so-hoa:x', 0, [photo(4)]);
    await deleteComponent(db, 'so-hoa:x', 0);
    expect((await db.captureQueue.toArray()).map((q) => q.ownerId)).toEqual(['draft-2']);
  });
});

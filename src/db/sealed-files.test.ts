// Photos, scans and PDFs sealed at rest by the repository functions once the vault is set up (issue
// 13 item 4): every table that keeps bytes (files, their thumbnails, the capture queue, the photos
// kept to re-open a page) stores ciphertext only, every reader gets the clear bytes back, hashes
// stay those of the clear bytes, and a backup carries clear bytes that the importing device seals.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { attachFile } from './attachments';
import { backupRecords, mergeBackup, readBackupRecords, readUnsyncedWork, type BackupRecord } from './backup';
import { enqueueCapture, listCaptureQueue, openQueuedPhoto, storeQueuedPage } from './capture-queue';
import { MotcuaDb } from './db';
import { saveEnrolment } from './device';
import { readFileBlob } from './dossier-changes';
import { addComponentPages, listComponentPages, pagesKey, saveComponentDeliverables, type NewStoredFile } from './files';
import { readPageSource, remakePage } from './page-sources';
import type { CommuneInfo } from '../domain/geo';
import { SEALED_BLOB_TYPE } from './vault/blobs';
import { forgetMasterKey, holdMasterKey, newMasterKey } from './vault/key-holder';
import { openVault, sealExistingData, sealingTuning, setUpVault } from './vault/state';
import { VAULT_SETTING } from './vault/tables';

const dbs: MotcuaDb[] = [];
afterEach(() => {
  forgetMasterKey();
  for (const db of dbs.splice(0)) db.close();
});

async function device(master: Uint8Array, vault = true): Promise<MotcuaDb> {
  const db = new MotcuaDb(`sealed-files-${crypto.randomUUID()}`);
  dbs.push(db);
  await db.open();
  const commune = { id: 'c1', name: 'Xã c1', provinceCode: '01', agencyCode: 'H01.01', officeHours: null } as unknown as CommuneInfo;
  await saveEnrolment(db, { deviceId: db.name, deviceToken: 't', deviceShort: 'DEVA', deviceName: db.name, commune });
  if (vault) await setUpVault(db, master);
  await db.drafts.add({
    id: 'draft-1',
    procedureCode: '1.001193',
    procedure: {},
    step: 'components',
    data: {},
    createdAt: '2026-12-07T03:00:00.000Z',
    updatedAt: '2026-12-07T03:00:00.000Z',
  });
  return db;
}

const ATT = 'ab'.repeat(32);
const MARK = 'CCCD Lò Thị Đào 038190012345';
const bytes = (what: string, type: string) => new Blob([new TextEncoder().encode(`${what}: ${MARK}`)], { type });
const page = (n: number): NewStoredFile => ({
  sha256: `page-${n}`.padEnd(64, '0'),
  blob: bytes(`page ${n}`, 'image/tiff'),
  thumbnail: bytes(`thumb ${n}`, 'image/jpeg'),
  type: 'image/tiff',
  size: bytes(`page ${n}`, 'image/tiff').size,
  name: `p${n}.tif`,
});
const making = { corners: [0, 0, 1, 0, 1, 1, 0, 1], mode: 'text', turns: 0 } as const;

/** A blob as stored: sealed, and no trace of the marker's digits in its bytes. */
async function expectSealed(blob: Blob | undefined): Promise<void> {
  expect(blob?.type).toBe(SEALED_BLOB_TYPE);
  const raw = new Uint8Array(await blob!.arrayBuffer());
  expect(new TextDecoder('latin1').decode(raw)).not.toContain('038190012345');
}

describe('files sealed at rest', () => {
  it('a photo waits sealed, becomes a sealed page and a sealed kept photo, and each reads back as taken', async () => {
    const db = await device(newMasterKey());
    const photo = bytes('photo', 'image/jpeg');
    const [seq] = await enqueueCapture(db, 'draft-1', 0, [{ name: 'IMG_1.jpg', blob: photo }]);
    await expectSealed((await db.captureQueue.get(seq!))!.blob);

    // The list keeps the queue sealed; the runner opens only the photo it processes.
    const [queued] = await listCaptureQueue(db, 'draft-1', 0);
    expect(queued!.blob.type).toBe(SEALED_BLOB_TYPE);
    const opened = await openQueuedPhoto(db, queued!);
    expect(opened.blob.type).toBe('image/jpeg');
    expect(await opened.blob.text()).toBe(await photo.text());

    const id = await storeQueuedPage(db, seq!, page(1), making as never);
    const file = await db.files.get(page(1).sha256);
    await expectSealed(file!.blob);
    await expectSealed(file!.thumbnail);
    expect(file!.size).toBe(page(1).size);
    await expectSealed((await db.pageSources.get(id!))!.blob);

    expect(await (await readFileBlob(db, page(1).sha256))!.text()).toBe(await page(1).blob.text());
    const [listed] = await listComponentPages(db, 'draft-1', 0);
    expect(listed!.thumbnail!.type).toBe('image/jpeg');
    expect(await listed!.thumbnail!.text()).toBe(await page(1).thumbnail!.text());
    const source = await readPageSource(db, id!);
    expect(source!.blob.type).toBe('image/jpeg');
    expect(await source!.blob.text()).toBe(await photo.text());

    await remakePage(db, id!, page(2), making as never);
    await expectSealed((await db.files.get(page(2).sha256))!.blob);
    expect(await (await readFileBlob(db, page(2).sha256))!.text()).toBe(await page(2).blob.text());
  });

  it('pages, deliverables and attachments are stored sealed under the hash of their clear bytes', async () => {
    const db = await device(newMasterKey());
    await addComponentPages(db, 'draft-1', 0, [page(1)]);
    const pdf: NewStoredFile = { sha256: 'pdf'.padEnd(64, '0'), blob: bytes('pdf', 'application/pdf'), type: 'application/pdf', size: 1, name: 'c.pdf' };
    await saveComponentDeliverables(db, 'draft-1', 0, pagesKey([page(1)]), [pdf]);
    const paper = bytes('paper', 'application/pdf');
    await attachFile(db, { id: 'att-1', ownerId: 'draft-1', componentIndex: 1, sha256: ATT, name: 'a.pdf', type: 'application/pdf', size: paper.size }, paper);
    for (const sha256 of [page(1).sha256, pdf.sha256, ATT]) await expectSealed((await db.files.get(sha256))!.blob);
    expect(await (await readFileBlob(db, pdf.sha256))!.text()).toBe(await pdf.blob.text());
    expect(await (await readFileBlob(db, ATT))!.text()).toBe(await paper.text());
  });

  it('a backup carries clear bytes, and the importing device seals them', async () => {
    const master = newMasterKey();
    const a = await device(master);
    const paper = bytes('paper', 'application/pdf');
    await attachFile(a, { id: 'att-1', ownerId: 'draft-1', componentIndex: 0, sha256: ATT, name: 'a.pdf', type: 'application/pdf', size: paper.size }, paper);
    const records: BackupRecord[] = [];
    for await (const r of backupRecords(await readUnsyncedWork(a))) records.push({ head: JSON.parse(JSON.stringify(r.head)) as unknown, body: r.body });
    const file = records.find((r) => (r.head as { t: string }).t === 'file')!;
    expect((file.head as { size: number }).size).toBe(paper.size);
    expect(await file.body!.text()).toBe(await paper.text());

    const b = await device(master);
    await b.drafts.delete('draft-1');
    const content = await readBackupRecords(
      (async function* () {
        yield* records;
      })(),
    );
    expect((await mergeBackup(b, content)).files).toBe(1);
    await expectSealed((await b.files.get(ATT))!.blob);
    expect(await (await readFileBlob(b, ATT))!.text()).toBe(await paper.text());
  });

  it('before the vault is set up, files are stored as they are', async () => {
    const db = await device(newMasterKey(), false);
    const [seq] = await enqueueCapture(db, 'draft-1', 0, [{ name: 'IMG_1.jpg', blob: bytes('photo', 'image/jpeg') }]);
    expect((await db.captureQueue.get(seq!))!.blob.type).toBe('image/jpeg');
    await addComponentPages(db, 'draft-1', 0, [page(1)]);
    expect((await db.files.get(page(1).sha256))!.blob.type).toBe('image/tiff');
  });

  it('the files a device held before set-up are sealed with its rows, in small chunks, and read back as they were', async () => {
    const master = newMasterKey();
    const db = await device(master, false);
    const photo = bytes('photo', 'image/jpeg');
    const [seq, other] = await enqueueCapture(db, 'draft-1', 0, [
      { name: 'IMG_1.jpg', blob: photo },
      { name: 'IMG_2.jpg', blob: bytes('second photo', 'image/jpeg') },
    ]);
    const id = await storeQueuedPage(db, seq!, page(1), making as never);
    await addComponentPages(db, 'draft-1', 1, [page(2), page(3)]);
    const chunk = sealingTuning.fileChunkSize;
    sealingTuning.fileChunkSize = 1;
    try {
      await setUpVault(db, master);
      await sealExistingData(db);
    } finally {
      sealingTuning.fileChunkSize = chunk;
    }
    for (const n of [1, 2, 3]) {
      const file = await db.files.get(page(n).sha256);
      await expectSealed(file!.blob);
      await expectSealed(file!.thumbnail);
      expect(await (await readFileBlob(db, page(n).sha256))!.text()).toBe(await page(n).blob.text());
    }
    await expectSealed((await db.captureQueue.get(other!))!.blob);
    await expectSealed((await db.pageSources.get(id!))!.blob);
    expect(await (await readPageSource(db, id!))!.blob.text()).toBe(await photo.text());
    expect((await db.captureQueue.get(other!))!.name).toBe('IMG_2.jpg');
    expect(((await db.settings.get(VAULT_SETTING))!.value as { filesSealed?: boolean }).filesSealed).toBe(true);
  });

  it('a files pass cut short goes on at the next unlock', async () => {
    const master = newMasterKey();
    const db = await device(master);
    await sealExistingData(db);
    // As a vault set up before files were sealed (or a tab closed in the files pass): a clear photo and no mark.
    const seq = await db.captureQueue.add({
      ownerId: 'draft-1',
      componentIndex: 0,
      batch: 'b',
      name: 'IMG_1.jpg',
      blob: bytes('photo', 'image/jpeg'),
      addedAt: '',
    });
    const row = (await db.settings.get(VAULT_SETTING))!;
    await db.settings.put({ ...row, value: { ...(row.value as object), filesSealed: false } });
    forgetMasterKey();
    db.close();

    const again = new MotcuaDb(db.name);
    dbs.push(again);
    await again.open();
    holdMasterKey(master);
    expect(await openVault(again)).toBe('open');
    // Nothing asked: the unlock itself goes on with the pass.
    await expect.poll(async () => (await again.captureQueue.get(seq!))!.blob.type).toBe(SEALED_BLOB_TYPE);
    await sealExistingData(again);
    await expectSealed((await again.captureQueue.get(seq!))!.blob);
    expect(((await again.settings.get(VAULT_SETTING))!.value as { filesSealed?: boolean }).filesSealed).toBe(true);
  });
});

// Runs inside a page for the vault-at-rest test (bundled by vault-at-rest.test.ts): writes a dossier
// with its draft, outbox entry and log note through the app's own database code, with the vault
// set up and open or never set up, then searches it back by name and by ID number. Its papers go
// through the same code too: a page of the draft with the photo it was made from, and a photo still
// waiting for the digitizer, each holding the applicant's words as a phone photo of a card would.
import { emptyDossierFilter, holdMasterKey, MotcuaDb, openVault, queryDossierIds, readPageSource, sealExistingData } from '../../src/db';
import { createDraft, writeDraft } from '../../src/db/intake';
import { enqueueCapture, listCaptureQueue, openQueuedPhoto, storeQueuedPage } from '../../src/db/capture-queue';
import { addComponentPages, listComponentPages } from '../../src/db/files';
import { openBlob } from '../../src/db/vault/blobs';
import type { Quad } from '../../src/domain/digitize';
import { newMasterKey, setUpVault, vaultState } from '../../src/db/vault';

export interface Applicant {
  name: string;
  idNumber: string;
  address: string;
}

export interface WrittenBack {
  state: string;
  byName: string[];
  byIdNumber: string[];
  /** Whether each kept paper reads back holding the applicant's ID number: the page, its photo, the queued photo. */
  papersRead: { page: boolean; photo: boolean; queued: boolean };
  anyOf: { names: string[]; pages: number };
}

/** A "photo" whose bytes carry the card's words in clear, as a JPEG's text or a text PDF would. */
function paperBytes(applicant: Applicant, label: string): Blob {
  return new Blob([`${label}\nCCCD ${applicant.idNumber}\nHo va ten: ${applicant.name}\n`.repeat(50)], { type: 'image/jpeg' });
}

/** Captures two photos for the draft: the first becomes its page (keeping its photo), the second waits in the queue. */
async function capturePapers(db: MotcuaDb, applicant: Applicant): Promise<WrittenBack['papersRead']> {
  const [first] = await enqueueCapture(db, 'draft-1', 0, [
    { blob: paperBytes(applicant, 'anh 1'), name: 'anh-1.jpg' },
    { blob: paperBytes(applicant, 'anh 2'), name: 'anh-2.jpg' },
  ]);
  const page = paperBytes(applicant, 'trang 1');
  const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', await page.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const corners: Quad = [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
    { x: 0, y: 1 },
  ];
  const pageId = await storeQueuedPage(
    db,
    first!,
    { sha256, blob: page, type: 'image/jpeg', size: page.size, name: 'trang-1.jpg' },
    { corners, mode: 'colour', turns: 0 },
  );
  const holds = async (blob: Blob | undefined) => !!blob && (await blob.text()).includes(applicant.idNumber);
  const [stored] = await listComponentPages(db, 'draft-1', 0);
  const file = stored && (await db.files.get(stored.sha256));
  const [queued] = await listCaptureQueue(db, 'draft-1', 0);
  return {
    page: await holds(file && (await openBlob(db, file.blob))),
    photo: await holds((await readPageSource(db, pageId!))?.blob),
    queued: await holds(queued && (await openQueuedPhoto(db, queued)).blob),
  };
}

/** The test's dossier row (d-1), received now, as the app writes it. */
function dossierOf(applicant: Applicant, now: string) {
  return {
    id: 'd-1',
    code: '000.00.12.H38-261207-0001',
    status: 2 as const,
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    catalogueVersion: 1,
    applicantName: applicant.name,
    applicantIdNumber: applicant.idNumber,
    receivedAt: now,
    dueAt: now,
    syncState: 'waiting' as const,
    data: { intake: { owner: { fullName: applicant.name, idNumber: applicant.idNumber, address: applicant.address } } },
    updatedAt: now,
  };
}

export async function writeAndSearch(applicant: Applicant, vault: boolean): Promise<WrittenBack> {
  const db = new MotcuaDb();
  await db.open();
  if (vault) await setUpVault(db, newMasterKey());
  const now = new Date().toISOString();
  const owner = { fullName: applicant.name, idNumber: applicant.idNumber, address: applicant.address };
  await db.transaction('rw', [db.dossiers, db.drafts, db.outbox, db.processingLog], async () => {
    await db.dossiers.add(dossierOf(applicant, now));
    await db.drafts.add({ id: 'draft-1', procedureCode: '1.001193', procedure: {}, step: 'review', data: { owner }, createdAt: now, updatedAt: now });
    await db.outbox.add({ kind: 'dossier.receive', entityId: 'd-1', payload: { owner }, createdAt: now, status: 'pending', attempts: 0 });
    await db.processingLog.add({
      dossierId: 'd-1',
      at: now,
      who: 'Cán bộ',
      role: 'reception',
      action: 'receive',
      fromStatus: null,
      toStatus: 2,
      note: applicant.name,
    });
  });
  const papersRead = await capturePapers(db, applicant);
  const search = (text: string) => queryDossierIds(db, { ...emptyDossierFilter, text });
  const result = {
    state: vaultState(db),
    byName: await search(applicant.name.split(' ').slice(-2).join(' ')),
    byIdNumber: await search(applicant.idNumber),
    papersRead,
    // Dexie's anyOf() walks a cursor with continue(): the vault's cursor must hand it the real one's methods.
    anyOf: {
      names: (await db.dossiers.where('id').anyOf('d-0', 'd-1').toArray()).map((d) => d.applicantName),
      pages: await db.attachments.where('ownerId').anyOf('draft-0', 'draft-1#pages').count(),
    },
  };
  db.close();
  return result;
}

/** This tab's handle on the database, for the two-tab test: opened before the other tab sets the vault up. */
let tabDb: MotcuaDb | undefined;

export async function openTab(): Promise<string> {
  tabDb = new MotcuaDb();
  await tabDb.open();
  return vaultState(tabDb);
}

/** A draft this tab starts before the vault is set up, with nothing personal yet (the set-up's walk would seal it, but LevelDB keeps old copies a while). */
export async function startDraft(): Promise<void> {
  await createDraft(tabDb!, draftOf('draft-2', { name: '', idNumber: '', address: '' }, 'start'));
}

/** This tab's vault state once it has had `ms` to hear news from other tabs. */
export async function stateAfter(ms: number): Promise<string> {
  for (let waited = 0; waited < ms && vaultState(tabDb!) === 'off'; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return vaultState(tabDb!);
}

/** Sets the vault up in this tab and seals what the device holds; returns the key (standing in for the other tab's PIN). */
export async function setUpHere(): Promise<{ state: string; key: number[] }> {
  const key = newMasterKey();
  await setUpVault(tabDb!, key);
  await sealExistingData(tabDb!);
  return { state: vaultState(tabDb!), key: [...key] };
}

function draftOf(id: string, applicant: Applicant, step: string) {
  const now = new Date().toISOString();
  return {
    id,
    procedureCode: '1.001193',
    procedure: {},
    step,
    data: { owner: { fullName: applicant.name, idNumber: applicant.idNumber } },
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Tries each kind of write a tab makes: its draft's change (which goes in at once, clear, and
 * teaches the tab it is locked), then a dossier, a new draft and a paper (each refused as locked).
 */
export async function writeHere(applicant: Applicant, draftWords: Applicant): Promise<Record<string, string>> {
  const db = tabDb!;
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'written',
      (e: { code?: string; name?: string }) => e.code ?? e.name ?? 'error',
    );
  const page = paperBytes(applicant, 'tab 2');
  const draftChange = await outcome(writeDraft(db, draftOf('draft-2', draftWords, 'review')));
  return {
    draftChange,
    dossier: await outcome(db.transaction('rw', db.dossiers, () => db.dossiers.add({ ...dossierOf(applicant, new Date().toISOString()), id: 'd-2' }))),
    newDraft: await outcome(createDraft(db, draftOf('draft-3', applicant, 'start'))),
    paper: await outcome(addComponentPages(db, 'draft-3', 0, [{ sha256: 'f'.repeat(64), blob: page, type: 'image/jpeg', size: page.size, name: 'tab-2.jpg' }])),
    state: vaultState(db),
  };
}

/** Unlocks this tab with the device's key (as a PIN would) and waits for its clear draft to be sealed; then reads it back. */
export async function unlockHere(key: number[]): Promise<{ state: string; draftSealed: boolean; draftStep: string | undefined }> {
  const db = tabDb!;
  holdMasterKey(new Uint8Array(key));
  const state = await openVault(db);
  const rawDraft = () =>
    new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
      const get = db.backendDB().transaction('drafts').objectStore('drafts').get('draft-2');
      get.onsuccess = () => resolve(get.result as Record<string, unknown> | undefined);
      get.onerror = () => reject(get.error);
    });
  let draftSealed = false;
  for (let i = 0; i < 50 && !draftSealed; i++) {
    draftSealed = 'sealed' in ((await rawDraft()) ?? {});
    if (!draftSealed) await new Promise((r) => setTimeout(r, 100));
  }
  return { state, draftSealed, draftStep: (await db.drafts.get('draft-2'))?.step };
}

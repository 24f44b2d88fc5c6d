// Runs inside a page of the app's origin for the db-upgrade test (bundled by db-upgrade.test.ts):
// writes a database as a device on an earlier schema version held it, then opens it with the
// app's current schema (MotcuaDb) and reads it back through src/db's own functions.
import Dexie, { type Transaction } from 'dexie';
import {
  emptyDossierFilter,
  getDossier,
  getDraft,
  listAttachments,
  listCaptureQueue,
  listProcessingLog,
  listQuarantine,
  loadReportRecords,
  MotcuaDb,
  nextBatch,
  outboxEntriesFor,
  queryDossierIds,
  readCatalogueVersion,
  readFileBlob,
  readPageSource,
  readSetting,
  readUpload,
} from '../../src/db';
import { upgradeToV4 } from '../../src/db/upgrades/v4-dossier-desk';
import { upgradeSealedV10Desk } from '../../src/db/upgrades/sealed-v10-desk.test-support';
import { upgradeToV8 } from '../../src/db/upgrades/v8-search-pairs';

/**
 * The stores of each released version as it was declared (src/db/schema.ts), with the upgrades
 * that ran on devices then: a device on version n got there through these.
 */
const RELEASED: Record<number, { stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<unknown> }> = {
  1: { stores: { settings: 'key', outbox: '++seq, createdAt' } },
  2: {
    stores: { outbox: '++seq, createdAt, status, [status+seq]' },
    upgrade: (tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((e: { status?: string; attempts?: number }) => {
          e.status ??= 'pending';
          e.attempts ??= 0;
        }),
  },
  3: {
    stores: {
      catalogues: 'version',
      searchIndexes: 'version',
      drafts: 'id, updatedAt',
      dossiers: 'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt]',
      files: 'sha256, createdAt',
      attachments: 'id, ownerId, [ownerId+componentIndex+order], sha256',
      processingLog: '++id, dossierId, at',
    },
  },
  4: {
    stores: {
      dossiers:
        'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt], ' +
        '*searchWords, openDueAt, [status+receivedAt], [field+receivedAt], [procedureCode+receivedAt]',
      dossierFacts: 'id, activeUntil, receivedAt, *activeMonths',
    },
    upgrade: upgradeToV4,
  },
  5: { stores: { outbox: '++seq, createdAt, status, [status+seq], entityId', uploads: 'sha256, status' } },
  6: { stores: { captureQueue: '++seq, ownerId, [ownerId+componentIndex+seq]' } },
  7: { stores: { pageSources: 'pageId, ownerId, [ownerId+componentIndex]' } },
  8: {
    stores: {
      dossiers:
        'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt], ' +
        '*searchWords, openDueAt, [status+receivedAt], [field+receivedAt], [procedureCode+receivedAt], *searchPairs',
    },
    upgrade: upgradeToV8,
  },
  9: { stores: { reportPacks: 'key' } },
  10: { stores: { officers: 'staffId' } },
};

function declared(name: string, upTo: number): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= upTo; v++) {
    const version = db.version(v).stores(RELEASED[v]!.stores);
    const upgrade = RELEASED[v]!.upgrade;
    if (upgrade) version.upgrade(upgrade);
  }
  return db;
}

export const PAGE_SHA = 'a'.repeat(64);
const RECEIVED = new Date('2026-03-02T01:00:00.000Z'); // 08:00 on 2 March in Vietnam
const DUE = new Date('2026-03-16T10:00:00.000Z');
const officer = { officerName: 'Lò Thị Mai', officerPhone: '0912345678' };
const base = {
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  field: 'Hộ tịch',
  catalogueVersion: 1,
  applicantIdNumber: '001190000001',
  dueAt: DUE.toISOString(),
  syncState: 'waiting',
};
const components = [
  { index: 0, received: true, receivedAs: 'original', count: 1, conditionApplies: false },
  { index: 1, received: true, receivedAs: 'copy', count: 1, conditionApplies: false },
];

/** Three dossiers as the desk of v3 wrote them: one being processed, one refused, one returned and rated. */
function v3Dossiers() {
  const log = (action: string, at: Date) => ({ action, at, actor: { id: 'dev', name: officer.officerName, role: 'receptionOfficer' } });
  return [
    {
      ...base,
      id: 'd-open',
      code: '000.00.12.H38-260302-0001',
      status: 4,
      applicantName: 'Nguyễn Thị Đào',
      receivedAt: RECEIVED.toISOString(),
      updatedAt: RECEIVED.toISOString(),
      data: {
        intake: { components },
        officer,
        state: {
          status: 4,
          appointmentAt: DUE,
          supplementRequests: 0,
          pausedAt: null,
          receivedAt: RECEIVED,
          resultReadyAt: null,
          returnedAt: null,
          log: [log('receive', RECEIVED)],
        },
      },
    },
    {
      ...base,
      id: 'd-refused',
      code: 'TAM-AB12CD-260302-0002',
      status: 3,
      applicantName: 'Lò Văn Pả',
      receivedAt: RECEIVED.toISOString(),
      updatedAt: RECEIVED.toISOString(),
      data: {
        intake: { components: [] },
        officer,
        refusalReason: 'Thiếu giấy chứng sinh',
        state: {
          status: 3,
          appointmentAt: null,
          supplementRequests: 0,
          pausedAt: null,
          receivedAt: null,
          resultReadyAt: null,
          returnedAt: null,
          log: [log('refuse', RECEIVED)],
        },
      },
    },
    {
      ...base,
      id: 'd-returned',
      code: '000.00.12.H38-260302-0003',
      status: 10,
      applicantName: 'Phạm Văn Đức',
      syncState: 'accepted',
      receivedAt: RECEIVED.toISOString(),
      updatedAt: '2026-03-10T03:00:00.000Z',
      data: {
        intake: { components },
        officer,
        rating: { value: 'good', at: '2026-03-10T03:00:00.000Z' },
        state: {
          status: 10,
          appointmentAt: DUE,
          supplementRequests: 0,
          pausedAt: null,
          receivedAt: RECEIVED,
          resultReadyAt: new Date('2026-03-09T03:00:00.000Z'),
          returnedAt: new Date('2026-03-10T03:00:00.000Z'),
          log: [log('receive', RECEIVED), log('return', new Date('2026-03-10T03:00:00.000Z'))],
        },
      },
    },
  ];
}

/** Writes, at schema version `version`, what a device on that version held, in that version's shape. */
export async function seed(name: string, version: number): Promise<void> {
  const first = declared(name, Math.min(version, 3));
  await first.table('settings').bulkPut([
    { key: 'deskProfile', value: officer, updatedAt: 't' },
    { key: 'feeAccount', value: { bank: 'Agribank', number: '0001' }, updatedAt: 't' },
  ]);
  // v1 outbox entries carry no status (v2 added it); later ones do, and one sits in quarantine.
  const entry = (entityId: string, n: number) => ({ kind: 'dossier.receive', entityId, payload: { id: entityId }, createdAt: `2026-03-02T01:0${n}:00.000Z` });
  await first.table('outbox').bulkAdd(
    version === 1
      ? [entry('d-open', 1), entry('d-refused', 2)]
      : [
          { ...entry('d-open', 1), status: 'pending', attempts: 0 },
          { ...entry('d-refused', 2), status: 'rejected', attempts: 3, lastError: 'Mã hồ sơ đã có trên máy chủ' },
        ],
  );
  if (version >= 3) {
    await first.table('catalogues').add({ version: 1, issuedAt: '2026-01-01T00:00:00.000Z', procedures: [], installedAt: 't' });
    await first.table('drafts').add({
      id: 'draft-1',
      procedureCode: '1.001193',
      procedure: { code: '1.001193' },
      step: 'components',
      data: { applicant: { fullName: 'Hà Thị Hoa' } },
      createdAt: 't',
      updatedAt: 't',
    });
    await first.table('dossiers').bulkAdd(v3Dossiers());
    await first.table('files').add({ sha256: PAGE_SHA, blob: new Blob(['%PDF-1.7 tờ khai']), type: 'application/pdf', size: 19, createdAt: 't' });
    await first.table('attachments').bulkAdd([
      { id: 'att-0', ownerId: 'd-open', componentIndex: 0, order: 0, sha256: PAGE_SHA, name: 'to-khai.pdf', type: 'application/pdf', size: 19 },
      { id: 'att-1', ownerId: 'draft-1#pages', componentIndex: 1, order: 0, sha256: PAGE_SHA, name: 'IMG_0001.jpg', type: 'application/pdf', size: 19 },
    ]);
    await first.table('processingLog').bulkAdd([
      { dossierId: 'd-open', at: RECEIVED.toISOString(), who: officer.officerName, role: 'receptionOfficer', action: 'receive', fromStatus: null, toStatus: 2 },
      {
        dossierId: 'd-open',
        at: '2026-03-03T01:00:00.000Z',
        who: officer.officerName,
        role: 'receptionOfficer',
        action: 'transfer',
        fromStatus: 2,
        toStatus: 4,
      },
    ]);
  }
  first.close();
  if (version <= 3) return;
  // Through the upgrades of that time to `version`, then what that version added.
  const later = declared(name, version);
  await later.open();
  if (version >= 5) await later.table('uploads').add({ sha256: PAGE_SHA, status: 'uploading', size: 19, url: '/api/files/abc', offset: 7, updatedAt: 't' });
  if (version >= 6)
    await later
      .table('captureQueue')
      .add({ ownerId: 'draft-1', componentIndex: 1, batch: 'b1', name: 'IMG_0002.jpg', blob: new Blob(['ảnh chụp']), addedAt: 't' });
  if (version >= 7)
    await later.table('pageSources').add({
      pageId: 'att-1',
      ownerId: 'draft-1',
      componentIndex: 1,
      name: 'IMG_0001.jpg',
      blob: new Blob(['ảnh gốc']),
      corners: [
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 1, y: 1 },
        { x: 0, y: 1 },
      ],
      mode: 'text',
      turns: 0,
      addedAt: 't',
    });
  later.close();
}

/** What the current schema finds in the upgraded database, read through src/db's functions. */
export async function openAndRead(name: string) {
  const db = new MotcuaDb(name);
  await db.open();
  const now = new Date('2026-03-20T03:00:00.000Z');
  const search = (text: string) => queryDossierIds(db, { ...emptyDossierFilter, text }, now);
  const march = { start: new Date('2026-02-28T17:00:00.000Z'), end: new Date('2026-03-31T17:00:00.000Z') };
  const tables = db.tables.map((t) => t.name).sort();
  const read = {
    verno: db.verno,
    tables,
    deskProfile: await readSetting(db, 'deskProfile', null),
    outbox: (await nextBatch(db, 10)).map((e) => ({ entityId: e.entityId, status: e.status, attempts: e.attempts })),
    quarantine: (await listQuarantine(db)).map((e) => ({ entityId: e.entityId, lastError: e.lastError })),
    outboxOfOpen: (await outboxEntriesFor(db, 'd-open')).length,
    catalogueVersion: (await readCatalogueVersion(db)) ?? null,
    draft: (await getDraft(db, 'draft-1'))?.data ?? null,
    open: (await getDossier(db, 'd-open')) ?? null,
    byName: await search('dao'),
    byNameWords: await search('thi da'),
    byAccentedName: await search('Đức'),
    byCodeTail: await search('0002'),
    byIdNumber: (await search('001190000001')).sort(),
    overdue: await queryDossierIds(db, { ...emptyDossierFilter, view: 'overdue' }, now),
    attachments: (await listAttachments(db, 'd-open')).map((a) => a.name),
    fileText: (await (await readFileBlob(db, PAGE_SHA))?.text()) ?? null,
    log: (await listProcessingLog(db, 'd-open')).map((l) => l.action),
    report: (await loadReportRecords(db, march))
      .map((r) => ({
        id: r.id,
        status: r.status,
        refused: r.refusedAt !== null,
        received: r.receivedAt?.toISOString() ?? null,
        returned: r.returnedAt !== null,
        rating: r.rating?.value ?? null,
        digitized: r.componentsDigitized,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    upload: (await readUpload(db, PAGE_SHA)) ?? null,
    queued: await Promise.all((await listCaptureQueue(db, 'draft-1', 1)).map(async (q) => `${q.name}: ${await q.blob.text()}`)),
    pageSource: await readPageSource(db, 'att-1').then(async (p) => (p ? `${p.name}: ${await p.blob.text()}` : null)),
    packsBuilt: (await db.reportPacks.toCollection().primaryKeys()).sort(),
    afterWrite: null as null | { status: number | null; overdue: string[] },
  };
  // A later write on the upgraded rows keeps the derived fields and facts current.
  if (read.open) {
    await db.dossiers.update('d-open', { status: 10, updatedAt: '2026-03-12T03:00:00.000Z' });
    read.afterWrite = {
      status: (await loadReportRecords(db, march)).find((r) => r.id === 'd-open')?.status ?? null,
      overdue: await queryDossierIds(db, { ...emptyDossierFilter, view: 'overdue' }, now),
    };
  }
  db.close();
  return read;
}

/** A sealed desk of v10 opened by this build and unlocked (its name pairs dated), in this engine: see sealed-v10-desk.test-support.ts. */
export const upgradeSealedDesk = (name: string) => upgradeSealedV10Desk(name, (n) => declared(n, 10));

// Proves data written under each earlier schema survives the upgrade to the current schema.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import type { DossierFactsRow } from './dossier-facts';
import { emptyDossierFilter, queryDossierIds } from './dossier-query';
import { loadReportRecords } from './report-records';
import { SEALED_V10_NEWEST_FIRST, upgradeSealedV10Desk } from './upgrades/sealed-v10-desk.test-support';

/** The schema version MotcuaDb declares now; every older database opens at it. */
const CURRENT_VERSION = 11;

describe('schema migrations', () => {
  it('upgrades v1 outbox entries to v2 with a pending status, keeping every row', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ settings: 'key', outbox: '++seq, createdAt' });
    await v1.table('settings').put({ key: 'desk', value: { officerName: 'Lò Thị Mai' }, updatedAt: 'x' });
    await v1.table('outbox').bulkAdd([
      { kind: 'dossier.receive', entityId: 'a', payload: {}, createdAt: '2026-01-01T00:00:00Z' },
      { kind: 'dossier.receive', entityId: 'b', payload: {}, createdAt: '2026-01-01T00:01:00Z' },
    ]);
    v1.close();

    const db = new MotcuaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await db.settings.get('desk'))?.value).toEqual({ officerName: 'Lò Thị Mai' });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.entityId, e.status, e.attempts])).toEqual([
      ['a', 'pending', 0],
      ['b', 'pending', 0],
    ]);
    // The new compound index exists and answers.
    expect(await db.outbox.where('[status+seq]').between(['pending', 0], ['pending', Infinity]).count()).toBe(2);
    db.close();
  });

  it('adds the catalogue and intake tables in v3 without touching earlier data', async () => {
    const name = `migrate-v3-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ settings: 'key', outbox: '++seq, createdAt' });
    v2.version(2).stores({ outbox: '++seq, createdAt, status, [status+seq]' });
    await v2.table('outbox').add({ kind: 'k', entityId: 'x', payload: {}, createdAt: 't', status: 'rejected', attempts: 3 });
    v2.close();

    const db = new MotcuaDb(name);
    await db.open();
    expect((await db.outbox.toArray()).map((e) => e.status)).toEqual(['rejected']);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'attachments',
        'captureQueue',
        'catalogues',
        'dossierFacts',
        'dossiers',
        'drafts',
        'files',
        'officers',
        'outbox',
        'pageSources',
        'processingLog',
        'reportPacks',
        'searchIndexes',
        'settings',
        'uploads',
      ].sort(),
    );
    db.close();
  });

  it('derives the dossier index fields in v4 for dossiers received under v3', async () => {
    const name = `migrate-v4-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({
      settings: 'key',
      outbox: '++seq, createdAt, status, [status+seq]',
      dossiers: 'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt]',
      attachments: 'id, ownerId, [ownerId+componentIndex+order], sha256',
      processingLog: '++id, dossierId, at',
    });
    const row = (id: string, code: string, status: number, applicantName: string) => ({
      id,
      code,
      status,
      procedureCode: '1.001193',
      procedureName: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      catalogueVersion: 1,
      applicantName,
      applicantIdNumber: '001099000001',
      receivedAt: '2026-03-02T01:00:00.000Z',
      dueAt: '2026-03-02T10:00:00.000Z',
      syncState: 'waiting',
      data: { note: 'kept' },
      updatedAt: '2026-03-02T03:00:00.000Z',
    });
    await v3.table('dossiers').bulkAdd([row('a', '000.00.12.H38-260302-0001', 4, 'Nguyễn Văn Mẫu'), row('b', '000.00.12.H38-260302-0002', 10, 'Lò Thị Đào')]);
    await v3.table('attachments').add({ id: 'f1', ownerId: 'b', componentIndex: 0, order: 0, sha256: 'x', name: 'a.pdf', type: 'application/pdf', size: 1 });
    v3.close();

    const db = new MotcuaDb(name);
    await db.open();
    const a = await db.dossiers.get('a');
    expect(a?.data).toEqual({ note: 'kept' });
    expect(a?.searchWords).toEqual(expect.arrayContaining(['nguyen', 'van', 'mau', '001099000001', '000.00.12.h38-260302-0001', '260302-0001', '0001']));
    expect(a?.openDueAt).toBe('2026-03-02T10:00:00.000Z');
    // The new indexes answer: a name typed without accents, the open dossiers by due time, the closed one.
    expect(await db.dossiers.where('searchWords').startsWith('dao').primaryKeys()).toEqual(['b']);
    expect(await db.dossiers.where('openDueAt').below('2026-03-03').primaryKeys()).toEqual(['a']);
    // Report facts exist for both, with the files of b's received component counted.
    const facts = db.table('dossierFacts');
    expect(await facts.where('activeUntil').below('2026-04').primaryKeys()).toEqual(['b']);
    expect((await facts.get('a'))?.activeUntil).toBe('9999-12-31T23:59:59.999Z');
    expect((await facts.get('b'))?.attached).toEqual([0]);
    expect(await db.dossiers.where('[status+receivedAt]').between([10, ''], [10, '\uffff']).count()).toBe(1);
    // Later writes keep the fields current, whoever makes them.
    await db.dossiers.update('a', { status: 5 });
    expect((await db.dossiers.get('a'))?.openDueAt).toBeUndefined();
    db.close();
  });

  it('writes in v4 the facts and words of the frozen upgrade, from v3 rows of every shape', async () => {
    const name = `migrate-v4-frozen-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({ dossiers: 'id, &code, status', attachments: 'id, ownerId, [ownerId+componentIndex+order], sha256' });
    const base = {
      procedureCode: '1.001193',
      procedureName: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      catalogueVersion: 1,
      applicantIdNumber: '001099000001',
      syncState: 'accepted',
      dueAt: '2026-03-10T10:00:00.000Z',
    };
    await v3.table('dossiers').bulkAdd([
      // Refused at the desk: counted on the day of its refusal, never as received.
      {
        ...base,
        id: 'refused',
        code: 'TAM-AB12CD-260302-0001',
        status: 3,
        applicantName: 'ĐỖ THỊ  Đào',
        receivedAt: '2026-03-02T01:00:00.000Z',
        updatedAt: '2026-03-02T01:05:00.000Z',
        data: { state: { receivedAt: null, log: [{ action: 'refuse', at: '2026-03-02T01:05:00.000Z' }] } },
      },
      // Submitted online, returned and rated at another desk (the gateway's shape), in late March Vietnam time.
      {
        ...base,
        id: 'returned',
        code: '000.00.12.H38-260331-0007',
        provisionalCode: 'TAM-AB12CD-260331-0002',
        status: 10,
        applicantName: 'Lò Văn Pả',
        receivedAt: '2026-03-31T18:00:00.000Z',
        updatedAt: '2026-04-20T02:00:00.000Z',
        satisfaction: { rating: 'veryGood', at: '2026-04-20T02:00:00.000Z', reason: 'nhanh' },
        data: {
          intake: {
            components: [
              { index: 0, received: true, count: 1 },
              { index: 1, received: true, count: 0 },
              { index: 2, received: false, count: 1 },
            ],
          },
          state: {
            receivedAt: '2026-03-31T18:00:00.000Z',
            appointmentAt: '2026-04-14T10:00:00.000Z',
            resultReadyAt: '2026-04-10T03:00:00.000Z',
            returnedAt: '2026-04-20T02:00:00.000Z',
            log: [
              { action: 'submit', at: '2026-03-31T18:00:00.000Z' },
              { action: 'requestSupplement', at: '2026-04-01T02:00:00.000Z' },
              { action: 'requestSupplement', at: '2026-04-02T02:00:00.000Z' },
            ],
          },
        },
      },
      // A foreign row without a state: one rebuilt from its fields; its clock runs.
      {
        ...base,
        id: 'bare',
        code: '000.00.12.H38-260302-0003',
        status: 4,
        applicantName: 'Nguyễn Văn Mẫu',
        receivedAt: '2026-03-02T01:00:00.000Z',
        updatedAt: '2026-03-02T01:00:00.000Z',
        data: 'not an object',
      },
    ]);
    await v3.table('attachments').bulkAdd([
      { id: 'r0', ownerId: 'returned', componentIndex: 2, order: 0, sha256: 'x', name: 'a.pdf', type: 'application/pdf', size: 1 },
      { id: 'r1', ownerId: 'returned', componentIndex: 0, order: 0, sha256: 'y', name: 'b.pdf', type: 'application/pdf', size: 1 },
      { id: 'r2', ownerId: 'returned', componentIndex: 0, order: 1, sha256: 'z', name: 'c.pdf', type: 'application/pdf', size: 1 },
    ]);
    v3.close();

    const db = new MotcuaDb(name);
    await db.open();
    const facts = db.table('dossierFacts');
    expect(await facts.get('refused')).toMatchObject({
      status: 3,
      received: null,
      refused: Date.parse('2026-03-02T01:05:00.000Z'),
      activeUntil: '2026-03-02T01:05:00.000Z',
      activeMonths: ['2026-03'],
      channel: 'direct',
    });
    expect(await facts.get('returned')).toEqual({
      id: 'returned',
      activeUntil: '2026-04-20T02:00:00.000Z',
      receivedAt: '2026-03-31T18:00:00.000Z',
      activeMonths: ['2026-04'], // 01:00 on 1 April in Vietnam
      code: '000.00.12.H38-260331-0007',
      procedureCode: '1.001193',
      procedureName: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      applicantName: 'Lò Văn Pả',
      channel: 'online',
      status: 10,
      received: Date.parse('2026-03-31T18:00:00.000Z'),
      appointment: Date.parse('2026-04-14T10:00:00.000Z'),
      resultReady: Date.parse('2026-04-10T03:00:00.000Z'),
      returned: Date.parse('2026-04-20T02:00:00.000Z'),
      refused: null,
      closedWithoutResult: null,
      supplementRequested: Date.parse('2026-04-01T02:00:00.000Z'),
      paused: null,
      rating: 'veryGood',
      ratingAt: Date.parse('2026-04-20T02:00:00.000Z'),
      ratingReason: 'nhanh',
      components: [0],
      attached: [0, 2],
    });
    expect(await facts.get('bare')).toMatchObject({
      status: 4,
      activeUntil: '9999-12-31T23:59:59.999Z',
      received: Date.parse('2026-03-02T01:00:00.000Z'),
      appointment: Date.parse('2026-03-10T10:00:00.000Z'),
      components: [],
      attached: [],
    });
    expect((await db.dossiers.get('refused'))?.searchWords).toEqual(['do', 'thi', 'dao', '001099000001', 'tam-ab12cd-260302-0001', '260302-0001', '0001']);
    expect((await db.dossiers.get('refused'))?.searchPairs).toEqual(['do thi', 'do dao', 'thi do', 'thi dao', 'dao do', 'dao thi']);
    expect((await db.dossiers.get('returned'))?.searchWords).toEqual(
      expect.arrayContaining(['lo', 'van', 'pa', '260331-0007', 'tam-ab12cd-260331-0002', '260331-0002']),
    );
    expect((await db.dossiers.get('returned'))?.openDueAt).toBeUndefined();
    expect(await db.dossiers.where('openDueAt').above('').primaryKeys()).toEqual(['bare']);
    db.close();
  });

  it('adds the uploads table and the outbox entityId index in v5, keeping the files and outbox written under v4', async () => {
    const name = `migrate-v5-${Math.random()}`;
    const old = new Dexie(name);
    old.version(4).stores({
      settings: 'key',
      outbox: '++seq, createdAt, status, [status+seq]',
      files: 'sha256, createdAt',
      attachments: 'id, ownerId, [ownerId+componentIndex+order], sha256',
    });
    await old.table('files').add({ sha256: 'a'.repeat(64), blob: new Blob(['trang 1']), type: 'image/jpeg', size: 7, createdAt: 't' });
    await old.table('outbox').add({ kind: 'dossier.receive', entityId: 'd1', payload: {}, createdAt: 't', status: 'pending', attempts: 0 });
    old.close();

    const db = new MotcuaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await db.files.get('a'.repeat(64)))?.size).toBe(7);
    expect(await db.outbox.where('entityId').equals('d1').count()).toBe(1);
    await db.uploads.put({ sha256: 'a'.repeat(64), status: 'uploading', size: 7, url: '/api/files/x', offset: 3, updatedAt: 't' });
    expect(await db.uploads.where('status').equals('uploading').primaryKeys()).toEqual(['a'.repeat(64)]);
    db.close();
  });

  it('adds the capture queue in v6, keeping the drafts, pages and uploads written under v5', async () => {
    const name = `migrate-v6-${Math.random()}`;
    const old = new Dexie(name);
    old.version(5).stores({
      settings: 'key',
      outbox: '++seq, createdAt, status, [status+seq], entityId',
      drafts: 'id, updatedAt',
      files: 'sha256, createdAt',
      attachments: 'id, ownerId, [ownerId+componentIndex+order], sha256',
      uploads: 'sha256, status',
    });
    await old
      .table('drafts')
      .add({ id: 'draft-1', procedureCode: '1.001193', procedure: {}, step: 'components', data: { sets: 1 }, createdAt: 't', updatedAt: 't' });
    await old.table('files').add({ sha256: 'b'.repeat(64), blob: new Blob(['trang 1']), type: 'image/tiff', size: 7, createdAt: 't' });
    await old
      .table('attachments')
      .add({ id: 'p1', ownerId: 'draft-1#pages', componentIndex: 1, order: 0, sha256: 'b'.repeat(64), name: 'IMG_0001.jpg', type: 'image/tiff', size: 7 });
    await old.table('uploads').add({ sha256: 'c'.repeat(64), status: 'done', size: 3, offset: 3, updatedAt: 't' });
    old.close();

    const db = new MotcuaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await db.drafts.get('draft-1'))?.data).toEqual({ sets: 1 });
    expect(await db.attachments.where('[ownerId+componentIndex+order]').between(['draft-1#pages', 1, 0], ['draft-1#pages', 1, Infinity]).count()).toBe(1);
    expect(await (await db.files.get('b'.repeat(64)))!.blob.text()).toBe('trang 1');
    expect((await db.uploads.get('c'.repeat(64)))?.status).toBe('done');
    // The new table starts empty and answers by owner and by component in the order taken.
    expect(await db.captureQueue.count()).toBe(0);
    await db.captureQueue.bulkAdd([
      { ownerId: 'draft-1', componentIndex: 1, batch: 'b1', name: 'IMG_0002.jpg', blob: new Blob(['x']), addedAt: 't' },
      { ownerId: 'draft-1', componentIndex: 1, batch: 'b1', name: 'IMG_0003.jpg', blob: new Blob(['y']), addedAt: 't' },
    ]);
    const rows = await db.captureQueue.where('[ownerId+componentIndex+seq]').between(['draft-1', 1, -Infinity], ['draft-1', 1, Infinity]).toArray();
    expect(rows.map((r) => r.name)).toEqual(['IMG_0002.jpg', 'IMG_0003.jpg']);
    expect(await db.captureQueue.where('ownerId').equals('draft-1').count()).toBe(2);
    db.close();
  });

  it('adds the kept page photos in v7, keeping the drafts, pages and queued photos written under v6', async () => {
    const name = `migrate-v7-${Math.random()}`;
    const old = new Dexie(name);
    old.version(6).stores({
      settings: 'key',
      drafts: 'id, updatedAt',
      files: 'sha256, createdAt',
      attachments: 'id, ownerId, [ownerId+componentIndex+order], sha256',
      captureQueue: '++seq, ownerId, [ownerId+componentIndex+seq]',
    });
    await old
      .table('drafts')
      .add({ id: 'draft-1', procedureCode: '1.001193', procedure: {}, step: 'components', data: { sets: 1 }, createdAt: 't', updatedAt: 't' });
    await old
      .table('attachments')
      .add({ id: 'p1', ownerId: 'draft-1#pages', componentIndex: 1, order: 0, sha256: 'b'.repeat(64), name: 'IMG_0001.jpg', type: 'image/tiff', size: 7 });
    await old.table('captureQueue').add({ ownerId: 'draft-1', componentIndex: 1, batch: 'b1', name: 'IMG_0002.jpg', blob: new Blob(['x']), addedAt: 't' });
    old.close();

    const db = new MotcuaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await db.drafts.get('draft-1'))?.data).toEqual({ sets: 1 });
    expect(await db.attachments.get('p1')).toMatchObject({ ownerId: 'draft-1#pages', name: 'IMG_0001.jpg' });
    const [queued] = await db.captureQueue.toArray();
    expect(await queued!.blob.text()).toBe('x');
    // The new table starts empty (pages stored before it cannot be re-opened) and answers by owner and component.
    expect(await db.pageSources.count()).toBe(0);
    const corners = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ] as const;
    await db.pageSources.put({
      pageId: 'p1',
      ownerId: 'draft-1',
      componentIndex: 1,
      name: 'IMG_0001.jpg',
      blob: new Blob(['y']),
      corners: [...corners],
      mode: 'text',
      turns: 0,
      addedAt: 't',
    });
    expect(await db.pageSources.where('[ownerId+componentIndex]').equals(['draft-1', 1]).primaryKeys()).toEqual(['p1']);
    expect(await db.pageSources.where('ownerId').equals('draft-1').count()).toBe(1);
    db.close();
  });
  it('adds the name word pairs in v8 to the dossiers written under v7, and searches by them', async () => {
    const name = `migrate-v8-${Math.random()}`;
    const old = new Dexie(name);
    old.version(7).stores({
      dossiers:
        'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt], ' +
        '*searchWords, openDueAt, [status+receivedAt], [field+receivedAt], [procedureCode+receivedAt]',
    });
    const row = (id: string, applicantName: string | undefined, n: number) => ({
      id,
      code: `000.00.12.H38-260302-000${n}`,
      status: 4,
      applicantName,
      procedureCode: '1.001193',
      field: 'Hộ tịch',
      receivedAt: `2026-03-02T01:0${n}:00.000Z`,
      dueAt: '2026-03-10T10:00:00.000Z',
      updatedAt: 't',
      syncState: 'accepted',
      searchWords: [],
      data: {},
    });
    await old.table('dossiers').bulkAdd([row('mai', 'Lò Thị Mai', 1), row('thi', 'Lò Văn Thi', 2), row('nameless', undefined, 3)]);
    old.close();

    const db = new MotcuaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await db.dossiers.get('mai'))?.searchPairs).toEqual(['lo thi', 'lo mai', 'thi lo', 'thi mai', 'mai lo', 'mai thi']);
    expect((await db.dossiers.get('nameless'))?.searchPairs).toEqual([]);
    const search = (text: string) => queryDossierIds(db, { ...emptyDossierFilter, text });
    // Whole words then the start of another, in any order; the pair index answers.
    expect(await search('lo thi m')).toEqual(['mai']);
    expect(await search('mai lo')).toEqual(['mai']);
    expect(await search('Lò th')).toEqual(['thi', 'mai']);
    expect(await db.dossiers.where('searchPairs').startsWith('van thi').primaryKeys()).toEqual(['thi']);
    db.close();
  });

  it('adds the report packs in v9, empty; a report builds them from the facts written under v7 and a later write drops them', async () => {
    const name = `migrate-v9-${Math.random()}`;
    const old = new Dexie(name);
    old.version(7).stores({
      dossiers: 'id, &code, status, receivedAt',
      attachments: 'id, ownerId, [ownerId+componentIndex+order], sha256',
      dossierFacts: 'id, activeUntil, receivedAt, *activeMonths',
    });
    const facts: DossierFactsRow = {
      id: 'd1',
      activeUntil: '9999-12-31T23:59:59.999Z',
      receivedAt: '2026-03-02T01:00:00.000Z',
      activeMonths: ['2026-03'],
      code: '000.00.12.H38-260302-0001',
      procedureCode: '1.001193',
      procedureName: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      applicantName: 'Nguyễn Văn Mẫu',
      channel: 'direct',
      status: 4,
      received: Date.parse('2026-03-02T01:00:00.000Z'),
      appointment: Date.parse('2026-03-10T10:00:00.000Z'),
      resultReady: null,
      returned: null,
      refused: null,
      closedWithoutResult: null,
      supplementRequested: null,
      paused: null,
      rating: null,
      ratingAt: null,
      components: [0],
      attached: [],
    };
    await old.table('dossierFacts').add(facts);
    old.close();

    const db = new MotcuaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.reportPacks.count()).toBe(0);
    const march = { start: new Date('2026-02-28T17:00:00.000Z'), end: new Date('2026-03-31T17:00:00.000Z') };
    expect((await loadReportRecords(db, march)).map((r) => [r.id, r.status])).toEqual([['d1', 4]]);
    expect((await db.reportPacks.toCollection().primaryKeys()).sort()).toEqual(['active:2026-03', 'open', 'received:2026-03']);
    await db.dossierFacts.put({ ...facts, status: 10, activeUntil: '2026-03-12T03:00:00.000Z' });
    expect(await db.reportPacks.toCollection().primaryKeys()).toEqual([]);
    expect((await loadReportRecords(db, march)).map((r) => [r.id, r.status])).toEqual([['d1', 10]]);
    db.close();
  });
  it('adds the officers in v10, empty, keeping the settings and outbox of v9: a device without officers works as before', async () => {
    const name = `migrate-v10-${Math.random()}`;
    const old = new Dexie(name);
    old.version(9).stores({ settings: 'key', outbox: '++seq, createdAt, status, [status+seq], entityId', reportPacks: 'key' });
    await old.table('settings').put({ key: 'desk', value: { officerName: 'Lò Thị Mai', officerPhone: '' }, updatedAt: 'x' });
    await old.table('outbox').add({ kind: 'dossier.receive', entityId: 'a', payload: {}, createdAt: 't', status: 'pending', attempts: 0 });
    old.close();

    const db = new MotcuaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.officers.count()).toBe(0);
    expect((await db.settings.get('desk'))?.value).toEqual({ officerName: 'Lò Thị Mai', officerPhone: '' });
    expect((await db.outbox.toArray()).map((e) => e.entityId)).toEqual(['a']);
    db.close();
  });

  it('opens a sealed desk of v10 at once, then dates its name pairs after the unlock: exactly the tokens the sealer writes, searched newest first; clear pairs stay', async () => {
    const outcome = await upgradeSealedV10Desk(`migrate-v11-${Math.random()}`, (name) => {
      const old = new Dexie(name);
      old.version(10).stores({
        settings: 'key',
        officers: 'staffId',
        dossiers:
          'id, &code, provisionalCode, status, receivedAt, dueAt, procedureCode, field, applicantIdNumber, applicantName, syncState, [status+dueAt], ' +
          '*searchWords, openDueAt, [status+receivedAt], [field+receivedAt], [procedureCode+receivedAt], *searchPairs',
      });
      return old;
    });
    expect(outcome).toEqual({
      sealerDates: true,
      changedAtOpen: [],
      differing: [],
      datedDone: true,
      expected: SEALED_V10_NEWEST_FIRST,
      found: SEALED_V10_NEWEST_FIRST,
    });
  });
});

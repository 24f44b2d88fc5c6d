// Applying pulled pages on a fake IndexedDB: a page and its checkpoint land together or not at all,
// the outbox wins over the gateway, a pulled row keeps what only the device knows, carries who
// changed it elsewhere, and brings the log entries the device did not have and the lines of a
// supplement asked for at another desk.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import { listProcessingLog } from './dossier-changes';
import { readDossierData } from './dossier-data';
import { applyPullPage, CATALOGUE_OFFERED_KEY, PULL_CHECKPOINT_KEY, readPullCheckpoint } from './pull-apply';
import type { PulledAuthor, PulledDossier, PulledLogEntry } from './pulled-dossier';
import type { DossierRow } from './schema';
import { readSetting } from './settings';
import { sampleBirthDossier } from './test-support';

const RECEIVED = '2026-03-02T01:00:00.000Z';
const MOVED = '2026-03-02T03:00:00.000Z';
const receiveLog: PulledLogEntry = { who: 'Lò Thị Mai', whoId: 'dev-a', role: 'receptionOfficer', at: RECEIVED, action: 'receive', from: null, to: 2 };
const moveLog: PulledLogEntry = { who: 'Hà Văn Xử', whoId: 'dev-b', role: 'receptionOfficer', at: MOVED, action: 'startProcessing', from: 2, to: 4 };
const byB: PulledAuthor = { deviceId: 'dev-b', staffId: null, name: 'Hà Văn Xử', kind: 'dossier.transition' };
const byA: PulledAuthor = { deviceId: 'dev-a', staffId: null, name: 'Lò Thị Mai', kind: 'dossier.receive' };

/** A received dossier as pulled: with its code, receipt and appointment. */
function stored(
  id: string,
  status: number,
  log: PulledLogEntry[],
  over: Partial<PulledDossier> = {},
): PulledDossier & Pick<DossierRow, 'code' | 'receivedAt' | 'dueAt'> {
  return {
    id,
    code: `000.00.12.H38-260302-${id.slice(-4)}`,
    provisionalCode: `TAM-DEVA01-260302-${id.slice(-4)}`,
    status,
    ...sampleBirthDossier,
    receivedAt: RECEIVED,
    dueAt: '2026-03-02T10:00:00.000Z',
    updatedAt: log.at(-1)!.at,
    data: {
      officer: { officerName: 'Lò Thị Mai', officerPhone: '' },
      state: {
        status,
        appointmentAt: '2026-03-02T10:00:00.000Z',
        supplementRequests: 0,
        pausedAt: null,
        receivedAt: RECEIVED,
        resultReadyAt: null,
        returnedAt: null,
        log,
      },
    },
    ...over,
  };
}

/** The device's own copy of a dossier, as intake wrote it before the push was answered. */
function localRow(id: string): DossierRow {
  const { provisionalCode, ...row } = stored(id, 2, [receiveLog]);
  return {
    ...row,
    code: provisionalCode!,
    provisionalCode,
    syncState: 'waiting',
    data: { ...row.data, supplement: { items: [], requestedAt: RECEIVED, officer: { officerName: 'x', officerPhone: '' } } },
  };
}

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`pull-apply-${Math.random()}`);
  await db.settings.put({ key: 'device', value: { id: 'dev-a', short: 'DEVA01' }, updatedAt: '' });
});

describe('applyPullPage', () => {
  it('writes new dossiers and the checkpoint together, with who changed them elsewhere', async () => {
    await applyPullPage(db, { checkpoint: 7, changes: [{ type: 'dossier', version: 7, dossier: stored('d-0001', 4, [receiveLog, moveLog]), changedBy: byB }] });
    const row = await db.dossiers.get('d-0001');
    expect(row).toMatchObject({
      status: 4,
      syncState: 'accepted',
      serverVersion: 7,
      changedBy: { name: 'Hà Văn Xử', deviceId: 'dev-b', kind: 'dossier.transition', at: MOVED },
    });
    expect(row?.searchWords?.length).toBeGreaterThan(0); // indexed like any other row
    expect(readDossierData(row!).state.log.map((e) => e.action)).toEqual(['receive', 'startProcessing']);
    expect((await listProcessingLog(db, 'd-0001')).map((r) => [r.action, r.who, r.fromStatus, r.toStatus])).toEqual([
      ['receive', 'Lò Thị Mai', null, 2],
      ['startProcessing', 'Hà Văn Xử', 2, 4],
    ]);
    expect(await readPullCheckpoint(db)).toBe(7);
  });

  it('stores a community team submission (no code or receipt yet) under its lookup code and time of submission, until a desk receives it', async () => {
    const submitLog: PulledLogEntry = { who: 'Hà Thị Tổ', whoId: 'tablet-1', role: 'communityTeam', at: RECEIVED, action: 'submit', from: null, to: 1 };
    const { code: _code, provisionalCode: _provisional, receivedAt: _received, dueAt: _due, ...rest } = stored('d-0009', 1, [submitLog]);
    const submission: PulledDossier = { ...rest, lookupCode: 'AB12C-D34EF', submittedAt: RECEIVED };
    const byTeam: PulledAuthor = { deviceId: 'tablet-1', staffId: null, name: 'Hà Thị Tổ', kind: 'dossier.submit' };
    await applyPullPage(db, { checkpoint: 3, changes: [{ type: 'dossier', version: 3, dossier: submission, changedBy: byTeam }] });
    expect(await db.dossiers.get('d-0009')).toMatchObject({ status: 1, code: 'AB12C-D34EF', receivedAt: RECEIVED, dueAt: RECEIVED, lookupCode: 'AB12C-D34EF' });
    const received = stored('d-0009', 2, [submitLog, { ...receiveLog, at: MOVED, from: 1 }], {
      provisionalCode: undefined,
      lookupCode: 'AB12C-D34EF',
      submittedAt: RECEIVED,
    });
    await applyPullPage(db, { checkpoint: 4, changes: [{ type: 'dossier', version: 4, dossier: received, changedBy: byA }] });
    expect(await db.dossiers.get('d-0009')).toMatchObject({ status: 2, code: '000.00.12.H38-260302-0009', receivedAt: RECEIVED });
  });

  it("replaces the device's row but keeps what only the device holds, and adds only the log entries it lacked", async () => {
    await db.dossiers.add(localRow('d-0002'));
    await db.processingLog.add({
      dossierId: 'd-0002',
      at: RECEIVED,
      who: 'Lò Thị Mai',
      role: 'receptionOfficer',
      action: 'receive',
      fromStatus: null,
      toStatus: 2,
    });
    await applyPullPage(db, { checkpoint: 9, changes: [{ type: 'dossier', version: 9, dossier: stored('d-0002', 4, [receiveLog, moveLog]), changedBy: byB }] });
    const row = (await db.dossiers.get('d-0002'))!;
    expect(row.code).toBe('000.00.12.H38-260302-0002');
    expect(row.provisionalCode).toBe('TAM-DEVA01-260302-0002');
    expect(readDossierData(row).supplement?.requestedAt).toBe(RECEIVED); // not carried by the gateway
    expect((await listProcessingLog(db, 'd-0002')).map((r) => r.action)).toEqual(['receive', 'startProcessing']);
  });

  it("names nobody for the echo of this device's own change, and forgets an older change from elsewhere", async () => {
    await applyPullPage(db, { checkpoint: 3, changes: [{ type: 'dossier', version: 3, dossier: stored('d-0003', 4, [receiveLog, moveLog]), changedBy: byB }] });
    const mine = stored('d-0003', 9, [
      receiveLog,
      moveLog,
      { ...moveLog, who: 'Lò Thị Mai', at: '2026-03-02T04:00:00.000Z', action: 'markResultReady', from: 4, to: 9 },
    ]);
    await applyPullPage(db, { checkpoint: 5, changes: [{ type: 'dossier', version: 5, dossier: mine, changedBy: { ...byA, kind: 'dossier.transition' } }] });
    const row = (await db.dossiers.get('d-0003'))!;
    expect(row.status).toBe(9);
    expect(row.changedBy).toBeUndefined();
  });

  it('keeps the local row while its changes wait in the outbox (the outbox wins), yet moves the checkpoint', async () => {
    const local = localRow('d-0004');
    await db.dossiers.add(local);
    await db.outbox.add({ kind: 'dossier.transition', entityId: 'd-0004', payload: {}, createdAt: RECEIVED, status: 'pending', attempts: 0 });
    const result = await applyPullPage(db, {
      checkpoint: 12,
      changes: [
        { type: 'dossier', version: 11, dossier: stored('d-0004', 8, [receiveLog, { ...moveLog, action: 'stop', to: 8 }]), changedBy: byB },
        { type: 'dossier', version: 12, dossier: stored('d-0005', 2, [receiveLog]), changedBy: byB },
      ],
    });
    expect(result).toEqual({ applied: 1, keptForOutbox: 1 });
    expect(await db.dossiers.get('d-0004')).toMatchObject({ status: 2, syncState: 'waiting', code: local.code });
    expect(await listProcessingLog(db, 'd-0004')).toEqual([]);
    expect(await db.dossiers.get('d-0005')).toBeDefined();
    expect(await readPullCheckpoint(db)).toBe(12);
    expect(await db.outbox.count()).toBe(1);
  });

  it('writes nothing, checkpoint included, when any change of the page cannot be written', async () => {
    await db.settings.put({ key: PULL_CHECKPOINT_KEY, value: 20, updatedAt: '' });
    // Another dossier already holds the code the second change carries: the unique index refuses it.
    await db.dossiers.add({ ...localRow('d-0099'), code: '000.00.12.H38-260302-0007' });
    const page = {
      checkpoint: 22,
      changes: [
        { type: 'dossier' as const, version: 21, dossier: stored('d-0006', 2, [receiveLog]), changedBy: byB },
        { type: 'dossier' as const, version: 22, dossier: stored('d-0007', 2, [receiveLog]), changedBy: byB },
      ],
    };
    await expect(applyPullPage(db, page)).rejects.toThrow();
    expect(await db.dossiers.get('d-0006')).toBeUndefined();
    expect(await listProcessingLog(db, 'd-0006')).toEqual([]);
    expect(await readPullCheckpoint(db)).toBe(20);
  });

  it('remembers the newest catalogue version announced, for the catalogue update to fetch', async () => {
    await applyPullPage(db, {
      checkpoint: 31,
      changes: [
        { type: 'catalogue', version: 30, catalogueVersion: 4, issuedAt: RECEIVED },
        { type: 'catalogue', version: 31, catalogueVersion: 3, issuedAt: RECEIVED },
      ],
    });
    expect(await readSetting(db, CATALOGUE_OFFERED_KEY, 0)).toBe(4);
  });
  it("brings the lines of a supplement asked for at another desk; this desk's own request keeps its officer's phone", async () => {
    const asked: PulledLogEntry = {
      ...moveLog,
      at: '2026-03-03T02:00:00.000Z',
      action: 'requestSupplement',
      from: 4,
      to: 5,
      note: 'Giấy chứng sinh: Không rõ chữ',
    };
    const lines = [
      { name: 'Giấy chứng sinh', reason: 'Không rõ chữ' },
      { name: 'CCCD', reason: 'Chưa xuất trình' },
    ];
    const supplementRequest = { items: lines, requestedAt: asked.at, officerName: 'Hà Văn Xử' };
    await applyPullPage(db, {
      checkpoint: 30,
      changes: [{ type: 'dossier', version: 30, dossier: stored('d-0010', 5, [receiveLog, moveLog, asked], { supplementRequest }), changedBy: byB }],
    });
    expect(readDossierData((await db.dossiers.get('d-0010'))!).supplement).toEqual({
      items: lines,
      requestedAt: asked.at,
      officer: { officerName: 'Hà Văn Xử', officerPhone: '' },
    });

    const own = { items: lines, requestedAt: asked.at, officer: { officerName: 'Lò Thị Mai', officerPhone: '0209 000 000' } };
    const local = localRow('d-0011');
    await db.dossiers.add({ ...local, status: 5, data: { ...(local.data as object), supplement: own } });
    await applyPullPage(db, {
      checkpoint: 31,
      changes: [{ type: 'dossier', version: 31, dossier: stored('d-0011', 5, [receiveLog, moveLog, asked], { supplementRequest }), changedBy: byA }],
    });
    expect(readDossierData((await db.dossiers.get('d-0011'))!).supplement).toEqual(own);
  });
});

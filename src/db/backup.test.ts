// Export and import of the unsynced work on a fake IndexedDB: the entries land on the other device
// under their first device and mutation numbers, with their dossiers, drafts, files and processing
// logs; a second import, another commune's file, a device not enrolled and a damaged content change
// nothing; a log line the device already has is never doubled; a file of format 1 is still read.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import { backupRecords, mergeBackup, readBackupRecords, readUnsyncedWork, type BackupContent, type BackupRecord } from './backup';
import { saveEnrolment, type Enrolment } from './device';
import { addEntry, applyPushResults, nextBatch, resendEntry } from './outbox';
import { pendingEntry, sampleBirthDossier } from './test-support';
import type { DossierRow, ProcessingLogRow } from './schema';
import { BACKUP_FORMAT } from '../domain/backup';
import type { CommuneInfo } from '../domain/geo';

const commune = (id: string): CommuneInfo => ({ id, name: `Xã ${id}`, provinceCode: '01', agencyCode: 'H01.01', officeHours: null }) as unknown as CommuneInfo;

async function device(deviceId: string, communeId = 'c1'): Promise<MotcuaDb> {
  const db = new MotcuaDb(`backup-${crypto.randomUUID()}`);
  await db.open();
  const enrolment: Enrolment = {
    deviceId,
    deviceToken: `t-${deviceId}`,
    deviceShort: deviceId.slice(0, 4).toUpperCase(),
    deviceName: deviceId,
    commune: commune(communeId),
  };
  await saveEnrolment(db, enrolment);
  return db;
}

const dossier = (id: string): DossierRow => ({
  ...sampleBirthDossier,
  id,
  code: `TAM-DEVA-260302-000${id.at(-1)}`,
  status: 2,
  receivedAt: '2026-03-02T01:00:00.000Z',
  dueAt: '2026-03-05T10:00:00.000Z',
  syncState: 'waiting',
  data: { note: 'x' },
  updatedAt: '2026-03-02T01:00:00.000Z',
});

const PAGE = 'a'.repeat(64);

/** Nhật ký xử lý lines as the desk writes them: dossier 1 received then taken up (with a note), dossier 2 received. */
const LOG: Omit<ProcessingLogRow, 'id'>[] = [
  { dossierId: 'dossier-1', at: '2026-03-02T01:00:00.000Z', who: 'Lò Thị Mai', role: 'receptionOfficer', action: 'receive', fromStatus: null, toStatus: 2 },
  {
    dossierId: 'dossier-1',
    at: '2026-03-02T01:30:00.000Z',
    who: 'Lò Thị Mai',
    role: 'receptionOfficer',
    action: 'startProcessing',
    fromStatus: 2,
    toStatus: 4,
    note: 'Chuyển bộ phận tư pháp',
  },
  { dossierId: 'dossier-2', at: '2026-03-02T01:05:00.000Z', who: 'Lò Thị Mai', role: 'receptionOfficer', action: 'receive', fromStatus: null, toStatus: 2 },
];

/** A dossier's log as the Nhật ký view reads it, without the local ids. */
async function logOf(db: MotcuaDb, dossierId: string) {
  return (await db.processingLog.where('dossierId').equals(dossierId).sortBy('at')).map(({ id: _id, ...line }) => line);
}

/** Device A: two received dossiers (one with a page), a move of one, and a draft with a page of its own. */
async function deviceAWithWork(): Promise<MotcuaDb> {
  const a = await device('device-a');
  await a.dossiers.bulkAdd([dossier('dossier-1'), dossier('dossier-2')]);
  await a.processingLog.bulkAdd(LOG.map((line) => ({ ...line })));
  await a.files.add({ sha256: PAGE, blob: new Blob(['%PDF-1.7 page']), type: 'application/pdf', size: 13, createdAt: '2026-03-02T01:00:00.000Z' });
  await a.files.add({ sha256: 'b'.repeat(64), blob: new Blob(['draft page']), type: 'image/jpeg', size: 10, createdAt: '2026-03-02T01:00:00.000Z' });
  await a.attachments.bulkAdd([
    { id: 'att-1', ownerId: 'dossier-1', componentIndex: 0, order: 0, sha256: PAGE, name: 'to-khai.pdf', type: 'application/pdf', size: 13 },
    { id: 'att-2', ownerId: 'draft-1#pages', componentIndex: 0, order: 0, sha256: 'b'.repeat(64), name: 'p1.jpg', type: 'image/jpeg', size: 10 },
  ]);
  await a.drafts.add({
    id: 'draft-1',
    procedureCode: '1.001193',
    procedure: {},
    step: 'people',
    data: {},
    createdAt: '2026-03-02T01:00:00.000Z',
    updatedAt: '2026-03-02T01:00:00.000Z',
  });
  await addEntry(a, pendingEntry('dossier.receive', 'dossier-1', dossier('dossier-1')));
  await addEntry(a, pendingEntry('dossier.receive', 'dossier-2', dossier('dossier-2')));
  await addEntry(a, pendingEntry('dossier.transition', 'dossier-1', { action: 'startProcessing' }));
  return a;
}

/** Export then read back, as the file would carry it (heads through JSON, bodies as blobs). */
async function carry(db: MotcuaDb, kind: 'unsynced' | 'full' = 'unsynced'): Promise<BackupContent> {
  const records = (await all(backupRecords(await readUnsyncedWork(db, new Date(), kind)))).map((r) => ({
    head: JSON.parse(JSON.stringify(r.head)) as unknown,
    body: r.body,
  }));
  return readBackupRecords(iterate(records));
}

async function* iterate(records: BackupRecord[]): AsyncGenerator<BackupRecord> {
  yield* records;
}

async function all(records: AsyncIterable<BackupRecord>): Promise<BackupRecord[]> {
  const list: BackupRecord[] = [];
  for await (const record of records) list.push(record);
  return list;
}

async function snapshot(db: MotcuaDb) {
  return {
    outbox: await db.outbox.toArray(),
    dossiers: await db.dossiers.toArray(),
    drafts: await db.drafts.toArray(),
    attachments: await db.attachments.toArray(),
    processingLog: await db.processingLog.toArray(),
    files: (await db.files.toArray()).map((f) => f.sha256),
  };
}

let a: MotcuaDb;
beforeEach(async () => {
  a = await deviceAWithWork();
});

describe('export', () => {
  it('carries the outbox under its device and numbers, with the dossiers, drafts, attachments and files it needs', async () => {
    const work = await readUnsyncedWork(a, new Date('2026-03-02T02:00:00Z'));
    expect(work.meta).toEqual({ t: 'meta', kind: 'unsynced', deviceId: 'device-a', communeId: 'c1', exportedAt: '2026-03-02T02:00:00.000Z', format: 2 });
    expect(work.entries.map((e) => [e.originDevice, e.mutation, e.kind])).toEqual([
      ['device-a', 1, 'dossier.receive'],
      ['device-a', 2, 'dossier.receive'],
      ['device-a', 3, 'dossier.transition'],
    ]);
    expect(work.dossiers.map((d) => d.id).sort()).toEqual(['dossier-1', 'dossier-2']);
    expect(work.dossiers[0]).not.toHaveProperty('searchWords');
    expect(work.attachments.map((x) => x.id).sort()).toEqual(['att-1', 'att-2']);
    expect(work.files.map((f) => f.sha256).sort()).toEqual([PAGE, 'b'.repeat(64)]);
    // Each carried dossier's log, by dossier then time, without the local ids (each device numbers its own).
    expect(work.processingLog).toEqual([LOG[0], LOG[1], LOG[2]]);
  });

  it('leaves out what the gateway has acknowledged', async () => {
    await applyPushResults(a, [{ mutation: 2, status: 'accepted', serverVersion: 1 }]);
    const work = await readUnsyncedWork(a);
    expect(work.entries.map((e) => e.mutation)).toEqual([1, 3]);
    expect(work.dossiers.map((d) => d.id)).toEqual(['dossier-1']);
    expect(work.processingLog.map((l) => l.dossierId)).toEqual(['dossier-1', 'dossier-1']);
  });

  it('a full backup carries every dossier with its files, acknowledged or not, and says so in its meta', async () => {
    await applyPushResults(a, [
      { mutation: 1, status: 'accepted', serverVersion: 1 },
      { mutation: 2, status: 'accepted', serverVersion: 1 },
      { mutation: 3, status: 'accepted', serverVersion: 2 },
    ]);
    expect((await readUnsyncedWork(a)).dossiers).toEqual([]);
    const full = await readUnsyncedWork(a, new Date('2026-03-02T02:00:00Z'), 'full');
    expect(full.meta.kind).toBe('full');
    expect(full.entries).toEqual([]);
    expect(full.dossiers.map((d) => d.id).sort()).toEqual(['dossier-1', 'dossier-2']);
    expect(full.drafts.map((d) => d.id)).toEqual(['draft-1']);
    expect(full.files.map((f) => f.sha256).sort()).toEqual([PAGE, 'b'.repeat(64)]);
    expect(full.processingLog).toHaveLength(3);
  });

  it('needs an enrolled device', async () => {
    const loose = new MotcuaDb(`backup-${crypto.randomUUID()}`);
    await expect(readUnsyncedWork(loose)).rejects.toMatchObject({ code: 'backup.not_enrolled' });
  });
});

describe('import', () => {
  it('merges a full backup on a wiped device once: every dossier and file, then nothing the second time', async () => {
    await applyPushResults(a, [{ mutation: 1, status: 'accepted', serverVersion: 1 }]);
    const file = await carry(a, 'full');
    expect(file.meta.kind).toBe('full');
    const wiped = await device('device-a2');
    expect(await mergeBackup(wiped, file)).toEqual({ entries: 2, dossiers: 2, drafts: 1, files: 2, processingLog: 3, skipped: 0 });
    const before = await snapshot(wiped);
    expect(before.outbox.map((e) => [e.originDevice, e.mutation])).toEqual([
      ['device-a', 2],
      ['device-a', 3],
    ]);
    const states = Object.fromEntries(before.dossiers.map((d) => [d.id, d.syncState]));
    expect(states).toEqual({ 'dossier-1': 'waiting', 'dossier-2': 'waiting' });
    // The restored dossiers' Nhật ký xử lý, line for line (the sealed note too).
    expect(await logOf(wiped, 'dossier-1')).toEqual([LOG[0], LOG[1]]);
    expect(await logOf(wiped, 'dossier-2')).toEqual([LOG[2]]);
    expect(await mergeBackup(wiped, file)).toEqual({ entries: 0, dossiers: 0, drafts: 0, files: 0, processingLog: 0, skipped: 2 });
    expect(await snapshot(wiped)).toEqual(before);
  });

  it('adds the entries under their first device and numbers, once, however often the file is imported', async () => {
    const b = await device('device-b');
    await addEntry(b, pendingEntry('dossier.receive', 'dossier-b', dossier('dossier-b')));
    const file = await carry(a);
    expect(await mergeBackup(b, file)).toEqual({ entries: 3, dossiers: 2, drafts: 1, files: 2, processingLog: 3, skipped: 0 });
    const outbox = await b.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.originDevice, e.mutation, e.entityId])).toEqual([
      [1, undefined, undefined, 'dossier-b'],
      [2, 'device-a', 1, 'dossier-1'],
      [3, 'device-a', 2, 'dossier-2'],
      [4, 'device-a', 3, 'dossier-1'],
    ]);
    expect((await b.dossiers.get('dossier-1'))?.syncState).toBe('waiting');
    expect((await b.dossiers.get('dossier-1'))?.searchWords?.length).toBeGreaterThan(0);
    expect(await (await b.files.get(PAGE))!.blob.text()).toBe('%PDF-1.7 page');
    expect(await b.attachments.get('att-2')).toMatchObject({ ownerId: 'draft-1#pages' });

    const before = await snapshot(b);
    expect(await mergeBackup(b, await carry(a))).toEqual({ entries: 0, dossiers: 0, drafts: 0, files: 0, processingLog: 0, skipped: 3 });
    expect(await snapshot(b)).toEqual(before);
  });

  it('carries carried entries on under their first device, and takes none back onto the device that made them', async () => {
    const b = await device('device-b');
    await mergeBackup(b, await carry(a));
    const c = await device('device-c');
    await mergeBackup(c, await carry(b));
    expect((await c.outbox.toArray()).map((e) => [e.originDevice, e.mutation])).toEqual([
      ['device-a', 1],
      ['device-a', 2],
      ['device-a', 3],
    ]);
    // Back on device A: its own entries, waiting or answered, are never added twice.
    await applyPushResults(a, [{ mutation: 1, status: 'accepted', serverVersion: 1 }]);
    const before = await snapshot(a);
    expect((await mergeBackup(a, await carry(c))).entries).toBe(0);
    expect(await snapshot(a)).toEqual(before);
  });

  it('answers a carried entry by its own seq, and a resend of a refused one goes as this device own', async () => {
    const b = await device('device-b');
    await mergeBackup(b, await carry(a));
    expect((await nextBatch(b, 10)).map((e) => [e.seq, e.mutation])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    await applyPushResults(b, [{ mutation: 2, status: 'rejected', reason: 'Mã hồ sơ đã được dùng.' }]);
    const [fresh] = await resendEntry(b, 2);
    const resent = await b.outbox.get(fresh!);
    expect(resent).toMatchObject({ entityId: 'dossier-2', status: 'pending' });
    expect(resent).not.toHaveProperty('originDevice');
    expect(resent).not.toHaveProperty('mutation');
  });

  it('adds only the log lines a dossier here lacks: one already pulled or imported is not doubled', async () => {
    // Device B already holds dossier 1 with its first line (from a pull: the same move, written there).
    const b = await device('device-b');
    await b.dossiers.add(dossier('dossier-1'));
    await b.processingLog.add({ ...LOG[0]!, at: '2026-03-02T01:00:00Z' });
    const file = await carry(a, 'full');
    expect((await mergeBackup(b, file)).processingLog).toBe(2);
    expect((await logOf(b, 'dossier-1')).map((l) => l.action)).toEqual(['receive', 'startProcessing']);
    expect(await logOf(b, 'dossier-2')).toEqual([LOG[2]]);
    // A file carrying a line twice (a device that had it doubled) adds it once; and again, nothing.
    const doubled = { ...file, processingLog: [...file.processingLog, { ...LOG[2]! }] };
    const c = await device('device-c');
    expect((await mergeBackup(c, doubled)).processingLog).toBe(3);
    expect(await c.processingLog.count()).toBe(3);
    expect((await mergeBackup(c, doubled)).processingLog).toBe(0);
    expect(await c.processingLog.count()).toBe(3);
  });

  it('still reads a file of format 1 (no log lines), and refuses one of a newer format', async () => {
    const records = await all(backupRecords(await readUnsyncedWork(a)));
    // Format 1 as the earlier app wrote it: no format in the meta, no log items, no log count at the end.
    const v1 = records
      .filter((r) => (r.head as { t: string }).t !== 'processingLog')
      .map((r) => {
        const { format: _format, processingLog: _count, ...head } = r.head as Record<string, unknown>;
        return { ...r, head };
      });
    const content = await readBackupRecords(iterate(v1));
    expect(content.meta).not.toHaveProperty('format');
    expect(content.processingLog).toEqual([]);
    const b = await device('device-b');
    expect(await mergeBackup(b, content)).toEqual({ entries: 3, dossiers: 2, drafts: 1, files: 2, processingLog: 0, skipped: 0 });
    // Log lines in a file that says format 1 are not what that format carried.
    const mixed = records.map((r) => ((r.head as { t: string }).t === 'meta' ? { head: { ...(r.head as object), format: 1 } } : r));
    await expect(readBackupRecords(iterate(mixed))).rejects.toMatchObject({ code: 'backup.bad_content' });
    const newer = records.map((r) => ((r.head as { t: string }).t === 'meta' ? { head: { ...(r.head as object), format: BACKUP_FORMAT + 1 } } : r));
    await expect(readBackupRecords(iterate(newer))).rejects.toMatchObject({ code: 'backup.unsupported_version' });
  });

  it("refuses another commune's file and a device not enrolled, changing nothing", async () => {
    const elsewhere = await device('device-x', 'c2');
    const before = await snapshot(elsewhere);
    await expect(mergeBackup(elsewhere, await carry(a))).rejects.toMatchObject({ code: 'backup.other_commune' });
    expect(await snapshot(elsewhere)).toEqual(before);
    const loose = new MotcuaDb(`backup-${crypto.randomUUID()}`);
    await expect(mergeBackup(loose, await carry(a))).rejects.toMatchObject({ code: 'backup.not_enrolled' });
    expect(await loose.outbox.count()).toBe(0);
  });

  it('refuses content out of shape, out of order or incomplete before writing anything', async () => {
    const records = await all(backupRecords(await readUnsyncedWork(a)));
    const read = (list: BackupRecord[]) => readBackupRecords(iterate(list));
    await expect(read(records.slice(0, -1))).rejects.toMatchObject({ code: 'backup.bad_content' });
    await expect(read(records.filter((r) => (r.head as { t: string }).t !== 'draft'))).rejects.toMatchObject({ code: 'backup.bad_content' });
    await expect(read(records.slice(1))).rejects.toMatchObject({ code: 'backup.bad_content' });
    const odd = records.map((r) => ((r.head as { t: string }).t === 'entry' ? { head: { ...(r.head as object), extra: 1 } } : r));
    await expect(read(odd)).rejects.toMatchObject({ code: 'backup.bad_content' });
    const shortFile = records.map((r) => (r.body ? { head: r.head, body: new Blob(['x']) } : r));
    await expect(read(shortFile)).rejects.toMatchObject({ code: 'backup.bad_content' });
    // A log line dropped, one for a dossier the file does not carry, one whose time is no time.
    const isLog = (r: BackupRecord) => (r.head as { t: string }).t === 'processingLog';
    await expect(read(records.filter((r) => !isLog(r)))).rejects.toMatchObject({ code: 'backup.bad_content' });
    const stray = records.map((r) => (isLog(r) ? { head: { t: 'processingLog', row: { ...(r.head as { row: object }).row, dossierId: 'elsewhere' } } } : r));
    await expect(read(stray)).rejects.toMatchObject({ code: 'backup.bad_content' });
    const timeless = records.map((r) => (isLog(r) ? { head: { t: 'processingLog', row: { ...(r.head as { row: object }).row, at: 'hôm qua' } } } : r));
    await expect(read(timeless)).rejects.toMatchObject({ code: 'backup.bad_content' });
  });

  it('writes all or nothing: a failure half-way leaves the device as it was', async () => {
    const b = await device('device-b');
    const file = await carry(a);
    const before = await snapshot(b);
    // Two attachments under one id: the second add fails after the entries and dossiers were written.
    const broken = { ...file, attachments: [...file.attachments, { ...file.attachments[0]! }] };
    await expect(mergeBackup(b, broken)).rejects.toThrow();
    expect(await snapshot(b)).toEqual(before);
  });
});

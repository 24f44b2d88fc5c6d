// The backup file end to end on a fake IndexedDB: device A's unsynced work is sealed into a file,
// the device is wiped and enrolled again as B, and the file is imported once however often it is
// given; a wrong passphrase, a changed byte or a cut file are refused with their code and change
// nothing. (Few PBKDF2 iterations by parameter; the app uses 600,000.)
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, setCurrentOfficer, type OutboxEntry } from '../../db';
import { saveEnrolment } from '../../db/device';
import { backupErrorCode, exportUnsynced, importBackup, type BackupTarget } from './backup-file';

const FAST = 1000;
const PASS = 'mật khẩu đủ dài';

async function enrolAs(deviceId: string, communeId = 'c1') {
  const commune = { id: communeId, name: 'Xã Thử', provinceCode: '01', agencyCode: 'H01.01', officeHours: null } as never;
  await saveEnrolment(getDb(), { deviceId, deviceToken: `t-${deviceId}`, deviceShort: 'ABCD', deviceName: deviceId, commune });
}

async function wipe() {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
}

function memoryTarget(): { target: BackupTarget; bytes: () => Promise<Uint8Array> } {
  const pieces: Uint8Array[] = [];
  const target: BackupTarget = {
    name: 'test.motcua',
    writable: new WritableStream({ write: (chunk) => void pieces.push(chunk) }),
    done: async () => null,
  };
  return { target, bytes: async () => new Uint8Array(await new Blob(pieces as BlobPart[]).arrayBuffer()) };
}

const entry = (entityId: string): OutboxEntry => ({
  kind: 'dossier.transition',
  entityId,
  payload: { n: entityId },
  createdAt: '2026-03-02T01:00:00.000Z',
  status: 'pending',
  attempts: 0,
});

/** Device A with three changes waiting and a page file, sealed into a file; then the device is wiped. */
async function fileFromA(): Promise<Uint8Array> {
  await wipe();
  await enrolAs('device-a');
  const db = getDb();
  await db.outbox.bulkAdd([entry('d1'), entry('d2'), entry('d3')]);
  const { target, bytes } = memoryTarget();
  const shares: number[] = [];
  const done = await exportUnsynced(PASS, target, (s) => shares.push(s), FAST);
  expect(done).toMatchObject({ entries: 3, files: 0, name: 'test.motcua' });
  expect(shares.at(-1)).toBe(1);
  const file = await bytes();
  expect(done.bytes).toBe(file.length);
  await wipe();
  return file;
}

const outboxOf = async () => (await getDb().outbox.orderBy('seq').toArray()).map((e) => [e.originDevice, e.mutation, e.entityId]);

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    return backupErrorCode(error);
  }
  return 'imported';
}

const officer = { staffId: 'staff-1', username: 'lo.mai', fullName: 'Lò Thị Mai', role: 'receptionOfficer' as const };
let file: Uint8Array;
beforeEach(async () => {
  setCurrentOfficer(officer);
  file = await fileFromA();
  await enrolAs('device-b');
});

afterEach(() => setCurrentOfficer(null));

describe('a backup file carried to another device', () => {
  it('brings the changes under their first device and numbers, once', async () => {
    expect(await importBackup(new Blob([file as BlobPart]), PASS, FAST)).toMatchObject({ entries: 3, skipped: 0 });
    const after = await outboxOf();
    expect(after).toEqual([
      ['device-a', 1, 'd1'],
      ['device-a', 2, 'd2'],
      ['device-a', 3, 'd3'],
    ]);
    expect(await importBackup(new Blob([file as BlobPart]), PASS, FAST)).toMatchObject({ entries: 0, skipped: 3 });
    expect(await outboxOf()).toEqual(after);
  });

  it('refuses a wrong passphrase, a changed byte, a cut file and another commune, changing nothing', async () => {
    const give = (bytes: Uint8Array, passphrase = PASS) => codeOf(importBackup(new Blob([bytes as BlobPart]), passphrase, FAST));
    expect(await give(file, 'mật khẩu đủ dàj')).toBe('backup.wrong_passphrase');
    const changed = file.slice();
    changed[file.length - 40]! ^= 0x20;
    expect(await give(changed)).toBe('backup.damaged');
    expect(await give(file.slice(0, file.length - 30))).toBe('backup.truncated');
    expect(await codeOf(importBackup(new Blob([file as BlobPart]), PASS))).toBe('backup.weak_key'); // the app's own floor
    await wipe();
    await enrolAs('device-x', 'c2');
    expect(await give(file)).toBe('backup.other_commune');
    expect(await outboxOf()).toEqual([]);
  });

  it('refuses a paper whose bytes are not what its hash names, changing nothing', async () => {
    await wipe();
    await enrolAs('device-a');
    const db = getDb();
    await db.outbox.add(entry('d1'));
    await db.attachments.add({ id: 'x1', ownerId: 'd1', componentIndex: 0, order: 0, sha256: 'f'.repeat(64), name: 'p.pdf', type: 'application/pdf', size: 4 });
    await db.files.add({ sha256: 'f'.repeat(64), blob: new Blob(['fake']), type: 'application/pdf', size: 4, createdAt: '2026-03-02T01:00:00.000Z' });
    await db.dossiers.add({
      id: 'd1',
      code: 'TAM-X-260302-0001',
      status: 2,
      procedureCode: 'p',
      procedureName: 'p',
      field: 'f',
      catalogueVersion: 1,
      applicantName: 'A',
      applicantIdNumber: '1',
      receivedAt: '2026-03-02T01:00:00.000Z',
      dueAt: '2026-03-03T01:00:00.000Z',
      syncState: 'waiting',
      data: {},
      updatedAt: '2026-03-02T01:00:00.000Z',
    });
    const { target, bytes } = memoryTarget();
    await exportUnsynced(PASS, target, () => undefined, FAST);
    const forged = await bytes();
    await wipe();
    await enrolAs('device-b');
    expect(await codeOf(importBackup(new Blob([forged as BlobPart]), PASS, FAST))).toBe('backup.bad_content');
    expect(await outboxOf()).toEqual([]);
    expect(await getDb().files.count()).toBe(0);
  });
});

describe('making a backup file', () => {
  it('is made only by a signed-in officer: without one nothing is read or written (issue 14 item 5)', async () => {
    setCurrentOfficer(null);
    await getDb().outbox.add(entry('d9'));
    const { target, bytes } = memoryTarget();
    expect(await codeOf(exportUnsynced(PASS, target, () => undefined, FAST))).toBe('backup.sign_in_required');
    await expect(bytes()).resolves.toHaveLength(0);
  });
});

// The outbox's answers and its quarantine on a fake IndexedDB: accepted entries leave, refused ones
// wait visibly, and a resend goes back in under new mutation numbers with the dossier's other
// refused entries, in their first order.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import { addEntry, applyPushResults, listQuarantine, nextBatch, resendEntry } from './outbox';
import { recordUploadDone, recordUploadFailed } from './uploads';
import type { OutboxEntry } from './schema';

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`outbox-${crypto.randomUUID()}`);
  await db.open();
});

const entry = (kind: string, entityId: string, payload: unknown = {}): OutboxEntry => ({
  kind,
  entityId,
  payload,
  createdAt: '2026-03-02T01:00:00.000Z',
  status: 'pending',
  attempts: 0,
});

describe('the quarantine', () => {
  it('keeps refused entries out of the batches while those behind them go on', async () => {
    const [a, b, c] = await Promise.all([
      addEntry(db, entry('dossier.receive', 'd1')),
      addEntry(db, entry('dossier.receive', 'd2')),
      addEntry(db, entry('dossier.transition', 'd2')),
    ]);
    await applyPushResults(db, [{ mutation: a!, status: 'rejected', reason: 'Mã hồ sơ đã được dùng.' }]);
    expect((await nextBatch(db, 10)).map((e) => e.seq)).toEqual([b, c]);
    expect((await listQuarantine(db)).map((e) => [e.seq, e.lastError])).toEqual([[a, 'Mã hồ sơ đã được dùng.']]);
  });

  it('resends under new numbers, with the dossier’s other refused entries in their order', async () => {
    await db.dossiers.put({ id: 'd1', syncState: 'rejected' } as never);
    const receive = await addEntry(db, entry('dossier.receive', 'd1', { v: 1 }));
    const other = await addEntry(db, entry('dossier.receive', 'd9'));
    const move = await addEntry(db, entry('dossier.transition', 'd1', { action: 'startProcessing' }));
    await applyPushResults(db, [
      { mutation: receive, status: 'rejected', reason: 'Thời điểm thao tác ở tương lai.' },
      { mutation: move, status: 'rejected', reason: 'Không tìm thấy hồ sơ trên máy chủ.' },
    ]);

    const fresh = await resendEntry(db, receive, { v: 2 });
    expect(fresh).toHaveLength(2);
    expect(Math.min(...fresh)).toBeGreaterThan(move);
    expect(await listQuarantine(db)).toEqual([]);
    const batch = await nextBatch(db, 10);
    expect(batch.map((e) => [e.seq, e.kind, e.payload, e.lastError])).toEqual([
      [other, 'dossier.receive', {}, undefined],
      [fresh[0], 'dossier.receive', { v: 2 }, undefined],
      [fresh[1], 'dossier.transition', { action: 'startProcessing' }, undefined],
    ]);
    expect((await db.dossiers.get('d1'))?.syncState).toBe('waiting');
  });

  it('tries the dossier’s refused files again on a resend, and leaves other files alone', async () => {
    await db.dossiers.put({ id: 'd1', syncState: 'rejected' } as never);
    await db.attachments.bulkPut([
      { id: 'p1', ownerId: 'd1', sha256: 'a'.repeat(64) },
      { id: 'p2', ownerId: 'd1', sha256: 'b'.repeat(64) },
      { id: 'p3', ownerId: 'd9', sha256: 'c'.repeat(64) },
    ] as never);
    await recordUploadFailed(db, 'a'.repeat(64), 10, 'Tệp nhận được không khớp mã SHA-256.');
    await recordUploadDone(db, 'b'.repeat(64), 10);
    await recordUploadFailed(db, 'c'.repeat(64), 10, 'Quá lớn.');
    const receive = await addEntry(db, entry('dossier.receive', 'd1'));
    await applyPushResults(db, [{ mutation: receive, status: 'rejected', reason: 'Máy chủ chưa có tệp.' }]);

    await resendEntry(db, receive);
    expect(await db.uploads.get('a'.repeat(64))).toBeUndefined(); // sent again from the start
    expect((await db.uploads.get('b'.repeat(64)))?.status).toBe('done');
    expect((await db.uploads.get('c'.repeat(64)))?.status).toBe('failed'); // another dossier's
  });

  it('does nothing for an entry that is not in quarantine', async () => {
    const seq = await addEntry(db, entry('dossier.receive', 'd1'));
    expect(await resendEntry(db, seq)).toEqual([]);
    expect((await nextBatch(db, 10)).map((e) => e.seq)).toEqual([seq]);
  });
});

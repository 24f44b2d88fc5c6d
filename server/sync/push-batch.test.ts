// Pushes applied a part at a time (the first entry of a push alone, then up to
// ENTRIES_PER_TRANSACTION, or fewer when PART_MS runs out), whose answers never depend on where
// the parts end: a refusal by the entry's kind undone alone mid-part, a refusal by the database
// (which sends the part through again an entry per savepoint) falling on that entry alone, copies
// across parts and pushes answered from the record, and a fault between two commits, after which
// the replay answers what was committed and applies the rest exactly once. On PostgreSQL a part
// sends its writes ahead every SEND_AHEAD_ENTRIES entries: what a later write of the part changes
// may have been stored by an earlier one, and a refusal of an early write is the one answered.
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { createApp } from '../http/app';
import { createLogger } from '../log';
import { communeWithDevice, pushEntries, useTestGateway, type TestDevice } from '../test/gateway';
import { dossierPayload, receiveEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';
import { BatchStore } from './batch-store';
import { isDataError } from '../db/errors';
import { ENTRIES_PER_TRANSACTION, SEND_AHEAD_ENTRIES } from './push';
import { MAX_ENTRIES_PER_PUSH } from './schemas';

describe.each(testDatabaseKinds)('pushing large batches on %s', (kind) => {
  const gw = useTestGateway(kind, { now: () => new Date('2026-03-04T03:00:00Z') });
  const count = async (sql: string, params: unknown[]) => (await gw.db.query<{ n: number }>(sql, params as never[]))[0]?.n;
  /** `size` receipts of provisional codes 0001… of 2 March. */
  const receipts = (device: TestDevice, size: number) =>
    Array.from({ length: size }, (_, i) => receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-${String(i + 1).padStart(4, '0')}` }));
  /** Refused by its kind after it has read the database: a paper the gateway does not hold. */
  const withMissingPaper = (device: TestDevice) =>
    receiveEntry(device, {
      code: `TAM-${device.deviceShort}-260302-9001`,
      attachments: [{ componentIndex: 0, sha256: 'c'.repeat(64), name: 'giay-khai-sinh.jpg', type: 'image/jpeg', size: 5 }],
    });

  it('undoes refusals alone mid-part, answers copies across parts from the record, and numbers without gaps', async () => {
    const SIZE = 60;
    const device = await communeWithDevice(gw.app);
    const entries = receipts(device, SIZE);
    const missingFile = withMissingPaper(device);
    // Refused by the database: a provisional code the device already used (a unique index).
    const sameCode = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0003` });
    // An illegal move of a dossier received earlier in the same part, then a legal one.
    const illegal = transitionEntry(entries[1]!.entityId, 'returnResult', '2026-03-02T03:00:00Z');
    const legal = transitionEntry(entries[1]!.entityId, 'startProcessing', '2026-03-02T03:00:00Z');
    // The refusals by kind fall in a part applied together (the first push); the database's in a
    // part of the second push, applied again an entry at a time; a copy of an entry of the first
    // push ends the second.
    const first = [...entries.slice(0, 5), missingFile, illegal, legal, ...entries.slice(5, 30)];
    const second = [entries[30]!, sameCode, ...entries.slice(31), entries[2]!];
    const batch = [...first, ...second];
    expect(first.indexOf(missingFile)).toBeGreaterThan(0);
    expect(second.indexOf(sameCode)).toBeGreaterThan(0);

    const results = [...(await pushEntries(gw.app, device, first)), ...(await pushEntries(gw.app, device, second))];
    expect(results.map((r) => r.mutation)).toEqual(batch.map((e) => e.mutation));
    expect(results[5]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Máy chủ chưa nhận được tệp') });
    expect(results[6]).toMatchObject({ status: 'rejected' });
    expect(results[7]).toMatchObject({ status: 'accepted', serverVersion: expect.any(Number) });
    expect(results[first.length + 1]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/trùng/) });
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(SIZE + 2);
    // The copy at the end (another push) is answered as the first time.
    expect(results.at(-1)).toEqual(results[2]);
    // Refused entries took no number: SIZE official numbers, 1..SIZE, in the order of the entries.
    const codes = results.filter((r) => r.status === 'accepted' && r.officialCode).map((r) => r.officialCode);
    expect(codes.slice(0, SIZE)).toEqual(entries.map((_, i) => `${device.agencyCode}-260302-${String(i + 1).padStart(4, '0')}`));
    // Versions grow in the order of the entries, across parts.
    const versions = results
      .filter((r) => r.status === 'accepted')
      .slice(0, -1)
      .map((r) => r.serverVersion!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));

    // The stored rows: each dossier once, the moved one at its last version, processing, with the upward queue raised to it.
    expect(await count('select count(*)::int as n from dossiers where created_by_device = $1', [device.deviceId])).toBe(SIZE);
    const [moved] = await gw.db.query<{ status: number; version: unknown; change_kind: string; wanted: unknown }>(
      'select d.status, d.version, d.change_kind, u.wanted_version as wanted from dossiers d join upward_queue u on u.dossier_id = d.id where d.id = $1',
      [entries[1]!.entityId],
    );
    expect(moved).toMatchObject({ status: 4, change_kind: 'dossier.transition' });
    expect(Number(moved?.version)).toBe(results[7]!.serverVersion);
    expect(Number(moved?.wanted)).toBe(results[7]!.serverVersion);
    expect(
      await count('select count(*)::int as n from upward_queue u join dossiers d on d.id = u.dossier_id where d.created_by_device = $1', [device.deviceId]),
    ).toBe(SIZE);
    const [counter] = await gw.db.query<{ next_sequence: number }>(`select next_sequence from code_counters where agency_code = $1 and day = '260302'`, [
      device.agencyCode,
    ]);
    expect(counter?.next_sequence).toBe(SIZE + 1);
    // Every number drawn is the device's, so its daily quota counts them.
    const [drawn] = await gw.db.query<{ n: unknown }>(
      `select sum(last_sequence - first_sequence + 1) as n from code_blocks where device_id = $1 and day = '260302'`,
      [device.deviceId],
    );
    expect(Number(drawn?.n)).toBe(SIZE);

    // Replayed whole, as one push: the same answers, nothing applied twice.
    expect(await pushEntries(gw.app, device, batch)).toEqual(results);
    expect(await count('select count(*)::int as n from dossiers where created_by_device = $1', [device.deviceId])).toBe(SIZE);
    expect(await count('select count(*)::int as n from sync_mutations where device_id = $1', [device.deviceId])).toBe(batch.length - 1);
  });

  it('forgets in memory what an undone entry did: its number, its version and its row go to the next one', async () => {
    const device = await communeWithDevice(gw.app);
    const { syncState: _a, ...first } = dossierPayload(device, { code: `${device.agencyCode}-260302-0001` });
    const { syncState: _b, ...second } = dossierPayload(device, { code: `${device.agencyCode}-260302-0001` });
    const author = { deviceId: device.deviceId, staffId: null, name: 'Lò Thị Mai' };
    const taken = await gw.db.transaction(async (tx) => {
      const store = new BatchStore(tx, device.communeId, device.agencyCode, device.deviceId, 'no-demo-device');
      await store.prefetch({ dossierIds: [first.id, second.id], fileHashes: [], codes: [], days: ['260302'] }, 2);
      const mark = store.mark();
      const undone = { number: await store.reserveNumber('260302'), version: await store.nextVersion() };
      store.insertDossier(first, undone.version, author, 'dossier.receive');
      store.enqueueUpward(first.id, undone.version);
      expect(await store.dossier(first.id)).not.toBeNull();
      store.undoTo(mark);
      expect(await store.dossier(first.id)).toBeNull();
      const kept = { number: await store.reserveNumber('260302'), version: await store.nextVersion() };
      store.insertDossier(second, kept.version, author, 'dossier.receive');
      store.enqueueUpward(second.id, kept.version);
      await store.flush([]);
      return { undone, kept };
    });
    expect(taken.kept).toEqual(taken.undone);
    expect(await gw.db.query('select id from dossiers where id = $1', [first.id])).toEqual([]);
    expect(await gw.db.query('select dossier_id from upward_queue where dossier_id = $1', [first.id])).toEqual([]);
    const [row] = await gw.db.query<{ version: unknown }>('select version from dossiers where id = $1', [second.id]);
    expect(Number(row?.version)).toBe(taken.kept.version);
    const [counter] = await gw.db.query<{ next_sequence: number }>(`select next_sequence from code_counters where agency_code = $1 and day = '260302'`, [
      device.agencyCode,
    ]);
    expect(counter?.next_sequence).toBe(taken.kept.number! + 1);
  });

  it('moves in a later write of a part the dossiers an earlier write stored, and draws their numbers as one run', async () => {
    const SIZE = 3 * SEND_AHEAD_ENTRIES;
    const device = await communeWithDevice(gw.app);
    const received = receipts(device, SIZE);
    // Dossiers of the part's first write, moved after its last: one of them twice.
    const moves = [
      transitionEntry(received[1]!.entityId, 'startProcessing', '2026-03-02T03:00:00Z'),
      transitionEntry(received[2]!.entityId, 'startProcessing', '2026-03-02T03:00:00Z'),
      transitionEntry(received[2]!.entityId, 'markResultReady', '2026-03-02T04:00:00Z'),
    ];
    const results = await pushEntries(gw.app, device, [...received, ...moves]);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 'accepted'));
    expect(results.slice(0, SIZE).map((r) => r.officialCode)).toEqual(received.map((_, i) => `${device.agencyCode}-260302-${String(i + 1).padStart(4, '0')}`));

    const rows = await gw.db.query<{ id: string; status: number; version: unknown; wanted: unknown; data: { status: number } }>(
      'select d.id, d.status, d.version, d.data, u.wanted_version as wanted from dossiers d join upward_queue u on u.dossier_id = d.id where d.id = any($1::text[])',
      [`{${received[1]!.entityId},${received[2]!.entityId}}`],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, status, result] of [
      [received[1]!.entityId, 4, results[SIZE]!],
      [received[2]!.entityId, 9, results[SIZE + 2]!],
    ] as const) {
      const row = byId.get(id);
      expect(row).toMatchObject({ status, data: { status } });
      expect(Number(row?.version)).toBe(result.serverVersion);
      expect(Number(row?.wanted)).toBe(result.serverVersion);
    }
    expect(await count('select count(*)::int as n from dossiers where created_by_device = $1', [device.deviceId])).toBe(SIZE);
    expect(await count('select count(*)::int as n from sync_mutations where device_id = $1', [device.deviceId])).toBe(SIZE + moves.length);
    // Each write sent makes a block of the numbers it drew: together, every number once, for the device's quota.
    const blocks = await gw.db.query<{ first_sequence: number; last_sequence: number }>(
      `select first_sequence, last_sequence from code_blocks where device_id = $1 and day = '260302' order by first_sequence`,
      [device.deviceId],
    );
    expect(blocks.flatMap((b) => Array.from({ length: b.last_sequence - b.first_sequence + 1 }, (_, i) => b.first_sequence + i))).toEqual(
      received.map((_, i) => i + 1),
    );
    // The first entry alone, then the part: on PostgreSQL in several writes sent ahead.
    expect(blocks.length).toBe(kind === 'postgres' ? 1 + SIZE / SEND_AHEAD_ENTRIES : 2);
  });

  it('refuses alone an entry after a write was sent ahead, and a duplicate in a later write', async () => {
    const SIZE = 3 * SEND_AHEAD_ENTRIES;
    const device = await communeWithDevice(gw.app);
    const received = receipts(device, SIZE);
    // Refused by its kind once the first write has gone.
    const missingFile = withMissingPaper(device);
    // Refused by the database in the part's last writes: the provisional code of an earlier dossier.
    const sameCode = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0002` });
    const at = { missingFile: SEND_AHEAD_ENTRIES + 3, sameCode: 2 * SEND_AHEAD_ENTRIES + 5 };
    const batch = [...received];
    batch.splice(at.missingFile, 0, missingFile);
    batch.splice(at.sameCode, 0, sameCode);

    const results = await pushEntries(gw.app, device, batch);
    expect(results.map((r) => r.mutation)).toEqual(batch.map((e) => e.mutation));
    expect(results[at.missingFile]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Máy chủ chưa nhận được tệp') });
    expect(results[at.sameCode]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/trùng/) });
    // The refused took no number: the others have 1..SIZE, in order.
    expect(results.filter((r) => r.status === 'accepted').map((r) => r.officialCode)).toEqual(
      received.map((_, i) => `${device.agencyCode}-260302-${String(i + 1).padStart(4, '0')}`),
    );
    expect(await count('select count(*)::int as n from dossiers where created_by_device = $1', [device.deviceId])).toBe(SIZE);
    expect(await count('select count(*)::int as n from sync_mutations where device_id = $1', [device.deviceId])).toBe(batch.length);
    const [drawn] = await gw.db.query<{ n: unknown }>(
      `select sum(last_sequence - first_sequence + 1) as n from code_blocks where device_id = $1 and day = '260302'`,
      [device.deviceId],
    );
    expect(Number(drawn?.n)).toBe(SIZE);
    // Sent again, every answer comes from the record.
    expect(await pushEntries(gw.app, device, batch)).toEqual(results);
  });

  it('answers the refusal of a write sent ahead, not the failures of the statements it spoilt', async () => {
    const device = await communeWithDevice(gw.app);
    // Two dossiers under one official code: the write refuses them (a unique index).
    const { syncState: _a, ...first } = dossierPayload(device, { code: `${device.agencyCode}-260302-0001` });
    const { syncState: _b, ...second } = dossierPayload(device, { code: `${device.agencyCode}-260302-0001` });
    const author = { deviceId: device.deviceId, staffId: null, name: 'Lò Thị Mai' };
    const seen: { later?: unknown; failure?: unknown; flushed?: unknown } = {};
    const rollBack = new Error('roll back');
    await expect(
      gw.db.transaction(async (tx) => {
        const store = new BatchStore(tx, device.communeId, device.agencyCode, device.deviceId, 'no-demo-device');
        await store.prefetch({ dossierIds: [first.id, second.id], fileHashes: [], codes: [], days: [] }, 2);
        store.insertDossier(first, await store.nextVersion(), author, 'dossier.receive');
        store.insertDossier(second, await store.nextVersion(), author, 'dossier.receive');
        store.sendAhead([]);
        // A read the batch did not foresee, after the refused write.
        seen.later = await store.dossier('not-foreseen').then(
          () => null,
          (err: unknown) => err,
        );
        seen.failure = await store.sentFailure();
        seen.flushed = await store.flush([]).then(
          () => null,
          (err: unknown) => err,
        );
        throw rollBack;
      }),
    ).rejects.toBe(rollBack);
    expect(isDataError(seen.failure)).toBe(true);
    expect(seen.later).not.toBeNull();
    expect(isDataError(seen.later)).toBe(false);
    expect(seen.flushed).toBe(seen.failure);
    expect(await gw.db.query('select id from dossiers where id = any($1::text[])', [`{${first.id},${second.id}}`])).toEqual([]);
  });

  it('answers a copy inside one part as the first, and a different entry under its number as a reuse', async () => {
    const device = await communeWithDevice(gw.app);
    const a = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const other = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0002` }, a.mutation);
    const results = await pushEntries(gw.app, device, [a, a, other]);
    expect(results[0]).toMatchObject({ status: 'accepted', officialCode: `${device.agencyCode}-260302-0001` });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual({
      mutation: a.mutation,
      status: 'rejected',
      reason: expect.stringMatching(/đã được dùng cho một thay đổi khác/),
      code: 'entry.reused_number',
    });
    expect(await gw.db.query('select id from dossiers where id = $1', [other.entityId])).toEqual([]);
  });

  it('keeps the parts committed before a fault, and the replay applies the rest exactly once', async () => {
    const SIZE = MAX_ENTRIES_PER_PUSH;
    const device = await communeWithDevice(gw.app);
    const entries = Array.from({ length: SIZE }, (_, i) =>
      receiveEntry(device, { code: `TAM-${device.deviceShort}-260303-${String(i + 1).padStart(4, '0')}`, receivedAt: new Date('2026-03-03T02:30:00Z') }),
    );
    // The database fails on the second transaction of the push, as when the connection drops mid-batch.
    let transactions = 0;
    const failing: Database = {
      ...gw.db,
      query: (sql, params) => gw.db.query(sql, params),
      exec: (sql) => gw.db.exec(sql),
      close: () => gw.db.close(),
      transaction: (fn) => (++transactions === 2 ? Promise.reject(new Error('connection lost')) : gw.db.transaction(fn)),
    };
    const faulty = createApp({
      db: failing,
      log: createLogger('silent'),
      staticDir: '/nonexistent',
      adminToken: 'x'.repeat(32),
      demoMode: false,
      dataDir: gw.dataDir,
      maxFileBytes: 1024,
    });
    const res = await faulty.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ entries }),
    });
    expect(res.status).toBe(503);
    // The first part is committed whole, each entry with its record; nothing of the others.
    const recorded = await gw.db.query<{ mutation: unknown }>('select mutation from sync_mutations where device_id = $1 order by mutation', [device.deviceId]);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.length).toBeLessThanOrEqual(ENTRIES_PER_TRANSACTION);
    expect(recorded.map((r) => Number(r.mutation))).toEqual(entries.slice(0, recorded.length).map((e) => e.mutation));
    expect(await count('select count(*)::int as n from dossiers where created_by_device = $1', [device.deviceId])).toBe(recorded.length);

    const results = await pushEntries(gw.app, device, entries);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect(results.map((r) => r.officialCode)).toEqual(entries.map((_, i) => `${device.agencyCode}-260303-${String(i + 1).padStart(4, '0')}`));
    expect(await count('select count(*)::int as n from sync_mutations where device_id = $1', [device.deviceId])).toBe(SIZE);
    expect(await count('select count(*)::int as n from dossiers where created_by_device = $1', [device.deviceId])).toBe(SIZE);
  });
});

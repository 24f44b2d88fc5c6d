// Pulling changes through GET /api/sync/pull on real databases: pages that together hold every
// change once, checkpoints that only grow, other devices' changes with who made them, new
// catalogue versions, nothing from other communes, and a reset after a restore from backup.
import { describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../src/domain/catalogue';
import { publishCatalogue } from '../db/catalogues';
import { communeWithDevice, enrolDevice, json, pushEntries, type TestDevice, useTestGateway } from '../test/gateway';
import { receiveEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';
import type { PullPage } from './pull';

describe.each(testDatabaseKinds)('GET /api/sync/pull on %s', (kind) => {
  const gw = useTestGateway(kind);

  const push = (device: TestDevice, entries: unknown[]) => pushEntries(gw.app, device, entries);
  const pull = async (device: TestDevice, since: number, limit = 100) => {
    const res = await json(gw.app, 'GET', `/api/sync/pull?since=${since}&limit=${limit}`, undefined, device.token);
    expect(res.status).toBe(200);
    return (await res.json()) as PullPage;
  };

  it('pages through every change once, in version order, with a growing checkpoint', async () => {
    const device = await communeWithDevice(gw.app);
    const entries = Array.from({ length: 5 }, (_, i) => receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-000${i + 1}` }));
    const pushed = await push(device, entries);
    const seen: string[] = [];
    const checkpoints: number[] = [];
    let since = 0;
    let page: PullPage;
    do {
      page = await pull(device, since, 2);
      expect(page.reset).toBe(false);
      expect(page.changes.length).toBeLessThanOrEqual(2);
      for (const change of page.changes) if (change.type === 'dossier') seen.push(change.dossier.id);
      checkpoints.push(page.checkpoint);
      since = page.checkpoint;
    } while (page.hasMore);
    expect(seen).toEqual(entries.map((e) => e.entityId));
    expect(checkpoints).toEqual([...checkpoints].sort((a, b) => a - b));
    expect(since).toBe(pushed.at(-1)?.serverVersion);
    // Nothing new: the same checkpoint back, no changes.
    expect(await pull(device, since)).toEqual({ reset: false, checkpoint: since, hasMore: false, changes: [] });
  });

  it("brings one device another device's changes, with the status and who made them, and never another commune's", async () => {
    const desk = await communeWithDevice(gw.app);
    const back = await enrolDevice(gw.app, desk.communeId, 'Máy bộ phận xử lý');
    const stranger = await communeWithDevice(gw.app);
    const entry = receiveEntry(desk, { code: `TAM-${desk.deviceShort}-260302-0001` });
    await push(desk, [entry]);
    await push(stranger, [receiveEntry(stranger, { code: `TAM-${stranger.deviceShort}-260302-0001` })]);
    const start = (await pull(desk, 0)).checkpoint;
    const [moved] = await push(back, [transitionEntry(entry.entityId, 'startProcessing', '2026-03-02T03:00:00Z')]);
    expect(moved?.status).toBe('accepted');

    const page = await pull(desk, start);
    expect(page.changes).toHaveLength(1);
    const change = page.changes[0]!;
    expect(change.type).toBe('dossier');
    if (change.type !== 'dossier') return;
    expect(change.version).toBe(moved?.serverVersion);
    expect(change.dossier.status).toBe(4);
    expect(change.dossier.code).toBe(`${desk.agencyCode}-260302-0001`);
    expect(change.changedBy).toEqual({ deviceId: back.deviceId, staffId: null, name: 'Hà Văn Xử', kind: 'dossier.transition' });
    const log = change.dossier.data.state.log;
    expect(log.at(-1)).toMatchObject({ who: 'Hà Văn Xử', role: 'processingOfficer', action: 'startProcessing', from: 2, to: 4 });

    const all = await pull(desk, 0, 1000);
    const ids = all.changes.flatMap((c) => (c.type === 'dossier' ? [c.dossier.data.commune.id] : []));
    expect(new Set(ids)).toEqual(new Set([desk.communeId]));
  });

  it('announces a new catalogue version of the commune', async () => {
    const device = await communeWithDevice(gw.app);
    const since = (await pull(device, 0)).checkpoint;
    const catalogue = { ...demoCatalogue(), version: 7 };
    expect((await gw.db.transaction((tx) => publishCatalogue(tx, device.communeId, catalogue))).kind).toBe('published');
    const page = await pull(device, since);
    expect(page.changes).toEqual([
      { type: 'catalogue', version: expect.any(Number), catalogueVersion: 7, issuedAt: new Date(catalogue.issuedAt).toISOString() },
    ]);
    expect(page.checkpoint).toBeGreaterThan(since);
  });

  it('tells a device to start over when the gateway was restored from an older backup', async () => {
    const device = await communeWithDevice(gw.app);
    await push(device, [receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` })]);
    const backupPoint = (await pull(device, 0, 1000)).checkpoint;
    const later = await push(device, [receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0002` })]);
    const deviceCheckpoint = (await pull(device, backupPoint)).checkpoint;
    expect(deviceCheckpoint).toBe(later[0]?.serverVersion);
    // The restore: everything after the backup point is gone, the sequence with it.
    await gw.db.query('delete from upward_queue where wanted_version > $1', [backupPoint]);
    await gw.db.query('delete from dossiers where version > $1', [backupPoint]);
    await gw.db.query(`select setval('server_version_seq', $1)`, [backupPoint]);

    expect(await pull(device, deviceCheckpoint)).toEqual({ reset: true, checkpoint: 0, hasMore: true, changes: [] });
    const fresh = await pull(device, 0, 1000);
    expect(fresh.reset).toBe(false);
    expect(fresh.checkpoint).toBe(backupPoint);
  });

  it('refuses bad paging parameters and callers without a token', async () => {
    const device = await communeWithDevice(gw.app);
    for (const query of ['since=-1', 'since=abc', 'limit=0', 'limit=5000', 'since=1.5']) {
      const res = await json(gw.app, 'GET', `/api/sync/pull?${query}`, undefined, device.token);
      expect(res.status).toBe(400);
    }
    expect((await json(gw.app, 'GET', '/api/sync/pull?since=0')).status).toBe(401);
  });
});

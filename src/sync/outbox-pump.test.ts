// The pump with the gateway played by doubles: files go before the changes that name them, once
// per hash, skipping what the gateway holds, resuming a cut upload at its tus URL after a retry;
// the gateway's official code replaces the provisional one, and either finds the dossier; a
// refused token (or none) stops everything and changes no data.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_TOKEN_KEY, dossierFileProgress, emptyDossierFilter, getDb, queryDossierIds, type DossierRow } from '../db';
import { MAX_DAMAGED_UPLOADS, PARALLEL_UPLOADS } from './file-sender';
import { cancelPumpRetry, pumpOutbox } from './outbox-pump';
import { usePump } from './pump-state';
import { syncProblems } from './sync-problems';
import type { FileToSend, UploadHooks, UploadOutcome } from './tus-upload';
import { sampleBirthDossier } from '../db/test-support';

const sha = (c: string) => c.repeat(64);
const A = sha('a');
const B = sha('b');
const C = sha('c');
const PROVISIONAL = 'TAM-K7M2PQ-260302-0001';
const OFFICIAL = '000.00.12.H38-260302-0007';

function dossier(id: string, code: string): DossierRow {
  return {
    id,
    code,
    ...(code.startsWith('TAM-') ? { provisionalCode: code } : {}),
    status: 2,
    ...sampleBirthDossier,
    receivedAt: '2026-03-02T02:00:00.000Z',
    dueAt: '2026-03-03T10:00:00.000Z',
    syncState: 'waiting',
    data: {},
    updatedAt: '2026-03-02T02:00:00.000Z',
  };
}

/** d1 has pages A and B, d2 has A (shared) and C (already on the gateway). */
async function seed(token: string | undefined) {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  if (token) await db.settings.put({ key: DEVICE_TOKEN_KEY, value: token, updatedAt: '' });
  await db.dossiers.bulkAdd([dossier('d1', PROVISIONAL), dossier('d2', '000.00.12.H38-260302-0002')]);
  const file = (s: string, text: string) => ({ sha256: s, blob: new Blob([text]), type: 'image/jpeg', size: text.length, createdAt: '' });
  await db.files.bulkAdd([file(A, 'trang A'), file(B, 'trang B dài hơn'), file(C, 'trang C')]);
  const att = (id: string, ownerId: string, s: string, order: number) => ({
    id,
    ownerId,
    componentIndex: 0,
    order,
    sha256: s,
    name: `${id}.jpg`,
    type: 'image/jpeg',
    size: 7,
  });
  await db.attachments.bulkAdd([att('x1', 'd1', A, 0), att('x2', 'd1', B, 1), att('x3', 'd2', A, 0), att('x4', 'd2', C, 1)]);
  const entry = (entityId: string) => ({
    kind: 'dossier.receive',
    entityId,
    payload: { id: entityId },
    createdAt: '',
    status: 'pending' as const,
    attempts: 0,
  });
  await db.outbox.bulkAdd([entry('d1'), entry('d2')]);
}

interface Gateway {
  fetchImpl: typeof fetch;
  asked: string[];
  pushes: unknown[];
}

function gateway(pushStatus = 200): Gateway {
  const asked: string[] = [];
  const pushes: unknown[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push(`${url} ${(init?.headers as Record<string, string> | undefined)?.authorization ?? '-'}`);
    if (url === '/api/files/held') {
      const { sha256 } = JSON.parse(String(init?.body)) as { sha256: string[] };
      asked.push(`held? ${[...sha256].sort().join(',')}`);
      return Response.json({ held: sha256.filter((h) => h === C) });
    }
    if (url === '/api/sync/push') {
      if (pushStatus !== 200) return new Response('{}', { status: pushStatus });
      const { entries } = JSON.parse(String(init?.body)) as { entries: { mutation: number; entityId: string }[] };
      pushes.push(entries);
      return Response.json({
        results: entries.map((e) => ({
          mutation: e.mutation,
          status: 'accepted',
          serverVersion: 1,
          ...(e.entityId === 'd1' ? { officialCode: OFFICIAL } : {}),
        })),
      });
    }
    return new Response('{}', { status: 404 });
  }) as typeof fetch;
  return { fetchImpl, asked, pushes };
}

/** An uploader double: the first attempt at B is cut after the gateway created it and took 5 bytes. */
function uploader() {
  const calls: { sha256: string; resumeUrl: string | undefined; token: string | undefined }[] = [];
  let cut = true;
  const upload = async (file: FileToSend, hooks: UploadHooks): Promise<UploadOutcome> => {
    calls.push({ sha256: file.sha256, resumeUrl: hooks.resumeUrl, token: hooks.token });
    hooks.onUrl(`http://gw/api/files/${file.sha256.slice(0, 4)}`);
    if (file.sha256 === B && cut) {
      cut = false;
      hooks.onOffset(5);
      return { kind: 'retry', reason: syncProblems.uploadOffline(new TypeError('Failed to fetch')) };
    }
    hooks.onOffset(file.size);
    return { kind: 'done' };
  };
  return { calls, upload };
}

beforeEach(() => usePump.setState({ state: 'idle', lastError: undefined, lastSuccessAt: undefined }));
afterEach(() => cancelPumpRetry());

describe('pumpOutbox', () => {
  it('sends each file once before the changes, resumes a cut upload, and takes the official code', async () => {
    await seed('mcd_token');
    const db = getDb();
    const gw = gateway();
    const up = uploader();

    await pumpOutbox(gw.fetchImpl, { uploader: up.upload });
    expect(usePump.getState()).toMatchObject({
      state: 'waitingToRetry',
      lastError: { code: 'sync.upload_offline', message: 'Mất kết nối khi gửi tệp (Failed to fetch).', params: { detail: 'Failed to fetch' } },
    });
    expect(gw.pushes).toEqual([]); // no change goes before its files
    expect(await db.uploads.get(B)).toMatchObject({ status: 'uploading', url: 'http://gw/api/files/bbbb', offset: 5 });
    expect((await db.dossiers.toArray()).map((d) => d.syncState)).toEqual(['waiting', 'waiting']);
    expect(await dossierFileProgress(db, 'd1')).toEqual({ done: 1, total: 2 });
    cancelPumpRetry();

    await pumpOutbox(gw.fetchImpl, { uploader: up.upload });
    expect(usePump.getState()).toMatchObject({ state: 'idle', lastError: undefined, lastSuccessAt: expect.any(String) });
    // A once, B twice (cut, then resumed at its URL), C never: the gateway had it.
    // (A and B go side by side: only each file's own order is fixed.)
    expect(up.calls.filter((c) => c.sha256 === A)).toEqual([{ sha256: A, resumeUrl: undefined, token: 'mcd_token' }]);
    expect(up.calls.filter((c) => c.sha256 === B)).toEqual([
      { sha256: B, resumeUrl: undefined, token: 'mcd_token' },
      { sha256: B, resumeUrl: 'http://gw/api/files/bbbb', token: 'mcd_token' },
    ]);
    expect(up.calls.filter((c) => c.sha256 === C)).toEqual([]);
    // One question per batch about every file not yet sent; the second time only B is left.
    expect(gw.asked.filter((a) => a.startsWith('held?'))).toEqual([`held? ${[A, B, C].sort().join(',')}`, `held? ${B}`]);
    expect(gw.asked.filter((a) => a.includes('by-hash'))).toEqual([]);
    expect(gw.pushes).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.uploads.where('status').equals('done').count()).toBe(3);

    const d1 = await db.dossiers.get('d1');
    expect(d1).toMatchObject({ code: OFFICIAL, provisionalCode: PROVISIONAL, syncState: 'accepted' });
    expect(await db.dossiers.get('d2')).toMatchObject({ code: '000.00.12.H38-260302-0002', syncState: 'accepted' });
    for (const text of [OFFICIAL, PROVISIONAL, '260302-0007']) {
      expect(await queryDossierIds(db, { ...emptyDossierFilter, text })).toEqual(['d1']);
    }
  });

  it('stops at a refused token and changes no data', async () => {
    await seed('mcd_revoked');
    const db = getDb();
    const before = { dossiers: await db.dossiers.toArray(), outbox: await db.outbox.toArray() };
    const gw = gateway(401);
    const up = uploader();
    // The files are on the gateway already; the push itself meets the 401.
    await db.uploads.bulkPut([A, B].map((s) => ({ sha256: s, status: 'done' as const, size: 7, offset: 7, updatedAt: '' })));

    await pumpOutbox(gw.fetchImpl, { uploader: up.upload });
    expect(usePump.getState()).toMatchObject({ state: 'needsSignIn', lastError: { code: 'sync.signed_out', message: expect.stringMatching(/kích hoạt lại/) } });
    expect(await db.outbox.toArray()).toEqual(before.outbox);
    expect((await db.dossiers.toArray()).map(({ searchWords: _s, openDueAt: _o, ...d }) => d)).toEqual(
      before.dossiers.map(({ searchWords: _s, openDueAt: _o, ...d }) => d),
    );
  });

  it('does not knock at all before the device is enrolled', async () => {
    await seed(undefined);
    const gw = gateway();
    await pumpOutbox(gw.fetchImpl, { uploader: uploader().upload });
    expect(gw.asked).toEqual([]);
    expect(usePump.getState()).toMatchObject({
      state: 'needsSignIn',
      lastError: { code: 'sync.not_enrolled', message: expect.stringMatching(/chưa được kích hoạt/) },
    });
    expect(await getDb().outbox.count()).toBe(2);
  });

  it('sends a file damaged on the way again from the start, and counts it refused only after repeated damage', async () => {
    await seed('mcd_token');
    const db = getDb();
    const gw = gateway();
    const reason = 'Tệp nhận được không khớp mã SHA-256 đã khai báo.';
    const calls: { sha256: string; resumeUrl: string | undefined }[] = [];
    let damageB = 1;
    const flaky = async (file: FileToSend, hooks: UploadHooks): Promise<UploadOutcome> => {
      calls.push({ sha256: file.sha256, resumeUrl: hooks.resumeUrl });
      hooks.onUrl(`http://gw/api/files/${file.sha256.slice(0, 4)}-${calls.length}`);
      if (file.sha256 === B && damageB-- > 0) return { kind: 'damaged', reason };
      return { kind: 'done' };
    };
    // Damaged once: the pump stops short of the push (the change would name bytes the gateway lacks).
    await pumpOutbox(gw.fetchImpl, { uploader: flaky });
    expect(gw.pushes).toHaveLength(0);
    expect(usePump.getState()).toMatchObject({ state: 'waitingToRetry', lastError: { code: 'sync.upload_damaged', message: reason } });
    expect(await db.uploads.get(B)).toMatchObject({ status: 'uploading', offset: 0, damaged: 1, lastError: reason });
    expect((await db.uploads.get(B))?.url).toBeUndefined();
    // The next attempt starts a new upload (the gateway dropped the damaged one), then the changes go.
    cancelPumpRetry();
    await pumpOutbox(gw.fetchImpl, { uploader: flaky });
    expect(calls.filter((c) => c.sha256 === B)).toEqual([
      { sha256: B, resumeUrl: undefined },
      { sha256: B, resumeUrl: undefined },
    ]);
    expect(gw.pushes).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);

    // A copy damaged every time (it no longer matches its hash on the device) is refused after a few tries.
    await seed('mcd_token');
    damageB = Infinity;
    for (let attempt = 1; attempt < MAX_DAMAGED_UPLOADS; attempt++) {
      cancelPumpRetry();
      await pumpOutbox(gw.fetchImpl, { uploader: flaky });
      expect(await db.uploads.get(B)).toMatchObject({ status: 'uploading', damaged: attempt });
    }
    cancelPumpRetry();
    await pumpOutbox(gw.fetchImpl, { uploader: flaky });
    expect(await db.uploads.get(B)).toMatchObject({ status: 'failed', lastError: reason });
    expect(await db.outbox.count()).toBe(0); // the gateway judges the change now, with its reason
  });

  it('goes on past a file the gateway refused for good, recording why, and does not send it again', async () => {
    await seed('mcd_token');
    const db = getDb();
    const gw = gateway();
    const calls: string[] = [];
    const refuseB = async (file: FileToSend): Promise<UploadOutcome> => {
      calls.push(file.sha256);
      return file.sha256 === B ? { kind: 'refused', reason: 'Tệp nhận được không khớp mã SHA-256 đã khai báo.' } : { kind: 'done' };
    };
    await pumpOutbox(gw.fetchImpl, { uploader: refuseB });
    // The changes went: the gateway judges them (a result paper it lacks is refused with a reason).
    expect(gw.pushes).toHaveLength(1);
    expect(await db.uploads.get(B)).toMatchObject({ status: 'failed', lastError: 'Tệp nhận được không khớp mã SHA-256 đã khai báo.' });
    expect(await dossierFileProgress(db, 'd1')).toEqual({ done: 1, total: 2 });

    await db.outbox.add({ kind: 'dossier.transition', entityId: 'd1', payload: {}, createdAt: '', status: 'pending', attempts: 0 });
    await pumpOutbox(gw.fetchImpl, { uploader: refuseB });
    expect(calls).toEqual([A, B]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a few uploads in flight at once, never the same file twice', async () => {
    await seed('mcd_token');
    const db = getDb();
    const more = ['d', 'e', 'f', 'g'].map(sha);
    await db.files.bulkAdd(more.map((s) => ({ sha256: s, blob: new Blob(['trang']), type: 'image/jpeg', size: 5, createdAt: '' })));
    await db.attachments.bulkAdd(
      more.map((s, i) => ({ id: `y${i}`, ownerId: 'd2', componentIndex: 1, order: i, sha256: s, name: `y${i}.jpg`, type: 'image/jpeg', size: 5 })),
    );
    let inFlight = 0;
    let most = 0;
    const sent: string[] = [];
    const slow = async (file: FileToSend): Promise<UploadOutcome> => {
      sent.push(file.sha256);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      return { kind: 'done' };
    };
    await pumpOutbox(gateway().fetchImpl, { uploader: slow });
    expect(most).toBe(PARALLEL_UPLOADS);
    expect([...sent].sort()).toEqual([A, B, ...more].sort()); // A once though two dossiers name it; C was held
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('entries carried from another device (issue 14)', () => {
  it('go in batches of one origin, under their first device and number, and each answer clears its own entry', async () => {
    await seed('mcd_token');
    const db = getDb();
    // d2's receipt was carried here from device-a, where it was mutation 1, the same number as d1's here.
    const [own, carried] = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(carried!.seq!, { originDevice: 'device-a', mutation: own!.seq! });
    const again = await db.outbox.add({
      kind: 'dossier.receive',
      entityId: 'd1',
      payload: { id: 'd1', again: true },
      createdAt: '',
      status: 'pending',
      attempts: 0,
    });
    const gw = gateway();
    const up = uploader();
    await pumpOutbox(gw.fetchImpl, { uploader: up.upload }); // B's upload is cut once
    cancelPumpRetry();
    await pumpOutbox(gw.fetchImpl, { uploader: up.upload });
    const sent = (gw.pushes as { mutation: number; originDevice?: string; entityId: string }[][]).map((batch) =>
      batch.map((e) => [e.originDevice ?? 'own', e.mutation, e.entityId]),
    );
    expect(sent).toEqual([[['own', own!.seq, 'd1']], [['device-a', own!.seq, 'd2']], [['own', again, 'd1']]]);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.dossiers.toArray()).map((d) => d.syncState)).toEqual(['accepted', 'accepted']);
  });
});

describe('entries of officers (issue 13)', () => {
  it('go in batches of one officer, each with that officer’s session, and a session the gateway refuses is dropped, not the change', async () => {
    await seed('mcd_token');
    const db = getDb();
    await db.outbox.clear();
    const entry = (entityId: string, staffId?: string) => ({
      kind: 'dossier.rate',
      entityId,
      payload: { dossierId: entityId },
      createdAt: '',
      status: 'pending' as const,
      attempts: 0,
      ...(staffId ? { staffId } : {}),
    });
    await db.outbox.bulkAdd([entry('d1', 'staff-a'), entry('d2', 'staff-a'), entry('d1', 'staff-b'), entry('d2'), entry('d1', 'staff-gone')]);
    const sessions: Record<string, string> = { 'staff-a': 'mcs_a', 'staff-b': 'mcs_b', 'staff-gone': 'mcs_revoked' };
    const pushes: { staff: string; entities: string[] }[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === '/api/files/held') return Response.json({ held: [A, B, C] });
      const staff = (init?.headers as Record<string, string>)['x-staff-token'] ?? '-';
      // The gateway refuses a session that ended (a bad staff token is a 401, never ignored).
      if (staff === 'mcs_revoked') return Response.json({ error: 'unauthorized' }, { status: 401 });
      const { entries } = JSON.parse(String(init?.body)) as { entries: { mutation: number; entityId: string }[] };
      pushes.push({ staff, entities: entries.map((e) => e.entityId) });
      return Response.json({ results: entries.map((e) => ({ mutation: e.mutation, status: 'accepted', serverVersion: 1 })) });
    }) as typeof fetch;
    await pumpOutbox(fetchImpl, { staffToken: async (id) => sessions[id] });
    expect(pushes).toEqual([
      { staff: 'mcs_a', entities: ['d1', 'd2'] },
      { staff: 'mcs_b', entities: ['d1'] },
      { staff: '-', entities: ['d2'] },
      { staff: '-', entities: ['d1'] },
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(usePump.getState().state).toBe('idle');
  });
});

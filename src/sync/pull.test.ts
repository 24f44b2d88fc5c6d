// The pull client against a fake gateway that follows server/sync/pull.ts: it pages while hasMore,
// keeps the outbox through a reset, touches nothing on 401 or a malformed answer (and says so),
// stays quiet when the gateway is unreachable, and asks for an announced newer catalogue.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb, readPullCheckpoint, readSetting, type DossierRow, type PulledChange, type PulledDossier } from '../db';
import { pullChanges } from './pull';
import { usePump } from './pump-state';

const AT = '2026-03-02T01:00:00.000Z';
const TOKEN = 'device-token-a';

/** A received dossier as pulled: with its code, receipt and appointment. */
function dossier(n: number, status = 2): PulledDossier & Pick<DossierRow, 'code' | 'receivedAt' | 'dueAt'> {
  const id = `dossier-${String(n).padStart(4, '0')}`;
  const log = [{ who: 'Hà Văn Xử', whoId: 'dev-b', role: 'receptionOfficer', at: AT, action: 'receive', from: null, to: 2 }];
  if (status === 4)
    log.push({
      who: 'Hà Văn Xử',
      whoId: 'dev-b',
      role: 'receptionOfficer',
      at: '2026-03-02T02:00:00.000Z',
      action: 'startProcessing',
      from: 2,
      to: 4,
    } as never);
  return {
    id,
    code: `000.00.12.H38-260302-${String(n).padStart(4, '0')}`,
    status,
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    catalogueVersion: 1,
    applicantName: `Người ${n}`,
    applicantIdNumber: '001099000001',
    receivedAt: AT,
    dueAt: '2026-03-02T10:00:00.000Z',
    updatedAt: log.at(-1)!.at,
    data: { state: { status, appointmentAt: null, supplementRequests: 0, pausedAt: null, receivedAt: AT, resultReadyAt: null, returnedAt: null, log } },
  };
}

const change = (version: number, d: PulledDossier): PulledChange => ({
  type: 'dossier',
  version,
  dossier: d,
  changedBy: { deviceId: 'dev-b', staffId: null, name: 'Hà Văn Xử', kind: 'dossier.transition' },
});

interface FakeGateway {
  fetch: typeof fetch;
  requests: { since: number; limit: number; auth: string | null }[];
}

/** Serves `changes` as the gateway does: versions above `since`, `limit` at a time; `override` answers instead when it returns a Response. */
function fakeGateway(changes: PulledChange[], override?: (since: number, call: number) => Response | undefined): FakeGateway {
  const requests: FakeGateway['requests'] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://gateway');
    const since = Number(url.searchParams.get('since'));
    const limit = Number(url.searchParams.get('limit'));
    requests.push({ since, limit, auth: new Headers(init?.headers).get('authorization') });
    const answer = override?.(since, requests.length);
    if (answer) return answer;
    const after = changes.filter((c) => c.version > since);
    const page = after.slice(0, limit);
    return Response.json({ reset: false, checkpoint: page.at(-1)?.version ?? since, hasMore: after.length > limit, changes: page });
  };
  return { fetch: impl as typeof fetch, requests };
}

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`pull-${Math.random()}`);
  await db.settings.bulkPut([
    { key: 'deviceToken', value: TOKEN, updatedAt: '' },
    { key: 'device', value: { id: 'dev-a', short: 'DEVA01' }, updatedAt: '' },
  ]);
  usePump.setState({ state: 'idle', lastError: undefined });
});

/** What a pull must not change when it fails: rows, log, outbox and checkpoint. */
async function snapshot() {
  return {
    dossiers: await db.dossiers.toArray(),
    log: await db.processingLog.toArray(),
    outbox: await db.outbox.toArray(),
    checkpoint: await readPullCheckpoint(db),
  };
}

describe('pullChanges', () => {
  it('pages while hasMore, with the device token, each page from the last checkpoint', async () => {
    const gw = fakeGateway([1, 2, 3, 5, 8].map((v, i) => change(v, dossier(i + 1))));
    const outcome = await pullChanges({ db, fetchImpl: gw.fetch, pageSize: 2 });
    expect(outcome).toEqual({ kind: 'done', checkpoint: 8, pages: 3, applied: 5, keptForOutbox: 0 });
    expect(gw.requests.map((r) => [r.since, r.limit])).toEqual([
      [0, 2],
      [2, 2],
      [5, 2],
    ]);
    expect(gw.requests.every((r) => r.auth === `Bearer ${TOKEN}`)).toBe(true);
    expect(await db.dossiers.count()).toBe(5);
    expect(await readPullCheckpoint(db)).toBe(8);
    // Nothing new: one request from the stored checkpoint, nothing written.
    const again = fakeGateway([1, 2, 3, 5, 8].map((v, i) => change(v, dossier(i + 1))));
    expect(await pullChanges({ db, fetchImpl: again.fetch })).toMatchObject({ kind: 'done', checkpoint: 8, applied: 0 });
    expect(again.requests.map((r) => r.since)).toEqual([8]);
  });

  it('applies the pages before a failing one and keeps their checkpoint; the failed page is asked again', async () => {
    await db.dossiers.add({ ...dossier(99), code: dossier(4).code, syncState: 'accepted' }); // holds the code page 2 brings
    const changes = [1, 2, 3, 4].map((v) => change(v, dossier(v)));
    const outcome = await pullChanges({ db, fetchImpl: fakeGateway(changes).fetch, pageSize: 2 });
    expect(outcome.kind).toBe('writeFailed');
    expect(usePump.getState().lastError).toMatchObject({ code: 'sync.pull_write_failed', message: expect.stringMatching(/Không ghi được thay đổi/) });
    expect(await readPullCheckpoint(db)).toBe(2);
    expect(await db.dossiers.get('dossier-0003')).toBeUndefined(); // its page failed as a whole
    await db.dossiers.delete('dossier-0099');
    const retry = fakeGateway(changes);
    expect(await pullChanges({ db, fetchImpl: retry.fetch, pageSize: 2 })).toMatchObject({ kind: 'done', checkpoint: 4 });
    expect(retry.requests[0]?.since).toBe(2);
    expect(usePump.getState().lastError).toBeUndefined(); // the good pull clears its own report
  });

  it('lets the outbox win: a dossier with unanswered changes keeps its local row', async () => {
    const local = { ...dossier(1), syncState: 'waiting' as const };
    await db.dossiers.add(local);
    await db.outbox.add({ kind: 'dossier.transition', entityId: local.id, payload: {}, createdAt: AT, status: 'pending', attempts: 0 });
    const outcome = await pullChanges({ db, fetchImpl: fakeGateway([change(4, dossier(1, 4))]).fetch });
    expect(outcome).toMatchObject({ kind: 'done', applied: 0, keptForOutbox: 1 });
    expect(await db.dossiers.get(local.id)).toMatchObject({ status: 2, syncState: 'waiting' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('starts again from 0 on reset, keeping the outbox untouched', async () => {
    await db.settings.put({ key: 'pullCheckpoint', value: 50, updatedAt: '' });
    await db.outbox.add({ kind: 'dossier.receive', entityId: 'dossier-0007', payload: { id: 'dossier-0007' }, createdAt: AT, status: 'pending', attempts: 0 });
    const outboxBefore = await db.outbox.toArray();
    const gw = fakeGateway([change(1, dossier(1)), change(2, dossier(2))], (since) =>
      since > 2 ? Response.json({ reset: true, checkpoint: 0, hasMore: true, changes: [] }) : undefined,
    );
    expect(await pullChanges({ db, fetchImpl: gw.fetch })).toMatchObject({ kind: 'done', checkpoint: 2, applied: 2 });
    expect(gw.requests.map((r) => r.since)).toEqual([50, 0]);
    expect(await db.outbox.toArray()).toEqual(outboxBefore);
    expect(await readPullCheckpoint(db)).toBe(2);
  });

  it('touches nothing on 401 and asks the officer to sign in again', async () => {
    await db.dossiers.add({ ...dossier(1), syncState: 'accepted' });
    await db.settings.put({ key: 'pullCheckpoint', value: 1, updatedAt: '' });
    const before = await snapshot();
    const gw = fakeGateway([change(2, dossier(1, 4))], () => Response.json({ error: 'unauthorized' }, { status: 401 }));
    expect(await pullChanges({ db, fetchImpl: gw.fetch })).toEqual({ kind: 'auth' });
    expect(await snapshot()).toEqual(before);
    expect(usePump.getState().state).toBe('needsSignIn');
  });

  it.each([
    ['not JSON', () => new Response('<html>captive portal</html>', { status: 200 })],
    ['a change without its dossier', () => Response.json({ reset: false, checkpoint: 3, hasMore: false, changes: [{ type: 'dossier', version: 3 }] })],
    ['a status out of range', () => Response.json({ reset: false, checkpoint: 3, hasMore: false, changes: [change(3, { ...dossier(2), status: 42 })] })],
    ['a checkpoint that goes back', () => Response.json({ reset: false, checkpoint: 0, hasMore: false, changes: [] })],
    ['a version past the checkpoint', () => Response.json({ reset: false, checkpoint: 2, hasMore: false, changes: [change(3, dossier(2))] })],
    ['more to come but no progress', () => Response.json({ reset: false, checkpoint: 1, hasMore: true, changes: [] })],
  ])('changes nothing on a malformed answer (%s) and reports it', async (_name, answer) => {
    await db.dossiers.add({ ...dossier(1), syncState: 'accepted' });
    await db.settings.put({ key: 'pullCheckpoint', value: 1, updatedAt: '' });
    const before = await snapshot();
    const outcome = await pullChanges({ db, fetchImpl: fakeGateway([], answer).fetch });
    expect(outcome.kind).toBe('malformed');
    expect(await snapshot()).toEqual(before);
    expect(usePump.getState().lastError).toMatchObject({
      code: 'sync.pull_malformed',
      message: expect.stringMatching(/^Dữ liệu nhận từ máy chủ không hợp lệ/),
    });
    expect(usePump.getState().state).toBe('idle');
  });

  it('stops quietly when the gateway cannot be reached or fails, to try at the next trigger', async () => {
    const before = await snapshot();
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await pullChanges({ db, fetchImpl: down })).toEqual({ kind: 'unreachable' });
    const busy = fakeGateway([], () => new Response('', { status: 503 }));
    expect(await pullChanges({ db, fetchImpl: busy.fetch })).toEqual({ kind: 'unreachable', status: 503 });
    expect(await snapshot()).toEqual(before);
    expect(usePump.getState()).toMatchObject({ state: 'idle', lastError: undefined });
  });

  it('does not ask before the device is enrolled', async () => {
    await db.settings.delete('deviceToken');
    const gw = fakeGateway([change(1, dossier(1))]);
    expect(await pullChanges({ db, fetchImpl: gw.fetch })).toEqual({ kind: 'notEnrolled' });
    expect(gw.requests).toEqual([]);
  });

  it('fetches an announced catalogue newer than the installed one, and asks again until it is installed', async () => {
    await db.catalogues.add({ version: 3, issuedAt: AT, procedures: [], installedAt: AT });
    const gw = fakeGateway([{ type: 'catalogue', version: 1, catalogueVersion: 4, issuedAt: AT }]);
    let asked = 0;
    const updateCatalogue = async () => asked++;
    await pullChanges({ db, fetchImpl: gw.fetch, updateCatalogue });
    expect(asked).toBe(1);
    expect(await readSetting(db, 'catalogueOffered', 0)).toBe(4);
    await pullChanges({ db, fetchImpl: gw.fetch, updateCatalogue }); // the first download failed: still behind
    expect(asked).toBe(2);
    await db.catalogues.add({ version: 4, issuedAt: AT, procedures: [], installedAt: AT });
    await pullChanges({ db, fetchImpl: gw.fetch, updateCatalogue });
    expect(asked).toBe(2);
  });
});

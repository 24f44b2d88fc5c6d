// A community team's submission pushed to a real gateway (PGlite), pulled by a desk into its own
// database (fake IndexedDB) and decided there: received (one transaction takes the reserve's
// number, moves 1 → 2, logs the officer, queues 'dossier.receiveSubmission'), asked for papers
// before receipt (1 → 5 with Mẫu 02's lines) and refused (1 → 3). Each payload passes the
// gateway's strict schema and is accepted by the gateway, which then holds the decision; the
// desk's reports count the received one as online.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPullPage, listProcessingLog, loadReportRecords, MotcuaDb, readSetting, type OutboxEntry } from '../../src/db';
import { computeReport } from '../../src/domain/reports';
import type { CodeReserve } from '../../src/domain/dossier';
import { performDossierAction } from '../../src/features/dossiers/actions';
import { receiveOnlineSubmission } from '../../src/features/dossiers/online-receipt';
import { parsePullAnswer } from '../../src/sync/pull-schema';
import { RESERVE_KEY } from '../../src/sync/code-reserve';
import { receiveSubmissionPayloadSchema, transitionPayloadSchema } from '../../server/sync/schemas';
import { submitEntry } from '../../server/test/dossiers';
import { communeWithDevice, enrolDevice, json, startTestGateway, type TestDevice, type TestGateway } from '../../server/test/gateway';
import { OPEN_DB_TIMEOUT_MS } from '../../server/test/test-db';
import { demoCommune } from '../../server/seed/demo';

let gw: TestGateway;
let desk: TestDevice;
let team: TestDevice;
beforeAll(async () => {
  gw = await startTestGateway('pglite');
  desk = await communeWithDevice(gw.app);
  team = await enrolDevice(gw.app, desk.communeId, 'Máy tính bảng tổ công nghệ số', 'team');
}, OPEN_DB_TIMEOUT_MS);
afterAll(async () => gw?.cleanup());

const submittedAt = new Date(Date.now() - 3 * 60 * 60_000);
const ids = ['sub-receive', 'sub-supplement', 'sub-refuse'];

async function push(entries: OutboxEntry[], token: string) {
  const res = await json(
    gw.app,
    'POST',
    '/api/sync/push',
    { entries: entries.map((e) => ({ mutation: e.seq, kind: e.kind, entityId: e.entityId, payload: e.payload })) },
    token,
  );
  return ((await res.json()) as { results: { status: string; reason?: string; officialCode?: string }[] }).results;
}

async function pullInto(db: MotcuaDb, token: string) {
  const pulled = parsePullAnswer(await (await json(gw.app, 'GET', '/api/sync/pull?since=0&limit=1000', undefined, token)).json(), 0);
  if (!pulled.ok || pulled.answer.reset) throw new Error(`pull: ${JSON.stringify(pulled)}`);
  await applyPullPage(db, { checkpoint: pulled.answer.checkpoint, changes: pulled.answer.changes });
  return pulled.answer.changes;
}

describe("the desk's decisions on a team's online submission", () => {
  it('are written in one transaction each, pass the gateway schemas and are accepted', async () => {
    const submitted = await push(
      ids.map((id, i) => ({ seq: i + 1, ...submitEntry(team, { id, submittedAt }) }) as unknown as OutboxEntry),
      team.token,
    );
    expect(submitted.map((r) => r.reason ?? r.status)).toEqual(['accepted', 'accepted', 'accepted']);

    const db = new MotcuaDb('online-submission-desk');
    await db.settings.bulkPut([
      { key: 'commune', value: { ...demoCommune, id: desk.communeId, agencyCode: desk.agencyCode }, updatedAt: '' },
      { key: 'device', value: { id: desk.deviceId, short: desk.deviceShort }, updatedAt: '' },
      { key: 'deskProfile', value: { officerName: 'Lò Thị Mai', officerPhone: '0209 3870 123' }, updatedAt: '' },
    ]);
    await pullInto(db, desk.token);
    expect((await db.dossiers.bulkGet(ids)).map((r) => r?.status)).toEqual([1, 1, 1]);

    const now = new Date(Date.now() - 60 * 60_000);
    const received = await receiveOnlineSubmission('sub-receive', now, db);
    expect(received.provisional).toBe(true); // no reserve on this device: a TAM code the gateway replaces
    expect(received.row).toMatchObject({ status: 2, code: received.code, provisionalCode: received.code, receivedAt: now.toISOString(), syncState: 'waiting' });
    expect(new Date(received.row.dueAt).getTime()).toBeGreaterThan(now.getTime());
    expect((await listProcessingLog(db, 'sub-receive')).map((l) => [l.action, l.fromStatus, l.toStatus, l.who])).toEqual([
      ['submit', null, 1, 'Hà Thị Tổ'],
      ['receive', 1, 2, 'Lò Thị Mai'],
    ]);
    // Received once: a second click (or another tab) is refused and spends nothing.
    await expect(receiveOnlineSubmission('sub-receive', now, db)).rejects.toMatchObject({ code: 'submission.not_waiting' });
    expect(await db.outbox.count()).toBe(1);

    const items = [{ name: 'Giấy chứng sinh', reason: 'Ảnh chụp bị mờ' }];
    await performDossierAction('sub-supplement', 'requestSupplement', { supplementItems: items }, new Date(now.getTime() + 60_000), db);
    await performDossierAction('sub-refuse', 'refuse', { note: 'Không thuộc thẩm quyền của xã' }, new Date(now.getTime() + 120_000), db);
    expect((await db.dossiers.bulkGet(ids)).map((r) => r?.status)).toEqual([2, 5, 3]);

    const entries: OutboxEntry[] = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.kind)).toEqual(['dossier.receiveSubmission', 'dossier.transition', 'dossier.transition']);
    expect((entries[1]!.payload as { items?: unknown }).items).toEqual(items);
    const schemas = [receiveSubmissionPayloadSchema, transitionPayloadSchema, transitionPayloadSchema];
    for (const [i, entry] of entries.entries()) {
      const parsed = schemas[i]!.safeParse(JSON.parse(JSON.stringify(entry.payload)));
      expect(parsed.success, `${entry.kind}: ${JSON.stringify(parsed.error)}`).toBe(true);
    }
    const results = await push(entries, desk.token);
    expect(results.map((r) => r.reason ?? r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(results[0]!.officialCode).toMatch(new RegExp(`^${desk.agencyCode.replace(/\./g, '\\.')}-\\d{6}-0001$`));

    // The reports count the received submission as online (trực tuyến); the other two were never received.
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000);
    const records = await loadReportRecords(db, { start: day(-10), end: day(10) });
    expect(records.find((r) => r.id === 'sub-receive')).toMatchObject({ channel: 'online', receivedAt: now });
    const report = computeReport(records, { period: { from: day(-10).toISOString().slice(0, 10), to: day(10).toISOString().slice(0, 10) }, now: day(10) });
    expect(report.received).toEqual({ total: 1, direct: 0, online: 1 });
    expect(report.refusals).toBe(1);

    // The tablet pulls what the desk decided.
    const back = await pullInto(new MotcuaDb('online-submission-team'), team.token);
    const last = new Map(back.flatMap((c) => (c.type === 'dossier' ? [[c.dossier.id, c.dossier] as const] : [])));
    expect(ids.map((id) => last.get(id)?.status)).toEqual([2, 5, 3]);
    expect(last.get('sub-receive')?.code).toBe(results[0]!.officialCode);
  });

  it('take the official number from the reserve when it holds one, and leave it there when the receipt is refused', async () => {
    const db = new MotcuaDb('online-submission-reserve');
    const now = new Date('2026-03-02T03:00:00Z');
    await db.settings.bulkPut([
      { key: 'commune', value: { ...demoCommune, id: desk.communeId, agencyCode: desk.agencyCode }, updatedAt: '' },
      { key: 'device', value: { id: desk.deviceId, short: desk.deviceShort }, updatedAt: '' },
    ]);
    const fresh = ['sub-reserve-a', 'sub-reserve-b'];
    await push(
      fresh.map((id, i) => ({ seq: 10 + i, ...submitEntry(team, { id, submittedAt }) }) as unknown as OutboxEntry),
      team.token,
    );
    await pullInto(db, desk.token);
    // A reserve holding today's numbers 5..6 for this device.
    const reserve: CodeReserve = {
      agency: desk.agencyCode,
      deviceShort: desk.deviceShort,
      blocks: [{ agency: desk.agencyCode, day: '260302', from: 5, to: 6 }],
      provisional: null,
    };
    await db.settings.put({ key: RESERVE_KEY, value: reserve, updatedAt: '' });
    const a = (await db.dossiers.get('sub-reserve-a'))!;
    await db.dossiers.put({ ...a, data: { ...(a.data as object), intake: undefined } });
    // No processing time to count from: refused, and the number stays in the reserve.
    await expect(receiveOnlineSubmission('sub-reserve-a', now, db)).rejects.toMatchObject({ code: 'receive.no_processing_time' });
    expect(await readSetting(db, RESERVE_KEY, undefined)).toEqual(reserve);
    expect(await db.outbox.count()).toBe(0);
    const taken = await receiveOnlineSubmission('sub-reserve-b', now, db);
    expect(taken).toMatchObject({ provisional: false, code: `${desk.agencyCode}-260302-0005` });
    expect((await db.outbox.toArray()).map((e) => (e.payload as { code: string }).code)).toEqual([taken.code]);
  });
});

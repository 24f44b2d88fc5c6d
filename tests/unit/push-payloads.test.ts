// The app's own outbox payloads, made by the real intake and desk code on a fake IndexedDB, pass
// the gateway's schemas for their kind and are accepted by a real gateway (PGlite) in one push:
// receive with its attached page, the desk's moves, a supplement requested with its lines (which
// another desk then pulls) and received with its captured PDF (uploaded first), the result paper
// (uploaded first), the rating, and a refusal; and the code reserve's request for numbers. The gateway's schemas are strict (an
// unknown field is refused), so a shape drifting on either side fails here, not on a commune's desk.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addComponentPages,
  applyPullPage,
  attachFile,
  createDraft,
  DEVICE_TOKEN_KEY,
  getDb,
  MotcuaDb,
  pagesKey,
  readDossierData,
  readSetting,
  saveComponentDeliverables,
  setCurrentOfficer,
  type OutboxEntry,
} from '../../src/db';
import type { CodeReserve } from '../../src/domain/dossier';
import { refillCodeReserve, RESERVE_KEY } from '../../src/sync/code-reserve';
import { demoCatalogue } from '../../src/domain/catalogue';
import { newDraftData } from '../../src/domain/intake';
import { attachResult, performDossierAction, rateDossier, supplementCaptureOwner, supplementLines } from '../../src/features/dossiers/actions';
import { parsePullAnswer } from '../../src/sync/pull-schema';
import { receiveDraft, refuseDraft } from '../../src/features/intake/receive';
import { dossierRowSchema, ratePayloadSchema, resultPayloadSchema, transitionPayloadSchema } from '../../server/sync/schemas';
import { communeWithDevice, enrolDevice, json, signedInStaff, startTestGateway, type TestDevice, type TestGateway } from '../../server/test/gateway';
import { OPEN_DB_TIMEOUT_MS } from '../../server/test/test-db';
import { demoCommune } from '../../server/seed/demo';

const procedure = demoCatalogue().procedures[0]!;
const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sha256Of = async (blob: Blob) => hex(new Uint8Array(await blob.arrayBuffer()));
const page = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('trang 1 của tờ khai')]);
const resultPdf = new TextEncoder().encode('%PDF-1.4\n% Giấy khai sinh\n%%EOF\n');
const supplementPdf = new TextEncoder().encode('%PDF-1.4\n% Giấy chứng sinh, bổ sung\n%%EOF\n');

const schemaFor: Record<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }> = {
  'dossier.receive': dossierRowSchema,
  'dossier.refuse': dossierRowSchema,
  'dossier.transition': transitionPayloadSchema,
  'dossier.rate': ratePayloadSchema,
  'dossier.result': resultPayloadSchema,
};

let gw: TestGateway;
let device: TestDevice;
beforeAll(async () => {
  gw = await startTestGateway('pglite');
  device = await communeWithDevice(gw.app);
}, OPEN_DB_TIMEOUT_MS);
afterAll(async () => gw?.cleanup());

async function newDraft(id: string) {
  const data = newDraftData(procedure, 1);
  data.applicant = {
    fullName: 'Nguyễn Văn Mẫu',
    idNumber: '001099000001',
    birthDate: '1999-03-15',
    sex: 'Nam',
    address: 'Thôn Nà Pồ',
    phone: '0912345678',
    email: '',
  };
  data.components = data.components.map((c) => ({ ...c, received: true }));
  const at = new Date().toISOString();
  await createDraft(getDb(), { id, procedureCode: procedure.code, procedure, step: 'review', data, createdAt: at, updatedAt: at });
  return data;
}

async function upload(bytes: Uint8Array) {
  const auth = { authorization: `Bearer ${device.token}`, 'tus-resumable': '1.0.0' };
  const created = await gw.app.request('/api/files', {
    method: 'POST',
    headers: { ...auth, 'upload-length': String(bytes.length), 'upload-metadata': `sha256 ${Buffer.from(hex(bytes)).toString('base64')}` },
  });
  const sent = await gw.app.request(created.headers.get('location')!, {
    method: 'PATCH',
    headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(sent.status).toBe(204);
}

describe("the app's outbox payloads", () => {
  it('pass the gateway schemas and are all accepted by a real gateway', async () => {
    const db = getDb();
    const commune = { ...demoCommune, id: device.communeId, agencyCode: device.agencyCode };
    await db.settings.bulkPut([
      { key: 'commune', value: commune, updatedAt: '' },
      { key: 'device', value: { id: device.deviceId, short: device.deviceShort }, updatedAt: '' },
      { key: 'deskProfile', value: { officerName: 'Lò Thị Mai', officerPhone: '0209 3870 123' }, updatedAt: '' },
    ]);
    const now = new Date(Date.now() - 60 * 60_000);
    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

    const data = await newDraft('draft-1');
    await attachFile(
      db,
      { id: 'att-1', ownerId: 'draft-1', componentIndex: 0, sha256: hex(page), name: 'to-khai.jpg', type: 'image/jpeg', size: page.length },
      new Blob([page]),
    );
    const received = await receiveDraft('draft-1', data, procedure, now);
    expect(received.provisional).toBe(true); // no reserve on this device: a TAM code the gateway replaces
    await performDossierAction(received.id, 'startProcessing', {}, later(1), db);
    await performDossierAction(
      received.id,
      'requestSupplement',
      {
        supplementItems: [
          { name: 'Giấy chứng sinh', reason: 'Không rõ chữ' },
          { name: 'CCCD', reason: 'Chưa xuất trình' },
        ],
      },
      later(1.2),
      db,
    );
    // Line 1's paper as the capture leaves it (its page and the PDF made from it); line 2 only shown.
    const captureOwner = supplementCaptureOwner(received.id);
    const scanned = [{ sha256: 'c'.repeat(64), blob: new Blob(['trang']), type: 'image/tiff', size: 5, name: 'trang-1' }];
    await addComponentPages(db, captureOwner, 0, scanned);
    await saveComponentDeliverables(db, captureOwner, 0, pagesKey(scanned), [
      {
        sha256: hex(supplementPdf),
        blob: new Blob([supplementPdf]),
        type: 'application/pdf',
        size: supplementPdf.length,
        name: 'Giấy chứng sinh (bổ sung).pdf',
      },
    ]);
    await performDossierAction(received.id, 'receiveSupplement', { supplementReceipt: { captureOwner, notes: ['', 'Xuất trình bản chính'] } }, later(1.5), db);
    await performDossierAction(received.id, 'markResultReady', {}, later(2), db);
    await attachResult(received.id, { blob: new Blob([resultPdf]), name: 'giay-khai-sinh.pdf' }, sha256Of, later(3), db);
    await performDossierAction(received.id, 'returnResult', {}, later(4), db);
    await rateDossier(received.id, 'bad', 'Chờ lâu', later(5), db);
    const refusedData = await newDraft('draft-2');
    await refuseDraft('draft-2', refusedData, procedure, 'Thiếu giấy chứng sinh', later(6));

    const entries: OutboxEntry[] = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.kind)).toEqual([
      'dossier.receive',
      'dossier.transition',
      'dossier.transition',
      'dossier.transition',
      'dossier.transition',
      'dossier.result',
      'dossier.transition',
      'dossier.rate',
      'dossier.refuse',
    ]);
    // The receipt names its page by hash, for the gateway and the province to find.
    expect((entries[0]!.payload as { attachments?: unknown }).attachments).toEqual([
      { componentIndex: 0, sha256: hex(page), name: 'to-khai.jpg', type: 'image/jpeg', size: page.length },
    ]);
    expect((entries[2]!.payload as { items?: unknown }).items).toEqual([
      { name: 'Giấy chứng sinh', reason: 'Không rõ chữ' },
      { name: 'CCCD', reason: 'Chưa xuất trình' },
    ]);
    expect((entries[3]!.payload as { papers?: unknown }).papers).toEqual([
      { item: 0, sha256: hex(supplementPdf), name: 'Giấy chứng sinh (bổ sung).pdf', type: 'application/pdf', size: supplementPdf.length },
    ]);
    for (const entry of entries) {
      // Through JSON first, as the pump sends them.
      const sent = JSON.parse(JSON.stringify(entry.payload)) as unknown;
      const parsed = schemaFor[entry.kind]!.safeParse(sent);
      expect(parsed.success, `${entry.kind}: ${JSON.stringify(parsed.error)}`).toBe(true);
    }

    await upload(page);
    await upload(resultPdf);
    await upload(supplementPdf);
    const res = await json(
      gw.app,
      'POST',
      '/api/sync/push',
      { entries: entries.map((e) => ({ mutation: e.seq, kind: e.kind, entityId: e.entityId, payload: e.payload })) },
      device.token,
    );
    const { results } = (await res.json()) as { results: { status: string; reason?: string; officialCode?: string }[] };
    expect(results.map((r) => r.reason ?? r.status)).toEqual(Array(9).fill('accepted'));
    expect(results[0]!.officialCode).toMatch(new RegExp(`^${device.agencyCode.replace(/\./g, '\\.')}-\\d{6}-0001$`));

    // Another desk of the commune pulls the dossier: the lines of Mẫu 02 come with it, so its
    // officer takes in a paper per line, as the desk that asked would.
    const other = await enrolDevice(gw.app, device.communeId, 'Máy tính bảng tổ một cửa');
    const pulled = parsePullAnswer(await (await json(gw.app, 'GET', '/api/sync/pull?since=0&limit=1000', undefined, other.token)).json(), 0);
    if (!pulled.ok || pulled.answer.reset) throw new Error(`pull: ${JSON.stringify(pulled)}`);
    const deskB = new MotcuaDb('push-payloads-desk-b');
    await deskB.settings.put({ key: 'device', value: { id: other.deviceId, short: other.deviceShort }, updatedAt: '' });
    await applyPullPage(deskB, { checkpoint: pulled.answer.checkpoint, changes: pulled.answer.changes });
    const there = (await deskB.dossiers.get(received.id))!;
    expect(supplementLines(there)).toEqual([
      { name: 'Giấy chứng sinh', reason: 'Không rõ chữ' },
      { name: 'CCCD', reason: 'Chưa xuất trình' },
    ]);
    expect(readDossierData(there).supplement).toMatchObject({
      requestedAt: later(1.2).toISOString(),
      officer: { officerName: 'Lò Thị Mai', officerPhone: '0209 3870 123' },
    });
  });

  it("carry the signed-in officer, which the gateway checks against that officer's session (issue 13)", async () => {
    const db = getDb();
    await db.outbox.clear();
    const mai = await signedInStaff(gw.app, device, { fullName: 'Lò Thị Mai', role: 'receptionOfficer', username: 'lo.mai' });
    const binh = await signedInStaff(gw.app, device, { fullName: 'Hà Văn Bình', role: 'receptionOfficer', username: 'ha.binh' });
    setCurrentOfficer({ staffId: mai.id, username: mai.username, fullName: 'Lò Thị Mai', role: 'receptionOfficer' });
    try {
      const now = new Date(Date.now() - 30 * 60_000);
      const data = await newDraft('draft-officer');
      const received = await receiveDraft('draft-officer', data, procedure, now);
      await performDossierAction(received.id, 'startProcessing', {}, new Date(now.getTime() + 60_000), db);
    } finally {
      setCurrentOfficer(null);
    }
    const entries: OutboxEntry[] = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.kind, e.staffId])).toEqual([
      ['dossier.receive', mai.id],
      ['dossier.transition', mai.id],
    ]);
    const push = async (staffToken: string) => {
      const body = { entries: entries.map((e) => ({ mutation: e.seq, kind: e.kind, entityId: e.entityId, payload: e.payload })) };
      const res = await json(gw.app, 'POST', '/api/sync/push', body, device.token, { 'X-Staff-Token': staffToken });
      return ((await res.json()) as { results: { status: string; code?: string }[] }).results.map((r) => r.code ?? r.status);
    };
    // Under another officer's session, each change naming Mai is refused, and nothing is recorded.
    expect(await push(binh.token)).toEqual(['entry.actor_mismatch', 'entry.actor_mismatch']);
    // Under her own, both are taken, and the gateway records her as their author.
    expect(await push(mai.token)).toEqual(['accepted', 'accepted']);
    const pulled = parsePullAnswer(await (await json(gw.app, 'GET', '/api/sync/pull?since=0&limit=1000', undefined, device.token)).json(), 0);
    if (!pulled.ok || pulled.answer.reset) throw new Error(`pull: ${JSON.stringify(pulled)}`);
    const mine = pulled.answer.changes.flatMap((c) => (c.type === 'dossier' && c.dossier.id === entries[0]!.entityId ? [c.changedBy] : []));
    expect(mine).toEqual([expect.objectContaining({ staffId: mai.id, name: 'Lò Thị Mai' })]);
  });

  it("refill the app's code reserve from a real gateway, for today and tomorrow", async () => {
    const db = getDb();
    await db.settings.put({ key: DEVICE_TOKEN_KEY, value: device.token, updatedAt: '' });
    const calls: { url: string; body: unknown }[] = [];
    const viaGateway = (async (url: string, init?: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init?.body)) });
      return gw.app.request(url, init);
    }) as typeof fetch;
    const now = new Date();
    const remaining = await refillCodeReserve(now, viaGateway);
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0]!.body as object).sort()).toEqual(['days', 'size']);
    expect(remaining).toBeGreaterThan(0);
    const reserve = await readSetting<CodeReserve | undefined>(db, RESERVE_KEY, undefined);
    // One block of 30 for each of the two open days, reserved for this device's agency.
    const days = reserve!.blocks.map((b) => b.day);
    expect(new Set(days).size).toBe(2);
    expect(reserve!.blocks.every((b) => b.agency === device.agencyCode && b.to - b.from + 1 === 30)).toBe(true);
  });
});

// Updating the device's catalogue from the gateway, with the worker's steps run in-process and
// the gateway played by a fetch double: only a whole, valid, newer catalogue is swapped in; a
// corrupt, partial, invalid or older download changes nothing and says why.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb, readCatalogueSummary, readCatalogueUpdate, readSearchIndex, writeSetting } from '../../src/db';
import { demoCatalogue } from '../../src/domain/catalogue';
// The module itself, not src/sync's index: the index also loads browser-only modules.
import { ensureCatalogue, updateCatalogue, type CatalogueTools } from '../../src/sync/catalogue-update';
import { prepareCatalogue, prepareDemoCatalogue } from '../../workers/lib/catalogue-engine';

const tools: CatalogueTools = {
  prepare: async (body) => prepareCatalogue(body),
  demo: async () => prepareDemoCatalogue(),
};

const demo = demoCatalogue();
const v2 = JSON.stringify({
  ...demo,
  version: 2,
  issuedAt: '2026-12-01T00:00:00+07:00',
  procedures: [...demo.procedures, { ...demo.procedures[0], code: '1.999999', name: 'Thủ tục thử nghiệm cập nhật' }],
});

interface Call {
  url: string;
  headers: Headers;
}

/** A gateway double: answers each request with the next response, and keeps what it was asked. */
function gateway(...responses: (Response | Error)[]) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    return next;
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const json = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'application/json' } });

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`catalogue-update-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

async function seeded() {
  await ensureCatalogue(tools, db);
  return db;
}

describe('first run', () => {
  it('seeds the bundled demo catalogue with its index, once, without any network', async () => {
    await Promise.all([ensureCatalogue(tools, db), ensureCatalogue(tools, db)]);
    await ensureCatalogue(tools, db);
    expect(await db.catalogues.count()).toBe(1);
    expect(await readCatalogueSummary(db)).toMatchObject({ version: 1, procedureCount: 53 });
    expect(JSON.parse((await readSearchIndex(db, 1))!)).toMatchObject({ format: 1 });
  });
});

describe('updateCatalogue', () => {
  it('installs a newer version from the gateway, with its index, and records it', async () => {
    await seeded();
    const { fetchImpl, calls } = gateway(json(v2));
    const record = await updateCatalogue(tools, { db, fetchImpl });
    expect(record).toMatchObject({ kind: 'installed', version: 2, issuedAt: '2026-12-01T00:00:00+07:00' });
    expect(calls[0]?.url).toBe('/api/catalogue');
    expect(calls[0]?.headers.get('If-None-Match')).toBe('W/"catalogue-1"');
    expect(await readCatalogueSummary(db)).toMatchObject({ version: 2, procedureCount: 54 });
    expect(await readSearchIndex(db, 2)).toBeTypeOf('string');
    expect(await readCatalogueUpdate(db)).toEqual(record);
  });

  it('asks for the device commune when it knows it', async () => {
    await seeded();
    await writeSetting(db, 'commune', { id: 'xa-ban-mau 2', name: 'X', agencyCode: 'A', provinceCode: '15' });
    const { fetchImpl, calls } = gateway(new Response(null, { status: 304 }));
    expect(await updateCatalogue(tools, { db, fetchImpl })).toMatchObject({ kind: 'up-to-date', version: 1 });
    expect(calls[0]?.url).toBe('/api/catalogue?commune=xa-ban-mau%202');
  });

  it('refuses a cut-off download as corrupt and keeps the catalogue in force', async () => {
    await seeded();
    const { fetchImpl } = gateway(json(v2.slice(0, 4000)));
    const record = await updateCatalogue(tools, { db, fetchImpl });
    expect(record).toMatchObject({ kind: 'refused', reason: 'corrupt', version: 1 });
    expect(await readCatalogueSummary(db)).toMatchObject({ version: 1, procedureCount: 53 });
    expect(await readCatalogueUpdate(db)).toEqual(record);
  });

  it('refuses a body whose connection broke mid-way (a partial download)', async () => {
    await seeded();
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(v2.slice(0, 1000)));
        controller.error(new TypeError('network error'));
      },
    });
    const { fetchImpl } = gateway(new Response(broken, { status: 200 }));
    expect(await updateCatalogue(tools, { db, fetchImpl })).toMatchObject({
      kind: 'refused',
      reason: 'corrupt',
      detail: 'tải về bị ngắt giữa chừng',
    });
    expect((await readCatalogueSummary(db))?.version).toBe(1);
  });

  it('refuses well-formed but invalid data with the parser’s Vietnamese reason', async () => {
    await seeded();
    const garbled = JSON.stringify({ version: 7, issuedAt: '2026-13-01', procedures: [] });
    const { fetchImpl } = gateway(json(garbled));
    const record = await updateCatalogue(tools, { db, fetchImpl });
    expect(record).toMatchObject({ kind: 'refused', reason: 'invalid', version: 1 });
    expect(record.kind === 'refused' && record.detail).toBe(
      'Danh mục không hợp lệ: ngày ban hành (issuedAt) phải là ngày giờ có thật theo ISO 8601, có múi giờ, ví dụ 2026-11-01T00:00:00+07:00; danh sách thủ tục (procedures) rỗng',
    );
    expect((await readCatalogueSummary(db))?.version).toBe(1);
  });

  it('refuses an older version than the one in force', async () => {
    await seeded();
    await updateCatalogue(tools, { db, fetchImpl: gateway(json(v2)).fetchImpl });
    const { fetchImpl } = gateway(json(JSON.stringify(demo)));
    expect(await updateCatalogue(tools, { db, fetchImpl })).toMatchObject({ kind: 'refused', reason: 'older', version: 2, offered: 1 });
    expect((await readCatalogueSummary(db))?.version).toBe(2);
  });

  it('treats the same version as up to date, and a gateway error or no network as failed', async () => {
    await seeded();
    const { fetchImpl } = gateway(
      json(JSON.stringify(demo)),
      json(JSON.stringify({ error: 'no_catalogue', message: 'Xã này chưa có danh mục thủ tục.' }), 404),
      new TypeError('Failed to fetch'),
    );
    expect(await updateCatalogue(tools, { db, fetchImpl })).toMatchObject({ kind: 'up-to-date', version: 1 });
    expect(await updateCatalogue(tools, { db, fetchImpl })).toMatchObject({
      kind: 'failed',
      status: 404,
      detail: 'Xã này chưa có danh mục thủ tục.',
    });
    const unreachable = await updateCatalogue(tools, { db, fetchImpl });
    expect(unreachable.kind === 'failed' && [unreachable.status, unreachable.detail]).toEqual([undefined, undefined]);
    expect((await readCatalogueSummary(db))?.version).toBe(1);
  });

  it('shares one download between callers asking at the same time', async () => {
    await seeded();
    const { fetchImpl, calls } = gateway(json(v2));
    const [a, b] = await Promise.all([updateCatalogue(tools, { db, fetchImpl }), updateCatalogue(tools, { db, fetchImpl })]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
  });

  it('seeds first on a device that has no catalogue yet, then updates', async () => {
    const { fetchImpl } = gateway(json(v2));
    expect(await updateCatalogue(tools, { db, fetchImpl })).toMatchObject({ kind: 'installed', version: 2 });
    expect(await db.catalogues.toCollection().primaryKeys()).toEqual([2]);
  });
});

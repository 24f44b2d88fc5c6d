// Enrolment stores the gateway's answer in one go, drops numbers reserved for the old identity,
// asks for new ones with the new token, and says plainly why it failed when it did.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeReserve } from '../domain/dossier';
import { DEVICE_TOKEN_KEY, getDb, getOrCreateDevice, readCommune, readSetting, writeSetting } from '../db';
import { enrolDevice } from './enrol';
import { refillCodeReserve, RESERVE_KEY } from './code-reserve';

const commune = { id: 'xa-ban-mau', name: 'Xã Bản Mẫu', provinceCode: '38', agencyCode: '000.00.12.H38', officeHours: null };
const answer = { deviceId: 'dev-1', deviceToken: 'mcd_secret', deviceShort: 'K7M2PQ', commune };

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function gateway(reply: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    return reply(url, init);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(async () => {
  const db = getDb();
  await db.settings.clear();
  await db.outbox.clear();
});

describe('enrolDevice', () => {
  it('stores token, identity and commune together, drops the old reserve and refills it with the token', async () => {
    const db = getDb();
    const before = await getOrCreateDevice(db);
    // A reserve taken before enrolment, for the provisional tag and the demo device's blocks.
    const old: CodeReserve = {
      agency: commune.agencyCode,
      deviceShort: before.short,
      blocks: [{ agency: commune.agencyCode, day: '991231', from: 1, to: 30 }],
      provisional: { day: '991231', last: 4 },
    };
    await writeSetting(db, RESERVE_KEY, old);
    const { calls, fetchImpl } = gateway((url) =>
      url === '/api/devices/enrol' ? json(201, answer) : url === '/api/code-blocks' ? json(200, { blocks: [] }) : json(200, { results: [] }),
    );

    const result = await enrolDevice(' DEMO ', '  Máy bàn số 1 ', fetchImpl);

    expect(result).toMatchObject({ ok: true, device: { id: 'dev-1', short: 'K7M2PQ', name: 'Máy bàn số 1' }, commune });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ code: 'DEMO', deviceName: 'Máy bàn số 1' });
    expect(await readSetting(db, DEVICE_TOKEN_KEY, undefined)).toBe('mcd_secret');
    expect(await getOrCreateDevice(db)).toMatchObject({ id: 'dev-1', short: 'K7M2PQ', name: 'Máy bàn số 1', role: 'desk' });
    expect(await readCommune(db)).toEqual(commune);
    expect(await readSetting(db, RESERVE_KEY, undefined)).toEqual({ agency: commune.agencyCode, deviceShort: 'K7M2PQ', blocks: [], provisional: null });
    const refill = calls.find((c) => c.url === '/api/code-blocks');
    expect((refill?.init?.headers as Record<string, string>).authorization).toBe('Bearer mcd_secret');
  });

  it('keeps the role the gateway gave (a community team tablet), and asks no dossier numbers for it', async () => {
    const db = getDb();
    const { calls, fetchImpl } = gateway((url) => (url === '/api/devices/enrol' ? json(201, { ...answer, role: 'team' }) : json(200, { results: [] })));
    const result = await enrolDevice('DEMO-TEAM', 'Máy tính bảng tổ 1', fetchImpl);
    expect(result).toMatchObject({ ok: true, device: { id: 'dev-1', role: 'team' } });
    expect(await getOrCreateDevice(db)).toMatchObject({ id: 'dev-1', role: 'team' });
    expect(calls.some((c) => c.url === '/api/code-blocks')).toBe(false);
  });

  it('reports a wrong code and an unreachable gateway, and changes nothing', async () => {
    const db = getDb();
    const wrong = gateway(() => json(400, { error: 'invalid_code', message: 'Mã đăng ký thiết bị không đúng' }));
    expect(await enrolDevice('SAI-MA', 'Máy 1', wrong.fetchImpl)).toMatchObject({ ok: false, reason: 'invalidCode', status: 400 });
    const down = gateway(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await enrolDevice('DEMO', 'Máy 1', down.fetchImpl)).toEqual({ ok: false, reason: 'offline' });
    const broken = gateway(() => json(503, { message: 'bận' }));
    expect(await enrolDevice('DEMO', 'Máy 1', broken.fetchImpl)).toMatchObject({ ok: false, reason: 'server', status: 503 });
    expect(await enrolDevice('', 'Máy 1', down.fetchImpl)).toEqual({ ok: false, reason: 'missing' });
    expect(await db.settings.count()).toBe(0);
  });

  it('refuses an answer that is not an enrolment', async () => {
    const odd = gateway(() => json(201, { hello: 'portal' }));
    expect(await enrolDevice('DEMO', 'Máy 1', odd.fetchImpl)).toEqual({ ok: false, reason: 'badAnswer' });
    expect(await readSetting(getDb(), DEVICE_TOKEN_KEY, undefined)).toBeUndefined();
  });

  it('drops numbers that arrive after the device enrolled: they were reserved for its old identity', async () => {
    const db = getDb();
    await writeSetting(db, 'commune', commune);
    const today = new Date('2026-03-02T03:00:00Z');
    const late = gateway(async (url) => {
      if (url === '/api/code-blocks') {
        // Enrolment completes while this (tokenless) request is still out.
        const enrolled = await enrolDevice('DEMO', 'Máy 1', gateway((u) => (u === '/api/devices/enrol' ? json(201, answer) : json(503, {}))).fetchImpl);
        expect(enrolled.ok).toBe(true);
        return json(200, { blocks: [{ agency: commune.agencyCode, day: '260302', from: 1, to: 30 }] });
      }
      return json(404, {});
    });
    expect(await refillCodeReserve(today, late.fetchImpl)).toBe(0);
    expect(await readSetting(db, RESERVE_KEY, undefined)).toEqual({ agency: commune.agencyCode, deviceShort: 'K7M2PQ', blocks: [], provisional: null });
  });
});

// Entries no database can store (a NUL byte, a lone surrogate, a payload nested thousands deep, a
// number beyond range) are refused each on its own with a reason the device shows in its
// quarantine: the push answers 200, the entries behind them go through, and a replay says the same.
import { describe, expect, it } from 'vitest';
import { communeWithDevice, json, type TestDevice, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

describe.each(testDatabaseKinds)('entries that cannot be stored, on %s', (kind) => {
  const gw = useTestGateway(kind);

  /** Posts raw JSON text (deep nesting cannot go through JSON.stringify in a test's stack). */
  async function pushText(device: TestDevice, entries: string[]) {
    const res = await json(gw.app, 'POST', '/api/sync/push', `{"entries":[${entries.join(',')}]}`, device.token);
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { mutation: number; status: string; reason?: string }[] }).results;
  }

  const entryText = (fields: { kind?: string; entityId?: string; payload?: string }) =>
    `{"mutation":${nextMutation()},"kind":${fields.kind ?? '"dossier.receive"'},"entityId":${fields.entityId ?? '"abc-12345"'},"payload":${fields.payload ?? '{}'}}`;

  it('refuses each unstorable entry alone, with its reason, and goes on with the next', async () => {
    const device = await communeWithDevice(gw.app);
    const good = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const goodWith = (field: string, value: string) => {
      const text = JSON.stringify({ ...good, mutation: nextMutation() });
      return text.replace(`"applicantName":"${good.payload.applicantName}"`, `"${field}":${value}`);
    };
    const hostile: [string, RegExp][] = [
      [entryText({ kind: '"dossier.\\u0000receive"' }), /^Loại thay đổi \(kind\) chứa ký tự NUL/],
      [entryText({ kind: '"dossier.\\ud800"' }), /^Loại thay đổi \(kind\) chứa ký tự Unicode hỏng/],
      [entryText({ kind: '"dossier.receive\\u0007"' }), /^Loại thay đổi \(kind\) chứa ký tự điều khiển/],
      [entryText({ entityId: '"abc\\u0000"' }), /^Mã đối tượng \(entityId\) chứa ký tự NUL/],
      [entryText({ entityId: '"abc\\udfff"' }), /^Mã đối tượng \(entityId\) chứa ký tự Unicode hỏng/],
      [entryText({ payload: `${'['.repeat(5000)}1${']'.repeat(5000)}` }), /lồng nhau quá sâu/],
      [entryText({ payload: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}` }), /lồng nhau quá sâu/],
      [entryText({ kind: `${'['.repeat(5000)}1${']'.repeat(5000)}` }), /kind.*entityId/],
      [entryText({ payload: '{"note":"a\\u0000b"}' }), /trường note chứa ký tự NUL/],
      [entryText({ payload: '{"a\\u0000":1}' }), /tên trường ở nội dung chứa ký tự NUL/],
      [entryText({ payload: '{"n":1e999}' }), /trường n chứa số quá lớn/],
      [goodWith('applicantName', '"Nguy\\u0000\\u1ec5n"'), /trường applicantName chứa ký tự NUL/],
      [goodWith('applicantName', '"Nguy\\ud83d"'), /trường applicantName chứa ký tự Unicode hỏng/],
    ];
    const after = { ...good, mutation: nextMutation() };
    const results = await pushText(device, [...hostile.map(([text]) => text), JSON.stringify(after)]);
    expect(results).toHaveLength(hostile.length + 1);
    hostile.forEach(([, reason], i) => {
      expect(results[i]?.status, `entry ${i}`).toBe('rejected');
      expect(results[i]?.reason, `entry ${i}`).toMatch(reason);
    });
    expect(results.at(-1)).toMatchObject({ mutation: after.mutation, status: 'accepted' });
    // Replayed (the device did not get the answer), each says the same and nothing is applied twice.
    const again = await pushText(device, [...hostile.map(([text]) => text), JSON.stringify(after)]);
    expect(again).toEqual(results);
    const [stored] = await gw.db.query<{ n: number }>('select count(*)::int as n from dossiers where commune_id = $1', [device.communeId]);
    expect(stored?.n).toBe(1);
  });

  it('keeps refused entries under a storable name, so the device can be told which one it was', async () => {
    const device = await communeWithDevice(gw.app);
    const text = entryText({ kind: '"dossier.\\u0000"', entityId: '"id\\ud800"' });
    const [result] = await pushText(device, [text]);
    const mutation = (JSON.parse(text) as { mutation: number }).mutation;
    const [row] = await gw.db.query<{ kind: string; entity_id: string }>('select kind, entity_id from sync_mutations where device_id = $1 and mutation = $2', [
      device.deviceId,
      mutation,
    ]);
    expect(result?.status).toBe('rejected');
    expect(row).toEqual({ kind: 'dossier.\uFFFD', entity_id: 'id\uFFFD' });
  });
});

describe.each(testDatabaseKinds)('enrolment and sign-in with a NUL byte, on %s', (kind) => {
  const gw = useTestGateway(kind);

  it('answers 400 with a clear message, never 500', async () => {
    const cases: [string, unknown][] = [
      ['/api/devices/enrol', { code: 'ABCD-\u0000EFG', deviceName: 'Máy 1' }],
      ['/api/devices/enrol', { code: 'ABCD-EFGH', deviceName: 'Máy\u0000 1' }],
      ['/api/devices/enrol', { code: 'ABCD-EFGH', deviceName: 'Máy \ud800' }],
      ['/api/auth/sign-in', { username: 'nhan\u0000vien', password: 'mat-khau-dai-1' }],
      ['/api/auth/sign-in', { username: 'nhanvien', password: 'mat\u0000khau' }],
      ['/api/auth/sign-in', { username: 'nhan\udc00', password: 'mat-khau-dai-1' }],
    ];
    for (const [url, body] of cases) {
      const res = await json(gw.app, 'POST', url, body);
      expect(res.status, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect((await res.json()).message).toMatch(/ký tự không hợp lệ/);
    }
  });
});

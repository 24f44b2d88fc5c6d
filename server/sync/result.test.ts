// 'dossier.result' on real databases: the result paper is recorded only once the gateway holds its
// bytes (uploaded with tus and checked against the SHA-256), exactly once however often the change
// is replayed or the same paper attached again; a paper the gateway lacks or of another size is
// refused with a reason and changes nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { communeWithDevice, pushEntries, type TestDevice, uploadFile, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

const pdf = Buffer.from('%PDF-1.4\n% Giấy khai sinh — bản chính\n1 0 obj << >> endobj\n%%EOF\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(testDatabaseKinds)('dossier.result on %s', (kind) => {
  const gw = useTestGateway(kind);

  const push = (device: TestDevice, entries: unknown[]) => pushEntries(gw.app, device, entries);
  const stored = async (id: string) =>
    (
      await gw.db.query<{ version: unknown; data: { results?: { sha256: string; name: string; type: string; size: number; at: string }[] } }>(
        'select version, data from dossiers where id = $1',
        [id],
      )
    )[0]!;

  const upload = (device: TestDevice, bytes: Buffer) => uploadFile(gw.app, device, bytes, 'ket-qua.pdf');

  /** A dossier on the gateway, being processed (status 4). */
  async function processing(device: TestDevice) {
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const results = await push(device, [entry, transitionEntry(entry.entityId, 'startProcessing', '2026-03-02T03:00:00Z')]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    return entry.entityId;
  }

  // As src/features/dossiers/actions.ts attachResult writes it.
  const resultEntry = (dossierId: string, bytes: Buffer, over: Record<string, unknown> = {}, mutation = nextMutation()) => ({
    mutation,
    kind: 'dossier.result',
    entityId: dossierId,
    payload: {
      dossierId,
      sha256: sha(bytes),
      name: 'giay-khai-sinh.pdf',
      type: 'application/pdf',
      size: bytes.length,
      at: '2026-03-05T08:00:00.000Z',
      ...over,
    },
  });

  it('refuses a paper the gateway does not hold, then records it once its bytes have arrived, exactly once', async () => {
    const device = await communeWithDevice(gw.app);
    const id = await processing(device);
    const before = await stored(id);

    const early = resultEntry(id, pdf);
    const [refused] = await push(device, [early]);
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/chưa nhận được tệp kết quả "giay-khai-sinh.pdf"/) });
    expect(await stored(id)).toEqual(before);

    await upload(device, pdf);
    // The gateway's copy is byte for byte what the device holds.
    expect(readFileSync(path.join(gw.dataDir, 'files', sha(pdf)))).toEqual(pdf);
    const entry = resultEntry(id, pdf);
    const [accepted] = await push(device, [entry]);
    expect(accepted).toMatchObject({ status: 'accepted', serverVersion: expect.any(Number) });
    const after = await stored(id);
    expect(after.data.results).toEqual([
      { sha256: sha(pdf), name: 'giay-khai-sinh.pdf', type: 'application/pdf', size: pdf.length, at: '2026-03-05T08:00:00.000Z' },
    ]);

    // A replay answers the same; the same paper attached again under a new number adds nothing.
    expect(await push(device, [entry])).toEqual([accepted]);
    const [again] = await push(device, [resultEntry(id, pdf)]);
    expect(again).toMatchObject({ status: 'accepted', serverVersion: Number(after.version) });
    expect((await stored(id)).data.results).toHaveLength(1);
  });

  it('refuses a size that differs from the stored file, a dossier not yet processing, and a malformed payload', async () => {
    const device = await communeWithDevice(gw.app);
    const other = Buffer.from('%PDF-1.4\n% quyết định khác\n%%EOF\n');
    await upload(device, other);
    const id = await processing(device);
    const received = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0002` });
    await push(device, [received]);

    const results = await push(device, [
      resultEntry(id, other, { size: other.length + 1 }),
      resultEntry(received.entityId, other),
      resultEntry(id, other, { sha256: 'not-a-hash', type: 'text/plain' }),
      resultEntry('another-dossier', other),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(results[0]!.reason).toMatch(/khác kích thước/);
    expect(results[1]!.reason).toMatch(/Chỉ đính kèm kết quả khi hồ sơ đang xử lý/);
    expect(results[2]!.reason).toBe('Giấy tờ kết quả thiếu hoặc sai thông tin: mã SHA-256 của tệp; loại tệp.');
    expect(results[3]!.reason).toMatch(/không khớp với hồ sơ|Không tìm thấy hồ sơ/);
    expect((await stored(id)).data.results).toBeUndefined();
  });
});

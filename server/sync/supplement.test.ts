// 'dossier.transition' receiving a supplement with its papers, on real databases: the papers are
// taken in with the move only once the gateway holds their bytes for the device's own commune
// (uploaded with tus, checked against the SHA-256), like result papers; a paper it lacks, another
// commune's paper, a size that differs or papers on any other move refuse the whole change, which
// then changes nothing. A property test (fast-check, fixed seed) holds that rule on hostile lists.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communeWithDevice, holdFile, pushEntries, type TestDevice, uploadFile, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Paper {
  item: number;
  sha256: string;
  name: string;
  type: string;
  size: number;
  at: string;
}

describe.each(testDatabaseKinds)('receiving a supplement with its papers on %s', (kind) => {
  const gw = useTestGateway(kind);

  const push = (device: TestDevice, entries: unknown[]) => pushEntries(gw.app, device, entries);
  const stored = async (id: string) =>
    (
      await gw.db.query<{ version: unknown; status: number; data: { supplementPapers?: Paper[]; data: { state: { log: { action: string }[] } } } }>(
        'select version, status, data from dossiers where id = $1',
        [id],
      )
    )[0]!;

  const upload = (device: TestDevice, bytes: Buffer) => uploadFile(gw.app, device, bytes, 'bo-sung.pdf');

  let sequence = 0;
  /** A dossier on the gateway waiting for the citizen's supplement (status 5). */
  async function waiting(device: TestDevice) {
    sequence += 1;
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-${String(sequence).padStart(4, '0')}` });
    const results = await push(device, [
      entry,
      transitionEntry(entry.entityId, 'startProcessing', '2026-03-02T03:00:00Z'),
      transitionEntry(entry.entityId, 'requestSupplement', '2026-03-03T02:00:00Z', 'Giấy chứng sinh: Bản chụp không đọc được'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    return entry.entityId;
  }

  // As src/features/dossiers/actions.ts performDossierAction writes it for receiveSupplement.
  const receiveSupplement = (dossierId: string, papers: unknown, over: Record<string, unknown> = {}, mutation = nextMutation()) => {
    const entry = transitionEntry(dossierId, 'receiveSupplement', '2026-03-05T02:00:00.000Z', undefined, mutation);
    return { ...entry, payload: { ...entry.payload, ...(papers === undefined ? {} : { papers }), ...over } };
  };
  const paperOf = (bytes: Buffer, item = 0, over: Record<string, unknown> = {}) => ({
    item,
    sha256: sha(bytes),
    name: 'Giấy chứng sinh (bổ sung).pdf',
    type: 'application/pdf',
    size: bytes.length,
    ...over,
  });

  it('refuses papers the gateway does not hold, then takes them in with the move once uploaded, exactly once', async () => {
    const device = await communeWithDevice(gw.app);
    const id = await waiting(device);
    const before = await stored(id);
    const birth = pdf('Giấy chứng sinh — bản chính');
    const form = pdf('Tờ khai sửa lại');

    await upload(device, form);
    const [early] = await push(device, [receiveSupplement(id, [paperOf(birth, 0), paperOf(form, 1, { name: 'Tờ khai (bổ sung).pdf' })])]);
    expect(early).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/chưa nhận được tệp bổ sung "Giấy chứng sinh \(bổ sung\)\.pdf"/) });
    // Nothing of it: the dossier still waits, without papers.
    expect(await stored(id)).toEqual(before);

    await upload(device, birth);
    expect(readFileSync(path.join(gw.dataDir, 'files', sha(birth)))).toEqual(birth);
    const entry = receiveSupplement(id, [paperOf(birth, 0), paperOf(form, 1, { name: 'Tờ khai (bổ sung).pdf' })]);
    const [accepted] = await push(device, [entry]);
    expect(accepted).toMatchObject({ status: 'accepted', serverVersion: expect.any(Number) });
    const after = await stored(id);
    expect(after.status).toBe(4);
    expect(after.data.supplementPapers).toEqual([
      { item: 0, sha256: sha(birth), name: 'Giấy chứng sinh (bổ sung).pdf', type: 'application/pdf', size: birth.length, at: '2026-03-05T02:00:00.000Z' },
      { item: 1, sha256: sha(form), name: 'Tờ khai (bổ sung).pdf', type: 'application/pdf', size: form.length, at: '2026-03-05T02:00:00.000Z' },
    ]);
    expect(after.data.data.state.log.map((e) => e.action)).toEqual(['receive', 'startProcessing', 'requestSupplement', 'receiveSupplement']);

    // A replay answers the same and adds nothing; the move cannot happen twice.
    expect(await push(device, [entry])).toEqual([accepted]);
    const [again] = await push(device, [receiveSupplement(id, [paperOf(birth, 0)])]);
    expect(again?.status).toBe('rejected');
    expect((await stored(id)).data.supplementPapers).toHaveLength(2);
  });

  it("never takes another commune's paper, nor acts on another commune's dossier", async () => {
    const device = await communeWithDevice(gw.app);
    const other = await communeWithDevice(gw.app);
    const id = await waiting(device);
    const theirs = await waiting(other);
    const foreign = pdf('Giấy tờ của xã khác');
    await upload(other, foreign);
    const before = [await stored(id), await stored(theirs)];

    const results = await push(device, [receiveSupplement(id, [paperOf(foreign)]), receiveSupplement(theirs, [paperOf(foreign)])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results[0]!.reason).toMatch(/chưa nhận được tệp bổ sung/);
    expect(results[1]!.reason).toMatch(/Không tìm thấy hồ sơ/);
    expect([await stored(id), await stored(theirs)]).toEqual(before);
  });

  it('refuses a size that differs, papers on another move, and malformed papers, with reasons, changing nothing', async () => {
    const device = await communeWithDevice(gw.app);
    const id = await waiting(device);
    const birth = pdf('Giấy chứng sinh');
    await upload(device, birth);
    const processing = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0999` });
    await push(device, [processing, transitionEntry(processing.entityId, 'startProcessing', '2026-03-02T03:00:00Z')]);
    const before = [await stored(id), await stored(processing.entityId)];

    const withPapers = transitionEntry(processing.entityId, 'markResultReady', '2026-03-05T02:00:00.000Z');
    const results = await push(device, [
      receiveSupplement(id, [paperOf(birth, 0, { size: birth.length + 1 })]),
      { ...withPapers, payload: { ...withPapers.payload, papers: [paperOf(birth)] } },
      receiveSupplement(id, [paperOf(birth, 0, { type: 'image/jpeg' })]),
      receiveSupplement(id, [paperOf(birth, -1)]),
      receiveSupplement(id, [paperOf(birth, 0, { sha256: sha(birth).toUpperCase() })]),
      receiveSupplement(id, [{ ...paperOf(birth), photo: 'IMG_0001.jpg' }]),
      receiveSupplement(id, []),
      receiveSupplement(id, 'giay-chung-sinh.pdf'),
      receiveSupplement(
        id,
        Array.from({ length: 51 }, (_, i) => paperOf(birth, i % 50)),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(9).fill('rejected'));
    expect(results[0]!.reason).toMatch(/khác kích thước/);
    expect(results[1]!.reason).toBe('Chỉ thao tác "Nhận hồ sơ bổ sung" mới được kèm giấy tờ.');
    expect(results[2]!.reason).toBe('Thao tác trên hồ sơ thiếu hoặc sai thông tin: giấy tờ bổ sung (0.type).');
    expect(results[3]!.reason).toBe('Thao tác trên hồ sơ thiếu hoặc sai thông tin: giấy tờ bổ sung (0.item).');
    expect(results[4]!.reason).toBe('Thao tác trên hồ sơ thiếu hoặc sai thông tin: giấy tờ bổ sung (0.sha256).');
    expect(results[5]!.reason).toBe('Thao tác trên hồ sơ thiếu hoặc sai thông tin: trường lạ "photo" trong giấy tờ bổ sung (0).');
    for (const r of results.slice(6)) expect(r.reason).toBe('Thao tác trên hồ sơ thiếu hoặc sai thông tin: giấy tờ bổ sung.');
    expect([await stored(id), await stored(processing.entityId)]).toEqual(before);

    // Without papers the supplement is still received (every line answered by a note on the device).
    const [noted] = await push(device, [receiveSupplement(id, undefined, { note: 'Giấy chứng sinh: chỉ xuất trình bản chính để đối chiếu' })]);
    expect(noted?.status).toBe('accepted');
    expect((await stored(id)).data.supplementPapers).toBeUndefined();
  });

  it('accepts a hostile list of papers exactly when every paper is sound and held by the commune (property, fixed seed)', async () => {
    const device = await communeWithDevice(gw.app);
    const bystander = await communeWithDevice(gw.app);
    const ours = pdf('giấy tờ của xã');
    const theirs = pdf('giấy tờ xã bên cạnh');
    await holdFile(gw.db, device.communeId, sha(ours), ours.length);
    await holdFile(gw.db, bystander.communeId, sha(theirs), theirs.length);
    const held = (p: unknown) => {
      const paper = p as Record<string, unknown>;
      return paper.sha256 === sha(ours) && paper.size === ours.length;
    };
    const sound = (p: unknown) => {
      if (typeof p !== 'object' || p === null || Array.isArray(p)) return false;
      const paper = p as Record<string, unknown>;
      const keys = Object.keys(paper).sort().join();
      return (
        keys === 'item,name,sha256,size,type' &&
        Number.isInteger(paper.item) &&
        (paper.item as number) >= 0 &&
        (paper.item as number) < 50 &&
        typeof paper.name === 'string' &&
        paper.name.trim().length > 0 &&
        // eslint-disable-next-line no-control-regex -- NUL is what the gateway refuses
        !/\u0000|\p{Cs}/u.test(paper.name) &&
        paper.name.length <= 300 &&
        paper.type === 'application/pdf'
      );
    };
    const hostile = fc.record(
      {
        item: fc.oneof(fc.integer({ min: -2, max: 52 }), fc.constantFrom(0.5, '0', null)),
        sha256: fc.oneof(fc.constantFrom(sha(ours), sha(theirs), sha(pdf('never uploaded')), 'x'.repeat(64)), fc.string({ unit: 'binary', maxLength: 8 })),
        name: fc.oneof(fc.constantFrom('Giấy chứng sinh.pdf', ' ', '', 'a'.repeat(301)), fc.string({ unit: 'binary', maxLength: 12 })),
        type: fc.constantFrom('application/pdf', 'image/jpeg', 'image/png', ''),
        size: fc.oneof(fc.constantFrom(ours.length, theirs.length, 0, -1, 1e308), fc.nat()),
        extra: fc.string({ maxLength: 4 }),
      },
      { requiredKeys: ['item', 'sha256', 'name'] },
    );
    // Sound papers often enough that both answers are seen: ours, the bystander's, one never uploaded.
    const soundPaper = fc.record({
      item: fc.integer({ min: 0, max: 49 }),
      sha256: fc.oneof({ arbitrary: fc.constant(sha(ours)), weight: 6 }, { arbitrary: fc.constantFrom(sha(theirs), sha(pdf('never uploaded'))), weight: 1 }),
      name: fc.constantFrom('Giấy chứng sinh (bổ sung).pdf', 'Tờ khai.pdf'),
      type: fc.constant('application/pdf'),
      size: fc.oneof({ arbitrary: fc.constant(ours.length), weight: 6 }, { arbitrary: fc.constant(theirs.length), weight: 1 }),
    });
    const paper = fc.oneof({ arbitrary: soundPaper, weight: 3 }, { arbitrary: hostile, weight: 1 });
    const seen = { accepted: 0, rejected: 0 };
    const papers = fc.oneof(fc.array(paper, { minLength: 1, maxLength: 3 }), fc.constantFrom<unknown>([], null, 'giay.pdf', {}));
    await fc.assert(
      fc.asyncProperty(papers, async (list) => {
        const id = await waiting(device);
        const before = await stored(id);
        const [answer] = await push(device, [receiveSupplement(id, list)]);
        const acceptable = Array.isArray(list) && list.length > 0 && list.every((p) => sound(p) && held(p));
        expect(answer?.status, JSON.stringify(list)).toBe(acceptable ? 'accepted' : 'rejected');
        seen[acceptable ? 'accepted' : 'rejected'] += 1;
        const after = await stored(id);
        if (acceptable) {
          expect(after.status).toBe(4);
          expect(after.data.supplementPapers?.map((p) => p.sha256)).toEqual((list as { sha256: string }[]).map(() => sha(ours)));
        } else {
          expect(answer?.reason).toMatch(/\S{3,}/);
          expect(after).toEqual(before);
        }
      }),
      { seed: 20261205, numRuns: 30 },
    );
    expect(seen.accepted).toBeGreaterThan(2);
    expect(seen.rejected).toBeGreaterThan(10);
  }, 300_000);
});

// Property-based fuzz of the file routes (fast-check, fixed seed, bounded runs), as strangers would
// probe them: tus creation with hostile Upload-Metadata, Upload-Length and other tus headers; PATCH
// with wrong offsets, types and lengths; every method on another device's upload under many
// spellings of its path; by-hash and held-files questions with hostile hashes. Never a 5xx, an
// upload is always its creator's whatever its metadata claims, and nothing of commune A (its
// upload in progress, its stored file, its rows) is changed or revealed. On PGlite and PostgreSQL.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeWithDevice, enrolDevice, holdFile, type TestDevice, useTestGateway } from '../test/gateway';
import { OPEN_DB_TIMEOUT_MS, testDatabaseKinds } from '../test/test-db';

const SEED = 20261205;
const MAX_FILE_BYTES = 64 * 1024;
const tus = { 'tus-resumable': '1.0.0' };
const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Text a header may carry (Latin-1 without controls): what any client can put on the wire. */
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
/** Text anywhere, lone surrogates and NUL included, as it comes out of base64 in metadata. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('\u0000', '\ud800', 'a\u0007b', '../../etc/passwd', '__proto__', ''));
const metadataKey = fc.oneof(
  fc.constantFrom('sha256', 'deviceId', 'communeId', 'filename', 'filetype', '__proto__', 'constructor', 'toString', 'SHA256', 'sha256 ', ''),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_-.0123456789é,= '), maxLength: 12 }),
);

// A built app's shell, so a path the gateway does not take for the API (//api/files/…) gets the
// page a browser would, as in production, rather than the unbuilt gateway's 503.
const staticDir = mkdtempSync(path.join(tmpdir(), 'motcua-fuzz-app-'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Một cửa</title>');
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

describe.each(testDatabaseKinds)('fuzzing the file routes on %s', (kind) => {
  const gw = useTestGateway(kind, { maxFileBytes: MAX_FILE_BYTES, staticDir });
  let a: TestDevice;
  let b: TestDevice;
  let sibling: TestDevice;
  const aBytes = randomBytes(1237);
  const aSha = sha(aBytes);
  const bSha = 'b'.repeat(64);
  let aUpload = '';
  let aUploadSha = '';
  let secretsOfA: string[] = [];

  const request = (device: TestDevice, method: string, url: string, headers: Record<string, string> = {}, body?: Uint8Array) =>
    gw.app.request(url, { method, headers: { authorization: `Bearer ${device.token}`, ...headers }, ...(body ? { body: new Uint8Array(body) } : {}) });
  const answerText = async (res: Response) => `${[...res.headers].join('\n')}\n${res.status === 204 ? '' : await res.text()}`;
  const expectNoLeak = (what: string, text: string) => {
    for (const secret of secretsOfA) expect(text.includes(secret), `${what} reveals ${secret}: ${text.slice(0, 300)}`).toBe(false);
  };
  const rowsOfA = async () => ({
    held: await gw.db.query('select sha256, first_device_id from commune_files where commune_id = $1 order by sha256', [a.communeId]),
    files: await gw.db.query('select sha256, size from files where sha256 = $1', [aSha]),
  });
  async function expectAUntouched(before: Awaited<ReturnType<typeof rowsOfA>>) {
    const head = await request(a, 'HEAD', `/api/files/${aUpload}`, tus);
    expect(head.status).toBe(200);
    expect([head.headers.get('upload-offset'), head.headers.get('upload-length')]).toEqual(['5', '100']);
    expect(readFileSync(path.join(gw.dataDir, 'files', aSha))).toEqual(aBytes);
    expect(await rowsOfA()).toEqual(before);
  }

  beforeAll(async () => {
    a = await communeWithDevice(gw.app);
    b = await communeWithDevice(gw.app);
    sibling = await enrolDevice(gw.app, a.communeId, 'Máy thứ hai của xã A');
    // A's stored file, sent in one creating request as the app sends small files.
    const stored = await request(
      a,
      'POST',
      '/api/files',
      { ...tus, 'upload-length': String(aBytes.length), 'upload-metadata': `sha256 ${b64(aSha)}`, 'content-type': 'application/offset+octet-stream' },
      new Uint8Array(aBytes),
    );
    expect(stored.status).toBe(201);
    // A's upload in progress: 5 of 100 bytes.
    aUploadSha = sha(randomBytes(8));
    const pending = await request(a, 'POST', '/api/files', {
      ...tus,
      'upload-length': '100',
      'upload-metadata': `sha256 ${b64(aUploadSha)},filename ${b64('giay-khai-sinh.pdf')}`,
    });
    aUpload = pending.headers.get('location')!.split('/').pop()!;
    const sent = await request(
      a,
      'PATCH',
      `/api/files/${aUpload}`,
      { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      new Uint8Array(5),
    );
    expect(sent.status).toBe(204);
    await holdFile(gw.db, b.communeId, bSha, 2048);
    secretsOfA = [a.communeId, a.deviceId, aSha, aUploadSha, 'giay-khai-sinh.pdf'];
  }, OPEN_DB_TIMEOUT_MS);

  it('creates an upload only for its caller, whatever the metadata and tus headers say, and never answers 5xx', async () => {
    const before = await rowsOfA();
    // Mostly a sound creation with hostile parts added, so that many are taken (and their stored
    // owner checked), the rest wholly hostile.
    const hostilePair = fc
      .tuple(metadataKey, fc.option(fc.oneof(anyText.map(b64), fc.uint8Array({ maxLength: 40 }).map(b64), headerText), { nil: undefined }))
      .map(([k, v]) => (v === undefined ? k : `${k} ${v}`));
    // Well-formed pairs (tus refuses the whole header otherwise) carrying hostile keys and values:
    // claims to be commune A's device, prototype keys, NUL and broken surrogates, paths.
    const wellFormedPair = fc.tuple(
      fc.oneof(
        fc.constantFrom('deviceId', 'communeId', 'filename', 'filetype', '__proto__', 'constructor', 'toString', 'SHA256'),
        fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,10}$/),
      ),
      fc.oneof(
        fc.constantFrom(a.deviceId, a.communeId, '..\u0000/\ud800.pdf', '{"deviceId":"x"}').map(b64),
        anyText.map(b64),
        fc.uint8Array({ maxLength: 40 }).map(b64),
      ),
    );
    const metadata = fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .tuple(fc.stringMatching(/^[0-9a-f]{64}$/), fc.uniqueArray(wellFormedPair, { maxLength: 4, selector: ([k]) => k }))
          .map(([h, pairs]) => [`sha256 ${b64(h)}`, ...pairs.filter(([k]) => k !== 'sha256').map(([k, v]) => `${k} ${v}`)].join(',')),
      },
      { weight: 1, arbitrary: fc.array(hostilePair, { maxLength: 5 }).map((pairs) => pairs.join(',')) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          `sha256 ${b64(aSha)},deviceId ${b64(a.deviceId)},communeId ${b64(a.communeId)}`,
          `sha256 ${b64(aSha.toUpperCase())}`,
          `sha256 ${b64(`${aSha}\u0000`)}`,
        ),
      },
      { weight: 1, arbitrary: headerText },
    );
    const length = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: MAX_FILE_BYTES }).map(String) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '0',
          '-1',
          '1.5',
          '1e3',
          '0x10',
          ' 10',
          '10 ',
          '',
          '+10',
          String(MAX_FILE_BYTES + 1),
          '9'.repeat(30),
          String(Number.MAX_SAFE_INTEGER),
        ),
      },
      { weight: 1, arbitrary: headerText },
    );
    const extra = fc.record(
      {
        'upload-defer-length': fc.constantFrom('1', '0', 'yes'),
        'upload-concat': fc.constantFrom(
          'partial',
          `final;/api/files/${aUpload}`,
          `final;${aUpload}`,
          `final;http://localhost/api/files/${aUpload} /api/files/${aUpload}`,
        ),
        'upload-offset': fc.oneof(fc.constantFrom('0', '5', '-1'), headerText),
        'content-type': fc.constantFrom('application/offset+octet-stream', 'application/json', 'text/plain'),
        'tus-resumable': fc.constantFrom('0.2.2', '', '1.0.0, 0.2.2'),
        'x-http-method-override': fc.constantFrom('DELETE', 'PATCH', 'HEAD', 'GET'),
      },
      { requiredKeys: [] },
    );
    const someExtra = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extra });
    const caller = fc.constantFrom('b', 'sibling') as fc.Arbitrary<'b' | 'sibling'>;
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        caller,
        fc.option(metadata, { nil: undefined, freq: 8 }),
        fc.option(length, { nil: undefined, freq: 8 }),
        someExtra,
        fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined, freq: 2 }),
        async (who, meta, len, headers, body) => {
          const device = who === 'b' ? b : sibling;
          // A body comes with the type creation-with-upload asks for, unless the extra headers say otherwise.
          const sent = {
            ...tus,
            ...(body ? { 'content-type': 'application/offset+octet-stream' } : {}),
            ...headers,
            ...(meta === undefined ? {} : { 'upload-metadata': meta }),
            ...(len === undefined ? {} : { 'upload-length': len }),
          };
          const res = await request(device, 'POST', '/api/files', sent, body);
          const text = await answerText(res);
          expect(res.status, `${JSON.stringify(sent)}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (who === 'b') expectNoLeak(JSON.stringify(sent), text);
          if (res.status === 201) {
            created += 1;
            const location = res.headers.get('location') ?? '';
            expect(location).toMatch(/^\/api\/files\/[0-9a-f]{32}$/);
            const id = location.split('/').pop()!;
            const config = path.join(gw.dataDir, 'uploads', `${id}.json`);
            // Still in progress (a whole file sent at once is stored, then its upload removed).
            if (existsSync(config)) {
              const upload = JSON.parse(readFileSync(config, 'utf8')) as { metadata: Record<string, string> };
              expect(upload.metadata).toMatchObject({ deviceId: device.deviceId, communeId: device.communeId });
              expect(upload.metadata.sha256).toMatch(/^[0-9a-f]{64}$/);
            }
          }
        },
      ),
      { seed: SEED, numRuns: 80 },
    );
    // The fuzz reached what it is for: uploads created under hostile metadata.
    expect(created).toBeGreaterThan(10);
    await expectAUntouched(before);
  }, 300_000);

  it('lets no other device reach an upload under any spelling of its path or with any tus headers', async () => {
    const before = await rowsOfA();
    const encodeAll = (text: string) => [...text].map((ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
    const prefix = fc.constantFrom(
      '/api/files/',
      '/api/files//',
      '/api//files/',
      '//api/files/',
      '/API/files/',
      '/api/FILES/',
      '/api/files/%2F',
      '/api/files/%2f',
      '/api/files/.%2F',
      '/api/files/%2E/',
      '/api/files/x/../',
      '/api/files/by-hash/../',
      '/api%2Ffiles%2F',
      '/api/files%2F',
      '/api/files/%5C',
      '/api/files\\',
    );
    const spelling = fc.constantFrom(
      (id: string) => id,
      (id: string) => id.toUpperCase(),
      (id: string) => `${id}/`,
      (id: string) => `${id}//`,
      (id: string) => `${id}%2F`,
      (id: string) => `${id}%00`,
      (id: string) => `${id}%20`,
      (id: string) => `${id}?x=1`,
      (id: string) => `${id}/?x=1`,
      (id: string) => `${id}#x`,
      (id: string) => `${id};x`,
      (id: string) => `${id}.json`,
      (id: string) => encodeAll(id),
      (id: string) => `${id.slice(0, 16)}%2F${id.slice(16)}`,
      (id: string) => `${id}/${id}`,
      (id: string) => `..%2Fuploads%2F${id}`,
    );
    const method = fc.constantFrom('HEAD', 'PATCH', 'DELETE', 'GET', 'POST', 'PUT', 'OPTIONS');
    const headers = fc.record(
      {
        'upload-offset': fc.oneof(fc.constantFrom('0', '5', '4', '6', '-1', '100', '1e1', ''), headerText),
        'content-type': fc.constantFrom('application/offset+octet-stream', 'application/octet-stream', 'application/json'),
        'upload-length': fc.constantFrom('100', '5', '0'),
        'x-http-method-override': fc.constantFrom('DELETE', 'PATCH', 'HEAD'),
      },
      { requiredKeys: [] },
    );
    const caller = fc.constantFrom('b', 'sibling') as fc.Arbitrary<'b' | 'sibling'>;
    await fc.assert(
      fc.asyncProperty(
        caller,
        method,
        prefix,
        spelling,
        headers,
        fc.uint8Array({ minLength: 1, maxLength: 95 }),
        async (who, verb, pre, spell, extra, body) => {
          const device = who === 'b' ? b : sibling;
          const url = `${pre}${spell(aUpload)}`;
          const res = await request(device, verb, url, { ...tus, ...extra }, verb === 'PATCH' || verb === 'POST' || verb === 'PUT' ? body : undefined);
          const text = await answerText(res);
          const what = `${who} ${verb} ${url}`;
          expect(res.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
          // OPTIONS tells only what the endpoint supports; anything else on A's upload is refused,
          // or is no API path at all and gets the app's shell.
          const shell = (res.headers.get('content-type') ?? '').startsWith('text/html');
          if (verb !== 'OPTIONS' && !shell) expect(res.status, `${what}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          if (shell) expect(text, what).not.toMatch(/tus-resumable|upload-/i);
          expect(res.headers.get('upload-offset'), what).toBeNull();
          if (who === 'b') expectNoLeak(what, text);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
    await expectAUntouched(before);
  }, 300_000);

  it('keeps an upload whole under PATCHes with wrong offsets, types and lengths from its own device', async () => {
    const before = await rowsOfA();
    const LENGTH = 40;
    const answered = new Set<number>();
    const patch = fc.record({
      offset: fc.oneof(
        fc.constantFrom('0', '-1', '1e1', '', ' 0', '0x0', String(LENGTH), String(LENGTH + 1), '99999999999999999999'),
        fc.nat({ max: LENGTH + 5 }).map(String),
        headerText,
      ),
      useRightOffset: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      type: fc.oneof(
        { weight: 3, arbitrary: fc.constant('application/offset+octet-stream') },
        { weight: 1, arbitrary: fc.constantFrom('application/offset+octet-stream; charset=utf-8', 'application/json', '') },
      ),
      body: fc.uint8Array({ maxLength: LENGTH + 10 }),
      // Or exactly what is left (or one byte more), so that uploads also reach their end.
      fill: fc.constantFrom('none', 'none', 'rest', 'restAndOne'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(patch, { minLength: 1, maxLength: 6 }), async (patches) => {
        const created = await request(b, 'POST', '/api/files', {
          ...tus,
          'upload-length': String(LENGTH),
          'upload-metadata': `sha256 ${b64(sha(randomBytes(4)))}`,
        });
        expect(created.status).toBe(201);
        const url = created.headers.get('location')!;
        let offset = 0;
        let gone = false;
        for (const p of patches) {
          const sentOffset = p.useRightOffset ? String(offset) : p.offset;
          const body = p.fill === 'none' ? p.body : new Uint8Array(LENGTH - offset + (p.fill === 'rest' ? 0 : 1)).fill(7);
          const res = await request(b, 'PATCH', url, { ...tus, 'upload-offset': sentOffset, ...(p.type ? { 'content-type': p.type } : {}) }, body);
          const what = `PATCH offset ${JSON.stringify(sentOffset)} at ${offset}, ${body.length} bytes, ${p.type}`;
          expect(res.status, `${what}: ${await res.clone().text()}`).toBeLessThan(500);
          answered.add(res.status);
          if (gone) {
            expect(res.status, what).toBe(404);
            continue;
          }
          if (res.status === 204) {
            // Taken only at the upload's own offset, and never past its declared length.
            expect(sentOffset.trim(), what).toBe(String(offset));
            offset = Number(res.headers.get('upload-offset'));
            expect(offset, what).toBeLessThanOrEqual(LENGTH);
          }
          // The whole length came and did not hash to the claimed sha256: refused and removed.
          if (res.status === 460) gone = true;
          const head = await request(b, 'HEAD', url, tus);
          if (gone) expect(head.status).toBe(404);
          else expect([head.status, head.headers.get('upload-offset')], what).toEqual([200, String(offset)]);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
    // Chunks taken, offsets refused, and whole uploads refused for their hash were all reached.
    expect([...answered].sort()).toEqual(expect.arrayContaining([204, 409, 460]));
    await expectAUntouched(before);
  }, 300_000);

  it("answers by-hash and held-files questions with the caller commune's files only, whatever the hash", async () => {
    const before = await rowsOfA();
    const hash = fc.oneof(
      fc.constantFrom(
        aSha,
        aSha.toUpperCase(),
        `${aSha}/`,
        `${aSha}%00`,
        `${aSha}%20`,
        `${aSha}?x=1`,
        aSha.slice(0, 63),
        `${aSha}a`,
        `%2E%2E%2F${aSha}`,
        `..%2Ffiles%2F${aSha}`,
        aUploadSha,
        bSha,
        bSha.toUpperCase(),
        `${bSha}?x=${aSha}`,
      ),
      fc.constantFrom(aSha, bSha).map((h) => [...h].map((ch) => `%${ch.charCodeAt(0).toString(16)}`).join('')),
      fc.stringMatching(/^[0-9a-f]{64}$/),
      anyText.map((t) => encodeURIComponent(t.replace(/\p{Cs}/gu, '\ufffd'))),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'HEAD'), hash, async (verb, h) => {
        const url = `/api/files/by-hash/${h}`;
        const res = await request(b, verb, url);
        const text = await answerText(res);
        expect(res.status, `${verb} ${url}: ${text.slice(0, 300)}`).toBeLessThan(500);
        expectNoLeak(`${verb} ${url}`, text);
        expect(res.headers.get('x-file-size'), url).not.toBe(String(aBytes.length));
        if (res.status < 300) expect([decodeURIComponent(h.split('?')[0]!), res.headers.get('x-file-size')], url).toEqual([bSha, '2048']);
      }),
      { seed: SEED, numRuns: 80 },
    );
    const held = fc.oneof(
      fc.record({ sha256: fc.array(fc.constantFrom(aSha, bSha, aUploadSha, aSha.toUpperCase(), `${aSha} `, ''), { minLength: 1, maxLength: 6 }) }),
      fc.record({ sha256: fc.array(fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), anyText), { maxLength: 4 }) }),
      fc.record({ sha256: fc.constantFrom(aSha, [[aSha]], { 0: aSha }, null) }),
    );
    await fc.assert(
      fc.asyncProperty(held, async (body) => {
        const res = await request(b, 'POST', '/api/files/held', { 'content-type': 'application/json' }, new TextEncoder().encode(JSON.stringify(body)));
        const answer = await res.clone().text();
        const text = await answerText(res);
        expect(res.status, `${JSON.stringify(body)}: ${text.slice(0, 300)}`).toBeLessThan(500);
        expectNoLeak(JSON.stringify(body), text);
        if (res.status === 200) expect((JSON.parse(answer) as { held: string[] }).held.every((h) => h === bSha)).toBe(true);
      }),
      { seed: SEED, numRuns: 60 },
    );
    await expectAUntouched(before);
  }, 300_000);
});

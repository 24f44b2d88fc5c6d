// Resumable uploads over a real socket: an upload cut half-way resumes from the offset the
// gateway reports, the finished file is hashed by the gateway and kept once under its SHA-256,
// a file whose bytes do not match its declared hash is thrown away, and devices keep to their own.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeWithDevice, enrolDevice, pushEntries, startTestGateway, type TestDevice, type TestGateway } from '../test/gateway';
import { receiveEntry } from '../test/dossiers';
import { OPEN_DB_TIMEOUT_MS } from '../test/test-db';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (s: string) => Buffer.from(s).toString('base64');

let gw: TestGateway;
let server: ServerType;
let base: string;
let device: TestDevice;
let neighbour: TestDevice;

beforeAll(async () => {
  gw = await startTestGateway('pglite', { maxFileBytes: 8 * 1024 * 1024 });
  device = await communeWithDevice(gw.app);
  neighbour = await enrolDevice(gw.app, device.communeId, 'Máy bên cạnh');
  await new Promise<void>((resolve) => {
    server = serve({ fetch: gw.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, OPEN_DB_TIMEOUT_MS);
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await gw?.cleanup();
});

const auth = (d: TestDevice) => ({ authorization: `Bearer ${d.token}`, 'tus-resumable': '1.0.0' });

async function create(d: TestDevice, size: number, hash: string | null, name = 'trang-1.jpg'): Promise<Response> {
  const metadata = [`filename ${b64(name)}`, ...(hash ? [`sha256 ${b64(hash)}`] : [])].join(',');
  return fetch(`${base}/api/files`, { method: 'POST', headers: { ...auth(d), 'upload-length': String(size), 'upload-metadata': metadata } });
}

function patch(d: TestDevice, location: string, offset: number, body: Buffer) {
  return fetch(`${base}${location}`, {
    method: 'PATCH',
    headers: { ...auth(d), 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(body),
  });
}

async function offsetOf(d: TestDevice, location: string): Promise<number> {
  const res = await fetch(`${base}${location}`, { method: 'HEAD', headers: auth(d) });
  expect(res.status).toBe(200);
  return Number(res.headers.get('upload-offset'));
}

/** Sends `sent` bytes of a PATCH that promised `total`, then cuts the connection, as a dropped link does. */
function cutPatch(d: TestDevice, location: string, total: Buffer, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(`${base}${location}`, {
      method: 'PATCH',
      headers: { ...auth(d), 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(total.length) },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(total.subarray(0, sent), () => setTimeout(() => req.destroy(), 300));
  });
}

describe('tus uploads under /api/files', () => {
  it('resumes an upload cut half-way and keeps the verified file once, under its hash', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 123);
    const hash = sha256(content);
    expect((await fetch(`${base}/api/files/by-hash/${hash}`, { method: 'HEAD', headers: auth(device) })).status).toBe(404);

    const created = await create(device, content.length, hash);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/files\/[0-9a-f]+$/);

    await cutPatch(device, location, content, 1024 * 1024);
    let offset = 0;
    await expect.poll(async () => (offset = await offsetOf(device, location)), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(1024 * 1024);

    const rest = await patch(device, location, offset, content.subarray(offset));
    expect(rest.status).toBe(204);
    expect(Number(rest.headers.get('upload-offset'))).toBe(content.length);

    const stored = path.join(gw.dataDir, 'files', hash);
    expect(sha256(readFileSync(stored))).toBe(hash);
    const head = await fetch(`${base}/api/files/by-hash/${hash}`, { method: 'HEAD', headers: auth(device) });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-file-size')).toBe(String(content.length));
    expect(await gw.db.query('select sha256, size::int as size, first_device_id from files where sha256 = $1', [hash])).toEqual([
      { sha256: hash, size: content.length, first_device_id: device.deviceId },
    ]);
    // The upload's working copy and its info file go once the answer is made.
    await expect.poll(() => readdirSync(path.join(gw.dataDir, 'uploads'))).toEqual([]);
  });

  it('keeps a file sent twice only once', async () => {
    const content = randomBytes(50_000);
    const hash = sha256(content);
    for (const d of [device, neighbour]) {
      const location = (await create(d, content.length, hash)).headers.get('location')!;
      expect((await patch(d, location, 0, content)).status).toBe(204);
    }
    expect(readdirSync(path.join(gw.dataDir, 'files')).filter((f) => f === hash)).toHaveLength(1);
    expect(await gw.db.query('select first_device_id from files where sha256 = $1', [hash])).toEqual([{ first_device_id: device.deviceId }]);
  });

  it('throws away a file whose bytes do not match the declared SHA-256', async () => {
    const content = randomBytes(40_000);
    const claimed = sha256(Buffer.from('something else'));
    const location = (await create(device, content.length, claimed)).headers.get('location')!;
    const res = await patch(device, location, 0, content);
    expect(res.status).toBe(460);
    expect(await res.text()).toMatch(/không khớp mã SHA-256/);
    expect(existsSync(path.join(gw.dataDir, 'files', claimed))).toBe(false);
    expect(existsSync(path.join(gw.dataDir, 'files', sha256(content)))).toBe(false);
    expect((await fetch(`${base}${location}`, { method: 'HEAD', headers: auth(device) })).status).toBe(404);
  });

  it("refuses uploads without a hash, too large, without a token, or another device's", async () => {
    expect((await create(device, 10, null)).status).toBe(400);
    expect((await create(device, 9 * 1024 * 1024, sha256(Buffer.from('x')))).status).toBe(413);
    const anonymous = await fetch(`${base}/api/files`, { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(anonymous.status).toBe(401);

    const content = randomBytes(1000);
    const location = (await create(device, content.length, sha256(content))).headers.get('location')!;
    expect((await fetch(`${base}${location}`, { method: 'HEAD', headers: auth(neighbour) })).status).toBe(404);
    expect((await patch(neighbour, location, 0, content)).status).toBe(404);
    expect((await fetch(`${base}${location}`, { headers: auth(device) })).status).toBe(405);
    const stranger = await communeWithDevice(gw.app);
    expect((await fetch(`${base}${location}`, { method: 'DELETE', headers: auth(stranger) })).status).toBe(404);
    expect((await patch(device, location, 0, content)).status).toBe(204);
  });

  it('reaches an upload by one spelling only: no other path lets a stranger read or delete it', async () => {
    const content = randomBytes(2_000);
    const location = (await create(device, content.length, sha256(content))).headers.get('location')!;
    expect((await patch(device, location, 0, content.subarray(0, 500))).status).toBe(204);
    const id = path.basename(location);
    const stranger = await communeWithDevice(gw.app);
    const spellings = [
      `${location}/`,
      `/api/files//${id}`,
      `/api/files/x%2F${id}`,
      `/api/files/%2F${id}`,
      `/api/files/${id}%2F`,
      `/api/files/${id}%2f`,
      `/api/files/${id}/.`,
      `/api/files/${id}?x=1`,
      `/api/files/${id}/?x=1`,
      `/api/files/${id.toUpperCase()}`,
      `/API/FILES/${id}`,
      `/api/files/held/${id}`,
      `/api/files/by-hash/${id}`,
      `/api/files/${id}%00`,
      `/api/files/${id}%20`,
    ];
    for (const spelling of spellings) {
      for (const method of ['HEAD', 'DELETE', 'PATCH', 'POST', 'GET']) {
        for (const who of [stranger, neighbour]) {
          const res = await fetch(`${base}${spelling}`, {
            method,
            headers: { ...auth(who), 'upload-offset': '500', 'content-type': 'application/offset+octet-stream' },
            ...(method === 'PATCH' ? { body: new Uint8Array(content.subarray(500, 600)) } : {}),
          });
          expect(res.status, `${method} ${spelling}`).toBeGreaterThanOrEqual(400);
          expect(res.headers.get('upload-offset'), `${method} ${spelling}`).toBeNull();
        }
      }
    }
    // The upload is untouched, and its owner resumes it (a query string changes nothing for it).
    expect(await offsetOf(device, `/api/files/${id}?x=1`)).toBe(500);
    expect((await patch(device, location, 500, content.subarray(500))).status).toBe(204);
  });

  it("gives a file's bytes to the desks of its commune, to a team tablet only for its own submission's papers, and to no one else", async () => {
    const upload = async (d: TestDevice, content: Buffer) => {
      const location = (await create(d, content.length, sha256(content))).headers.get('location')!;
      expect((await patch(d, location, 0, content)).status).toBe(204);
      return sha256(content);
    };
    const read = (d: TestDevice, hash: string, suffix = '') => fetch(`${base}/api/files/by-hash/${hash}/content${suffix}`, { headers: auth(d) });
    const deskPaper = randomBytes(70_000);
    const deskHash = await upload(device, deskPaper);
    const fromNeighbour = await read(neighbour, deskHash);
    expect(fromNeighbour.status).toBe(200);
    expect(fromNeighbour.headers.get('content-type')).toBe('application/octet-stream');
    expect(fromNeighbour.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await fromNeighbour.arrayBuffer()).equals(deskPaper)).toBe(true);

    const stranger = await communeWithDevice(gw.app);
    const tablet = await enrolDevice(gw.app, device.communeId, 'Máy tính bảng tổ công nghệ số', 'team');
    expect((await read(stranger, deskHash)).status).toBe(404);
    expect((await read(tablet, deskHash)).status).toBe(404);
    // The tablet's own paper: itself and the commune's desks read it (a desk opens the submission's papers).
    const teamPaper = randomBytes(5_000);
    const teamHash = await upload(tablet, teamPaper);
    for (const d of [tablet, device]) expect(Buffer.from(await (await read(d, teamHash)).arrayBuffer()).equals(teamPaper)).toBe(true);
    expect((await read(stranger, teamHash)).status).toBe(404);
    // No other spelling reaches the bytes, and a malformed hash is simply not found.
    for (const suffix of ['/', '/..', '%2F']) expect((await read(neighbour, deskHash, suffix)).status).not.toBe(200);
    expect((await read(neighbour, deskHash.toUpperCase())).status).toBe(404);
    expect((await fetch(`${base}/api/files/by-hash/${deskHash}/content`)).status).toBe(401);
  });

  it("answers only for the caller's commune's files: another commune's copy is neither seen nor attachable", async () => {
    const content = randomBytes(3_000);
    const hash = sha256(content);
    const location = (await create(device, content.length, hash)).headers.get('location')!;
    expect((await patch(device, location, 0, content)).status).toBe(204);
    const stranger = await communeWithDevice(gw.app);
    const held = (d: TestDevice) =>
      fetch(`${base}/api/files/held`, {
        method: 'POST',
        headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sha256: [hash] }),
      }).then((r) => r.json());
    expect(await held(neighbour)).toEqual({ held: [hash] });
    expect(await held(stranger)).toEqual({ held: [] });
    for (const method of ['GET', 'HEAD']) {
      expect((await fetch(`${base}/api/files/by-hash/${hash}`, { method, headers: auth(stranger) })).status).toBe(404);
    }
    // Nor can its dossier name that paper: the change is refused until it sends the bytes itself.
    const paper = { componentIndex: 0, sha256: hash, name: 'to-khai.jpg', type: 'image/jpeg', size: content.length };
    const entry = () => receiveEntry(stranger, { id: crypto.randomUUID(), code: `TAM-${stranger.deviceShort}-260302-0001`, attachments: [paper] });
    const [refused] = await pushEntries(gw.app, stranger, [entry()]);
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Máy chủ chưa nhận được tệp "to-khai.jpg"') });
    // Its own upload of the same bytes makes it the stranger's file too, stored once on disk.
    const own = (await create(stranger, content.length, hash)).headers.get('location')!;
    expect((await patch(stranger, own, 0, content)).status).toBe(204);
    expect(await held(stranger)).toEqual({ held: [hash] });
    expect((await pushEntries(gw.app, stranger, [entry()]))[0]).toMatchObject({ status: 'accepted' });
    expect(readdirSync(path.join(gw.dataDir, 'files')).filter((f) => f === hash)).toHaveLength(1);
  });

  it('takes a whole small file in the creating request (creation-with-upload), checked like any other', async () => {
    const createWith = (content: Buffer, hash: string) =>
      fetch(`${base}/api/files`, {
        method: 'POST',
        headers: {
          ...auth(device),
          'upload-length': String(content.length),
          'upload-metadata': `filename ${b64('trang-2.jpg')},sha256 ${b64(hash)}`,
          'content-type': 'application/offset+octet-stream',
        },
        body: new Uint8Array(content),
      });
    const content = randomBytes(30_000);
    const created = await createWith(content, sha256(content));
    expect(created.status).toBe(201);
    expect(created.headers.get('upload-offset')).toBe(String(content.length));
    expect(readFileSync(path.join(gw.dataDir, 'files', sha256(content))).equals(content)).toBe(true);
    // The finished upload's own copy and record go once the answer is made.
    const uploadId = path.basename(created.headers.get('location')!);
    await expect.poll(() => readdirSync(path.join(gw.dataDir, 'uploads')).filter((f) => f.startsWith(uploadId))).toEqual([]);

    const damaged = Buffer.from(content);
    damaged[100] = damaged[100]! ^ 0xff;
    const refused = await createWith(damaged, sha256(randomBytes(10)));
    expect(refused.status).toBe(460);
    expect(existsSync(path.join(gw.dataDir, 'files', sha256(damaged)))).toBe(false);
  });

  it('says in one answer which of a batch of files it holds, and refuses a malformed question', async () => {
    const content = randomBytes(5_000);
    const held = sha256(content);
    const location = (await create(device, content.length, held)).headers.get('location')!;
    expect((await patch(device, location, 0, content)).status).toBe(204);
    const missing = sha256(randomBytes(10));
    const ask = (body: unknown, d: TestDevice | null = device) =>
      fetch(`${base}/api/files/held`, {
        method: 'POST',
        headers: { ...(d ? { authorization: `Bearer ${d.token}` } : {}), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const answer = await ask({ sha256: [missing, held, held] });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ held: [held] });
    expect((await ask({ sha256: [missing] }, null)).status).toBe(401);
    for (const bad of [{ sha256: [] }, { sha256: ['../../etc/passwd'] }, { sha256: Array(501).fill(held) }, { hashes: [held] }]) {
      const refused = await ask(bad);
      expect(refused.status).toBe(400);
      expect((await refused.json()).message).toMatch(/SHA-256/);
    }
  });

  it('counts as held only a file whose record is written, as the check of a change does', async () => {
    // As after a gateway killed between putting the bytes in place and recording them.
    const content = randomBytes(2_000);
    const hash = sha256(content);
    mkdirSync(path.join(gw.dataDir, 'files'), { recursive: true });
    writeFileSync(path.join(gw.dataDir, 'files', hash), content);
    const asked = await fetch(`${base}/api/files/held`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sha256: [hash] }),
    });
    expect(await asked.json()).toEqual({ held: [] });
    expect((await fetch(`${base}/api/files/by-hash/${hash}`, { headers: auth(device) })).status).toBe(404);
    // Sent again, it is recorded, and the bytes already there stay as they are.
    const location = (await create(device, content.length, hash)).headers.get('location')!;
    expect((await patch(device, location, 0, content)).status).toBe(204);
    expect((await fetch(`${base}/api/files/by-hash/${hash}`, { headers: auth(device) })).status).toBe(200);
  });

  it('finishes, when the device asks where it stands, an upload whose last bytes landed before the gateway was killed', async () => {
    // The bytes reached the upload file, then the gateway died before hashing and recording them:
    // tus now reports the upload complete, and a resuming client counts the file as sent.
    const content = randomBytes(5_000);
    const hash = sha256(content);
    const location = (await create(device, content.length, hash)).headers.get('location')!;
    writeFileSync(path.join(gw.dataDir, 'uploads', location.split('/').at(-1)!), content);
    expect((await fetch(`${base}/api/files/by-hash/${hash}`, { headers: auth(device) })).status).toBe(404);
    expect(await offsetOf(device, location)).toBe(content.length);
    // So by the time it hears "complete", the gateway holds the file, and a change may name it.
    expect((await fetch(`${base}/api/files/by-hash/${hash}`, { headers: auth(device) })).status).toBe(200);
    expect(readFileSync(path.join(gw.dataDir, 'files', hash)).equals(content)).toBe(true);

    // Damaged bytes left that way are dropped instead: the device starts the upload over.
    const other = randomBytes(5_000);
    const otherHash = sha256(other);
    const damaged = (await create(device, other.length, otherHash)).headers.get('location')!;
    writeFileSync(path.join(gw.dataDir, 'uploads', damaged.split('/').at(-1)!), randomBytes(5_000));
    expect((await fetch(`${base}${damaged}`, { method: 'HEAD', headers: auth(device) })).status).toBe(404);
    expect((await fetch(`${base}/api/files/by-hash/${otherHash}`, { headers: auth(device) })).status).toBe(404);
  });

  it('works with tus-js-client, the client the app uses, in small chunks', async () => {
    const content = randomBytes(300_000);
    const hash = sha256(content);
    const chunks: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const upload = new Upload(content, {
        endpoint: `${base}/api/files`,
        chunkSize: 64 * 1024,
        metadata: { sha256: hash, filename: 'ban-sao.pdf', filetype: 'application/pdf' },
        headers: { authorization: `Bearer ${device.token}` },
        onChunkComplete: (_size, accepted) => chunks.push(accepted),
        onSuccess: () => resolve(),
        onError: reject,
      });
      upload.start();
    });
    expect(chunks).toEqual([65536, 131072, 196608, 262144, 300000]);
    expect(sha256(readFileSync(path.join(gw.dataDir, 'files', hash)))).toBe(hash);
  });
});

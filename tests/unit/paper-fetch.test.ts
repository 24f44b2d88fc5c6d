// A paper the desk does not hold, fetched from a real gateway (PGlite) when an officer opens it: a
// community team's tablet uploads it and files a submission naming it; the desk pulls the
// submission into its own database (fake IndexedDB) and opens the paper. The bytes are checked
// against the hash the dossier names and kept once; a damaged answer or a dropped link keeps nothing.
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPullPage, MotcuaDb, readFileBlob } from '../../src/db';
import { fetchPaper } from '../../src/sync/file-fetch';
import { parsePullAnswer } from '../../src/sync/pull-schema';
import { submitEntry } from '../../server/test/dossiers';
import { communeWithDevice, enrolDevice, json, pushEntries, startTestGateway, type TestDevice, type TestGateway } from '../../server/test/gateway';
import { OPEN_DB_TIMEOUT_MS } from '../../server/test/test-db';

let gw: TestGateway;
let desk: TestDevice;
let team: TestDevice;
beforeAll(async () => {
  gw = await startTestGateway('pglite');
  desk = await communeWithDevice(gw.app);
  team = await enrolDevice(gw.app, desk.communeId, 'Máy tính bảng tổ công nghệ số', 'team');
}, OPEN_DB_TIMEOUT_MS);
afterAll(async () => gw?.cleanup());

const tus = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The tablet's upload, as its file sender makes it (tus create, then the bytes). */
async function upload(device: TestDevice, bytes: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const auth = { authorization: `Bearer ${device.token}`, ...tus };
  const created = await gw.app.request('/api/files', {
    method: 'POST',
    headers: { ...auth, 'upload-length': String(bytes.length), 'upload-metadata': `sha256 ${b64(sha256)}` },
  });
  const patched = await gw.app.request(created.headers.get('location')!, {
    method: 'PATCH',
    headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(patched.status).toBe(204);
  return sha256;
}

describe("a submission's paper opened at the desk", () => {
  it('is fetched once from the gateway, checked and kept; a damaged answer or no link keeps nothing', async () => {
    const bytes = randomBytes(40_000);
    const sha256 = await upload(team, bytes);
    const paper = { componentIndex: 0, sha256, name: 'to-khai.pdf', type: 'application/pdf', size: bytes.length };
    expect((await pushEntries(gw.app, team, [submitEntry(team, { id: 'sub-paper', attachments: [paper] })]))[0]).toMatchObject({ status: 'accepted' });

    const db = new MotcuaDb('paper-fetch-desk');
    await db.settings.put({ key: 'deviceToken', value: desk.token, updatedAt: '' });
    const pulled = parsePullAnswer(await (await json(gw.app, 'GET', '/api/sync/pull?since=0&limit=1000', undefined, desk.token)).json(), 0);
    if (!pulled.ok || pulled.answer.reset) throw new Error('pull');
    await applyPullPage(db, { checkpoint: pulled.answer.checkpoint, changes: pulled.answer.changes });
    const [attachment] = await db.attachments.where('ownerId').equals('sub-paper').toArray();
    expect(attachment).toMatchObject({ sha256, name: 'to-khai.pdf' });
    expect(await readFileBlob(db, sha256)).toBeUndefined();

    // A link that drops, then an answer damaged on the way: refused, nothing kept.
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(fetchPaper(db, attachment!, offline)).rejects.toMatchObject({ code: 'file.fetch_offline' });
    const damaged = async () => new Response(new Uint8Array(randomBytes(40_000)), { status: 200 });
    await expect(fetchPaper(db, attachment!, damaged)).rejects.toMatchObject({ code: 'file.fetch_damaged' });
    expect(await db.files.count()).toBe(0);

    // The real gateway, with the desk's token: the bytes as the tablet sent them, then kept.
    let asked = 0;
    const gateway = ((url: string, init?: RequestInit) => {
      asked += 1;
      return gw.app.request(url, init);
    }) as typeof fetch;
    const blob = await fetchPaper(db, attachment!, gateway);
    expect(Buffer.from(await blob.arrayBuffer()).equals(bytes)).toBe(true);
    expect(blob.type).toBe('application/pdf');
    expect(Buffer.from(await (await readFileBlob(db, sha256))!.arrayBuffer()).equals(bytes)).toBe(true);
    await fetchPaper(db, attachment!, gateway);
    expect(asked).toBe(1);

    // A device of another commune is not given it.
    const stranger = await communeWithDevice(gw.app);
    const other = new MotcuaDb('paper-fetch-stranger');
    await other.settings.put({ key: 'deviceToken', value: stranger.token, updatedAt: '' });
    await expect(fetchPaper(other, attachment!, gateway)).rejects.toMatchObject({ code: 'file.fetch_failed', params: { status: 404 } });
  });
});

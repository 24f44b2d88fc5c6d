// Request bodies are bounded on every route before they are read: a 60 MB body sent to a route
// that needs no token (enrolment, sign-in) or to one that refuses the caller anyway is answered
// 413 at once when its length is declared, and after at most its bound (plus one chunk) when it
// is not, over a real socket too; uploads still take whole files up to MOTCUA_MAX_FILE_BYTES.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, communeWithDevice, startTestGateway, type TestDevice, type TestGateway } from '../test/gateway';
import { OPEN_DB_TIMEOUT_MS } from '../test/test-db';
import { DEFAULT_MAX_BODY_BYTES } from './json-body';

const SIXTY_MB = 60 * 1024 * 1024;
const CHUNK = 64 * 1024;

let gw: TestGateway;
let device: TestDevice;
let server: ServerType;
let port: number;

beforeAll(async () => {
  gw = await startTestGateway('pglite', { demoMode: true, maxFileBytes: 4 * 1024 * 1024 });
  device = await communeWithDevice(gw.app);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: gw.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
}, OPEN_DB_TIMEOUT_MS);
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await gw?.cleanup();
});

/** A body of `size` bytes of '{' made as it is read, counting what was pulled. */
function hugeBody(size: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(CHUNK, size - counter.pulled)).fill(0x7b);
      counter.pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

const routes: [string, string, string | undefined][] = [
  ['POST', '/api/devices/enrol', undefined],
  ['POST', '/api/auth/sign-in', undefined],
  ['POST', '/api/auth/sign-out', undefined],
  ['POST', '/api/code-blocks', undefined],
  ['POST', '/api/code-blocks', 'device'],
  ['POST', '/api/files/held', 'device'],
  ['POST', '/api/sync/push', 'device'],
  ['POST', '/api/admin/communes', 'admin'],
  ['POST', '/api/admin/staff', undefined],
  ['PUT', '/api/admin/catalogue', 'admin'],
  ['POST', '/api/nowhere', undefined],
  ['POST', '/', undefined],
];

const tokenOf = (who: string | undefined) => (who === 'device' ? device.token : who === 'admin' ? ADMIN_TOKEN : undefined);

describe('request bodies are bounded before they are read', () => {
  it.each(routes)('%s %s (%s): a declared 60 MB body is refused unread', async (method, url, who) => {
    const { stream, counter } = hugeBody(SIXTY_MB);
    const token = tokenOf(who);
    const res = await gw.app.request(url, {
      method,
      headers: { 'content-type': 'application/json', 'content-length': String(SIXTY_MB), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe('too_large');
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it.each(routes)('%s %s (%s): an undeclared (chunked) 60 MB body is cut off at its bound', async (method, url, who) => {
    const { stream, counter } = hugeBody(SIXTY_MB);
    const token = tokenOf(who);
    const res = await gw.app.request(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    // A route that refuses the caller before reading answers that instead, having read nothing.
    if (res.status !== 413) {
      expect([401, 403, 404]).toContain(res.status);
      expect(counter.pulled).toBeLessThanOrEqual(2 * CHUNK);
    } else {
      expect(counter.pulled).toBeLessThan(32 * 1024 * 1024 + 4 * CHUNK);
    }
    expect(counter.pulled).toBeLessThan(SIXTY_MB);
  });

  it('refuses a chunked body over the default bound on a route with no token (enrolment) with 413', async () => {
    const { stream, counter } = hugeBody(SIXTY_MB);
    const res = await gw.app.request('/api/devices/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 2 * CHUNK);
    // A body within the bound still reaches the route.
    const fine = await gw.app.request('/api/devices/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'NOPE', deviceName: 'x' }),
    });
    expect(fine.status).toBe(400);
  });

  it('answers 413 over a real socket as soon as the headers declare a 60 MB body to sign-in', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/auth/sign-in',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(SIXTY_MB) },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
          req.destroy();
        },
      );
      req.on('error', reject);
      // Only the first bytes are ever sent: the answer must not wait for the rest.
      req.write('{"username":"a","password":"');
    });
    expect(status).toBe(413);
  });

  it('still takes an upload chunk up to the file bound, and refuses a larger declared one', async () => {
    const headers = { authorization: `Bearer ${device.token}`, 'tus-resumable': '1.0.0' };
    const created = await gw.app.request('/api/files', {
      method: 'POST',
      headers: { ...headers, 'upload-length': String(3 * 1024 * 1024), 'upload-metadata': `sha256 ${Buffer.from('a'.repeat(64)).toString('base64')}` },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const chunk = await gw.app.request(location, {
      method: 'PATCH',
      headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: new Uint8Array(1024 * 1024),
    });
    expect(chunk.status).toBe(204);
    expect(chunk.headers.get('upload-offset')).toBe(String(1024 * 1024));
    const { stream } = hugeBody(SIXTY_MB);
    const tooBig = await gw.app.request(location, {
      method: 'PATCH',
      headers: { ...headers, 'upload-offset': String(1024 * 1024), 'content-type': 'application/offset+octet-stream', 'content-length': String(SIXTY_MB) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(tooBig.status).toBe(413);
  });
});

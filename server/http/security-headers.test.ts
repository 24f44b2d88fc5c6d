// Security headers on every answer, the app's (built shell, static files, client routes) and the
// API's (success, refusal, 404, 413, tus), and no CORS header anywhere: another site's page gets
// no Access-Control-Allow-Origin, for uploads either, whatever Origin it sends.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createLogger } from '../log';
import { ADMIN_TOKEN, communeWithDevice, startTestGateway, type TestDevice, type TestGateway } from '../test/gateway';
import { OPEN_DB_TIMEOUT_MS } from '../test/test-db';
import { API_CSP, APP_CSP } from './security-headers';

let gw: TestGateway;
let device: TestDevice;
let staticDir: string;
let app: TestGateway['app'];

beforeAll(async () => {
  gw = await startTestGateway('pglite');
  device = await communeWithDevice(gw.app);
  // A small built app: the shell, a hashed asset, the service worker.
  staticDir = mkdtempSync(path.join(tmpdir(), 'motcua-static-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Một cửa</title>');
  writeFileSync(path.join(staticDir, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(path.join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  app = createApp({ db: gw.db, log: createLogger('silent'), staticDir, adminToken: ADMIN_TOKEN, dataDir: gw.dataDir });
}, OPEN_DB_TIMEOUT_MS);
afterAll(async () => {
  await gw?.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

const EVIL = 'https://evil.example';
const tus = { 'tus-resumable': '1.0.0' };

function expectHardened(res: Response, csp: string, what: string) {
  expect(res.headers.get('content-security-policy'), what).toBe(csp);
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(res.headers.get('permissions-policy'), what).toMatch(/(^|, )camera=\(self\)(,|$)/);
  for (const [name] of res.headers) expect(name.startsWith('access-control-'), `${what}: ${name}`).toBe(false);
}

describe('security headers and same-origin only', () => {
  it('hardens the app: shell, client routes, assets, the service worker, a missing file', async () => {
    for (const [url, status] of [
      ['/', 200],
      ['/tiep-nhan', 200],
      ['/assets/index-abc.js', 200],
      ['/sw.js', 200],
      ['/assets/missing.js', 404],
    ] as const) {
      const res = await app.request(url, { headers: { origin: EVIL, accept: url.endsWith('.js') ? '*/*' : 'text/html' } });
      expect(res.status, url).toBe(status);
      expectHardened(res, APP_CSP, url);
    }
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).toContain("'wasm-unsafe-eval'");
    expect(APP_CSP).not.toContain("'unsafe-inline'");
    expect(APP_CSP).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it('hardens every kind of API answer, with no CORS header for another origin', async () => {
    const auth = { authorization: `Bearer ${device.token}`, origin: EVIL };
    const answers: [string, Response | Promise<Response>, number][] = [
      ['health', app.request('/api/health', { headers: { origin: EVIL } }), 200],
      ['anonymous', app.request('/api/sync/pull?since=0', { headers: { origin: EVIL } }), 401],
      ['pull', app.request('/api/sync/pull?since=0', { headers: auth }), 200],
      ['unknown', app.request('/api/nowhere', { headers: auth }), 404],
      ['too large', app.request('/api/devices/enrol', { method: 'POST', headers: { origin: EVIL, 'content-length': String(1 << 30) }, body: '{}' }), 413],
      ['tus preflight', app.request('/api/files', { method: 'OPTIONS', headers: { ...auth, 'access-control-request-method': 'POST' } }), 204],
      [
        'tus create',
        app.request('/api/files', {
          method: 'POST',
          headers: { ...auth, ...tus, 'upload-length': '10', 'upload-metadata': `sha256 ${Buffer.from('b'.repeat(64)).toString('base64')}` },
        }),
        201,
      ],
      ['tus missing', app.request(`/api/files/${'c'.repeat(32)}`, { method: 'HEAD', headers: { ...auth, ...tus } }), 404],
      [
        'held',
        app.request('/api/files/held', {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ sha256: ['d'.repeat(64)] }),
        }),
        200,
      ],
    ];
    for (const [what, answer, status] of answers) {
      const res = await answer;
      expect(res.status, what).toBe(status);
      expectHardened(res, API_CSP, what);
    }
  });
});

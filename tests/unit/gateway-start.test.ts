// `npm run gateway` exactly as an installer types it: through npm, in an environment holding no
// Motcua setting at all (only a free port and a fresh data folder, so the test disturbs nothing),
// the real gateway process refuses anonymous requests on the API and does not announce a demo.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, removeDir } from '../support/gateway';

let child: ChildProcess | undefined;
let dataDir: string | undefined;

/** npm starts a shell that starts tsx that starts node: the whole process group is ours to stop. */
async function stopAll(): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

afterAll(async () => {
  await stopAll();
  if (dataDir) removeDir(dataDir);
});

describe('the gateway started with `npm run gateway` and no variables', () => {
  it('refuses anonymous requests (401) and says nothing of a demo', async () => {
    const port = await freePort();
    dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-gateway-start-'));
    // Built from nothing, not from this process's environment (the e2e helpers set MOTCUA_DEMO=1).
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), PORT: String(port), MOTCUA_DATA_DIR: dataDir };
    child = spawn('npm', ['run', 'gateway'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const url = `http://127.0.0.1:${port}`;

    // PGlite's first start (WASM compile, migrations) can take a minute and more on a busy machine.
    await expect
      .poll(
        async () => {
          if (child!.exitCode !== null) throw new Error(`npm run gateway exited with ${child!.exitCode}:\n${output}`);
          return (await fetch(`${url}/api/health`).catch(() => undefined))?.status;
        },
        { timeout: 150_000, interval: 300 },
      )
      .toBe(200);

    const post = (route: string, body: unknown) =>
      fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const current = await fetch(`${url}/api/communes/current`);
    expect(current.status).toBe(401);
    expect(current.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await post('/api/code-blocks', { days: ['261205'], size: 1 })).status).toBe(401);
    expect((await fetch(`${url}/api/sync/pull?since=0`)).status).toBe(401);
    expect((await fetch(`${url}/api/auth/me`)).status).toBe(401);
    expect((await post('/api/devices/enrol', { code: 'DEMO', deviceName: 'Máy lạ' })).status).toBe(400);
    expect(output).toContain('> tsx server/main.ts');
    expect(output).not.toMatch(/CHẾ ĐỘ DÙNG THỬ|DEMO MODE/);
  }, 200_000);
});

// Demo mode is explicit, on the real gateway process: started as `npm run gateway` does (no
// variables, no arguments) it refuses anonymous callers, the code DEMO and the demo officer;
// started as `npm start` does (--demo) it serves the demo commune and says so; started again
// without it on the same data folder, the demo officer's public password opens nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, startGateway, type RunningGateway } from '../support/gateway';
import { DEMO_STAFF } from '../../server/seed/demo-accounts';

let gateway: RunningGateway | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await gateway?.stop();
  if (dataDir) removeDir(dataDir);
});

const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

async function anonymousAnswers(url: string) {
  return {
    commune: (await fetch(`${url}/api/communes/current`)).status,
    codeBlocks: (await post(`${url}/api/code-blocks`, { days: ['261123'], size: 3 })).status,
    enrol: (await post(`${url}/api/devices/enrol`, { code: 'DEMO', deviceName: 'Máy lạ' })).status,
    signIn: (await post(`${url}/api/auth/sign-in`, { username: DEMO_STAFF.username, password: DEMO_STAFF.password })).status,
  };
}

describe('demo mode on the real gateway', () => {
  it('is off for `npm run gateway`, on for `npm start` (and said so), and its officer is shut out once it is off again', async () => {
    // As `npm run gateway` starts it: no MOTCUA_DEMO (the helper's default of 1 removed), no --demo.
    gateway = await startGateway({ env: { MOTCUA_DEMO: '' } });
    dataDir = gateway.dataDir;
    expect(await anonymousAnswers(gateway.url)).toEqual({ commune: 401, codeBlocks: 401, enrol: 400, signIn: 401 });
    await gateway.stop();

    gateway = await startGateway({ env: { MOTCUA_DEMO: '' }, args: ['--demo'], dataDir });
    expect(await anonymousAnswers(gateway.url)).toEqual({ commune: 200, codeBlocks: 200, enrol: 201, signIn: 200 });
    await expect.poll(() => gateway!.output()).toMatch(/CHẾ ĐỘ DÙNG THỬ \(demo\)/);
    const session = (
      (await (await post(`${gateway.url}/api/auth/sign-in`, { username: DEMO_STAFF.username, password: DEMO_STAFF.password })).json()) as { token: string }
    ).token;
    await gateway.stop();

    gateway = await startGateway({ env: { MOTCUA_DEMO: '' }, dataDir });
    expect(await anonymousAnswers(gateway.url)).toEqual({ commune: 401, codeBlocks: 401, enrol: 400, signIn: 401 });
    expect((await fetch(`${gateway.url}/api/auth/me`, { headers: { authorization: `Bearer ${session}` } })).status).toBe(401);
    expect(gateway.output()).not.toMatch(/CHẾ ĐỘ DÙNG THỬ/);
  }, 400_000);
});

// The desk's queue of online submissions (issue 15), end to end in real Chromium against the real
// gateway: a community team's tablet (enrolled with DEMO-TEAM through the API) pushes a
// submission; the desk syncs, finds it in "Hồ sơ trực tuyến chờ tiếp nhận", opens it and receives
// it; its receipt shows the official code after sync, and the gateway holds status 2 under that
// code. The first carries a paper the tablet uploaded: the desk opens it, fetched from the gateway.
// A second submission gets a supplement request: the gateway holds status 5 with its lines.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submitEntry } from '../../server/test/dossiers';
import { newDevice } from '../support/browser';
import { openFromQueue, syncNow } from '../support/desk-flow';
import { useStage } from '../support/e2e-stage';
import { enrolWithDemoCode, prepareDevice } from '../support/intake-flow';
import { samplePdf } from '../support/sample-pdf';

const stage = useStage();

interface Team {
  communeId: string;
  agencyCode: string;
  deviceId: string;
  deviceShort: string;
  token: string;
}

async function enrolTeam(url: string): Promise<Team> {
  const res = await fetch(`${url}/api/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'DEMO-TEAM', deviceName: 'Máy tính bảng tổ công nghệ số thôn Nà Pồ' }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { deviceId: string; deviceToken: string; deviceShort: string; commune: { id: string; agencyCode: string } };
  return { communeId: body.commune.id, agencyCode: body.commune.agencyCode, deviceId: body.deviceId, deviceShort: body.deviceShort, token: body.deviceToken };
}

/** The tablet's upload of a paper, as its file sender makes it (tus create, then the bytes); its reference for the dossier. */
async function uploadPaper(url: string, team: Team, name: string, bytes: Buffer) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const auth = { authorization: `Bearer ${team.token}`, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${url}/api/files`, {
    method: 'POST',
    headers: { ...auth, 'upload-length': String(bytes.length), 'upload-metadata': `sha256 ${Buffer.from(sha256).toString('base64')}` },
  });
  const patched = await fetch(`${url}${created.headers.get('location')}`, {
    method: 'PATCH',
    headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(patched.status).toBe(204);
  return { componentIndex: 0, sha256, name, type: 'application/pdf', size: bytes.length };
}

let mutation = 0;
async function submit(url: string, team: Team, id: string, attachments?: Awaited<ReturnType<typeof uploadPaper>>[]): Promise<string> {
  mutation += 1;
  const entry = submitEntry(team, { id, submittedAt: new Date(Date.now() - 5 * 60_000), ...(attachments ? { attachments } : {}) }, mutation);
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${team.token}` },
    body: JSON.stringify({ entries: [entry] }),
  });
  const { results } = (await res.json()) as { results: { status: string; reason?: string }[] };
  expect(results.map((r) => r.reason ?? r.status)).toEqual(['accepted']);
  return entry.payload.lookupCode;
}

/** The gateway's dossier as the team's tablet pulls it. */
async function onGateway(url: string, team: Team, id: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/api/sync/pull?since=0&limit=1000`, { headers: { authorization: `Bearer ${team.token}` } });
  const { changes } = (await res.json()) as { changes: { type: string; dossier?: Record<string, unknown> }[] };
  const found = changes.filter((c) => c.type === 'dossier' && c.dossier?.id === id).at(-1)?.dossier;
  if (!found) throw new Error(`dossier ${id} not on the gateway`);
  return found;
}

describe("the desk's queue of online submissions", () => {
  it('shows a team’s submission, receives it with an official code and asks for papers on another', async () => {
    const url = stage.gateway.url;
    const team = await enrolTeam(url);
    const paper = await uploadPaper(url, team, 'to-khai-khai-sinh.pdf', samplePdf('To khai khai sinh'));
    const first = await submit(url, team, 'online-e2e-1', [paper]);

    const desk = await newDevice(stage.browser, 'laptop');
    const page = await desk.newPage();
    await prepareDevice(page, url);
    await enrolWithDemoCode(page, 'Máy tiếp nhận một cửa');
    await syncNow(page);

    await openFromQueue(page, first, 'Hà Thị Tổ');
    // The tablet's paper, not on this desk until opened: fetched from the gateway and shown.
    await page.getByRole('button', { name: `Mở ${paper.name}` }).click();
    await page.getByTitle(`Xem tệp ${paper.name}`).waitFor({ timeout: 60_000 });
    expect(await page.getByText(`Tệp ${paper.name} chưa có trên máy này.`).count()).toBe(0);
    const actions = page.getByRole('region', { name: 'Thao tác' });
    await actions.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.getByRole('button', { name: 'Xác nhận: Tiếp nhận hồ sơ' }).click();
    const title = page.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / });
    await title.waitFor();
    await page.getByText('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { exact: false }).first().waitFor();

    // After sync the receipt shows the official code (a provisional one is replaced by the gateway's).
    const receiptPath = new URL(page.url()).pathname;
    await syncNow(page);
    await page.goto(`${url}${receiptPath}`);
    await title.waitFor();
    const code = ((await title.textContent()) ?? '').replace('Đã tiếp nhận hồ sơ ', '').trim();
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/);
    const received = await onGateway(url, team, 'online-e2e-1');
    expect(received).toMatchObject({ status: 2, code });

    // A second submission: the officer asks for a paper before receiving it.
    const second = await submit(url, team, 'online-e2e-2');
    await syncNow(page);
    await openFromQueue(page, second, 'Hà Thị Tổ');
    await actions.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    await page.getByRole('textbox', { name: 'Giấy tờ cần bổ sung 1' }).fill('Giấy chứng sinh');
    await page.getByRole('textbox', { name: 'Lý do 1' }).fill('Ảnh chụp bị mờ, không đọc được');
    await page.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung hồ sơ' }).click();
    await page.getByText('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', { exact: false }).first().waitFor();
    await syncNow(page);
    const asked = await onGateway(url, team, 'online-e2e-2');
    expect(asked.status).toBe(5);
    expect(JSON.stringify(asked)).toContain('Giấy chứng sinh');
    expect(JSON.stringify(asked)).toContain('Ảnh chụp bị mờ, không đọc được');
    await desk.close();
  }, 300_000);
});

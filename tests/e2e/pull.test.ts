// Two desks of one commune, two browsers: a dossier received on desk A reaches desk B by sync; B
// sends it to processing; A syncs and its dossier page shows the new status and who changed it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDevice } from '../support/browser';
import { copyBuild, removeDir, startGateway, type RunningGateway } from '../support/gateway';
import { prepareDevice, receiveKhaiSinh } from '../support/intake-flow';

let gateway: RunningGateway;
let browser: Browser;

beforeAll(async () => {
  // A private copy of the build, so a rebuild elsewhere cannot change what this test is served.
  [gateway, browser] = await Promise.all([startGateway({ staticDir: copyBuild() }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  removeDir(gateway.dataDir);
  removeDir(gateway.staticDir);
});

const SYNC_WAIT_MS = 60_000;

/** Enrols the device on the Đồng bộ page with the demo gateway's code, and waits for its own dossier numbers. */
async function enrol(page: Page, deviceName: string) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await page.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('DEMO');
  await page.getByRole('textbox', { name: 'Tên thiết bị' }).fill(deviceName);
  await page.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
  await page.getByText('Đã kích hoạt thiết bị.', { exact: false }).waitFor();
  await page.getByText(/Còn [1-9]\d* số hồ sơ chính thức/).waitFor();
}

/** Presses "Đồng bộ ngay" on the Đồng bộ page, as an officer does. */
async function syncNow(page: Page) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
  await expect.poll(() => button.isEnabled(), { timeout: SYNC_WAIT_MS }).toBe(true);
  await button.click();
}

/** Opens the dossier of the sample applicant from the list, found by name as an officer would type it. */
async function openDossier(page: Page, code: string) {
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ, họ tên hoặc số định danh' }).fill('nguyen van mau');
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
}

const status = (page: Page) => page.locator('.dossier-summary .status-badge');

describe('pull: changes made at another desk', () => {
  it('brings a dossier received on A to B, and B’s move back to A with who made it', async () => {
    const [contextA, contextB] = await Promise.all([newDevice(browser, 'laptop'), newDevice(browser, 'tablet')]);
    const [a, b] = await Promise.all([contextA.newPage(), contextB.newPage()]);
    await prepareDevice(a, gateway.url, 'Lò Thị Mai');
    await enrol(a, 'Máy tiếp nhận số 1');
    await prepareDevice(b, gateway.url, 'Hà Văn Xử');
    await enrol(b, 'Máy tính bảng tổ công nghệ số');

    // A receives a dossier and sends it.
    const code = await receiveKhaiSinh(a);
    expect(code).not.toMatch(/^TAM-/); // an official number from A's own reserve
    await syncNow(a);
    await a.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: SYNC_WAIT_MS });

    // B syncs and finds it in its list, received by A's officer.
    await syncNow(b);
    await openDossier(b, code);
    await expect.poll(() => status(b).textContent()).toBe('Được tiếp nhận');
    expect(await b.getByText(/^Cập nhật từ máy chủ: Lò Thị Mai lúc/).count()).toBe(1);

    // B sends it to processing and syncs.
    await b.getByRole('button', { name: 'Chuyển xử lý', exact: true }).click();
    await b.getByRole('button', { name: 'Xác nhận: Chuyển xử lý' }).click();
    await expect.poll(() => status(b).textContent()).toBe('Đang xử lý');
    await syncNow(b);
    await b.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: SYNC_WAIT_MS });

    // A syncs: its page shows the new status, who changed it, and the move in the processing log.
    await syncNow(a);
    await openDossier(a, code);
    await expect.poll(() => status(a).textContent(), { timeout: SYNC_WAIT_MS }).toBe('Đang xử lý');
    const changedBy = a.getByText(/^Cập nhật từ máy chủ: Hà Văn Xử lúc /);
    await changedBy.waitFor();
    expect(await changedBy.textContent()).toMatch(/lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/); // when, dd/MM/yyyy HH:mm on the Vietnamese wall clock
    const log = a.getByRole('table').filter({ has: a.getByRole('columnheader', { name: 'Người xử lý' }) });
    expect(await log.getByRole('row', { name: /Hà Văn Xử Cán bộ tiếp nhận Chuyển xử lý/ }).count()).toBe(1);
    expect(await log.getByRole('row', { name: /Lò Thị Mai Cán bộ tiếp nhận Tiếp nhận hồ sơ/ }).count()).toBe(1);

    await Promise.all([contextA.close(), contextB.close()]);
  });
});

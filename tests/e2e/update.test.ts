// Updates go through a prompt: a waiting service worker never reloads a page holding unsaved
// input, reloads when the officer agrees and nothing is at stake, and a postponed update is
// applied at the next start. Unsaved work is asked about again when the new version takes over
// (input typed while it took over postpones the reload), and every form with input counts: the
// desk profile, the device's enrolment and the citizen's satisfaction screen.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newDevice, waitForServiceWorker } from '../support/browser';
import { copyBuild, removeDir, startGateway, type RunningGateway } from '../support/gateway';
import { prepareDevice, receiveKhaiSinh } from '../support/intake-flow';
import { samplePdf } from '../support/sample-pdf';

let browser: Browser;
let gateway: RunningGateway;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  gateway = await startGateway({ staticDir: copyBuild() });
});
afterEach(async () => {
  await gateway.stop();
  removeDir(gateway.dataDir);
  removeDir(gateway.staticDir);
});

/** Publishes a "new version": a byte-different sw.js, and asks the page's registration to look. */
async function publishNewVersion(page: Page): Promise<void> {
  appendFileSync(path.join(gateway.staticDir, 'sw.js'), `\n// release ${Date.now()}\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
}

/**
 * Publishes a new version whose worker, once told to take over, waits until the test lets it
 * (as a slow device might): the window in which the officer can still type after saying yes.
 */
async function publishSlowTakeover(page: Page): Promise<void> {
  const file = path.join(gateway.staticDir, 'sw.js');
  // Registered before Workbox's own listener, so it holds the skip-waiting message back.
  const prelude = `// release ${Date.now()}: takes over only when the test says so
let letGo;
const lettingGo = new Promise((resolve) => (letGo = resolve));
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'TEST_TAKE_OVER') return void letGo();
  if (!event.data || event.data.type !== 'SKIP_WAITING') return;
  event.stopImmediatePropagation();
  event.waitUntil(lettingGo.then(() => self.skipWaiting()));
});
`;
  writeFileSync(file, prelude + readFileSync(file, 'utf8'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
}

/** Lets the held-back new version take over, and waits until it has. */
async function letItTakeOver(page: Page): Promise<void> {
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.postMessage({ type: 'TEST_TAKE_OVER' }));
  await expect.poll(() => waitingWorker(page), { timeout: 20_000 }).toBe(false);
}

const waitingWorker = (page: Page) => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

async function openSettingsControlled(page: Page): Promise<void> {
  await page.goto(`${gateway.url}/cai-dat`);
  await waitForServiceWorker(page);
  // A marker that only survives if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
}

const marker = (page: Page) => page.evaluate(() => (window as unknown as { marker?: string }).marker);

describe('update prompt', () => {
  it('does not reload a page with unsaved input', async () => {
    const context = await newDevice(browser);
    const page = await context.newPage();
    await openSettingsControlled(page);
    await page.getByRole('textbox', { name: 'Họ tên cán bộ tiếp nhận' }).fill('Nguyễn Văn Đang Gõ');

    await publishNewVersion(page);
    const prompt = page.getByRole('alertdialog', { name: 'Đã có phiên bản mới của ứng dụng.' });
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Cập nhật ngay' }).click();
    await prompt.getByText('chưa thể tải lại').waitFor();

    await page.waitForTimeout(1500); // room for a wrongful reload to happen
    expect(await marker(page)).toBe('same page');
    expect(await page.getByRole('textbox', { name: 'Họ tên cán bộ tiếp nhận' }).inputValue()).toBe('Nguyễn Văn Đang Gõ');
    expect(await waitingWorker(page)).toBe(true);
    await context.close();
  });

  it('reloads into the new version when the officer agrees and nothing is unsaved', async () => {
    const context = await newDevice(browser);
    const page = await context.newPage();
    await openSettingsControlled(page);
    await publishNewVersion(page);
    const prompt = page.getByRole('alertdialog', { name: 'Đã có phiên bản mới của ứng dụng.' });
    await prompt.waitFor();
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Cập nhật ngay' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
    expect(await marker(page)).toBeUndefined();
    expect(await waitingWorker(page)).toBe(false);
    await context.close();
  });

  it('applies a postponed update at the next start', async () => {
    const context = await newDevice(browser);
    const page = await context.newPage();
    await openSettingsControlled(page);
    await publishNewVersion(page);
    const prompt = page.getByRole('alertdialog', { name: 'Đã có phiên bản mới của ứng dụng.' });
    await prompt.getByRole('button', { name: 'Để sau' }).click();
    await page.getByText('Bản mới sẽ được dùng ở lần mở ứng dụng tới.').waitFor();
    expect(await marker(page)).toBe('same page');
    expect(await waitingWorker(page)).toBe(true);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
    await expect.poll(() => waitingWorker(page)).toBe(false);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await context.close();
  });

  it('postpones the takeover when a form got input after the officer agreed, and reloads once it is saved', async () => {
    const context = await newDevice(browser);
    const page = await context.newPage();
    await openSettingsControlled(page);
    await publishSlowTakeover(page);
    const prompt = page.getByRole('alertdialog', { name: 'Đã có phiên bản mới của ứng dụng.' });
    await prompt.getByRole('button', { name: 'Cập nhật ngay' }).click(); // nothing unsaved yet
    // While the new version is on its way in, the officer types.
    const officer = page.getByRole('textbox', { name: 'Họ tên cán bộ tiếp nhận' });
    await officer.fill('Nguyễn Văn Gõ Muộn');
    await page.getByText('Có thay đổi chưa lưu.').waitFor();
    await letItTakeOver(page);

    await prompt.getByText('chưa thể tải lại').waitFor();
    await page.waitForTimeout(1500); // room for a wrongful reload to happen
    expect(await marker(page)).toBe('same page');
    expect(await officer.inputValue()).toBe('Nguyễn Văn Gõ Muộn');

    // Saved: now the officer's "yes" reloads into the version already in control.
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.getByText('Đã lưu.').waitFor();
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Cập nhật ngay' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
    expect(await marker(page)).toBeUndefined();
    expect(await page.getByRole('textbox', { name: 'Họ tên cán bộ tiếp nhận' }).inputValue()).toBe('Nguyễn Văn Gõ Muộn');
    await context.close();
  });

  it('counts a code typed into the device enrolment as unsaved input', async () => {
    const context = await newDevice(browser);
    const page = await context.newPage();
    await page.goto(`${gateway.url}/dong-bo`);
    await waitForServiceWorker(page);
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await publishNewVersion(page);
    const prompt = page.getByRole('alertdialog', { name: 'Đã có phiên bản mới của ứng dụng.' });
    await prompt.waitFor();
    // Typed after the prompt appeared.
    const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
    await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('AB12-CD34');
    await prompt.getByRole('button', { name: 'Cập nhật ngay' }).click();
    await prompt.getByText('chưa thể tải lại').waitFor();
    await page.waitForTimeout(1500); // room for a wrongful reload to happen
    expect(await marker(page)).toBe('same page');
    expect(await waitingWorker(page)).toBe(true);
    expect(await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).inputValue()).toBe('AB12-CD34');
    await context.close();
  });

  it('does not reload the satisfaction screen under the citizen’s hand', async () => {
    const context = await newDevice(browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, gateway.url);
    const code = await receiveKhaiSinh(page);
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('link', { name: code }).click();
    const act = async (action: string) => {
      await page.getByRole('button', { name: action, exact: true }).click();
      await page.getByRole('button', { name: `Xác nhận: ${action}` }).click();
    };
    await act('Chuyển xử lý');
    await act('Hoàn thành xử lý (có kết quả)');
    const result = page.getByRole('region', { name: 'Giấy tờ kết quả', exact: true });
    await result
      .getByLabel('Chọn ảnh hoặc tệp PDF', { exact: true })
      .setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: samplePdf('Giấy khai sinh') });
    await result
      .getByRole('status')
      .filter({ hasText: /^Tệp PDF/ })
      .waitFor();
    await result.getByRole('button', { name: 'Đính kèm giấy tờ kết quả vào hồ sơ' }).click();
    await page.getByText('Đã đính kèm giay-khai-sinh.pdf.').waitFor();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    // The officer agrees to the update, then hands the result back: the citizen's screen comes up.
    await publishSlowTakeover(page);
    const prompt = page.getByRole('alertdialog', { name: 'Đã có phiên bản mới của ứng dụng.' });
    await prompt.getByRole('button', { name: 'Cập nhật ngay' }).click();
    await act('Trả kết quả');
    const dialog = page.getByRole('dialog', { name: 'Đánh giá mức độ hài lòng' });
    await dialog.getByRole('button', { name: 'Không hài lòng' }).click();
    await dialog.getByRole('textbox', { name: 'Xin cho biết lý do không hài lòng (bắt buộc)' }).fill('Phải chờ lâu');
    await letItTakeOver(page);
    await page.waitForTimeout(1500); // room for a wrongful reload to happen
    expect(await marker(page)).toBe('same page');
    expect(await dialog.getByRole('textbox', { name: 'Xin cho biết lý do không hài lòng (bắt buộc)' }).inputValue()).toBe('Phải chờ lâu');

    // The citizen's answer is kept, and only then may the page reload.
    await dialog.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await dialog.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
    await dialog.getByRole('link', { name: 'Xong' }).click();
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Cập nhật ngay' }).click()]);
    await page.getByText(/^Không hài lòng \(lúc/).waitFor();
    expect(await marker(page)).toBeUndefined();
    await context.close();
  });
});

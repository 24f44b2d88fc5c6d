// Updates go through a prompt: a waiting service worker never reloads a page holding unsaved
// input, reloads when the officer agrees and nothing is at stake, and a postponed update is
// applied at the next start.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newDevice, waitForServiceWorker } from '../support/browser';
import { copyBuild, removeDir, startGateway, type RunningGateway } from '../support/gateway';

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

const waitingWorker = (page: Page) =>
  page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

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
});

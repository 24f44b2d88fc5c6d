// The procedure catalogue in real Chromium against the real gateway: found offline with and
// without accents, with a typo and by code, opened by keyboard alone; the A4 checklist prints;
// a catalogue published to the gateway reaches the device; a corrupt or invalid download is
// refused in plain Vietnamese and the catalogue in use stays.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStage } from '../support/e2e-stage';
import { demoCatalogue } from '../../src/domain/catalogue';
import { newDevice, reloadOffline, waitForServiceWorker } from '../support/browser';

const ADMIN_TOKEN = 'e2e-catalogue-admin';
const stage = useStage({ gateway: { env: { MOTCUA_ADMIN_TOKEN: ADMIN_TOKEN } } });

const demo = demoCatalogue();
const nameOf = (code: string) => demo.procedures.find((p) => p.code === code)!.name;

/** Opens a fresh device on `path` with the app installed (service worker in control). */
async function installedDevice(path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newDevice(stage.browser);
  const page = await context.newPage();
  await page.goto(`${stage.gateway.url}${path}`);
  await waitForServiceWorker(page);
  return { context, page };
}

/**
 * Types a query, expects the meant procedure among the first three results, walks down to it
 * with the arrow key and opens it with Enter.
 */
async function findAndOpen(page: Page, query: string, expectedCode: string) {
  const box = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
  await box.fill(query);
  const items = page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem');
  const topNames = async () => (await items.getByRole('link').allTextContents()).slice(0, 3);
  await expect.poll(topNames, { timeout: 10_000 }).toContain(nameOf(expectedCode));
  const position = (await topNames()).indexOf(nameOf(expectedCode));
  // The glance facts are on the result itself: code, field, time limit, fee.
  const result = items.nth(position);
  expect(await result.getByRole('term').allTextContents()).toEqual(['Mã', 'Lĩnh vực', 'Thời hạn', 'Phí, lệ phí']);
  expect(await result.getByRole('definition').first().textContent()).toBe(expectedCode);
  for (let i = 0; i <= position; i++) await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(nameOf(expectedCode));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: nameOf(expectedCode) }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/tra-cuu/${expectedCode}`);
}

async function backToSearch(page: Page) {
  await page.getByRole('link', { name: 'Quay lại tìm kiếm' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tra cứu thủ tục' }).waitFor();
}

describe('catalogue search, offline', () => {
  it('finds procedures with and without accents, with a typo and by code, and opens them by keyboard', async () => {
    const context = await newDevice(stage.browser);
    // The catalogue must come from the app itself (the bundled seed), not from the gateway.
    await context.route('**/api/catalogue**', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${stage.gateway.url}/tra-cuu`);
    await waitForServiceWorker(page);
    await page.getByText('Danh mục phiên bản 1, ban hành ngày 01/11/2026').waitFor();

    await context.setOffline(true);
    await reloadOffline(page);
    await page.getByRole('status').filter({ hasText: 'Mất mạng' }).waitFor();

    await findAndOpen(page, 'đăng ký kết hôn', '1.000894');
    await backToSearch(page);
    await findAndOpen(page, 'dang ky khai sinh', '1.001193');
    // The procedure page: papers with originals/copies and conditions, time in words, fees with exemptions.
    const components = page.getByRole('table', { name: 'Thành phần hồ sơ' });
    expect(await components.getByRole('row').count()).toBe(1 + 7);
    expect(await components.getByRole('row').nth(3).textContent()).toContain('Khi trẻ bị bỏ rơi');
    await page.getByText('Trong ngày làm việc', { exact: true }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Miễn lệ phí khi đăng ký đúng hạn' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tiếp nhận hồ sơ thủ tục này' }).getAttribute('href')).toBe('/tiep-nhan/moi/1.001193');

    await backToSearch(page);
    await findAndOpen(page, 'chung thuc ban xao', '2.000815');
    await backToSearch(page);
    await findAndOpen(page, '2.000884.000.00.00.H38', '2.000884');

    // The field filter (lĩnh vực) keeps only that field's procedures.
    await backToSearch(page);
    await page.getByRole('combobox', { name: 'Lĩnh vực' }).selectOption('Chứng thực');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('ban sao');
    const fields = page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem').getByRole('definition').nth(1);
    await expect.poll(() => fields.textContent()).toBe('Chứng thực');
    const items = page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem');
    const allFields = await items.evaluateAll((lis) => lis.map((li) => li.querySelectorAll('dd')[1]?.textContent));
    expect(new Set(allFields)).toEqual(new Set(['Chứng thực']));
    await context.close();
  });

  it('renders the A4 checklist with the procedure’s QR code, offline', async () => {
    const { context, page } = await installedDevice('/tra-cuu/1.001193');
    await page.getByRole('heading', { level: 1, name: nameOf('1.001193') }).waitFor();
    await context.setOffline(true);
    await page.getByRole('link', { name: 'In hướng dẫn chuẩn bị hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hướng dẫn chuẩn bị hồ sơ' }).waitFor();
    const qr = page.getByRole('img', { name: 'Mã QR mở thủ tục 1.001193' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.getByRole('table').getByRole('row').count()).toBe(1 + 7);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In', exact: true }).isVisible()).toBe(false);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf);
    // A4 is 595 × 842 points.
    expect(Math.round(Number(box?.[1]))).toBeCloseTo(595, -1);
    expect(Math.round(Number(box?.[2]))).toBeCloseTo(842, -1);
    await context.close();
  });
});

describe('catalogue updates', () => {
  it('applies a newer catalogue published to the gateway, when the device comes back online', async () => {
    const { context, page } = await installedDevice('/cai-dat');
    const card = page.getByRole('region', { name: 'Danh mục thủ tục' });
    await card.getByRole('status').filter({ hasText: 'bản mới nhất' }).waitFor();
    const current = Number((await fetch(`${stage.gateway.url}/api/catalogue`)).headers.get('X-Catalogue-Version'));

    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Mất mạng' }).waitFor();
    const next = {
      ...demo,
      version: current + 1,
      issuedAt: '2026-12-15T00:00:00+07:00',
      procedures: [...demo.procedures, { ...demo.procedures[0]!, code: '1.999999', name: 'Thủ tục thử nghiệm cập nhật danh mục' }],
    };
    const published = await fetch(`${stage.gateway.url}/api/admin/catalogue`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(next),
    });
    expect(published.status).toBe(201);

    // Back online: the app notices, fetches, validates and swaps in the new version by itself.
    await context.setOffline(false);
    await card
      .getByRole('status')
      .filter({ hasText: `Đã cập nhật danh mục lên phiên bản ${current + 1} (ban hành ngày 15/12/2026)` })
      .waitFor();
    expect(await card.getByRole('definition').allTextContents()).toEqual([String(current + 1), '15/12/2026', String(next.procedures.length)]);

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tra cứu thủ tục', exact: true }).click();
    const box = page.getByRole('searchbox', { name: 'Tìm thủ tục' });
    await box.fill('thu nghiem cap nhat');
    await page.getByRole('link', { name: 'Thủ tục thử nghiệm cập nhật danh mục' }).waitFor();
    await context.close();
  });

  it('refuses a corrupt or invalid download with a clear message, and keeps the catalogue in use', async () => {
    const context = await newDevice(stage.browser);
    const valid = JSON.stringify({ ...demo, version: 99 });
    let body = valid.slice(0, Math.floor(valid.length / 2)); // cut off mid-download
    await context.route('**/api/catalogue**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    const page = await context.newPage();
    await page.goto(`${stage.gateway.url}/cai-dat`);
    const card = page.getByRole('region', { name: 'Danh mục thủ tục' });
    await card
      .getByRole('status')
      .filter({ hasText: 'Bản cập nhật danh mục bị từ chối: dữ liệu tải về bị hỏng hoặc không trọn vẹn' })
      .filter({ hasText: 'Vẫn dùng danh mục phiên bản 1.' })
      .waitFor();
    expect(await card.getByRole('definition').first().textContent()).toBe('1');

    // Well-formed JSON of the wrong shape: refused with the parser's reason.
    body = JSON.stringify({ version: 99, issuedAt: '2026-12-01T00:00:00+07:00', procedures: [{ code: 'abc', name: 'Thủ tục lạ' }] });
    await card.getByRole('button', { name: 'Cập nhật danh mục' }).click();
    await card.getByRole('status').filter({ hasText: 'mã thủ tục "abc" sai định dạng' }).waitFor();
    expect(await card.getByRole('status').textContent()).toMatch(/^Bản cập nhật danh mục bị từ chối vì nội dung sai\. Danh mục không hợp lệ: thủ tục thứ 1/);

    // The search page says so too, and searches the old catalogue as before.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tra cứu thủ tục', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Bản cập nhật danh mục bị từ chối' }).waitFor();
    await page.getByText('Danh mục phiên bản 1, ban hành ngày 01/11/2026').waitFor();
    await findAndOpen(page, 'khai tu', '1.000656');
    await context.close();
  });
});

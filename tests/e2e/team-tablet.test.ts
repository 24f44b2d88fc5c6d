// A community team's tablet (issue 15) in real Chromium against the real gateway: enrolled with
// DEMO-TEAM, its member signs in and sets a PIN; the team's navigation shows; offline, a khai sinh
// dossier is filed for a villager with two photographed papers; the tracking slip shows the lookup
// code and the status page's QR; back online and synced, the list says "Đã gửi" and the gateway's
// status page finds the submission by the slip's code, still waiting for the desk (status 1). Then
// the whole story: a desk finds it in its queue, opens its papers and receives it; the
// tablet's list shows the official code; the status page opened from the slip's QR says "Đang giải
// quyết" with the appointment; the desk asks for a paper, which shows on the tablet and on the page.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { cameraJpegs } from '../support/capture-probes';
import { useStage } from '../support/e2e-stage';
import { enrolWithDemoCode, item, prepareDevice, sampleApplicant } from '../support/intake-flow';
import { openFromQueue, syncNow } from '../support/desk-flow';
import { generatePhoto } from '../support/photo-files';
import { decodeQrInNode } from '../support/zxing-node';

const stage = useStage();
const CAMERA_APP = 'Chụp bằng ứng dụng máy ảnh';
const appNav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

/** A photographed paper kept: at once when its edges are found, else after the member accepts the page. */
async function photograph(paper: Locator, name: string, jpeg: Buffer) {
  await paper.getByLabel(CAMERA_APP, { exact: true }).setInputFiles({ name, mimeType: 'image/jpeg', buffer: jpeg });
  const review = paper.getByRole('region', { name: /^Kiểm tra trang/ });
  const stored = paper.getByRole('heading', { name: 'Các trang (1)' });
  await expect.poll(async () => (await review.count()) + (await stored.count()), { timeout: 120_000 }).toBeGreaterThan(0);
  if ((await review.count()) > 0) {
    const done = review.getByRole('button', { name: /^(Xong|Vẫn dùng trang này)$/ });
    await expect.poll(() => done.isEnabled(), { timeout: 120_000 }).toBe(true);
    await done.click();
  }
  await stored.waitFor({ timeout: 120_000 });
  await paper
    .getByRole('status')
    .filter({ hasText: /^Tệp PDF/ })
    .waitFor({ timeout: 60_000 });
}

describe('a community team tablet and the desk (issue 15, done when)', () => {
  it('files a dossier offline with two photographed papers, gives a tracking slip, sends it when online, and follows it through the desk', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    const page = await context.newPage();
    await page.goto(`${stage.gateway.url}/dong-bo`);
    await appNav(page).waitFor();

    // Enrolled with the team's code; its member signs in and sets a PIN.
    const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
    await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('DEMO-TEAM');
    await card.getByRole('textbox', { name: 'Tên thiết bị' }).fill('Máy tính bảng tổ 1');
    await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
    await card.getByText('Thiết bị "Máy tính bảng tổ 1" đã được kích hoạt cho Xã Bản Mẫu', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Đăng nhập cán bộ' }).click();
    const signIn = page.getByRole('form', { name: 'Đăng nhập cán bộ' });
    await signIn.getByLabel('Tên đăng nhập').fill('congnghe.demo');
    await signIn.getByLabel('Mật khẩu').fill('motcua-demo');
    await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
    const pinForm = page.getByRole('form', { name: 'Đặt mã PIN' });
    await pinForm.getByLabel('Mã PIN mới (6 chữ số)').fill('135792');
    await pinForm.getByLabel('Nhập lại mã PIN').fill('135792');
    await pinForm.getByRole('button', { name: 'Lưu mã PIN' }).click();
    await page.getByText('Cán bộ: Tổ Công Nghệ Dùng Thử').waitFor();

    // The team's navigation, not the desk's; touch targets of 48 px at least.
    const nav = appNav(page);
    await nav.getByRole('link', { name: 'Nộp hồ sơ', exact: true }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Nộp hồ sơ', 'Hồ sơ đã nộp', 'Tra cứu thủ tục', 'Đồng bộ', 'Cài đặt']);
    for (const link of await nav.getByRole('link').all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(48);

    // The catalogue's procedure page starts an online filing here, not a desk's receipt.
    await nav.getByRole('link', { name: 'Tra cứu thủ tục', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('1.001193');
    await page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).first().click();
    const startHere = page.getByRole('link', { name: 'Lập hồ sơ nộp trực tuyến cho thủ tục này' });
    await startHere.waitFor({ timeout: 60_000 });
    expect(await startHere.getAttribute('href')).toBe('/nop-ho-so/moi/1.001193');

    // The catalogue is here once the commune's data came down; then the signal goes.
    await nav.getByRole('link', { name: 'Nộp hồ sơ', exact: true }).click();
    const procedure = page.getByRole('combobox', { name: 'Thủ tục người dân cần làm' });
    await expect.poll(async () => (await procedure.locator('option').allTextContents()).includes('Thủ tục đăng ký khai sinh'), { timeout: 60_000 }).toBe(true);
    const [formJpeg, birthJpeg] = await cameraJpegs(context, stage.gateway.url, [
      generatePhoto({ width: 3000, height: 4000, seed: 41, fill: 0.85 }),
      generatePhoto({ width: 3000, height: 4000, seed: 42, fill: 0.85 }),
    ]);
    await context.setOffline(true);

    await procedure.selectOption({ label: 'Thủ tục đăng ký khai sinh' });
    await page.getByRole('button', { name: 'Bắt đầu lập hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(sampleApplicant.fullName);
    await page.getByRole('textbox', { name: 'Số định danh cá nhân (12 số)' }).fill(sampleApplicant.idNumber);
    await page.getByLabel('Ngày sinh').fill(sampleApplicant.birthDate);
    await page.getByRole('combobox', { name: 'Giới tính' }).selectOption(sampleApplicant.sex);
    await page.getByRole('textbox', { name: 'Nơi cư trú' }).fill(sampleApplicant.address);
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(sampleApplicant.phone);
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
    await photograph(item(page, 'Tờ khai đăng ký khai sinh'), 'IMG_0001.jpg', formJpeg!);
    await photograph(item(page, 'Giấy chứng sinh'), 'IMG_0002.jpg', birthJpeg!);
    await item(page, 'Xuất trình giấy tờ tùy thân').getByRole('checkbox', { name: 'Đã nhận' }).check();
    await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
    await page.getByText('Hồ sơ đủ thành phần theo quy định.').waitFor();
    // No receipt and no official code on a team tablet: it files online.
    expect(await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();

    // The slip: the lookup code large, and the status page's QR holding its address.
    await page.getByRole('heading', { level: 1, name: 'Phiếu theo dõi hồ sơ' }).waitFor();
    const lookupCode = (await page.getByLabel('Mã tra cứu', { exact: true }).textContent())!.trim();
    expect(lookupCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const qr = page.getByRole('img', { name: 'Mã QR trang tra cứu hồ sơ' });
    await qr.locator('svg').waitFor();
    await qr.evaluate((el: HTMLElement) => {
      el.style.width = '320px';
      el.style.maxWidth = 'none';
      el.style.padding = '24px';
      el.style.background = '#fff';
    });
    await qr.locator('svg').evaluate((el: SVGElement) => {
      el.style.maxWidth = 'none';
    });
    const url = `${stage.gateway.url}/tra-cuu-ho-so?ma=${encodeURIComponent(lookupCode)}`;
    expect(await decodeQrInNode(new Uint8Array(await qr.screenshot()))).toMatchObject({ status: 'found', text: url });
    await qr.evaluate((el: HTMLElement) => el.removeAttribute('style'));
    await qr.locator('svg').evaluate((el: SVGElement) => el.removeAttribute('style'));
    await page.getByRole('button', { name: 'In phiếu' }).waitFor();
    await page.getByRole('button', { name: 'Sao chép tin nhắn' }).waitFor();
    // One column on a phone too: nothing wider than 390 px, the slip's buttons still 48 px tall.
    await page.setViewportSize({ width: 390, height: 844 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 391).map((el) => `${el.tagName}.${el.className}`),
    );
    expect(wide).toEqual([]);
    expect((await page.getByRole('button', { name: 'In phiếu' }).boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await page.setViewportSize({ width: 800, height: 1280 });

    // Waiting while offline; sent once the signal is back and sync ran.
    await appNav(page).getByRole('link', { name: 'Hồ sơ đã nộp', exact: true }).click();
    const entry = page.getByRole('listitem').filter({ hasText: sampleApplicant.fullName });
    await entry.getByText('Chờ gửi', { exact: true }).waitFor();
    await context.setOffline(false);
    await appNav(page).getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    const syncButton = page.getByRole('button', { name: 'Đồng bộ ngay' });
    await expect.poll(() => syncButton.isEnabled(), { timeout: 60_000 }).toBe(true);
    await syncButton.click();
    await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 120_000 });
    await appNav(page).getByRole('link', { name: 'Hồ sơ đã nộp', exact: true }).click();
    await entry.getByText('Đã gửi', { exact: true }).waitFor({ timeout: 30_000 });

    // The gateway holds it: its status page finds the slip's code, waiting for the desk (status 1).
    const phone = await stage.browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
    const citizen = await phone.newPage();
    /** The villager opens the slip's QR address on a phone without JavaScript and types the 4 digits. */
    const statusPage = async () => {
      await citizen.goto(url);
      await citizen.getByLabel('4 số cuối số định danh (CCCD) của người nộp').fill(sampleApplicant.idNumber.slice(-4));
      await citizen.getByRole('button', { name: 'Tra cứu' }).click();
      return citizen.getByRole('region', { name: 'Tình trạng hồ sơ', exact: true });
    };
    const result = await statusPage();
    await result.getByText('Đã nộp trực tuyến, đang chờ cán bộ tiếp nhận', { exact: false }).waitFor();
    expect(await result.textContent()).toContain(lookupCode);

    // The desk: its queue shows the submission; its two papers open (fetched from the gateway); it is received.
    const laptop = await newDevice(stage.browser, 'laptop');
    const desk = await laptop.newPage();
    await prepareDevice(desk, stage.gateway.url);
    await enrolWithDemoCode(desk, 'Máy tiếp nhận một cửa');
    await syncNow(desk);
    await openFromQueue(desk, lookupCode, 'Tổ Công Nghệ Dùng Thử');
    const files = desk.getByRole('region', { name: 'Giấy tờ đã số hóa' });
    const paperButtons = files.getByRole('button', { name: /^Mở / });
    expect(await paperButtons.count()).toBe(2);
    await paperButtons.first().click();
    await files.locator('iframe, img').first().waitFor({ timeout: 60_000 });
    const actions = desk.getByRole('region', { name: 'Thao tác' });
    await actions.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await desk.getByRole('button', { name: 'Xác nhận: Tiếp nhận hồ sơ' }).click();
    await desk.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / }).waitFor();
    const receiptPath = new URL(desk.url()).pathname;
    await syncNow(desk);
    await desk.goto(`${stage.gateway.url}${receiptPath}`);
    const title = desk.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / });
    await title.waitFor();
    const code = ((await title.textContent()) ?? '').replace('Đã tiếp nhận hồ sơ ', '').trim();
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$/);

    // The tablet learns it: the official code in its list. The slip's page: being dealt with, with the appointment.
    await syncNow(page);
    await appNav(page).getByRole('link', { name: 'Hồ sơ đã nộp', exact: true }).click();
    await entry.getByText(`Đã tiếp nhận – mã hồ sơ ${code}`).waitFor({ timeout: 30_000 });
    const dealt = await statusPage();
    await dealt.getByText('Đang giải quyết', { exact: false }).waitFor();
    expect(await dealt.textContent()).toMatch(/Ngày hẹn trả kết quả\s*\d\d\/\d\d\/20\d\d/);

    // The desk asks for a paper: the tablet's list and the status page say which.
    await desk.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await desk.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ, họ tên hoặc số định danh' }).fill(code);
    await desk.getByRole('link', { name: code }).click();
    await actions.getByRole('button', { name: 'Chuyển xử lý', exact: true }).click();
    await desk.getByRole('button', { name: 'Xác nhận: Chuyển xử lý' }).click();
    await actions.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    await desk.getByRole('textbox', { name: 'Giấy tờ cần bổ sung 1' }).fill('Giấy chứng sinh bản chính');
    await desk.getByRole('textbox', { name: 'Lý do 1' }).fill('Ảnh chụp bị lóa, không đọc được số');
    await desk.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung hồ sơ' }).click();
    await desk.getByText('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', { exact: false }).first().waitFor();
    await syncNow(desk);
    await syncNow(page);
    await appNav(page).getByRole('link', { name: 'Hồ sơ đã nộp', exact: true }).click();
    await entry.getByText('Cần bổ sung: Giấy chứng sinh bản chính').waitFor({ timeout: 30_000 });
    const asked = await statusPage();
    await asked.getByText('Cần bổ sung giấy tờ', { exact: false }).waitFor();
    expect(await asked.textContent()).toContain('Giấy chứng sinh bản chính');
    await laptop.close();
    await phone.close();
    await context.close();
  }, 600_000);
});

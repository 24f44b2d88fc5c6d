// Reading the citizen's ID card (CCCD) QR at intake, in real Chromium: through a fake rear camera
// filming a generated card while the device is offline (the decoder's worker and wasm come from the
// precache), from a photo, from a corrupt file, and from a USB keyboard-wedge scanner.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStage } from '../support/e2e-stage';
import { newDevice, waitForServiceWorker, type DeviceName } from '../support/browser';
import { sampleCccdText, sampleCccdTextWithOldId, sampleVietQrText } from '../support/cccd-fixtures';
import { encodePng } from '../support/png';
import { renderCardFrame, scene } from '../support/qr-card-image';
import { completeKhaiSinh } from '../support/intake-flow';
import { grantCamera, launchBrowserWithFakeCamera } from '../support/qr-video';

const stage = useStage({ launch: () => launchBrowserWithFakeCamera(sampleCccdText) });

/** A device that has been online once (app cached, catalogue and dossier numbers fetched), now offline. */
async function openApplicantStep(device: DeviceName): Promise<Page> {
  const context = await newDevice(stage.browser, device);
  await grantCamera(context, stage.gateway.url);
  const page = await context.newPage();
  await page.goto(`${stage.gateway.url}/dong-bo`);
  await waitForServiceWorker(page);
  await page.getByText('Đơn vị: Xã Bản Mẫu').waitFor();
  await page.getByText(/Còn [1-9]\d* số hồ sơ chính thức/).waitFor();
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
  await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  return page;
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const alert = (page: Page, text: RegExp) => page.getByRole('alert').filter({ hasText: text });

describe('CCCD QR scanner at intake', () => {
  it('reads the card through the rear camera while offline, fills the applicant, releases the camera and receives the dossier', async () => {
    const page = await openApplicantStep('tablet');
    await page.getByRole('button', { name: 'Quét mã QR trên thẻ căn cước' }).click();
    await page.getByRole('button', { name: 'Dừng quét' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Đã đọc thẻ của NGUYỄN VĂN MẪU (số định danh 001099000001).' }).waitFor({ timeout: 30_000 });

    expect(await field(page, 'Họ và tên').inputValue()).toBe('NGUYỄN VĂN MẪU');
    expect(await field(page, 'Số định danh cá nhân (12 số)').inputValue()).toBe('001099000001');
    expect(await field(page, 'Nơi cư trú').inputValue()).toBe('Số 1 Đường Thử Nghiệm, Phường Mẫu, Thành phố Hà Nội');
    // The camera is off again: the start button is back and the preview holds no stream.
    await page.getByRole('button', { name: 'Quét mã QR trên thẻ căn cước' }).waitFor();
    expect(await page.getByLabel('Hình ảnh từ máy ảnh').evaluate((v: HTMLVideoElement) => v.srcObject === null && v.hidden)).toBe(true);

    // The scanned applicant goes on to a received dossier, still offline, found by the card's number.
    const code = await completeKhaiSinh(page);
    expect(code).toMatch(/^000\.00\.12\.H38-\d{6}-\d{4}$/);
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ, họ tên hoặc số định danh' }).fill('001099000001');
    await page.getByRole('link', { name: code }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'NGUYỄN VĂN MẪU' }).count()).toBe(1);
    await page.context().close();
  });

  it('reads a photo, explains a corrupt file, a photo without a code and a bank QR, and takes a USB scanner line', async () => {
    const page = await openApplicantStep('laptop');
    const photo = page.getByLabel('Chụp hoặc chọn ảnh thẻ');

    // A file that is no picture: a clear message, and the worker keeps working afterwards.
    await photo.setInputFiles({ name: 'the-can-cuoc.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a JPEG, the upload was cut') });
    await alert(page, /Không mở được tệp này như một ảnh/).waitFor();

    const desk = renderCardFrame(sampleCccdText, scene({ width: 640, height: 480, showCard: false }));
    await photo.setInputFiles({ name: 'ban.png', mimeType: 'image/png', buffer: encodePng(desk.width, desk.height, desk.data, 1) });
    await alert(page, /Không tìm thấy mã QR trong ảnh/).waitFor();

    const card = renderCardFrame(sampleCccdTextWithOldId, scene({ width: 1600, height: 1200, modulePx: 6, rotationDeg: 170, tiltXDeg: 15, seed: 4 }));
    await photo.setInputFiles({ name: 'the.png', mimeType: 'image/png', buffer: encodePng(card.width, card.height, card.data, 1) });
    await page.getByRole('status').filter({ hasText: 'Đã đọc thẻ của LÒ THỊ MAI' }).waitFor();
    expect(await field(page, 'Họ và tên').inputValue()).toBe('LÒ THỊ MAI');
    expect(await field(page, 'Số định danh cá nhân (12 số)').inputValue()).toBe('038303000123');
    expect(await alert(page, /Không tìm thấy mã QR/).count()).toBe(0);

    // A USB scanner types the line and presses Enter; a bank QR is refused and fills nothing.
    const wedge = page.getByRole('textbox', { name: 'Nội dung mã QR (máy quét cầm tay)' });
    await wedge.click();
    await page.keyboard.type(sampleVietQrText);
    await page.keyboard.press('Enter');
    await alert(page, /mã QR chuyển khoản ngân hàng \(VietQR\)/).waitFor();
    expect(await field(page, 'Họ và tên').inputValue()).toBe('LÒ THỊ MAI');

    // The next scan replaces the bad line; text in decomposed Unicode (NFD) is read as NFC.
    await page.keyboard.type(sampleCccdText.normalize('NFD'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Đã đọc thẻ của NGUYỄN VĂN MẪU' }).waitFor();
    expect(await field(page, 'Họ và tên').inputValue()).toBe('NGUYỄN VĂN MẪU');
    expect(await wedge.inputValue()).toBe('');
    // Still on the intake form: the Enter did not submit anything around the scanner.
    await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    await page.context().close();
  });
});

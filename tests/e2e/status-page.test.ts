// The citizen status page from the printed receipt, end to end in real Chromium against the real
// gateway: the desk receives a dossier and syncs; the receipt's second QR, decoded from its
// picture, holds the page's address; a citizen's phone with JavaScript off opens it, types the 4
// digits and sees "Đang giải quyết" with the appointment of the receipt, and nothing personal.
// On the desk's own browser the service worker leaves the page to the gateway.
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { useStage } from '../support/e2e-stage';
import { enrolWithDemoCode, prepareDevice, receiveKhaiSinh, sampleApplicant } from '../support/intake-flow';
import { decodeQrInNode } from '../support/zxing-node';

const stage = useStage();

describe('the citizen status page', () => {
  it('opens from the receipt’s status QR on a phone without JavaScript and shows the status and the appointment', async () => {
    const desk = await newDevice(stage.browser, 'laptop');
    const page = await desk.newPage();
    await prepareDevice(page, stage.gateway.url);
    await enrolWithDemoCode(page, 'Máy tiếp nhận một cửa');
    const code = await receiveKhaiSinh(page);
    expect(code).not.toMatch(/^TAM-/);

    // The receipt's second QR, beside the appointment, read from its picture as a phone would.
    const figure = page.locator('.paper-status-qr').first();
    await figure.getByText('Quét để tra cứu tình trạng hồ sơ').waitFor();
    const qr = figure.getByRole('img', { name: 'Mã QR tra cứu tình trạng hồ sơ' });
    await qr.locator('svg').waitFor();
    // Drawn larger for the screenshot (a printed receipt is read at a printer's resolution, not a screen's).
    await qr.evaluate((el: HTMLElement) => {
      el.style.width = '320px';
      el.style.padding = '24px';
      el.style.background = '#fff';
    });
    const decoded = await decodeQrInNode(new Uint8Array(await qr.screenshot()));
    const url = `${stage.gateway.url}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`;
    expect(decoded).toMatchObject({ status: 'found', text: url });
    expect(await figure.getAttribute('data-url')).toBe(url);
    const due = /ngày (\d+) tháng (\d+) năm (\d{4})/.exec((await page.locator('[data-field="dueAt"]').first().textContent()) ?? '');
    expect(due).not.toBeNull();
    const appointment = `${due![1]!.padStart(2, '0')}/${due![2]!.padStart(2, '0')}/${due![3]}`;

    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    const syncButton = page.getByRole('button', { name: 'Đồng bộ ngay' });
    await expect.poll(() => syncButton.isEnabled(), { timeout: 60_000 }).toBe(true);
    await syncButton.click();
    await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 60_000 });

    // A cheap phone, JavaScript off.
    const phone = await stage.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 }, locale: 'vi-VN' });
    const citizen = await phone.newPage();
    const opened = await citizen.goto(url);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    await citizen.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
    const codeBox = citizen.getByRole('textbox', { name: 'Mã hồ sơ hoặc mã tra cứu' });
    expect(await codeBox.inputValue()).toBe(code);
    // Nothing wider than the phone's screen.
    const box = await codeBox.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);

    // A wrong guess first, then the right digits.
    const digits = citizen.getByLabel('4 số cuối số định danh (CCCD) của người nộp');
    await digits.fill('9999');
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByRole('alert').getByText('Không tìm thấy hồ sơ khớp với thông tin đã nhập.').waitFor();
    await citizen.getByLabel('4 số cuối số định danh (CCCD) của người nộp').fill(sampleApplicant.idNumber.slice(-4));
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByRole('heading', { name: 'Tình trạng hồ sơ', exact: true }).waitFor();
    const result = citizen.getByRole('region', { name: 'Tình trạng hồ sơ', exact: true });
    await result.getByText('Đang giải quyết', { exact: true }).waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain(code);
    expect(text).toContain(`Ngày hẹn trả kết quả${appointment}`);
    const whole = await citizen.content();
    for (const personal of [sampleApplicant.fullName, sampleApplicant.idNumber, sampleApplicant.address, '0912', 'Lò Thị Mai'])
      expect(whole).not.toContain(personal);
    expect(whole).not.toContain('<script');
    await phone.close();

    // The desk's browser, whose service worker answers the app's own paths, leaves this one to the gateway.
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Mã hồ sơ hoặc mã tra cứu' }).inputValue()).toBe(code);
    await desk.close();
  }, 300_000);
});

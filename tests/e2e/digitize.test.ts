// Digitizing papers in real Chromium on the built app: a generated photo chosen as a file becomes
// a stored PDF page that Chromium opens; a sealed page stays colour and small; a corner dragged on
// the photo gives a new page; blank and blurred photos get their warning and the officer decides;
// a file that is no picture is refused.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStage } from '../support/e2e-stage';
import { devices } from '../support/browser';
import { fileBytesFromPage, generatePhoto, photoAsFileInPage, type PhotoSpec } from '../support/photo-files';
import { decodePng } from '../support/png';

const stage = useStage();

const PICK = 'Chọn ảnh hoặc tệp PDF';
// 2100×2800 with the page filling 90 % of the height gives the page about 215 dpi.
const photoSpec = (seed: number, extra: Partial<PhotoSpec> = {}): PhotoSpec => ({ width: 2100, height: 2800, seed, fill: 0.9, ...extra });

async function openDesk(): Promise<{ context: BrowserContext; page: Page }> {
  // Service workers off: generated photos reach the page through routed requests.
  const context = await stage.browser.newContext({ ...devices.tablet, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${stage.gateway.url}/so-hoa`);
  await page.getByRole('heading', { level: 1, name: 'Số hóa giấy tờ' }).waitFor();
  return { context, page };
}

/** Shares of white paper and of dark ink in a screenshot. */
function inkOnPaper({ data }: { data: Uint8Array }): { paper: number; ink: number } {
  let paper = 0;
  let ink = 0;
  const n = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const v = Math.min(data[i]!, data[i + 1]!, data[i + 2]!);
    const max = Math.max(data[i]!, data[i + 1]!, data[i + 2]!);
    if (v > 220) paper++;
    else if (max < 110) ink++;
  }
  return { paper: paper / n, ink: ink / n };
}

/** Generates a photo, lets Chromium make it a camera-like JPEG, and chooses it in the file input. */
async function choosePhoto(page: Page, spec: PhotoSpec, name: string) {
  const photo = generatePhoto(spec);
  await photoAsFileInPage(page, photo, name);
  const buffer = await fileBytesFromPage(page, name);
  await page.getByLabel(PICK, { exact: true }).setInputFiles({ name: `${name}.jpg`, mimeType: 'image/jpeg', buffer });
  return photo;
}

describe('digitizing papers', () => {
  it('turns a photo chosen as a file into a stored 1-bit PDF page that Chromium opens', async () => {
    const { context, page } = await openDesk();
    await page.getByRole('textbox', { name: 'Tên giấy tờ' }).fill('Giấy khai sinh');
    await choosePhoto(page, photoSpec(7), 'trang-1');
    await page.getByRole('img', { name: 'Trang 1' }).waitFor({ timeout: 90_000 });
    const status = page.getByRole('status').filter({ hasText: 'Tệp PDF: 1 trang' });
    await status.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('listitem').filter({ hasText: 'Trang 1' }).textContent()).toContain('Đen trắng');

    // The stored PDF: one A4 page at 200 dpi holding a CCITT G4 image.
    const link = status.getByRole('link', { name: 'Mở tệp PDF' });
    const href = (await link.getAttribute('href'))!;
    const pdf = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      return { size: bytes.length, text: Array.from(bytes.subarray(0, 2000), (b) => String.fromCharCode(b)).join('') };
    }, href);
    expect(pdf.text.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.text).toContain('/MediaBox [0 0 595.44 842.04]');
    expect(pdf.text).toContain('/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 1654 /Rows 2339');
    expect(pdf.size).toBeLessThan(70 * 1024);

    // Chromium's own PDF viewer (PDFium, a CCITT decoder independent of ours) opens it, reads the
    // Vietnamese title, and draws the page: paper with dark text in the middle of the view.
    const [viewer] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await viewer.waitForLoadState();
    expect(await viewer.evaluate(() => document.contentType)).toBe('application/pdf');
    const toolbar = () => viewer.frames().find((f) => f.url().startsWith('chrome-extension://'));
    await expect.poll(() => toolbar()?.getByText('Giấy khai sinh').count() ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect
      .poll(async () => inkOnPaper(decodePng(await viewer.screenshot({ clip: { x: 250, y: 350, width: 300, height: 300 } }))), { timeout: 30_000 })
      .toMatchObject({ paper: expect.toSatisfy((v: number) => v > 0.5), ink: expect.toSatisfy((v: number) => v > 0.02 && v < 0.4) });

    // The set is listed among the digitized papers, and survives a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Mở Giấy khai sinh' }).waitFor();
    await context.close();
  });

  it('keeps a sealed page in colour under 150 KB: G4 text over a small JPEG of the seal, drawn red and black', async () => {
    const { context, page } = await openDesk();
    await page.getByRole('textbox', { name: 'Tên giấy tờ' }).fill('Quyết định');
    await choosePhoto(page, photoSpec(12, { document: { seal: true } }), 'trang-dau');
    await page.getByRole('img', { name: 'Trang 1' }).waitFor({ timeout: 90_000 });
    const status = page.getByRole('status').filter({ hasText: 'Tệp PDF: 1 trang' });
    await status.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('listitem').filter({ hasText: 'Trang 1' }).textContent()).toContain('Màu');

    const href = (await status.getByRole('link', { name: 'Mở tệp PDF' }).getAttribute('href'))!;
    const pdf = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { size: bytes.length, dicts: text.match(/<< \/Type \/XObject[^>]*>>/g) ?? [] };
    }, href);
    expect(pdf.size).toBeLessThan(150 * 1024);
    // The text is one full-page G4 image mask; the seal (with the signature beside it) a small JPEG.
    expect(pdf.dicts.filter((d) => d.includes('/Width 1654 /Height 2339 /ImageMask true /Decode [0 1]') && d.includes('/CCITTFaxDecode'))).toHaveLength(1);
    const jpegs = pdf.dicts.filter((d) => d.includes('/DCTDecode'));
    expect(jpegs.length).toBeGreaterThanOrEqual(1);
    for (const d of jpegs) {
      const [, w, h] = /\/Width (\d+) \/Height (\d+)/.exec(d)!;
      expect(Number(w) * Number(h)).toBeLessThan(0.1 * 827 * 1170);
    }

    // Chromium's PDF viewer draws the whole page: red seal strokes and black text on white paper.
    const viewer = await context.newPage();
    await viewer.goto(`${href}#view=Fit`);
    await expect
      .poll(
        async () => {
          const { data } = decodePng(await viewer.screenshot());
          let red = 0;
          let black = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i]! > 150 && data[i + 1]! < 110 && data[i + 2]! < 110) red++;
            else if (data[i]! < 80 && data[i + 1]! < 80 && data[i + 2]! < 80) black++;
          }
          return { red: red > 200, black: black > 2000 };
        },
        { timeout: 30_000 },
      )
      .toEqual({ red: true, black: true });
    await context.close();
  });

  it('lets the officer drag a corner on the photo and makes the page again from it', async () => {
    const { context, page } = await openDesk();
    await choosePhoto(page, photoSpec(8), 'trang-goc');
    await page.getByRole('img', { name: 'Trang 1' }).waitFor({ timeout: 90_000 });
    const before = await page.getByRole('img', { name: 'Trang 1' }).getAttribute('src');

    await page.getByRole('button', { name: 'Sửa trang 1' }).click();
    const handle = page.getByRole('button', { name: 'Góc trên bên trái' });
    await handle.waitFor();
    const x0 = Number(await handle.getAttribute('data-x'));
    const y0 = Number(await handle.getAttribute('data-y'));
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20, { steps: 5 });
    await page.mouse.up();
    const x1 = Number(await handle.getAttribute('data-x'));
    const y1 = Number(await handle.getAttribute('data-y'));
    expect(x1).toBeGreaterThan(x0 + 20);
    expect(y1).toBeGreaterThan(y0 + 10);
    // Keyboard works too: one step right is 0.5 % of the photo's long side (14 px).
    await handle.press('ArrowRight');
    expect(Number(await handle.getAttribute('data-x'))).toBe(x1 + 14);

    await page.getByRole('button', { name: 'Xử lý lại với góc đã chỉnh' }).click();
    const done = page.getByRole('button', { name: /^(Xong|Vẫn dùng trang này)$/ });
    await expect.poll(() => done.isEnabled(), { timeout: 90_000 }).toBe(true);
    await done.click();
    await expect.poll(() => page.getByRole('img', { name: 'Trang 1' }).getAttribute('src'), { timeout: 30_000 }).not.toBe(before);
    expect(await page.getByRole('img', { name: /^Trang \d$/ }).count()).toBe(1);
    await context.close();
  });

  it('warns about a blank and a blurred photo; the officer retakes one and accepts the other', async () => {
    const { context, page } = await openDesk();
    await choosePhoto(page, photoSpec(9, { document: { blank: true } }), 'trang-trong');
    const alert = page.getByRole('alert').filter({ hasText: 'Trang trống' });
    await alert.waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Bỏ, chụp lại' }).click();
    await alert.waitFor({ state: 'detached' });
    await page.getByText('Chưa có trang nào.').waitFor();

    await choosePhoto(page, photoSpec(10, { photo: { blur: 9 } }), 'trang-mo');
    await page.getByRole('alert').filter({ hasText: 'Ảnh bị mờ' }).waitFor({ timeout: 90_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'Trang trống' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Vẫn dùng trang này' }).click();
    await page.getByRole('img', { name: 'Trang 1' }).waitFor();
    await context.close();
  });

  it('refuses a file that is not a picture, whatever its name says, and a decompression bomb', async () => {
    const { context, page } = await openDesk();
    await page
      .getByLabel(PICK, { exact: true })
      .setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ this is a program, not a photo') });
    await page.getByRole('alert').filter({ hasText: 'không phải ảnh JPEG/PNG hay PDF' }).waitFor({ timeout: 30_000 });
    // A JPEG whose header claims 20000 × 15000 pixels (a decompression bomb) is refused before decoding.
    const sof = [0xff, 0xc0, 0, 17, 8, 15000 >> 8, 15000 & 0xff, 20000 >> 8, 20000 & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const bomb = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, ...sof, ...new Array(5000).fill(0)]);
    await page.getByLabel(PICK, { exact: true }).setInputFiles({ name: 'bom.jpg', mimeType: 'image/jpeg', buffer: bomb });
    await page.getByRole('alert').filter({ hasText: 'quá nhiều điểm ảnh' }).waitFor({ timeout: 30_000 });
    await page.getByText('Chưa có trang nào.').waitFor();
    await context.close();
  });
});

// Every paper of a dossier goes through the digitizer, end to end in real Chromium against the real
// gateway: two 12-megapixel camera-app photos (one with a second paper in view) and one chosen PDF
// make a dossier of three PDFs; after sync the gateway holds those PDFs byte for byte, and no photo
// is kept in IndexedDB or sent in any request. A photo whose page is not found opens the corner
// review; a result paper is captured the same way; a citizen's earlier papers are offered again,
// and a paper digitized earlier on Số hóa giấy tờ is attached as it is.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { encryptedPdf, samplePdf } from '../support/sample-pdf';
import { useStage } from '../support/e2e-stage';
import { cameraJpegs, deviceStore, imageFilters, recordRequestBodies, sentBodies } from '../support/capture-probes';
import { enrolWithDemoCode, item, prepareDevice, receiveKhaiSinh, sampleApplicant } from '../support/intake-flow';
import { generatePhoto } from '../support/photo-files';
import { photoWithSecondPaper } from '../support/second-paper-photo';

const stage = useStage();

const CAMERA_APP = 'Chụp bằng ứng dụng máy ảnh';
const PICK = 'Chọn ảnh hoặc tệp PDF';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Waits until the paper's page count and PDF are shown: the PDF is made from the pages as they stand. */
async function pdfReady(paper: Locator, pages: number) {
  await paper.getByRole('heading', { name: `Các trang (${pages})` }).waitFor({ timeout: 120_000 });
  await paper
    .getByRole('status')
    .filter({ hasText: /^Tệp PDF/ })
    .waitFor({ timeout: 60_000 });
}

/** How many papers the open draft has ticked as received, read from IndexedDB. */
function receivedInDraft(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('drafts').objectStore('drafts').getAll();
          read.onsuccess = () => {
            open.result.close();
            const drafts = read.result as { data: { components: { received: boolean }[] } }[];
            resolve(Math.max(0, ...drafts.map((d) => d.data.components.filter((c) => c.received).length)));
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

const CORNERS = ['Góc trên bên trái', 'Góc trên bên phải', 'Góc dưới bên phải', 'Góc dưới bên trái'];

/** Drags each corner handle of the review onto the paper's true corner (photo pixels), as a finger would. */
async function dragCornersTo(page: Page, review: Locator, truth: { x: number; y: number }[]) {
  const handles = CORNERS.map((name) => review.getByRole('button', { name }));
  await handles[0]!.waitFor();
  const at = async (h: Locator) => {
    const box = (await h.boundingBox())!;
    return { sx: box.x + box.width / 2, sy: box.y + box.height / 2, x: Number(await h.getAttribute('data-x')), y: Number(await h.getAttribute('data-y')) };
  };
  const [tl, br] = [await at(handles[0]!), await at(handles[2]!)];
  const scale = (br.sx - tl.sx) / (br.x - tl.x);
  for (const [i, h] of handles.entries()) {
    const from = await at(h);
    await page.mouse.move(from.sx, from.sy);
    await page.mouse.down();
    await page.mouse.move(from.sx + (truth[i]!.x - from.x) * scale, from.sy + (truth[i]!.y - from.y) * scale, { steps: 8 });
    await page.mouse.up();
  }
}

describe('capture of every paper', () => {
  it('receives photographed and chosen papers as three PDFs; the gateway gets them byte for byte, never a photo', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    await context.addInitScript(recordRequestBodies);
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    await enrolWithDemoCode(page, 'Máy tính bảng tiếp nhận');

    // Two 12-megapixel photos as a camera app hands them over: the form in portrait, the birth
    // certificate in landscape beside another paper.
    const form = generatePhoto({ width: 3000, height: 4000, seed: 31, fill: 0.85 });
    const beside = photoWithSecondPaper(4000, 3000, 32);
    const [formJpeg, besideJpeg] = await cameraJpegs(context, stage.gateway.url, [form, beside]);
    const photos = [formJpeg!, besideJpeg!];
    for (const jpeg of photos) expect(jpeg.length).toBeGreaterThan(1_000_000);
    const authorisation = samplePdf('Văn bản ủy quyền, đã scan sẵn', { filler: '0 0 0 RG\n'.repeat(500) });

    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(sampleApplicant.fullName);
    await page.getByRole('textbox', { name: 'Số định danh cá nhân (12 số)' }).fill(sampleApplicant.idNumber);
    await page.getByRole('textbox', { name: 'Nơi cư trú' }).fill(sampleApplicant.address);
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();

    // The app's own buttons, in Vietnamese: no browser "Choose Files".
    const formPaper = item(page, 'Tờ khai đăng ký khai sinh');
    await formPaper.getByRole('button', { name: 'Mở máy ảnh' }).waitFor();
    expect(await page.getByText(/Choose Files|No file chosen/).count()).toBe(0);

    await formPaper.getByLabel(CAMERA_APP, { exact: true }).setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: formJpeg! });
    await pdfReady(formPaper, 1);
    // Taken as paper: ticked as received without a second click.
    expect(await formPaper.getByRole('checkbox', { name: 'Đã nhận' }).isChecked()).toBe(true);

    const birthPaper = item(page, 'Giấy chứng sinh');
    await birthPaper.getByLabel(CAMERA_APP, { exact: true }).setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: besideJpeg! });
    // Found with confidence, the page is kept at once; otherwise the officer checks its corners
    // first. Either way the officer can open it again and put the corners on the paper meant.
    const review = birthPaper.getByRole('region', { name: /^Kiểm tra trang/ });
    const stored = birthPaper.getByRole('heading', { name: 'Các trang (1)' });
    await expect.poll(async () => (await review.count()) + (await stored.count()), { timeout: 120_000 }).toBeGreaterThan(0);
    if ((await review.count()) === 0) await birthPaper.getByRole('button', { name: 'Sửa trang 1' }).click();
    await dragCornersTo(page, review, beside.corners);
    await review.getByRole('button', { name: 'Xử lý lại với góc đã chỉnh' }).click();
    const done = review.getByRole('button', { name: /^(Xong|Vẫn dùng trang này)$/ });
    await expect.poll(() => done.isEnabled(), { timeout: 120_000 }).toBe(true);
    await done.click();
    await pdfReady(birthPaper, 1);
    // The page kept is the paper meant, not the one beside it.
    const corners = await page.evaluate(() =>
      (performance.getEntriesByName('motcua:digitize-page') as PerformanceMark[]).map((m) => (m.detail as { corners: { x: number; y: number }[] }).corners),
    );
    const kept = corners.at(-1)!;
    for (const [i, c] of beside.corners.entries()) expect(Math.hypot(kept[i]!.x - c.x, kept[i]!.y - c.y)).toBeLessThan(20);

    const authPaper = item(page, 'Văn bản ủy quyền theo quy định');
    await authPaper.getByRole('checkbox', { name: 'Trường hợp này cần giấy tờ này' }).check();
    await authPaper.getByLabel(PICK, { exact: true }).setInputFiles({ name: 'uy-quyen.pdf', mimeType: 'application/pdf', buffer: authorisation });
    await authPaper.getByText('PDF giữ nguyên: uy-quyen.pdf').waitFor({ timeout: 60_000 });
    await authPaper
      .getByRole('status')
      .filter({ hasText: /^Tệp PDF/ })
      .waitFor();
    await item(page, 'Xuất trình giấy tờ tùy thân').getByRole('checkbox', { name: 'Đã nhận' }).check();

    // The draft keeps its pages and the ticks just made across a reload, even one at once.
    await page.reload();
    expect(await receivedInDraft(page)).toBeGreaterThanOrEqual(4);
    await pdfReady(item(page, 'Tờ khai đăng ký khai sinh'), 1);
    await pdfReady(item(page, 'Giấy chứng sinh'), 1);

    await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
    await page.getByText('Hồ sơ đủ thành phần theo quy định.').waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / });
    await heading.waitFor();
    const code = (await heading.textContent())!.replace('Đã tiếp nhận hồ sơ ', '');

    // The dossier holds three PDFs, one per paper; the pages behind them are gone with the draft.
    const { files, attachments } = await deviceStore(page);
    const dossierFiles = attachments.filter((a) => !a.ownerId.endsWith('#pages'));
    expect(attachments.filter((a) => a.ownerId.endsWith('#pages'))).toEqual([]);
    expect(dossierFiles.map((a) => [a.componentIndex, a.type, a.name]).sort()).toEqual([
      [0, 'application/pdf', 'Tờ khai đăng ký khai sinh.pdf'],
      [1, 'application/pdf', 'Giấy chứng sinh.pdf'],
      [6, 'application/pdf', 'uy-quyen.pdf'],
    ]);
    const pdfs = dossierFiles.map((a) => Buffer.from(files.find((f) => f.sha256 === a.sha256)!.bytes));
    const [formPdf, birthPdf, authPdf] = [0, 1, 6].map((i) => pdfs[dossierFiles.findIndex((a) => a.componentIndex === i)]!);
    expect(authPdf!.equals(authorisation)).toBe(true);
    for (const pdf of [formPdf!, birthPdf!]) {
      expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      expect(imageFilters(pdf)).toEqual(['CCITTFaxDecode']);
      expect(pdf.length).toBeLessThan(150 * 1024);
    }

    // No photo in IndexedDB: not by hash, not inside any stored file.
    const stored256 = new Set(files.map((f) => f.sha256));
    const probes = photos.map((jpeg) => jpeg.subarray(jpeg.length >> 1, (jpeg.length >> 1) + 64));
    for (const [i, jpeg] of photos.entries()) {
      expect(stored256.has(sha256(jpeg))).toBe(false);
      for (const f of files) expect(Buffer.from(f.bytes).includes(probes[i]!)).toBe(false);
    }

    // Sync: the gateway receives the three PDFs byte for byte.
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 60_000 });
    const bodies = await sentBodies(page);
    for (const pdf of pdfs) {
      expect(readFileSync(path.join(stage.gateway.dataDir, 'files', sha256(pdf))).equals(pdf)).toBe(true);
      expect(bodies.some((b) => b.includes(pdf))).toBe(true);
    }
    // And no request carried a photo.
    for (const probe of probes) expect(bodies.some((b) => b.includes(probe))).toBe(false);

    // The result paper is taken the same way: a camera-app photo becomes a PDF, attached and sent.
    const [resultJpeg] = await cameraJpegs(context, stage.gateway.url, [generatePhoto({ width: 2100, height: 2800, seed: 34, fill: 0.9 })]);
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('button', { name: 'Chuyển xử lý', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận: Chuyển xử lý' }).click();
    const result = page.getByRole('region', { name: 'Giấy tờ kết quả', exact: true });
    await result.getByLabel(CAMERA_APP, { exact: true }).setInputFiles({ name: 'IMG_0004.jpg', mimeType: 'image/jpeg', buffer: resultJpeg! });
    await pdfReady(result, 1);
    await result.getByRole('button', { name: 'Đính kèm giấy tờ kết quả vào hồ sơ' }).click();
    await result
      .getByRole('status')
      .filter({ hasText: /^Đã đính kèm Kết quả hồ sơ/ })
      .waitFor();
    const after = await deviceStore(page);
    const resultRows = after.attachments.filter((a) => a.componentIndex === -1);
    expect(resultRows.map((a) => a.type)).toEqual(['application/pdf']);
    expect(after.attachments.filter((a) => a.ownerId.includes('#'))).toEqual([]);
    const resultPdf = Buffer.from(after.files.find((f) => f.sha256 === resultRows[0]!.sha256)!.bytes);
    expect(imageFilters(resultPdf)).toEqual(['CCITTFaxDecode']);
    expect(after.files.some((f) => f.sha256 === sha256(resultJpeg!))).toBe(false);
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 60_000 });
    await expect.poll(() => readFileSync(path.join(stage.gateway.dataDir, 'files', sha256(resultPdf))).equals(resultPdf)).toBe(true);
    const probe = resultJpeg!.subarray(resultJpeg!.length >> 1, (resultJpeg!.length >> 1) + 64);
    expect((await sentBodies(page)).some((b) => b.includes(probe))).toBe(false);
    await context.close();
  }, 400_000);

  it('opens the corner review for a photo whose page it cannot find', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    // The paper overflows the frame: no edge to find.
    const [jpeg] = await cameraJpegs(context, stage.gateway.url, [generatePhoto({ width: 3000, height: 4000, seed: 33, fill: 1.25 })]);
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
    const paper = item(page, 'Giấy chứng sinh');
    await paper.getByLabel(CAMERA_APP, { exact: true }).setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: jpeg! });
    const review = paper.getByRole('region', { name: /^Kiểm tra trang/ });
    await review.waitFor({ timeout: 120_000 });
    await review.getByRole('alert').getByText('Không tìm thấy mép trang', { exact: false }).waitFor();
    await review.getByRole('button', { name: 'Góc trên bên trái' }).waitFor();
    // Nothing is kept until the officer decides.
    await paper.getByText('Chưa có trang nào.').waitFor();
    await review.getByRole('button', { name: 'Vẫn dùng trang này' }).click();
    await pdfReady(paper, 1);
    await context.close();
  }, 200_000);

  it('joins a paper’s photo and chosen PDF into its one PDF, in the order shown; a damaged or locked PDF is refused', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    const [jpeg] = await cameraJpegs(context, stage.gateway.url, [generatePhoto({ width: 3000, height: 4000, seed: 35 })]);
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
    const paper = item(page, 'Giấy chứng sinh');
    const pick = paper.getByLabel(PICK, { exact: true });

    // A PDF header over junk, and a password-protected PDF: each refused by name, nothing kept.
    await pick.setInputFiles({ name: 'hong.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% trông như PDF\n%%EOF\n') });
    await paper.getByRole('alert').filter({ hasText: 'Tệp "hong.pdf" bị hỏng' }).waitFor({ timeout: 60_000 });
    await pick.setInputFiles({ name: 'mat-khau.pdf', mimeType: 'application/pdf', buffer: encryptedPdf() });
    await paper.getByRole('alert').filter({ hasText: 'Tệp PDF "mat-khau.pdf" có đặt mật khẩu' }).waitFor({ timeout: 60_000 });
    await paper.getByText('Chưa có trang nào.').waitFor();

    // A photographed page, then a two-page PDF the citizen brought: one PDF of three pages.
    await paper.getByLabel(CAMERA_APP, { exact: true }).setInputFiles({ name: 'IMG_0005.jpg', mimeType: 'image/jpeg', buffer: jpeg! });
    await pdfReady(paper, 1);
    const chosen = samplePdf('Trích lục, bản điện tử', { pages: 2 });
    await pick.setInputFiles({ name: 'trich-luc.pdf', mimeType: 'application/pdf', buffer: chosen });
    await paper.getByRole('heading', { name: 'Các trang (2)' }).waitFor({ timeout: 60_000 });
    const joined = paper.getByRole('status').filter({ hasText: 'Tệp PDF: 1 trang chụp và 1 tệp PDF ghép theo thứ tự' });
    await joined.waitFor({ timeout: 60_000 });

    /** The paper's stored PDF, as the page sizes of its pages in points (the scan is 200 dpi A4). */
    const pageSizes = async () => {
      const href = (await joined.getByRole('link', { name: 'Mở tệp PDF' }).getAttribute('href'))!;
      const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), href);
      const pdf = await PDFDocument.load(Uint8Array.from(bytes));
      return pdf.getPages().map((p) => p.getSize().width.toFixed(2));
    };
    const SCAN = '595.44';
    const CHOSEN = '595.28';
    expect(await pageSizes()).toEqual([SCAN, CHOSEN, CHOSEN]);
    // The draft delivers that one PDF for the paper (its pages are kept apart, under "#pages").
    const delivered = (await deviceStore(page)).attachments.filter((a) => a.componentIndex === 1 && !a.ownerId.endsWith('#pages'));
    expect(delivered.map((a) => [a.type, a.name])).toEqual([['application/pdf', 'Giấy chứng sinh.pdf']]);

    // Moved first, the chosen file's pages come first.
    const before = await joined.getByRole('link', { name: 'Mở tệp PDF' }).getAttribute('href');
    await paper.getByRole('button', { name: 'Đưa trang 2 lên trước' }).click();
    await expect.poll(() => joined.getByRole('link', { name: 'Mở tệp PDF' }).getAttribute('href'), { timeout: 60_000 }).not.toBe(before);
    expect(await pageSizes()).toEqual([CHOSEN, CHOSEN, SCAN]);
    await context.close();
  }, 300_000);

  it("offers a citizen's papers from an earlier dossier at the next intake, without taking them again", async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    const birth = samplePdf('Giấy chứng sinh, bản số hóa');
    await receiveKhaiSinh(page, sampleApplicant, [{ paper: 'Giấy chứng sinh', name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: birth }]);

    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
    await page.getByRole('textbox', { name: 'Số định danh cá nhân (12 số)' }).fill(sampleApplicant.idNumber);
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
    const paper = item(page, 'Giấy chứng sinh');
    const reuse = paper.getByRole('combobox', { name: 'Dùng lại giấy tờ công dân đã nộp trước đây' });
    await reuse.waitFor(); // shown once the ID number finds papers held
    const offered = await reuse.locator('option').allTextContents();
    expect(offered).toEqual(['— Chọn —', expect.stringMatching(/^giay-chung-sinh\.pdf \(hồ sơ 000\.00\.12\.H38-\d{6}-\d{4}\)$/)]);
    await reuse.selectOption({ label: offered[1]! });
    await paper.getByText('PDF giữ nguyên: giay-chung-sinh.pdf').waitFor();
    await paper
      .getByRole('status')
      .filter({ hasText: /^Tệp PDF/ })
      .waitFor();
    // Only for the same paper: the form has nothing to offer.
    expect(await item(page, 'Tờ khai đăng ký khai sinh').getByRole('combobox', { name: 'Dùng lại giấy tờ công dân đã nộp trước đây' }).count()).toBe(0);
    await context.close();
  });

  it('attaches a paper digitized earlier on Số hóa giấy tờ to the next dossier as it is, without digitizing it again', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    const [jpeg] = await cameraJpegs(context, stage.gateway.url, [generatePhoto({ width: 2100, height: 2800, seed: 41, fill: 0.9 })]);
    await page.getByRole('link', { name: 'Số hóa giấy tờ', exact: true }).click();
    await page.getByRole('textbox', { name: 'Tên giấy tờ' }).fill('Bản chứng sinh của bé Na');
    await page.getByLabel(PICK, { exact: true }).setInputFiles({ name: 'chung-sinh.jpg', mimeType: 'image/jpeg', buffer: jpeg! });
    await page.getByRole('status').filter({ hasText: 'Tệp PDF: 1 trang' }).waitFor({ timeout: 120_000 });
    const loose = (await deviceStore(page)).files.filter((f) => f.type === 'application/pdf');
    expect(loose).toHaveLength(1);

    const code = await receiveKhaiSinh(page, sampleApplicant, [
      { paper: 'Giấy chứng sinh', from: 'Lấy từ giấy tờ đã số hóa trên máy', option: /Bản chứng sinh của bé Na/ },
    ]);
    const after = await deviceStore(page);
    const dossier = after.dossiers.find((d) => d.code === code) as { id: string } | undefined;
    const attached = after.attachments.filter((a) => a.ownerId === dossier?.id);
    // The dossier holds that very PDF (same bytes, by hash), and no second digitization was stored.
    expect(attached.map((a) => a.sha256)).toEqual([loose[0]!.sha256]);
    expect(after.files.filter((f) => f.type === 'application/pdf').map((f) => f.sha256)).toEqual([loose[0]!.sha256]);
    await context.close();
  });
});

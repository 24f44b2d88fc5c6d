// A reload never costs the officer a photo, in real Chromium on the built app: a batch of photos
// cut short half-way resumes by itself when the draft opens again and finishes with every page once,
// in the order taken (a corrupt photo among them reported and dropped without holding up the rest);
// pages captured into a draft stay after a reload, and a page waiting for review comes back to it;
// an unfinished set on Số hóa giấy tờ opens again by itself.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { useStage } from '../support/e2e-stage';
import { allowDigitizing, holdDigitizingOnNextLoad, installDigitizeGate } from '../support/digitize-gate';
import { item, prepareDevice } from '../support/intake-flow';
import { fileBytesFromPage, generatePhoto, photoAsFileInPage, type PhotoSpec } from '../support/photo-files';

const stage = useStage();

const PICK = 'Chọn ảnh hoặc tệp PDF';
const BIRTH = 'Giấy chứng sinh';

interface InputFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Camera-like JPEGs of generated photos, encoded by Chromium in a page of their own. */
async function photoFiles(context: BrowserContext, specs: PhotoSpec[], names: string[]): Promise<InputFile[]> {
  const page = await context.newPage();
  await page.goto(`${stage.gateway.url}/robots.txt`);
  const out: InputFile[] = [];
  for (const [i, spec] of specs.entries()) {
    await photoAsFileInPage(page, generatePhoto(spec), `photo${i}`, 0.92);
    out.push({ name: names[i]!, mimeType: 'image/jpeg', buffer: await fileBytesFromPage(page, `photo${i}`) });
  }
  await page.close();
  return out;
}

/** A fresh device with a khai sinh draft open at its papers. Reloads go ahead even while work is held. */
async function openDraftAtPapers(context: BrowserContext): Promise<Page> {
  await installDigitizeGate(context);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept()); // "leave the page?" while a batch runs
  await prepareDevice(page, stage.gateway.url);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
  await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
  await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
  await item(page, BIRTH).getByRole('button', { name: 'Mở máy ảnh' }).waitFor();
  return page;
}

/** The draft's stored pages of a paper (photo names, in page order) and the photos still queued, read from IndexedDB. */
function deviceState(page: Page, componentIndex: number): Promise<{ pages: string[]; queued: string[] }> {
  return page.evaluate(
    (componentIndex) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['attachments', 'captureQueue']);
          const attachments = tx.objectStore('attachments').getAll();
          const queue = tx.objectStore('captureQueue').getAll();
          tx.oncomplete = () => {
            open.result.close();
            const rows = (attachments.result as { ownerId: string; componentIndex: number; order: number; name: string }[])
              .filter((a) => a.ownerId.endsWith('#pages') && a.componentIndex === componentIndex)
              .sort((a, b) => a.order - b.order);
            resolve({ pages: rows.map((r) => r.name), queued: (queue.result as { name: string }[]).map((q) => q.name) });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    componentIndex,
  );
}

/** Pages digitized in this page load (the capture marks each one). */
const digitizedSinceLoad = (page: Page) => page.evaluate(() => performance.getEntriesByName('motcua:digitize-page').length);

async function pdfReady(paper: Locator, pages: number) {
  await paper.getByRole('heading', { name: `Các trang (${pages})` }).waitFor({ timeout: 240_000 });
  await paper
    .getByRole('status')
    .filter({ hasText: `Tệp PDF: ${pages} trang` })
    .waitFor({ timeout: 60_000 });
}

describe('capture across reloads', () => {
  it('resumes a batch cut short by a reload and finishes it with every page once, in order', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    const names = ['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg', 'anh-4.jpg', 'anh-5.jpg', 'anh-6.jpg'];
    // 2100×2800 with the page filling 90 % of the height: about 215 dpi, found without review.
    const photos = await photoFiles(
      context,
      names.map((_, i) => ({ width: 2100, height: 2800, seed: 60 + i, fill: 0.9 })),
      names,
    );
    // A photo damaged on the way (JPEG header, then noise), fifth of seven: reported, dropped, and the rest go on.
    const noise = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251));
    const damaged: InputFile = {
      name: 'anh-hong.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), noise]),
    };
    const batch = [...photos.slice(0, 4), damaged, ...photos.slice(4)];

    const page = await openDraftAtPapers(context);
    const paper = item(page, BIRTH);
    await allowDigitizing(page, 3);
    await paper.getByLabel(PICK, { exact: true }).setInputFiles(batch);
    // Three pages stored, the fourth photo sent to the worker and held there: the tab reloads.
    await paper.getByRole('heading', { name: 'Các trang (3)' }).waitFor({ timeout: 240_000 });
    await holdDigitizingOnNextLoad(page);
    await page.reload();

    // The draft opens where it was, says what it goes on with, and goes on by itself.
    const again = item(page, BIRTH);
    const notice = again.getByText(/^Đang xử lý tiếp \d+ ảnh chưa xong từ lần trước\.$/);
    await notice.waitFor({ timeout: 60_000 });
    const left = Number((await notice.textContent())!.match(/\d+/)![0]);
    expect(left).toBe(4); // the fourth photo, the damaged one and the last two
    await allowDigitizing(page, Infinity);
    await pdfReady(again, 6);
    await again.getByRole('alert').getByText('anh-hong.jpg', { exact: false }).waitFor();
    await notice.waitFor({ state: 'detached' });

    // Every photo became one page, in the order taken; none was processed twice (the photos
    // digitized after the reload are exactly those the notice counted, less the damaged one).
    const state = await deviceState(page, 1);
    expect(state.pages).toEqual(names);
    expect(state.queued).toEqual([]);
    expect(await digitizedSinceLoad(page)).toBe(left - 1);
    expect(await again.getByRole('img', { name: /^Trang \d$/ }).count()).toBe(6);
    await context.close();
  }, 600_000);

  it('keeps captured pages across a reload, and brings a page waiting for review back to it', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    const [good, edgeless] = await photoFiles(
      context,
      [
        { width: 2100, height: 2800, seed: 70, fill: 0.9 },
        // The paper overflows the frame: no edge to find, so the officer must check its corners.
        { width: 2100, height: 2800, seed: 71, fill: 1.25 },
      ],
      ['IMG_0101.jpg', 'IMG_0102.jpg'],
    );
    const page = await openDraftAtPapers(context);
    const paper = item(page, BIRTH);
    await paper.getByLabel(PICK, { exact: true }).setInputFiles(good!);
    await pdfReady(paper, 1);
    await paper.getByLabel(PICK, { exact: true }).setInputFiles(edgeless!);
    const review = paper.getByRole('region', { name: /^Kiểm tra trang/ });
    await review.waitFor({ timeout: 120_000 });
    expect((await deviceState(page, 1)).queued).toEqual(['IMG_0102.jpg']);

    // The notice lasts only while the photo is digitized again, so the worker is held until it is read.
    await holdDigitizingOnNextLoad(page);
    await page.reload();
    const again = item(page, BIRTH);
    // The page taken is still there, its PDF with it; the photo awaiting review is back for review.
    await pdfReady(again, 1);
    await again.getByText('Đang xử lý tiếp 1 ảnh chưa xong từ lần trước.').waitFor();
    await allowDigitizing(page, Infinity);
    const back = again.getByRole('region', { name: 'Kiểm tra trang: IMG_0102.jpg' });
    await back.waitFor({ timeout: 120_000 });
    await back.getByRole('button', { name: 'Vẫn dùng trang này' }).click();
    await pdfReady(again, 2);
    expect(await deviceState(page, 1)).toEqual({ pages: ['IMG_0101.jpg', 'IMG_0102.jpg'], queued: [] });

    // And once more: both pages stay.
    await page.reload();
    await pdfReady(item(page, BIRTH), 2);
    await context.close();
  }, 400_000);

  it('goes on with a set of loose papers on Số hóa giấy tờ after a reload', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    const names = ['so-hoa-1.jpg', 'so-hoa-2.jpg', 'so-hoa-3.jpg', 'so-hoa-4.jpg'];
    const photos = await photoFiles(
      context,
      names.map((_, i) => ({ width: 2100, height: 2800, seed: 80 + i, fill: 0.9 })),
      names,
    );
    await installDigitizeGate(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${stage.gateway.url}/so-hoa`);
    await allowDigitizing(page, 2);
    await page.getByLabel(PICK, { exact: true }).setInputFiles(photos);
    await page.getByRole('heading', { name: 'Các trang (2)' }).waitFor({ timeout: 240_000 });
    await holdDigitizingOnNextLoad(page);
    await page.reload();

    // The unfinished set opens again by itself and its remaining photos are processed.
    await page.getByText('Đang xử lý tiếp 2 ảnh chưa xong từ lần trước.').waitFor({ timeout: 60_000 });
    await allowDigitizing(page, Infinity);
    await page.getByRole('heading', { name: 'Các trang (4)' }).waitFor({ timeout: 240_000 });
    await page.getByRole('status').filter({ hasText: 'Tệp PDF: 4 trang' }).waitFor({ timeout: 60_000 });
    const saved = page.getByRole('region', { name: 'Giấy tờ đã số hóa' });
    await saved.getByRole('listitem').first().waitFor();
    expect(await saved.getByRole('listitem').count()).toBe(1);
    await context.close();
  }, 400_000);
});

// A captured page of a draft can be corrected after a reload, in real Chromium on the built app: the
// device keeps the page's photo (never in the dossier's files nor in a request), so ✎ re-opens the
// page with its corners and mode; moving a corner, switching to colour and turning the page change
// the stored page and survive another reload; once the dossier is received the kept photos are gone.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { cameraJpegs, deviceStore, recordRequestBodies, sentBodies } from '../support/capture-probes';
import { useStage } from '../support/e2e-stage';
import { item, prepareDevice, sampleApplicant } from '../support/intake-flow';
import { generatePhoto } from '../support/photo-files';

const stage = useStage();

const CAMERA_APP = 'Chụp bằng ứng dụng máy ảnh';
const BIRTH = 'Giấy chứng sinh';
const COLOUR = 'Màu (giữ dấu đỏ, chữ ký màu, ảnh)';

interface DraftPages {
  /** The birth certificate's stored pages: file hash and type. */
  pages: { sha256: string; type: string }[];
  /** The photos the device keeps to re-open pages: page id, mode, quarter turns, and the photo's size. */
  sources: { pageId: string; mode: string; turns: number; size: number }[];
}

/** The stored pages of the birth certificate and every kept page photo, read straight from IndexedDB. */
function draftPages(page: Page): Promise<DraftPages> {
  return page.evaluate(
    () =>
      new Promise<DraftPages>((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['attachments', 'pageSources']);
          const attachments = tx.objectStore('attachments').getAll();
          const sources = tx.objectStore('pageSources').getAll();
          tx.oncomplete = () => {
            open.result.close();
            const rows = (attachments.result as { ownerId: string; componentIndex: number; sha256: string; type: string }[]).filter(
              (a) => a.ownerId.endsWith('#pages') && a.componentIndex === 1,
            );
            resolve({
              pages: rows.map((r) => ({ sha256: r.sha256, type: r.type })),
              sources: (sources.result as { pageId: string; mode: string; turns: number; blob: Blob }[]).map((s) => ({
                pageId: s.pageId,
                mode: s.mode,
                turns: s.turns,
                size: s.blob.size,
              })),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function pdfReady(paper: Locator, pages: number) {
  await paper.getByRole('heading', { name: `Các trang (${pages})` }).waitFor({ timeout: 240_000 });
  await paper
    .getByRole('status')
    .filter({ hasText: `Tệp PDF: ${pages} trang` })
    .waitFor({ timeout: 60_000 });
}

describe('re-opening a captured page', () => {
  it('re-opens a draft’s page after a reload to move a corner and switch to colour; the photo is gone once received', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    await context.addInitScript(recordRequestBodies);
    const [jpeg] = await cameraJpegs(context, stage.gateway.url, [generatePhoto({ width: 2100, height: 2800, seed: 90, fill: 0.9 })]);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await prepareDevice(page, stage.gateway.url);
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(sampleApplicant.fullName);
    await page.getByRole('textbox', { name: 'Số định danh cá nhân (12 số)' }).fill(sampleApplicant.idNumber);
    await page.getByRole('textbox', { name: 'Nơi cư trú' }).fill(sampleApplicant.address);
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();

    const paper = item(page, BIRTH);
    await paper.getByLabel(CAMERA_APP, { exact: true }).setInputFiles({ name: 'IMG_0201.jpg', mimeType: 'image/jpeg', buffer: jpeg! });
    await pdfReady(paper, 1);
    const before = await draftPages(page);
    expect(before.pages.map((p) => p.type)).toEqual(['image/tiff']);
    // The page's photo is kept on the device, as it was taken.
    expect(before.sources).toEqual([{ pageId: expect.any(String), mode: 'text', turns: 0, size: jpeg!.length }]);

    // After a reload the page is no longer in memory: ✎ makes it again from the kept photo.
    await page.reload();
    const again = item(page, BIRTH);
    await pdfReady(again, 1);
    await again.getByRole('button', { name: 'Sửa trang 1' }).click();
    const review = again.getByRole('region', { name: 'Kiểm tra trang: IMG_0201.jpg' });
    await review.waitFor({ timeout: 120_000 });
    expect(await review.getByRole('radio', { name: 'Văn bản đen trắng (nhỏ nhất)' }).isChecked()).toBe(true);
    const corner = review.getByRole('button', { name: 'Góc dưới bên phải' });
    const x0 = Number(await corner.getAttribute('data-x'));
    await corner.focus();
    for (let i = 0; i < 3; i++) await corner.press('ArrowLeft');
    const x1 = Number(await corner.getAttribute('data-x'));
    expect(x1).toBeLessThan(x0);
    await review.getByRole('radio', { name: COLOUR }).check();
    await review.getByRole('button', { name: 'Xử lý lại với góc đã chỉnh' }).click();
    const done = review.getByRole('button', { name: /^(Xong|Vẫn dùng trang này)$/ });
    await expect.poll(() => done.isEnabled(), { timeout: 120_000 }).toBe(true);
    await done.click();
    await review.waitFor({ state: 'detached' });

    // The stored page is the one made again: in colour, another file, in the same place.
    await again.getByText('Màu', { exact: false }).first().waitFor();
    await expect.poll(async () => (await draftPages(page)).pages.map((p) => p.type), { timeout: 30_000 }).toEqual(['image/tiff; layers=g4+jpeg']);
    const after = await draftPages(page);
    expect(after.pages[0]!.sha256).not.toBe(before.pages[0]!.sha256);
    expect(after.sources).toEqual([{ pageId: before.sources[0]!.pageId, mode: 'colour', turns: 0, size: jpeg!.length }]);
    await pdfReady(again, 1);

    // Once more after a reload: the page opens with the corner and the mode it was last made with.
    await page.reload();
    const third = item(page, BIRTH);
    await pdfReady(third, 1);
    await third.getByRole('button', { name: 'Sửa trang 1' }).click();
    const reopened = third.getByRole('region', { name: 'Kiểm tra trang: IMG_0201.jpg' });
    await reopened.waitFor({ timeout: 120_000 });
    expect(Number(await reopened.getByRole('button', { name: 'Góc dưới bên phải' }).getAttribute('data-x'))).toBe(x1);
    expect(await reopened.getByRole('radio', { name: COLOUR }).isChecked()).toBe(true);
    // Turned upside down by the officer (twice a quarter): the page is made again, turned, and the turns kept.
    const rotate = reopened.getByRole('button', { name: 'Xoay trang 90°' });
    await rotate.click();
    await rotate.click();
    await reopened.getByText('Trang sẽ được xoay thêm 180° khi xử lý lại.').waitFor();
    await reopened.getByRole('button', { name: 'Xử lý lại với góc đã chỉnh' }).click();
    const finished = reopened.getByRole('button', { name: /^(Xong|Vẫn dùng trang này)$/ });
    await expect.poll(() => finished.isEnabled(), { timeout: 120_000 }).toBe(true);
    await finished.click();
    await reopened.waitFor({ state: 'detached' });
    await expect.poll(async () => (await draftPages(page)).sources.map((s) => s.turns), { timeout: 30_000 }).toEqual([2]);
    expect((await draftPages(page)).pages[0]!.sha256).not.toBe(after.pages[0]!.sha256);
    // As an officer would, once the paper's PDF is made from the turned page (a PDF not yet made
    // again stops the receipt).
    await pdfReady(third, 1);

    // Received: the kept photo goes with the draft, and neither the dossier's files nor any request holds it.
    for (const name of ['Tờ khai đăng ký khai sinh', BIRTH, 'Xuất trình giấy tờ tùy thân']) {
      await item(page, name).getByRole('checkbox', { name: 'Đã nhận' }).check();
    }
    await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
    await page.getByText('Hồ sơ đủ thành phần theo quy định.').waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / }).waitFor();
    expect((await draftPages(page)).sources).toEqual([]);
    const { files, attachments } = await deviceStore(page);
    expect(attachments.filter((a) => a.ownerId.endsWith('#pages'))).toEqual([]);
    const probe = jpeg!.subarray(jpeg!.length >> 1, (jpeg!.length >> 1) + 64);
    for (const f of files) expect(f.bytes.includes(probe)).toBe(false);
    expect((await sentBodies(page)).some((b) => b.includes(probe))).toBe(false);
    await context.close();
  }, 600_000);
});

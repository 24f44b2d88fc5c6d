// Committing a received dossier: the one transaction that writes the dossier, its files'
// ownership, its first log entry and its outbox entry, with 10 attached pages (about 300 KB each)
// against the same dossier with none, in Chromium through the UI (click to receipt shown); and the
// same on a second device whose officer has signed in, so its vault seals rows and pages (issue 13:
// at most 1.3 × the time with the vault off), the two devices taking turns in the same run.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { launchBrowser, newDevice } from '../support/browser';
import { removeDir, startGateway } from '../support/gateway';
import { item, prepareDevice, sampleApplicant } from '../support/intake-flow';
import { signInFirstOfficer } from '../support/officer';
import { samplePdf } from '../support/sample-pdf';
import { median, type Section } from './report';

const RUNS = 5;
const PAGES = 10;

/** A real PDF of about 300 KB (noise in its content stream: what matters here is size); the app opens a chosen PDF and refuses junk. */
function fakePdf(i: number) {
  return { name: `trang-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(`Trang ${i + 1}`, { filler: randomBytes(300 * 1024) }) };
}

async function commitOnce(page: Page, pages: number): Promise<number> {
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
  await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill(sampleApplicant.fullName);
  await page.getByRole('textbox', { name: 'Số định danh cá nhân (12 số)' }).fill(sampleApplicant.idNumber);
  await page.getByRole('textbox', { name: 'Nơi cư trú' }).fill(sampleApplicant.address);
  await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
  for (const paper of ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Xuất trình giấy tờ tùy thân']) {
    await item(page, paper).getByRole('checkbox', { name: 'Đã nhận' }).check();
  }
  if (pages > 0) {
    const birthPaper = item(page, 'Giấy chứng sinh');
    await birthPaper.getByLabel('Chọn ảnh hoặc tệp PDF', { exact: true }).setInputFiles(Array.from({ length: pages }, (_, i) => fakePdf(i)));
    await birthPaper.getByText(`PDF giữ nguyên: trang-${pages}.pdf`).waitFor();
    await birthPaper
      .getByRole('status')
      .filter({ hasText: /^Tệp PDF/ })
      .waitFor();
  }
  await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
  await page.getByText('Hồ sơ đủ thành phần theo quy định.').waitFor();
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await page.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / }).waitFor();
  return (await page.evaluate(() => performance.now())) - t0;
}

export async function benchIntake(): Promise<Section> {
  const [gateway, browser] = await Promise.all([startGateway(), launchBrowser()]);
  try {
    const open = async (vault: boolean) => {
      const context = await newDevice(browser, 'laptop');
      const page = await context.newPage();
      await prepareDevice(page, gateway.url);
      if (vault) {
        // The first officer's sign-in sets the vault up; its sealing of what the device holds ends before timing.
        await signInFirstOfficer(page);
        await page.getByText(/Đang mã hóa/).waitFor({ state: 'detached', timeout: 60_000 });
      }
      await context.setOffline(true);
      // Warm-up: the first receipt loads the print view's code and the QR library.
      await commitOnce(page, 0);
      return { context, page };
    };
    const clear = await open(false);
    const sealed = await open(true);
    const times = { clearBare: [] as number[], clearPages: [] as number[], sealedBare: [] as number[], sealedPages: [] as number[] };
    // The two devices take turns, so a slow moment of a shared machine falls on both alike.
    for (let i = 0; i < RUNS; i++) {
      times.clearBare.push(await commitOnce(clear.page, 0));
      times.sealedBare.push(await commitOnce(sealed.page, 0));
      times.clearPages.push(await commitOnce(clear.page, PAGES));
      times.sealedPages.push(await commitOnce(sealed.page, PAGES));
    }
    await clear.context.close();
    await sealed.context.close();
    return {
      section: 'Dossier intake',
      figures: [
        {
          name: `commit a dossier with ${PAGES} attached pages, median of ${RUNS}`,
          value: median(times.clearPages),
          unit: 'ms',
          baseline: median(times.clearBare),
          note: 'baseline: same dossier, no pages; click to receipt on screen',
        },
        {
          name: `vault on: commit a dossier with ${PAGES} attached pages, median of ${RUNS}`,
          value: median(times.sealedPages),
          unit: 'ms',
          baseline: median(times.clearPages),
          note:
            `${(median(times.sealedPages) / median(times.clearPages)).toFixed(2)} × (target ≤ 1.3 ×); baseline: the same with the vault off, turns taken in the same run; ` +
            `no pages: ${Math.round(median(times.sealedBare))} ms vault on, ${Math.round(median(times.clearBare))} ms off`,
        },
      ],
    };
  } finally {
    await browser.close();
    await gateway.stop();
    removeDir(gateway.dataDir);
  }
}

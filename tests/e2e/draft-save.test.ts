// No change to a draft is lost when the tab goes at once, in real Chromium on the built app: each
// tick of a received paper and each typed field is followed straight away by a reload (no pause,
// no waiting for anything on screen), and after every reload the draft shows all of it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { useStage } from '../support/e2e-stage';
import { item, prepareDevice } from '../support/intake-flow';

const stage = useStage();

const PAPERS = ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Xuất trình giấy tờ tùy thân'];

const received = (page: Page, paper: string) => item(page, paper).getByRole('checkbox', { name: 'Đã nhận' });

describe('saving a draft', () => {
  it('keeps every tick and every typed field made just before the tab reloads', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await prepareDevice(page, stage.gateway.url);
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();

    // A field typed, then the tab reloads at once.
    const name = page.getByRole('textbox', { name: 'Họ và tên' });
    await name.fill('Nguyễn Văn Mẫu');
    await page.reload();
    await expect.poll(() => name.inputValue(), { timeout: 30_000 }).toBe('Nguyễn Văn Mẫu');
    // A long address typed key by key as fast as keys go (a change, and a save, per key), then at once a reload.
    const address = page.getByRole('textbox', { name: 'Nơi cư trú' });
    const typed = 'Số 12, ngõ 34, thôn Nà Pồ, xã Bản Mẫu, huyện Mường Khương, tỉnh Lào Cai';
    await address.click();
    await page.keyboard.type(typed);
    await page.reload();
    await expect.poll(() => address.inputValue(), { timeout: 30_000 }).toBe(typed);
    expect(await name.inputValue()).toBe('Nguyễn Văn Mẫu');
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();

    // Each paper ticked, then the tab reloads at once; every tick so far is still there after each reload.
    for (const [i, paper] of PAPERS.entries()) {
      await received(page, paper).check();
      await page.reload();
      for (const earlier of PAPERS.slice(0, i + 1)) {
        await received(page, earlier).waitFor({ timeout: 30_000 });
        expect(await received(page, earlier).isChecked(), `${earlier} after reload ${i + 1}`).toBe(true);
      }
    }
    // And an untick, the same way.
    await received(page, PAPERS[1]!).uncheck();
    await page.reload();
    await received(page, PAPERS[1]!).waitFor({ timeout: 30_000 });
    expect(await received(page, PAPERS[1]!).isChecked()).toBe(false);
    expect(await received(page, PAPERS[0]!).isChecked()).toBe(true);
    await context.close();
  }, 300_000);
});

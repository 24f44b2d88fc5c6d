// The in-app camera's live outline in real Chromium, its fake camera filming a generated document
// page held steady: the outline is found (said in words, drawn on the page's corners), the page is
// shot by itself and becomes a page of the set, the same page is not shot twice, the shutter still
// works, and the "Tự chụp" switch is remembered when off.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStage } from '../support/e2e-stage';
import { newDevice } from '../support/browser';
import type { GeneratedPhoto } from '../support/photo-files';
import { grantCamera } from '../support/qr-video';
import { launchBrowserFilmingPage } from '../support/page-video';

let photo: GeneratedPhoto | undefined;
const stage = useStage({
  launch: async () => {
    const filmed = await launchBrowserFilmingPage();
    photo = filmed.photo;
    return filmed.browser;
  },
});

const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const pageImages = (page: Page) => page.getByRole('img', { name: /^Trang \d+$/ });

async function openCamera(page: Page) {
  await page.getByRole('button', { name: 'Mở máy ảnh' }).click();
  // Live once the shutter is enabled: until then the outline's status is not shown, and the
  // buttons below it move down when it comes (a click aimed before lands beside the switch).
  const shutter = page.getByRole('button', { name: 'Chụp trang này' });
  await expect.poll(() => shutter.isEnabled(), { timeout: 60_000 }).toBe(true);
}

/** The drawn outline's corners, in the video's pixels. The overlay is decorative (aria-hidden), so it has no role to find it by. */
async function drawnOutline(page: Page): Promise<{ x: number; y: number }[]> {
  const points = await page.locator('svg.outline-overlay polygon').getAttribute('points', { timeout: 30_000 });
  return points!.split(' ').map((pair) => {
    const [x, y] = pair.split(',').map(Number);
    return { x: x!, y: y! };
  });
}

describe('live outline and shooting by itself in the in-app camera', () => {
  it('finds the page held steady, shoots it by itself once, and the shutter still works', async () => {
    const context = await newDevice(stage.browser, 'tablet');
    await grantCamera(context, stage.gateway.url);
    const page = await context.newPage();
    await page.goto(`${stage.gateway.url}/so-hoa`);
    await page.getByRole('heading', { level: 1, name: 'Số hóa giấy tờ' }).waitFor();
    await page.getByRole('textbox', { name: 'Tên giấy tờ' }).fill('Giấy tờ chụp tự động');
    await openCamera(page);
    expect(await page.getByRole('switch', { name: 'Tự chụp' }).isChecked()).toBe(true);

    // The outline is found and said in words; drawn over the page's true corners (within 2 % of the diagonal).
    await status(page, 'Đã thấy trang — giữ yên…').waitFor({ timeout: 60_000 });
    const outline = await drawnOutline(page);
    const truth = photo!.corners;
    const diagonal = Math.hypot(photo!.width, photo!.height);
    expect(outline).toHaveLength(4);
    for (const [i, p] of outline.entries()) expect(Math.hypot(p.x - truth[i]!.x, p.y - truth[i]!.y) / diagonal).toBeLessThan(0.02);

    // Held steady, it is shot by itself and becomes page 1 of the set, as a photo chosen by hand would.
    await page.getByRole('img', { name: 'Trang 1' }).waitFor({ timeout: 90_000 });
    expect(await page.getByRole('listitem').filter({ hasText: 'Trang 1' }).textContent()).toContain('Đen trắng');
    // The page stays in view: after the rest the camera says so and does not shoot it again.
    await status(page, 'Trang này đã chụp. Thay trang khác để chụp tiếp.').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2500); // longer than a steady second and a rest: a second shot would have been taken
    await status(page, 'Trang này đã chụp. Thay trang khác để chụp tiếp.').waitFor();
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /Đang xử lý/ })
        .count(),
    ).toBe(0);
    expect(await pageImages(page).count()).toBe(1);

    // The shutter always works, even on a page already taken.
    await page.getByRole('button', { name: 'Chụp trang này' }).click();
    await page.getByRole('img', { name: 'Trang 2' }).waitFor({ timeout: 90_000 });
    await page.getByRole('status').filter({ hasText: 'Tệp PDF: 2 trang' }).waitFor({ timeout: 30_000 });
    await context.close();
  });

  it('with "Tự chụp" off, only shows the page found; the choice is remembered', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    await grantCamera(context, stage.gateway.url);
    const page = await context.newPage();
    await page.goto(`${stage.gateway.url}/so-hoa`);
    await page.getByRole('heading', { level: 1, name: 'Số hóa giấy tờ' }).waitFor();
    await openCamera(page);
    await page.getByRole('switch', { name: 'Tự chụp' }).uncheck();
    await page.getByRole('button', { name: 'Đóng máy ảnh' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Số hóa giấy tờ' }).waitFor();
    await openCamera(page);
    expect(await page.getByRole('switch', { name: 'Tự chụp' }).isChecked()).toBe(false);
    await status(page, 'Đã thấy trang — bấm "Chụp trang này".').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('progressbar', { name: 'Tự chụp khi trang đứng yên' }).count()).toBe(0);
    await page.waitForTimeout(2500); // a steady second and more: with the switch on, it would have shot
    expect(await pageImages(page).count()).toBe(0);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /Đang xử lý/ })
        .count(),
    ).toBe(0);
    await context.close();
  });
});

// Steps of the desk's own screens shared by end-to-end tests: syncing now, and opening a
// community team's submission from "Hồ sơ trực tuyến chờ tiếp nhận" (issue 15).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Đồng bộ → "Đồng bộ ngay", once the button is ready, until every change is acknowledged. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const syncButton = page.getByRole('button', { name: 'Đồng bộ ngay' });
  await expect.poll(() => syncButton.isEnabled(), { timeout: 60_000 }).toBe(true);
  await syncButton.click();
  await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 120_000 });
}

/** From Hồ sơ, through the queue's link, to the submission of `lookupCode` (filed by `filedBy`). */
export async function openFromQueue(page: Page, lookupCode: string, filedBy: string): Promise<void> {
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('link', { name: /^Hồ sơ trực tuyến chờ tiếp nhận \(\d+\)$/ }).click();
  await page.getByRole('heading', { name: 'Hồ sơ trực tuyến chờ tiếp nhận' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: lookupCode });
  await row.getByText(filedBy).waitFor();
  await row.getByRole('link', { name: `Mở hồ sơ ${lookupCode}` }).click();
  await page.getByText(`Hồ sơ nộp trực tuyến, chưa tiếp nhận: mã tra cứu ${lookupCode}.`).waitFor();
}

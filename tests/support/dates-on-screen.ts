// Dates on screen must read dd/MM/yyyy (HH:mm), never as ISO text; e2e tests check the page's
// main region with this after the pages that show dates.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const VIETNAMESE_DATE = /\b\d{2}\/\d{2}\/\d{4}\b/;

/** The main region shows at least one dd/MM/yyyy date and no ISO one. */
export async function expectVietnameseDates(page: Page, where: string): Promise<void> {
  const text = await page.getByRole('main').innerText();
  expect(text, `${where}: an ISO date on screen`).not.toMatch(ISO_DATE);
  expect(text, `${where}: no dd/MM/yyyy date on screen`).toMatch(VIETNAMESE_DATE);
}

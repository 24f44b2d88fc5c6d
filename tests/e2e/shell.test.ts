// The app shell in real Chromium against the real gateway: navigation at both device sizes,
// offline reload with data kept, a connection indicator that checks the gateway, installability,
// and every page's words present when it shows (they load with the page, not the first screen).
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStage } from '../support/e2e-stage';
import { removeDir, startGateway } from '../support/gateway';
import { launchPersistentDevice, newDevice, reloadOffline, waitForServiceWorker, type DeviceName } from '../support/browser';
import { prepareDevice, receiveKhaiSinh } from '../support/intake-flow';
import { vi } from '../../src/i18n/vi';
import { en } from '../../src/i18n/en';

const stage = useStage();

const areas = ['Tra cứu thủ tục', 'Tiếp nhận hồ sơ', 'Hồ sơ', 'Đồng bộ', 'Báo cáo', 'Cài đặt'];

describe.each<DeviceName>(['laptop', 'tablet'])('shell on a %s', (device) => {
  it('opens in Vietnamese, reaches every area from the navigation, and switches to English', async () => {
    const context = await newDevice(stage.browser, device);
    const page = await context.newPage();
    await page.goto(stage.gateway.url);
    await expect.poll(() => page.url()).toContain('/tra-cuu');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const area of areas) {
      await nav.getByRole('link', { name: area, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: area }).waitFor();
      expect(await nav.getByRole('link', { name: area, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    await page.getByRole('status').filter({ hasText: 'Đã kết nối máy chủ' }).waitFor();
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: /Tiếng Việt/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
    await context.close();
  });

  it('works offline after the first visit, with data written before still there', async () => {
    const context = await newDevice(stage.browser, device);
    const page = await context.newPage();
    await page.goto(`${stage.gateway.url}/cai-dat`);
    await waitForServiceWorker(page);
    const name = page.getByRole('textbox', { name: 'Họ tên cán bộ tiếp nhận' });
    await name.fill('Lò Thị Mai');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.getByText('Đã lưu.').waitFor();

    await context.setOffline(true);
    await reloadOffline(page);
    await page.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
    await expect.poll(() => name.inputValue()).toBe('Lò Thị Mai');
    await page.getByRole('status').filter({ hasText: 'Mất mạng' }).waitFor();
    // Pages not yet opened load from the precache too.
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
    // A deep link typed while offline gets the shell, not a browser error page.
    await page.goto(`${stage.gateway.url}/ho-so`);
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ' }).waitFor();
    await context.close();
  });
});

describe('gateway-confirmed connection', () => {
  it('says the server is unreachable when the network is up but the gateway is gone', async () => {
    const own = await startGateway();
    const context = await newDevice(stage.browser);
    const page = await context.newPage();
    await page.goto(`${own.url}/dong-bo`);
    await waitForServiceWorker(page);
    await page.getByRole('status').filter({ hasText: 'Đã kết nối máy chủ' }).waitFor();
    await own.stop();
    await page.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await page.getByRole('status').filter({ hasText: 'không tới được máy chủ' }).waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    await context.close();
    removeDir(own.dataDir);
  });
});

describe('installability', () => {
  it('has a manifest and service worker Chromium accepts for installation', async () => {
    // Incognito profiles can never install, so this one keeps a real profile on disk.
    const context = await launchPersistentDevice();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(stage.gateway.url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await fetch(`${stage.gateway.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ short_name: 'Một cửa', display: 'standalone', start_url: '/', scope: '/' });
    expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    await context.close();
  });
});

/** Text shown as a raw key: a top-level message key, a dot and a letter (`intake.person.fullName`). */
const rawKey = new RegExp(`\\b(?:${Object.keys(vi).join('|')})\\.[A-Za-z_]`);

/**
 * Runs in every page before the app: reports any text or label that ever looks like a message key,
 * even one replaced a moment later, so a page rendered before its messages arrived is caught.
 */
function reportRawKeys(pattern: string) {
  const key = new RegExp(pattern);
  const report = (window as unknown as { reportRawKey: (text: string) => void }).reportRawKey;
  const labels = ['aria-label', 'title', 'placeholder', 'alt'];
  const check = (text: string | null) => {
    if (text && key.test(text)) report(`${location.pathname}: ${text}`);
  };
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) check(node.nodeValue);
    if (!(node instanceof Element)) return;
    labels.forEach((name) => check(node.getAttribute(name)));
    node.childNodes.forEach(visit);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(visit);
      else if (r.type === 'characterData') check(r.target.nodeValue);
      else check((r.target as Element).getAttribute(r.attributeName!));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: labels });
}

/** A device whose pages report raw keys into the returned list, in `lng` from its first page. */
async function watchedDevice(lng: 'vi' | 'en'): Promise<{ context: BrowserContext; page: Page; rawKeys: string[] }> {
  const context = await newDevice(stage.browser);
  const rawKeys: string[] = [];
  await context.exposeFunction('reportRawKey', (text: string) => rawKeys.push(text));
  if (lng === 'en') await context.addInitScript(() => localStorage.getItem('motcua.language') ?? localStorage.setItem('motcua.language', 'en'));
  await context.addInitScript(reportRawKeys, rawKey.source);
  return { context, page: await context.newPage(), rawKeys };
}

const areaPages = [
  ['/tra-cuu', 'catalogue'],
  ['/tiep-nhan', 'intake'],
  ['/ho-so', 'dossiers'],
  ['/dong-bo', 'sync'],
  ['/bao-cao', 'reports'],
  ['/so-hoa', 'digitize'],
  ['/cai-dat', 'settings'],
] as const;

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('messages', () => {
  it.each(['vi', 'en'] as const)('every page shows its words, never a key: opened directly, through the navigation and from another page (%s)', async (lng) => {
    const words = lng === 'vi' ? vi : en;
    const { context, page, rawKeys } = await watchedDevice(lng);
    const url = stage.gateway.url;
    // Each goto starts the app afresh on that page: its messages load with it, before it renders.
    for (const [path, area] of areaPages) {
      await page.goto(`${url}${path}`);
      await heading(page, words[area].page.title);
    }
    await page.goto(`${url}/tra-cuu/1.001193`);
    await heading(page, /khai sinh/);
    await page.goto(`${url}/tra-cuu/1.001193/in`);
    await page
      .getByText(/khai sinh/)
      .first()
      .waitFor();
    await page.goto(`${url}/bao-cao/so-theo-doi`);
    await heading(page, words.reports.register.link);
    // Client-side: every area reached from a page that did not load it.
    await page.goto(`${url}/so-hoa`);
    await heading(page, words.digitize.page.title);
    const nav = page.getByRole('navigation', { name: words.app.mainNav });
    for (const [, area] of areaPages) {
      await nav.getByRole('link', { name: words.nav[area], exact: true }).click();
      await heading(page, words[area].page.title);
    }
    // From a procedure straight into intake's editor, whose words (and the ID-card scanner's) came with it.
    await page.goto(`${url}/tra-cuu/1.001193`);
    await page.locator('a[href="/tiep-nhan/moi/1.001193"]').click();
    await page.getByRole('textbox', { name: words.intake.person.fullName }).waitFor();
    expect(rawKeys).toEqual([]);
    await context.close();
  });

  it('a dossier and the pages around it keep their words across a switch of language, both ways', async () => {
    const { context, page, rawKeys } = await watchedDevice('vi');
    await prepareDevice(page, stage.gateway.url);
    const code = await receiveKhaiSinh(page);
    await page.getByRole('link', { name: vi.nav.dossiers, exact: true }).click();
    await page.getByRole('link', { name: code }).click();
    await heading(page, `Hồ sơ ${code}`);
    const dossierUrl = page.url();
    // The groups already on screen (dossiers, digitize) load in English before the switch shows.
    await page.getByRole('button', { name: /English/ }).click();
    await heading(page, `Dossier ${code}`);
    await page.getByRole('navigation', { name: en.app.mainNav }).getByRole('link', { name: en.nav.reports, exact: true }).click();
    await heading(page, en.reports.page.title);
    await page.goto(dossierUrl);
    await heading(page, `Dossier ${code}`);
    await page.getByRole('button', { name: /Tiếng Việt/ }).click();
    await heading(page, `Hồ sơ ${code}`);
    await page.getByRole('navigation', { name: vi.app.mainNav }).getByRole('link', { name: vi.nav.sync, exact: true }).click();
    await heading(page, vi.sync.page.title);
    await page.getByText(/Còn [1-9]\d* số hồ sơ chính thức/).waitFor();
    expect(rawKeys).toEqual([]);
    await context.close();
  });
});

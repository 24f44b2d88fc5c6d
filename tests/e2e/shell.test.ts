// The app shell in real Chromium against the real gateway: navigation at both device sizes,
// offline reload with data kept, a connection indicator that checks the gateway, installability.
import { describe, expect, it } from 'vitest';
import { useStage } from '../support/e2e-stage';
import { removeDir, startGateway } from '../support/gateway';
import { launchPersistentDevice, newDevice, waitForServiceWorker, type DeviceName } from '../support/browser';

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
    await page.reload();
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

// Debian's Chromium driven by playwright-core, with the two device sizes Motcua serves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';

export const devices = {
  /** A reception officer's laptop: keyboard and mouse, dense screen. */
  laptop: { viewport: { width: 1366, height: 768 }, hasTouch: false, isMobile: false },
  /** A community team's 10-inch tablet in portrait: touch, large targets. */
  tablet: { viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1.5 },
} as const;

export type DeviceName = keyof typeof devices;

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs, ...extraArgs] });
}

/** A fresh browser profile, as on a device that has never opened Motcua. */
export async function newDevice(browser: Browser, device: DeviceName = 'laptop'): Promise<BrowserContext> {
  return browser.newContext({ ...devices[device], locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
}

/** Waits until a service worker controls the page, so the shell is cached for offline use. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/**
 * Reloads a page of a context set offline, as an officer does with no network. Debian's Chromium
 * 150 keeps the emulated network cut across the reload but forgets it in the new document's
 * navigator.onLine (true again, no "offline" event), which a laptop without network never shows;
 * so the offline state is told to the new document again, as the browser of a device would say it.
 */
export async function reloadOffline(page: Page): Promise<void> {
  await page.reload();
  // The session stays open with the page: detached, it would take its emulation with it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

/** A persistent profile folder, for tests that close the browser and open it again. */
export function profileDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'motcua-profile-'));
}

/** A browser with a real on-disk profile (not incognito), as an installed app would have. */
export async function launchPersistentDevice(device: DeviceName = 'laptop'): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir(), {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    ...devices[device],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

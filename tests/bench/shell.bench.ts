// The first screen: bytes, cold and warm-offline load to a usable shell under Lighthouse's mobile
// profile (4× CPU slowdown, 150 ms RTT, 1.6 Mbit/s down), against a bare HTML page (the floor of
// that network profile) in the same run; and Lighthouse 12's scores.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { waitForServiceWorker } from '../support/browser';
import { launchDebuggableChromium } from '../support/debuggable-chromium';
import { firstScreenBytes } from '../support/first-screen';
import { copyBuild, removeDir, startGateway } from '../support/gateway';
import { runLighthouse } from '../support/lighthouse';
import { median, type Section } from './report';

const RUNS = 5;
const mobileNetwork = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', mobileNetwork);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let js = 0;
  let css = 0;
  const types = new Map<string, string>();
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const type = types.get(e.requestId);
    if (type === 'Script') js += e.encodedDataLength;
    if (type === 'Stylesheet') css += e.encodedDataLength;
  });
  return { bytes: () => ({ js, css }) };
}

const shellReady = (page: Page) =>
  page
    .waitForFunction(() => performance.getEntriesByName('motcua:shell-ready')[0]?.startTime, undefined, { polling: 20 })
    .then((h) => h.jsonValue() as Promise<number>);

const domReady = (page: Page) => page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);

export async function benchShell(): Promise<Section> {
  const staticDir = copyBuild();
  // The floor: one HTML document, no script, same server, same throttling.
  writeFileSync(path.join(staticDir, 'bench-baseline.html'), '<!doctype html><html lang="vi"><title>x</title><h1>Một cửa</h1></html>');
  const gateway = await startGateway({ staticDir });
  const chrome = await launchDebuggableChromium();
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    const floor: number[] = [];
    let transferred = { js: 0, css: 0 };
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
      const page = await context.newPage();
      const meter = await throttle(context, page);
      await page.goto(`${gateway.url}/bench-baseline.html`);
      floor.push(await domReady(page));
      await page.goto(`${gateway.url}/tra-cuu`);
      cold.push(await shellReady(page));
      transferred = meter.bytes();
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      warm.push(await shellReady(page));
      await context.close();
    }
    const built = firstScreenBytes(staticDir);
    const lh = await runLighthouse(`${gateway.url}/tra-cuu`, chrome.port);
    return {
      section: 'First screen (app shell)',
      figures: [
        { name: 'JavaScript, first screen (gzip, from the build)', value: built.jsGzip / 1024, unit: 'KB', note: 'budget 150 KB' },
        { name: 'CSS, first screen (gzip, from the build)', value: built.cssGzip / 1024, unit: 'KB' },
        { name: 'JavaScript transferred on a cold load', value: transferred.js / 1024, unit: 'KB' },
        { name: 'CSS transferred on a cold load', value: transferred.css / 1024, unit: 'KB' },
        { name: 'cold load to usable shell, median of 5', value: median(cold), unit: 'ms', baseline: median(floor), note: 'baseline: bare HTML page' },
        { name: 'warm offline load to usable shell, median of 5', value: median(warm), unit: 'ms', baseline: median(floor) },
        { name: 'Lighthouse performance', value: lh.performance, unit: '/100' },
        { name: 'Lighthouse accessibility', value: lh.accessibility, unit: '/100' },
        { name: 'Lighthouse best practices', value: lh.bestPractices, unit: '/100' },
      ],
    };
  } finally {
    await browser.close().catch(() => {});
    await chrome.close();
    await gateway.stop();
    removeDir(gateway.dataDir);
    removeDir(staticDir);
  }
}

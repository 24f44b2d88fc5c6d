// The in-app camera's live outline: Chromium's fake camera films a generated 2100×2800 page held
// steady. A mid-range tablet is emulated by 4× CPU throttling, which Chromium applies to pages
// only (it refuses it for workers: "Operation is only supported for pages, not workers"), so the
// outline's own code (bundled from workers/outline) also runs its loop on a throttled page: that
// gives the frames per second and the time per frame the tablet would see, against a baseline in
// the same run and throttling: the same loop taking the same frames without the finder. The app
// itself is measured too (its real worker, the page throttled), idle and while a shot page is
// digitized, with the main thread's grab against the first design's createImageBitmap shrink.
import { loadavg } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import { devices } from '../support/browser';
import { removeDir, startGateway } from '../support/gateway';
import { bundleForPage } from '../support/page-bundle';
import type { outlineOf as outlineOfType } from '../../workers/outline/find-outline';
import { launchBrowserFilmingPage } from '../support/page-video';
import { grantCamera } from '../support/qr-video';
import { median, percentile, type Figure, type Section } from './report';

const WINDOW_MS = 8000;
const THROTTLE = 4;

interface FrameMark {
  at: number;
  ms: number;
  grabMs: number;
  totalMs: number;
  found: boolean;
}

async function throttle(context: BrowserContext, page: Page, rate: number) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** The outline marks the app left between `from` and `to` (page clock). */
function marksBetween(page: Page, from: number, to: number): Promise<FrameMark[]> {
  return page.evaluate(
    ({ from, to }) =>
      performance
        .getEntriesByName('motcua:outline-frame')
        .filter((m) => m.startTime >= from && m.startTime <= to)
        .map((m) => ({ at: m.startTime, ...((m as PerformanceMark).detail as Omit<FrameMark, 'at'>) })),
    { from, to },
  );
}

/** Watches the app's loop for `ms`: its frames and the page clock at both ends. */
async function watch(page: Page, ms: number): Promise<{ marks: FrameMark[]; seconds: number }> {
  const from = await page.evaluate(() => performance.now());
  await page.waitForTimeout(ms);
  const to = await page.evaluate(() => performance.now());
  return { marks: await marksBetween(page, from, to), seconds: (to - from) / 1000 };
}

interface LoopRun {
  frames: number;
  seconds: number;
  ms: number[];
  found: number;
  /** Times of the frames where the page was followed from the last one, and of the full searches. */
  followedMs: number[];
  searchedMs: number[];
}

/**
 * The app's loop in a page of its own, with the outline code bundled in: the same camera, the same
 * pacing (a frame every 66 ms at most, one at a time), each VideoFrame outlined on this page's
 * thread, or with `finder` false only its grey copy made (the baseline). Also times the first
 * design's grab: createImageBitmap shrinking the video to 480 px on the main thread.
 */
async function throttledLoop(page: Page, ms: number, finder: boolean): Promise<LoopRun & { shrinkMs: number[] }> {
  return page.evaluate(
    async ({ ms, finder }) => {
      const { outlineOf } = (window as unknown as { MotcuaOutline: { outlineOf: typeof outlineOfType } }).MotcuaOutline;
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 4096 }, height: { ideal: 3072 } }, audio: false });
      const video = document.createElement('video');
      video.muted = true;
      video.srcObject = stream;
      document.body.append(video);
      await video.play();
      while (video.videoWidth === 0) await new Promise((r) => setTimeout(r, 50));
      const { videoWidth: width, videoHeight: height } = video;
      const times: number[] = [];
      let found = 0;
      let planes = new Uint8Array(0);
      const followedMs: number[] = [];
      const searchedMs: number[] = [];
      const start = performance.now();
      while (performance.now() - start < ms) {
        const t = performance.now();
        const frame = new VideoFrame(video);
        if (finder) {
          const result = await outlineOf(frame, width, height);
          if (result.found) found++;
          (result.followed ? followedMs : searchedMs).push(performance.now() - t);
        } else {
          // Without the finder: the frame's planes copied out (into one buffer reused, as the worker does) and closed.
          if (planes.length < frame.allocationSize()) planes = new Uint8Array(frame.allocationSize());
          await frame.copyTo(planes);
          frame.close();
        }
        times.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, Math.max(0, 66 - (performance.now() - t))));
      }
      const seconds = (performance.now() - start) / 1000;
      const shrinkMs: number[] = [];
      const scale = Math.min(1, 480 / Math.max(width, height));
      for (let i = 0; i < 8; i++) {
        const t = performance.now();
        (await createImageBitmap(video, { resizeWidth: Math.round(width * scale), resizeHeight: Math.round(height * scale), resizeQuality: 'low' })).close();
        shrinkMs.push(performance.now() - t);
      }
      stream.getTracks().forEach((track) => track.stop());
      video.remove();
      return { frames: times.length, seconds, ms: times, found, shrinkMs, followedMs, searchedMs };
    },
    { ms, finder },
  );
}

export async function benchOutline(): Promise<Section> {
  const gateway = await startGateway();
  const { browser } = await launchBrowserFilmingPage({ fps: 30 });
  try {
    const context = await browser.newContext({ ...devices.tablet, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await grantCamera(context, gateway.url);

    // The outline's code on a throttled page, then the baseline in the same conditions, each alone with the camera.
    const bundle = await bundleForPage('workers/outline/find-outline.ts', 'MotcuaOutline');
    const loadEmulated = loadavg()[0]!;
    const emulator = await context.newPage();
    await emulator.goto(`${gateway.url}/so-hoa`);
    // Over CDP: the app's CSP refuses inline scripts (addScriptTag), the DevTools protocol is not bound by it.
    await (await context.newCDPSession(emulator)).send('Runtime.evaluate', { expression: bundle });
    await throttle(context, emulator, THROTTLE);
    const tablet = await throttledLoop(emulator, WINDOW_MS, true);
    const baseline = await throttledLoop(emulator, WINDOW_MS, false);
    await emulator.close();

    const page = await context.newPage();
    await page.goto(`${gateway.url}/so-hoa`);
    await page.getByRole('heading', { level: 1, name: 'Số hóa giấy tờ' }).waitFor();
    await page.getByRole('button', { name: 'Mở máy ảnh' }).click();
    // Shooting by itself off while measuring: only the shot taken on purpose below is digitized.
    await page.getByRole('switch', { name: 'Tự chụp' }).uncheck();
    await page.getByRole('status').filter({ hasText: 'Đã thấy trang' }).waitFor({ timeout: 60_000 });
    const free = await watch(page, WINDOW_MS);

    const loadThrottled = loadavg()[0]!;
    await throttle(context, page, THROTTLE);
    await page.waitForTimeout(1000); // frames started before the throttling are out of the way
    const slow = await watch(page, WINDOW_MS);

    // A page shot while the camera runs: the outline keeps going while the worker digitizes it.
    const shotAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Chụp trang này' }).click();
    await page.getByRole('img', { name: 'Trang 1' }).waitFor({ timeout: 300_000 });
    const doneAt = await page.evaluate(() => performance.now());
    const duringDigitize = await marksBetween(page, shotAt, doneAt);
    await context.close();

    const fps = (w: { marks: FrameMark[]; seconds: number }) => w.marks.length / w.seconds;
    const loopFps = (r: LoopRun) => r.frames / r.seconds;
    const workerMs = (w: { marks: FrameMark[] }) => w.marks.map((m) => m.ms);
    const found = (marks: FrameMark[]) => (marks.length ? (100 * marks.filter((m) => m.found).length) / marks.length : 0);
    const digitizeSeconds = (doneAt - shotAt) / 1000;
    const figures: Figure[] = [
      {
        name: `outline frames per second, ${THROTTLE}× CPU (tablet)`,
        value: loopFps(tablet),
        unit: 'fps',
        baseline: loopFps(baseline),
        note: 'target ≥ 10 (loop capped at 15); baseline: same frames, no finder',
      },
      {
        name: `time per frame, frame to corners, median, ${THROTTLE}×`,
        value: median(tablet.ms),
        unit: 'ms',
        baseline: median(baseline.ms),
        note: "baseline: the frame's planes copied out only",
      },
      { name: `time per frame, p95, ${THROTTLE}×`, value: percentile(tablet.ms, 95), unit: 'ms', baseline: percentile(baseline.ms, 95) },
      { name: `  of which followed from the last frame: ${tablet.followedMs.length} frames, median`, value: median(tablet.followedMs), unit: 'ms' },
      {
        name: `  of which the full finder: ${tablet.searchedMs.length} frames, median`,
        value: median(tablet.searchedMs),
        unit: 'ms',
        note: 'every 13th frame, or when the page is lost',
      },
      { name: `frames with the page found, ${THROTTLE}× (should be 100)`, value: (100 * tablet.found) / tablet.frames, unit: '%' },
      {
        name: `in the app: outline fps, page ${THROTTLE}×, worker not`,
        value: fps(slow),
        unit: 'fps',
        baseline: fps(free),
        note: 'baseline: page unthrottled',
      },
      {
        name: `  while a shot page is digitized (${digitizeSeconds.toFixed(1)} s)`,
        value: duringDigitize.length / digitizeSeconds,
        unit: 'fps',
        baseline: fps(slow),
      },
      {
        name: '  time per frame in the outline worker, median',
        value: median(workerMs(slow)),
        unit: 'ms',
        baseline: median(workerMs(free)),
        note: 'baseline: page unthrottled',
      },
      {
        name: `  main-thread grab (wrap a VideoFrame), median, ${THROTTLE}×`,
        value: median(slow.marks.map((m) => m.grabMs)),
        unit: 'ms',
        baseline: median(tablet.shrinkMs),
        note: 'baseline: createImageBitmap shrink to 480 px',
      },
      { name: '  frames with the page found (should be 100)', value: found([...slow.marks, ...free.marks, ...duringDigitize]), unit: '%' },
      {
        name: 'machine load (1-min average) at tablet loop / app run',
        value: loadEmulated,
        unit: '',
        baseline: loadThrottled,
        note: '2 cores; above 2 means other work shared the CPU',
      },
    ];
    return { section: 'Camera live outline (preview frames of a 2100×2800 page video)', figures };
  } finally {
    await browser.close().catch(() => {});
    await gateway.stop();
    removeDir(gateway.dataDir);
  }
}

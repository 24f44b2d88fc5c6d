// Draining a desk's queue over a 2G uplink: the real app in Chromium, enrolled with the real
// gateway, receives dossiers with their scanned pages while offline (through its own intake code),
// then comes back on a link throttled to 256 kbit/s each way with 300 ms latency and sends them.
// Time to an empty outbox and the bytes on the wire (counted by a TCP relay in front of the
// gateway) are set against the physical floor of the same run: the payload (file bytes plus the
// JSON of the outbox entries) divided by the bandwidth. Two variants: `drain`, many dossiers with
// stand-in pages of a set size; `drain-photos`, a few dossiers whose five papers were each made by
// the real digitize worker in Chromium from a generated 12-megapixel photo.
import { createServer, connect, type Server } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newDevice } from '../support/browser';
import { copyBuild, freePort, removeDir, startGateway } from '../support/gateway';
import { prepareDevice } from '../support/intake-flow';
import type { Figure, Section } from './report';
import type * as DrainPage from './drain-page';
import { bundleForPage } from '../support/page-bundle';
import { chooseFilesInPage, generatePhoto, photoAsFileInPage } from '../support/photo-files';

const DOSSIERS = Number(process.env.MOTCUA_BENCH_DRAIN_DOSSIERS ?? 200);
const PAGES = Number(process.env.MOTCUA_BENCH_DRAIN_PAGES ?? 3);
// 20 KB: a small text page from the digitizer (1-bit G4 inside a PDF runs 20–60 KB a page). At
// 45 KB, 200 × 3 pages would need about 24 minutes on this link, over the bench's budget.
const PAGE_BYTES = Number(process.env.MOTCUA_BENCH_DRAIN_PAGE_BYTES ?? 20_000);
/** 256 kbit/s, each way, in bytes per second as CDP takes it. */
export const BYTES_PER_S = 256_000 / 8;
export const LATENCY_MS = 300;
const TIMEOUT_MS = 60 * 60_000;

declare global {
  interface Window {
    motcuaDrain: typeof DrainPage;
  }
}

export interface Relay {
  url: string;
  /** Bytes the browser sent (up) and received (down), TCP payload, since the relay started. */
  counts(): { up: number; down: number; connections: number };
  close(): Promise<void>;
}

/** A byte-counting TCP relay to the gateway: what crosses it is what the device's link carries. */
export async function startRelay(targetPort: number): Promise<Relay> {
  let up = 0;
  let down = 0;
  let connections = 0;
  const port = await freePort();
  const server: Server = createServer((client) => {
    connections++;
    const gateway = connect(targetPort, '127.0.0.1');
    client.on('data', (d: Buffer) => (up += d.length));
    gateway.on('data', (d: Buffer) => (down += d.length));
    client.pipe(gateway);
    gateway.pipe(client);
    client.on('error', () => gateway.destroy());
    gateway.on('error', () => client.destroy());
    client.on('close', () => gateway.destroy());
    gateway.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${port}`,
    counts: () => ({ up, down, connections }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Network conditions on the page's own target: where the pump, its fetches and tus's XHRs run. */
export function emulate(cdp: CDPSession, conditions: { offline: boolean; throttled: boolean }) {
  return cdp.send('Network.emulateNetworkConditions', {
    offline: conditions.offline,
    latency: conditions.throttled ? LATENCY_MS : 0,
    downloadThroughput: conditions.throttled ? BYTES_PER_S : -1,
    uploadThroughput: conditions.throttled ? BYTES_PER_S : -1,
  });
}

/**
 * Opens the app and waits for its service worker to control the page, as an installed app is:
 * the pump's requests then pass through the worker's fetch handler as on a desk. Once, on a
 * loaded machine, the worker never took control of the first page in 17 minutes; a reload
 * (which an officer would do) is tried before giving up with the registration's state.
 */
export async function openControlled(page: Page, url: string) {
  await page.goto(`${url}/cai-dat`);
  for (let attempt = 0; attempt < 2; attempt++) {
    const controlled = await page
      .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 90_000, polling: 500 })
      .then(() => true)
      .catch(() => false);
    if (controlled) return;
    await page.reload();
  }
  const state = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return JSON.stringify({ installing: r?.installing?.state, waiting: r?.waiting?.state, active: r?.active?.state });
  });
  throw new Error(`drain: no service worker controls the app after a reload: ${state}`);
}

async function enrol(page: Page) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
  await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('DEMO');
  await card.getByRole('textbox', { name: 'Tên thiết bị' }).fill('Máy bàn đo tốc độ');
  await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
  await card.getByText('đã được kích hoạt', { exact: false }).waitFor();
  await page.getByText(/Còn [1-9]\d* số hồ sơ chính thức/).waitFor();
}

/** A request's kind for the tally: method and route, ids and hashes left out. */
function routeOf(method: string, url: string): string {
  const { pathname } = new URL(url);
  const upload = pathname.startsWith('/api/files/') && pathname !== '/api/files/held';
  const route = pathname.startsWith('/api/files/by-hash/') ? '/api/files/by-hash/:sha256' : upload ? '/api/files/:id' : pathname;
  return `${method} ${route}`;
}

const mb = (bytes: number) => bytes / 1e6;

/** What a variant puts in the outbox, and how it names and judges it in the figures. */
interface Variant {
  section: string;
  /** The dossiers' count and papers, for the figures' names. */
  what: string;
  dossiers: number;
  /** Fills the outbox in the (offline) app page. */
  receive(page: Page): Promise<DrainPage.Generated>;
  /** More figures from the run's payload (bytes), drain time and floor (seconds). */
  extra?(payload: number, seconds: number, floor: number): Figure[];
}

export function benchDrain(): Promise<Section> {
  return runDrain(async () => ({
    section: 'Drain over a 2G link (256 kbit/s, 300 ms, Chromium throttling)',
    what: `${DOSSIERS} dossiers × ${PAGES} pages of ${(PAGE_BYTES / 1000).toFixed(0)} KB`,
    dossiers: DOSSIERS,
    receive: (page) => page.evaluate(([n, p, size]) => window.motcuaDrain.generate(n, p, size), [DOSSIERS, PAGES, PAGE_BYTES] as const),
  }));
}

async function runDrain(prepare: (gatewayUrl: string, browser: Awaited<ReturnType<typeof launchBrowser>>) => Promise<Variant>): Promise<Section> {
  const staticDir = copyBuild();
  const [bundle, gateway] = await Promise.all([bundleForPage('tests/bench/drain-page.ts', 'motcuaDrain'), startGateway({ staticDir })]);
  const relay = await startRelay(gateway.port);
  const browser = await launchBrowser();
  try {
    const variant = await prepare(gateway.url, browser);
    const context = await newDevice(browser, 'laptop');
    const page = await context.newPage();
    await openControlled(page, relay.url);
    await prepareDevice(page, relay.url, 'Lò Thị Mai');
    await enrol(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');

    // Received at the desk with no link, as in a village without signal.
    await emulate(cdp, { offline: true, throttled: false });
    await page.getByRole('region', { name: 'Trạng thái kết nối' }).getByText('Đã kết nối máy chủ').waitFor({ state: 'detached' });
    await page.evaluate(bundle); // evaluated over CDP: the app's CSP refuses inline scripts
    const generated = await variant.receive(page);
    const queued = await page.evaluate(() => window.motcuaDrain.waiting());
    const payload = generated.fileBytes + queued.jsonBytes;

    // Every /api request from the moment the link returns until the outbox is empty.
    let counting = false;
    const routes = new Map<string, number>();
    let fromServiceWorker = 0;
    const failed = new Map<string, number>();
    context.on('request', (request) => {
      if (!counting || !request.url().includes('/api/')) return;
      const route = routeOf(request.method(), request.url());
      routes.set(route, (routes.get(route) ?? 0) + 1);
      if (request.serviceWorker()) fromServiceWorker++;
    });
    context.on('requestfailed', (request) => {
      if (!counting || !request.url().includes('/api/')) return;
      const why = `${routeOf(request.method(), request.url())} (${request.failure()?.errorText ?? '?'})`;
      failed.set(why, (failed.get(why) ?? 0) + 1);
    });

    const before = relay.counts();
    counting = true;
    const started = performance.now();
    // Online and throttled in one step, so not one byte of the drain goes unthrottled.
    await emulate(cdp, { offline: false, throttled: true });
    await page.getByRole('region', { name: 'Trạng thái kết nối' }).getByText('Đã kết nối máy chủ').waitFor({ timeout: 60_000 });
    // The app starts sending by itself once the gateway answers; the button is what an officer presses.
    // With a small queue the app may already be sending (the button then waits, disabled).
    const syncNow = page.getByRole('button', { name: 'Đồng bộ ngay' });
    if (await syncNow.isEnabled()) await syncNow.click();
    // A line a minute on stderr: a quarter-hour run should show that it moves.
    const progress = setInterval(() => {
      void page
        .evaluate(() => window.motcuaDrain.waiting())
        .then((w) =>
          process.stderr.write(
            `  drain: ${Math.round((performance.now() - started) / 1000)} s, ${w.pending} entries waiting, ${mb(relay.counts().up - before.up).toFixed(2)} MB sent\n`,
          ),
        )
        .catch(() => {});
    }, 60_000);
    const end = await page.evaluate((ms) => window.motcuaDrain.drained(ms), TIMEOUT_MS).finally(() => clearInterval(progress));
    const seconds = (performance.now() - started) / 1000;
    const after = relay.counts();
    counting = false;
    if (end.timedOut) throw new Error(`drain: ${end.pending} entries still waiting after ${TIMEOUT_MS / 60_000} min`);

    const up = after.up - before.up;
    const down = after.down - before.down;
    const requests = [...routes.values()].reduce((a, b) => a + b, 0);
    const floor = payload / BYTES_PER_S;
    const tally = [...routes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([route, n]) => `${n} ${route}`)
      .join(', ');
    const { what, dossiers } = variant;
    const figures: Figure[] = [
      {
        name: `drain ${what}, 256 kbit/s, ${LATENCY_MS} ms`,
        value: seconds,
        unit: 's',
        baseline: floor,
        note: `baseline: payload ÷ 32,000 B/s; ${requests} requests × ${LATENCY_MS} ms latency would add ${((requests * LATENCY_MS) / 1000).toFixed(0)} s one at a time`,
      },
      {
        name: 'bytes sent by the device (TCP payload, up)',
        value: mb(up),
        unit: 'MB',
        baseline: mb(payload),
        note: `overhead ${(((up - payload) / payload) * 100).toFixed(1)} % over the payload (baseline): ${mb(generated.fileBytes).toFixed(2)} MB of files + ${mb(queued.jsonBytes).toFixed(2)} MB of outbox JSON`,
      },
      { name: 'bytes received by the device (down)', value: mb(down), unit: 'MB', note: `${after.connections - before.connections} new TCP connections` },
      {
        name: 'HTTP requests to /api while draining',
        value: requests,
        unit: 'requests',
        note: `${tally}; failed: ${[...failed].map(([why, n]) => `${n} ${why}`).join(', ') || 'none'}; ${fromServiceWorker} issued by the service worker`,
      },
      {
        name: 'dossiers accepted per minute',
        value: (dossiers - end.pending - end.rejected) / (seconds / 60),
        unit: 'dossiers/min',
        baseline: dossiers / (floor / 60),
        note: end.rejected ? `${end.rejected} refused: ${end.reasons.join(' | ')}` : 'none refused; baseline: at the floor',
      },
      {
        name: 'receiving them offline (app intake code, in the page)',
        value: generated.ms / 1000,
        unit: 's',
        note: `${generated.files} files, ${queued.pending} outbox entries`,
      },
      ...(variant.extra?.(payload, seconds, floor) ?? []),
    ];
    await cdp.detach();
    await context.close();
    return { section: variant.section, figures };
  } finally {
    await browser.close();
    await relay.close();
    await gateway.stop();
    removeDir(gateway.dataDir);
    removeDir(staticDir);
  }
}

const PHOTO_DOSSIERS = Number(process.env.MOTCUA_BENCH_DRAIN_PHOTO_DOSSIERS ?? 8);
const PAPERS = 5;

/**
 * Five papers through the real digitize worker on the Số hóa page, one set each: a generated
 * 12-megapixel photo (text page, shadow, blur, noise) chosen as a file, the set's PDF read back.
 */
async function digitizePapers(gatewayUrl: string, browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<Buffer[]> {
  const started = Date.now();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await page.goto(`${gatewayUrl}/so-hoa`);
    await page.getByRole('heading', { level: 1, name: 'Số hóa giấy tờ' }).waitFor();
    const pdfs: Buffer[] = [];
    for (let k = 0; k < PAPERS; k++) {
      const photo = generatePhoto({
        width: 3000,
        height: 4000,
        seed: 500 + k,
        fill: 0.82 + (k % 3) * 0.04,
        document: { lines: 30 + k },
        photo: { blur: 1 + (k % 2), shadow: 0.25 + (k % 3) * 0.1, noise: 2 + (k % 3) },
      });
      await photoAsFileInPage(page, photo, `giay${k}`, 0.9);
      await page.getByRole('textbox', { name: 'Tên giấy tờ' }).fill(`Giấy ${k + 1}`);
      await chooseFilesInPage(page, 'Chọn ảnh hoặc tệp PDF', [`giay${k}`]);
      const status = page.getByRole('status').filter({ hasText: 'Tệp PDF: 1 trang' });
      await status.waitFor({ timeout: 180_000 });
      const href = (await status.getByRole('link', { name: 'Mở tệp PDF' }).getAttribute('href'))!;
      const base64 = await page.evaluate(async (url) => {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(binary);
      }, href);
      pdfs.push(Buffer.from(base64, 'base64'));
      await page.getByRole('button', { name: 'Bắt đầu bộ giấy tờ mới' }).click();
      await page.getByText('Chưa có trang nào.').waitFor();
    }
    console.log(
      `  (digitized ${PAPERS} papers from 12 MP photos in ${((Date.now() - started) / 1000).toFixed(0)} s: ${pdfs.map((p) => (p.length / 1024).toFixed(1)).join(', ')} KB)`,
    );
    return pdfs;
  } finally {
    await context.close();
  }
}

/** Dossiers of five photographed text papers, each a one-page PDF from the digitize worker. */
export function benchDrainPhotos(): Promise<Section> {
  return runDrain(async (gatewayUrl, browser) => {
    const pdfs = await digitizePapers(gatewayUrl, browser);
    const paperBytes = pdfs.reduce((n, p) => n + p.length, 0);
    const budget = PAPERS * 70 * 1024;
    return {
      section: 'Drain of photographed dossiers over a 2G link (5 papers from 12 MP photos, 256 kbit/s, 300 ms)',
      what: `${PHOTO_DOSSIERS} dossiers × ${PAPERS} digitized papers`,
      dossiers: PHOTO_DOSSIERS,
      receive: (page) =>
        page.evaluate(([n, papers]) => window.motcuaDrain.generateFromPapers(n, papers), [PHOTO_DOSSIERS, pdfs.map((p) => p.toString('base64'))] as const),
      extra: (payload, seconds, floor) => [
        {
          name: `papers of one dossier (${PAPERS} text papers as PDFs)`,
          value: paperBytes / 1024,
          unit: 'KB',
          baseline: budget / 1024,
          note: `target ≤ ${PAPERS} × 70 KB (baseline); largest paper ${(Math.max(...pdfs.map((p) => p.length)) / 1024).toFixed(1)} KB`,
        },
        { name: 'payload per dossier (papers + outbox JSON)', value: payload / PHOTO_DOSSIERS / 1024, unit: 'KB' },
        {
          name: 'drain time ÷ (payload ÷ bandwidth)',
          value: seconds / floor,
          unit: '×',
          baseline: 1.2,
          note: `target ≤ 1.2 (baseline); set MOTCUA_BENCH_DRAIN_PHOTO_DOSSIERS to change the ${PHOTO_DOSSIERS} dossiers`,
        },
      ],
    };
  });
}

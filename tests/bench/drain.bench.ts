// Draining a desk's queue over a 2G uplink: the real app in Chromium, enrolled with the real
// gateway, receives dossiers with their scanned pages while offline (through its own intake code),
// then comes back on a link throttled to 256 kbit/s each way with 300 ms latency and sends them.
// Time to an empty outbox and the bytes on the wire (counted by a TCP relay in front of the
// gateway) are set against the physical floor of the same run: the payload (file bytes plus the
// JSON of the outbox entries) divided by the bandwidth.
import { createServer, connect, type Server } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newDevice } from '../support/browser';
import { copyBuild, freePort, removeDir, startGateway } from '../support/gateway';
import { prepareDevice } from '../support/intake-flow';
import type { Figure, Section } from './report';
import type * as DrainPage from './drain-page';
import { bundleForPage } from '../support/page-bundle';

const DOSSIERS = Number(process.env.MOTCUA_BENCH_DRAIN_DOSSIERS ?? 200);
const PAGES = Number(process.env.MOTCUA_BENCH_DRAIN_PAGES ?? 3);
// 20 KB: a small text page from the digitizer (1-bit G4 inside a PDF runs 20–60 KB a page). At
// 45 KB, 200 × 3 pages would need about 24 minutes on this link, over the bench's budget.
const PAGE_BYTES = Number(process.env.MOTCUA_BENCH_DRAIN_PAGE_BYTES ?? 20_000);
/** 256 kbit/s, each way, in bytes per second as CDP takes it. */
const BYTES_PER_S = 256_000 / 8;
const LATENCY_MS = 300;
const TIMEOUT_MS = 60 * 60_000;

declare global {
  interface Window {
    motcuaDrain: typeof DrainPage;
  }
}

interface Relay {
  url: string;
  /** Bytes the browser sent (up) and received (down), TCP payload, since the relay started. */
  counts(): { up: number; down: number; connections: number };
  close(): Promise<void>;
}

/** A byte-counting TCP relay to the gateway: what crosses it is what the device's link carries. */
async function startRelay(targetPort: number): Promise<Relay> {
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
function emulate(cdp: CDPSession, conditions: { offline: boolean; throttled: boolean }) {
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
async function openControlled(page: Page, url: string) {
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

export async function benchDrain(): Promise<Section> {
  const staticDir = copyBuild();
  const [bundle, gateway] = await Promise.all([bundleForPage('tests/bench/drain-page.ts', 'motcuaDrain'), startGateway({ staticDir })]);
  const relay = await startRelay(gateway.port);
  const browser = await launchBrowser();
  try {
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
    await page.addScriptTag({ content: bundle });
    const generated = await page.evaluate(([n, p, size]) => window.motcuaDrain.generate(n, p, size), [DOSSIERS, PAGES, PAGE_BYTES] as const);
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
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    // A line a minute on stderr: a quarter-hour run should show that it moves.
    const progress = setInterval(() => {
      void page
        .evaluate(() => window.motcuaDrain.waiting())
        .then((w) => process.stderr.write(`  drain: ${Math.round((performance.now() - started) / 1000)} s, ${w.pending} entries waiting, ${mb(relay.counts().up - before.up).toFixed(2)} MB sent\n`))
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
    const what = `${DOSSIERS} dossiers × ${PAGES} pages of ${(PAGE_BYTES / 1000).toFixed(0)} KB`;
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
        value: (DOSSIERS - end.pending - end.rejected) / (seconds / 60),
        unit: 'dossiers/min',
        baseline: DOSSIERS / (floor / 60),
        note: end.rejected ? `${end.rejected} refused: ${end.reasons.join(' | ')}` : 'none refused; baseline: at the floor',
      },
      {
        name: 'receiving them offline (app intake code, in the page)',
        value: generated.ms / 1000,
        unit: 's',
        note: `${generated.files} files, ${queued.pending} outbox entries; set MOTCUA_BENCH_DRAIN_DOSSIERS, _PAGES, _PAGE_BYTES to change`,
      },
    ];
    await cdp.detach();
    await context.close();
    return { section: 'Drain over a 2G link (256 kbit/s, 300 ms, Chromium throttling)', figures };
  } finally {
    await browser.close();
    await relay.close();
    await gateway.stop();
    removeDir(gateway.dataDir);
    removeDir(staticDir);
  }
}

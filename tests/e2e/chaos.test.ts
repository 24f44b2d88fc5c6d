// Sync under chaos: a laptop and a tablet, enrolled with the demo code, receive 150 dossiers with
// files while offline (a few through the intake screens, the rest through the app's own receive
// path run in the page), then sync through a proxy that drops requests before and after the
// gateway commits, sends them twice, delays them, cuts uploads half-way, and restarts the gateway
// while a push is being applied. Afterwards the gateway holds every dossier exactly once and every
// file once, byte for byte as the devices stored it; both devices show all 150 dossiers, every one
// accepted with its official code, nothing waiting and nothing in quarantine.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../server/db/pglite';
import { launchBrowser, newDevice, type DeviceName } from '../support/browser';
import { samplePdf } from '../support/sample-pdf';
import { FaultProxy, type FaultKind, type Route } from '../support/fault-proxy';
import { copyBuild, removeDir, startGateway, type RunningGateway } from '../support/gateway';
import { prepareDevice, receiveKhaiSinh, sampleApplicant, type AttachedFile } from '../support/intake-flow';
import type * as ChaosPage from './chaos-page';
import { seededRandom } from '../support/seeded-random';
import { bundleForPage } from '../support/page-bundle';

declare global {
  interface Window {
    motcuaChaos: typeof ChaosPage;
  }
}

const TOTAL = 150;
const THROUGH_UI = 2; // per device; the rest go through the app's receive path in the page
const SEED = 20_260_412;
// Pushes are few (two batches a desk when all goes well), so they get faulted far more often.
const FAULT_RATE = { push: 0.5, files: 0.15 };
const SYNC_DEADLINE_MS = 6 * 60_000;

let browser: Browser;
let gateway: RunningGateway;
let proxy: FaultProxy;
let staticDir: string;
let bundle: string;

beforeAll(async () => {
  // A private copy of the build: a rebuild elsewhere mid-run cannot change what the devices load.
  staticDir = copyBuild();
  [gateway, browser, bundle] = await Promise.all([
    startGateway({ staticDir, holdCommits: true }),
    launchBrowser(),
    bundleForPage('tests/e2e/chaos-page.ts', 'motcuaChaos'),
  ]);
  proxy = await FaultProxy.start(gateway, { seed: SEED, rate: FAULT_RATE, gatewayOptions: { staticDir, holdCommits: true } });
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await proxy?.gateway.stop();
  if (gateway) removeDir(gateway.dataDir);
  if (staticDir) removeDir(staticDir);
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A small real PDF (the app opens a chosen PDF before keeping it as it is). */
function scannedPage(text: string): Buffer {
  return samplePdf(text, { filler: `% ${text} `.repeat(2000) });
}

/** The same ID-card copy attached on both devices, to every tenth dossier: stored once on the gateway. */
const SHARED_FILE = { seed: 777_777, size: 64_000 };

const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đào',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
  'Tuấn',
];

function plan(device: number, count: number): ChaosPage.ChaosDossier[] {
  const r = seededRandom(SEED + device);
  return Array.from({ length: count }, (_, n) => ({
    applicant: `${device === 0 ? 'Lò Thị' : 'Hà Văn'} ${GIVEN[n % GIVEN.length]} ${GIVEN[Math.floor(n / GIVEN.length) % GIVEN.length]}`,
    idNumber: `001190${device}${String(n + 1).padStart(5, '0')}`,
    files: Array.from({ length: r() < 0.4 ? 2 : 1 }, (_, k) =>
      k === 0 && n % 10 === 0 ? SHARED_FILE : { seed: 1 + device * 1_000_000 + n * 10 + k, size: 20_000 + Math.floor(r() * 180_000) },
    ),
  }));
}

async function enrol(page: Page, name: string) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
  await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('DEMO');
  await card.getByRole('textbox', { name: 'Tên thiết bị' }).fill(name);
  await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
  await card.getByText(`Thiết bị "${name}" đã được kích hoạt cho Xã Bản Mẫu`, { exact: false }).waitFor();
  await page.getByText(/Còn [1-9]\d* số hồ sơ chính thức/).waitFor();
}

/** Every row of some object stores of the device's IndexedDB, file blobs replaced by their SHA-256. */
function deviceStores(page: Page): Promise<{
  dossiers: { id: string; code: string; provisionalCode?: string; syncState: string }[];
  outbox: unknown[];
  attachments: { ownerId: string; sha256: string }[];
  files: { key: string; hash: string; size: number }[];
  settings: Record<string, unknown>;
}> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('motcua');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onerror = () => reject(request.error);
        request.onsuccess = () => resolve(request.result as unknown[]);
      });
    const [dossiers, outbox, attachments, fileRows, settingRows] = await Promise.all(['dossiers', 'outbox', 'attachments', 'files', 'settings'].map(all));
    db.close();
    const files = [];
    for (const row of fileRows as { sha256: string; blob: Blob }[]) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer()));
      files.push({ key: row.sha256, hash: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), size: row.blob.size });
    }
    const settings = Object.fromEntries((settingRows as { key: string; value: unknown }[]).map((s) => [s.key, s.value]));
    return { dossiers, outbox, attachments, files, settings } as never;
  });
}

const waitingRegion = (page: Page) => page.getByRole('region', { name: 'Đang chờ gửi' });
const ALL_SENT = 'Đã gửi hết: máy chủ đã nhận mọi thay đổi.';

/**
 * Presses "Đồng bộ ngay" whenever it is enabled (the pump's own backoff also retries), as an
 * officer would, until the page says everything was sent. Stops early, with the reason, if
 * something lands in quarantine: nothing may.
 */
async function syncUntilAllSent(page: Page, deadline: number): Promise<void> {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const status = waitingRegion(page).getByRole('status');
  const button = waitingRegion(page).getByRole('button', { name: 'Đồng bộ ngay' });
  for (;;) {
    const text = (await status.textContent()) ?? '';
    if (text === ALL_SENT) return;
    if (await page.getByRole('region', { name: /^Bị máy chủ từ chối/ }).count()) {
      throw new Error(`quarantined: ${await page.getByRole('region', { name: /^Bị máy chủ từ chối/ }).textContent()}`);
    }
    if (Date.now() > deadline) throw new Error(`still waiting: ${text}; ${await waitingRegion(page).textContent()}`);
    if (await button.isEnabled()) await button.click();
    await page.waitForTimeout(1_500);
  }
}

interface Desk {
  name: DeviceName;
  context: BrowserContext;
  page: Page;
}

/** One desk's offline morning: prepared and enrolled online, then 75 dossiers received offline. */
async function offlineMorning(device: number, name: DeviceName, deviceName: string, officer: string): Promise<Desk> {
  const context = await newDevice(browser, name);
  const page = await context.newPage();
  await prepareDevice(page, proxy.url, officer);
  await enrol(page, deviceName);
  await context.setOffline(true);

  // A few through the intake screens, each with a scanned paper; the first is the same paper on both desks.
  for (let k = 0; k < THROUGH_UI; k++) {
    const file: AttachedFile = {
      paper: 'Tờ khai đăng ký khai sinh',
      name: `to-khai-${k}.pdf`,
      mimeType: 'application/pdf',
      buffer: scannedPage(k === 0 ? 'to khai chung cua hai ban' : `to khai ban ${device} so ${k}`),
    };
    await receiveKhaiSinh(page, { ...sampleApplicant, fullName: `${officer} ${GIVEN[k]}`, idNumber: `001099${device}9000${k}` }, [file]);
  }
  // The rest through the app's own receive path, in the page.
  // Over CDP: the app's CSP refuses inline and eval'd scripts, the DevTools protocol is not bound by it.
  await (await context.newCDPSession(page)).send('Runtime.evaluate', { expression: bundle });
  const made = await page.evaluate((list) => window.motcuaChaos.receiveDossiers(list), plan(device, TOTAL / 2 - THROUGH_UI));
  expect(made).toHaveLength(TOTAL / 2 - THROUGH_UI);
  // The reserve of official numbers ran out part-way: later receipts carry provisional codes.
  expect(made.some((d) => d.provisional)).toBe(true);

  // Reloaded offline (the service worker serves the shell), the desk sees its whole queue.
  await page.reload();
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await waitingRegion(page)
    .getByText(`${TOTAL / 2} thay đổi đang chờ gửi.`)
    .waitFor();
  return { name, context, page };
}

describe('sync under chaos', () => {
  it(
    'delivers 150 dossiers from two offline desks exactly once, with their files byte for byte, through drops, duplicates, delays, cut uploads and a gateway restart',
    async () => {
      const desks = await Promise.all([
        offlineMorning(0, 'laptop', 'Máy bàn tiếp nhận', 'Lò Thị Mai'),
        offlineMorning(1, 'tablet', 'Máy tính bảng tổ công nghệ số', 'Hà Văn Xử'),
      ]);
      const before = await Promise.all(desks.map((d) => deviceStores(d.page)));
      const expectedIds = before.flatMap((s) => s.dossiers.map((d) => d.id));
      expect(new Set(expectedIds).size).toBe(TOTAL);
      for (const stores of before) {
        // What each desk stored is what it meant to store: every blob hashes to its key.
        for (const f of stores.files) expect(f.hash).toBe(f.key);
      }
      const deviceFiles = new Map(before.flatMap((s) => s.files.map((f) => [f.key, f.size] as const)));
      const attachmentsOf = new Map<string, string[]>();
      for (const s of before) for (const a of s.attachments) attachmentsOf.set(a.ownerId, [...(attachmentsOf.get(a.ownerId) ?? []), a.sha256].sort());

      // Back online through the faulty link; the gateway is killed and restarted while a push is being applied.
      proxy.faults = true;
      const restarted = proxy.restartMidBatch();
      restarted.catch(() => undefined); // judged below, after the desks are done
      await Promise.all(desks.map((d) => d.context.setOffline(false)));
      const deadline = Date.now() + SYNC_DEADLINE_MS;
      await Promise.all(desks.map((d) => syncUntilAllSent(d.page, deadline)));
      proxy.cancelRestart();
      const cut = await restarted;
      const faults = structuredClone(proxy.counts);
      console.log(`chaos faults (seed ${SEED}): ${JSON.stringify(faults)}; requests seen: ${JSON.stringify(proxy.seen)}`);
      const expected: Record<Route, FaultKind[]> = {
        push: ['dropBefore', 'dropAfter', 'duplicate', 'delay', 'restart'],
        files: ['dropBefore', 'dropAfter', 'duplicate', 'delay', 'cutUpload', 'corrupt'],
      };
      for (const route of ['push', 'files'] as const) {
        for (const kind of expected[route]) expect(faults[route][kind], `${route} ${kind}`).toBeGreaterThan(0);
      }

      // A calm link: each desk syncs once more and so receives the other desk's dossiers. On a
      // loaded machine a pull may still be under way when the list opens: the officer's "Đồng bộ
      // ngay" is pressed again every 15 s, as a person would, for at most two minutes in all.
      proxy.faults = false;
      for (const desk of desks) {
        await syncUntilAllSent(desk.page, Date.now() + 60_000);
        const whole = desk.page.getByRole('button', { name: `Tất cả (${TOTAL})` });
        const until = Date.now() + 120_000;
        for (let shown = false; !shown;) {
          await desk.page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
          await desk.page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
          try {
            await whole.waitFor({ timeout: 15_000 });
            shown = true;
          } catch (error) {
            if (Date.now() <= until) {
              await desk.page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
              continue;
            }
            // What the desk shows instead (a count short of the whole, a page still loading) says where to look.
            const views = await desk.page.getByRole('button').allTextContents();
            throw new Error(
              `${desk.name}: ${(error as Error).message}\nbuttons: ${views.join(' | ')}\nsync: ${await desk.page.getByRole('status').allTextContents()}`,
            );
          }
        }
        await desk.page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
        await waitingRegion(desk.page).getByText(ALL_SENT).waitFor();
        expect(await desk.page.getByRole('region', { name: /^Bị máy chủ từ chối/ }).count()).toBe(0);
      }

      const after = await Promise.all(desks.map((d) => deviceStores(d.page)));
      for (const stores of after) {
        expect(stores.outbox).toEqual([]);
        expect(stores.dossiers.map((d) => d.id).sort()).toEqual([...expectedIds].sort());
        for (const d of stores.dossiers) {
          expect(d.syncState, d.code).toBe('accepted');
          expect(d.code, d.id).not.toMatch(/^TAM-/);
        }
      }
      // Both desks agree on every dossier's official code.
      const codesOn = (i: number) => Object.fromEntries(after[i]!.dossiers.map((d) => [d.id, d.code]));
      expect(codesOn(1)).toEqual(codesOn(0));

      // The gateway's own records, read from its data folder once it has stopped.
      await proxy.gateway.stop();
      const db = await openPglite(path.join(proxy.gateway.dataDir, 'pglite'));
      try {
        const rows = await db.query<{ id: string; code: string; created_by_device: string; data: { attachments?: { sha256: string }[] } }>(
          'select id, code, created_by_device, data from dossiers',
        );
        expect(rows).toHaveLength(TOTAL);
        expect(rows.map((r) => r.id).sort()).toEqual([...expectedIds].sort());
        expect(new Set(rows.map((r) => r.code)).size).toBe(TOTAL);
        for (const row of rows) {
          expect(row.code).toBe(codesOn(0)[row.id]);
          expect((row.data.attachments ?? []).map((a) => a.sha256).sort(), row.code).toEqual(attachmentsOf.get(row.id) ?? []);
        }
        const mutations = await db.query<{ device_id: string; n: number; accepted: number }>(
          `select device_id, count(*)::int as n, count(*) filter (where result->>'status' = 'accepted')::int as accepted from sync_mutations group by device_id`,
        );
        const devices = after.map((s) => (s.settings.device as { id: string }).id);
        expect(mutations.filter((m) => devices.includes(m.device_id)).map((m) => ({ n: m.n, accepted: m.accepted }))).toEqual([
          { n: TOTAL / 2, accepted: TOTAL / 2 },
          { n: TOTAL / 2, accepted: TOTAL / 2 },
        ]);
        // The restart came in the middle of a batch: part of it was committed by the gateway that
        // stopped (its answer never arrived), the rest by the one that started.
        const cutDevice = (after.find((s) => `Bearer ${String(s.settings.deviceToken)}` === cut.authorization)!.settings.device as { id: string }).id;
        const applied = await db.query<{ mutation: string | number; applied_at: Date }>(
          'select mutation, applied_at from sync_mutations where device_id = $1 and mutation = any($2::bigint[])',
          [cutDevice, `{${cut.mutations.join(',')}}`],
        );
        expect(applied).toHaveLength(cut.mutations.length);
        const beforeStop = applied.filter((a) => a.applied_at.getTime() <= cut.stoppedAt.getTime()).length;
        const afterRestart = applied.filter((a) => a.applied_at.getTime() > cut.stoppedAt.getTime()).length;
        console.log(`restart cut a push of ${cut.mutations.length}: ${beforeStop} committed before the kill, ${afterRestart} after the restart`);
        expect(beforeStop).toBeGreaterThan(0);
        expect(beforeStop).toBeGreaterThanOrEqual(cut.committed);
        expect(afterRestart).toBeGreaterThan(0);
        // Each file once, under its hash, with the very bytes the desks stored.
        const files = await db.query<{ sha256: string; size: string | number }>('select sha256, size from files');
        expect(files.map((f) => f.sha256).sort()).toEqual([...deviceFiles.keys()].sort());
        for (const f of files) {
          const bytes = readFileSync(path.join(proxy.gateway.dataDir, 'files', f.sha256));
          expect(sha256(bytes)).toBe(f.sha256);
          expect(bytes.length).toBe(deviceFiles.get(f.sha256));
          expect(Number(f.size)).toBe(bytes.length);
        }
        // Nothing else in the file store: no half-written or damaged copy was kept.
        expect(readdirSync(path.join(proxy.gateway.dataDir, 'files')).sort()).toEqual([...deviceFiles.keys()].sort());
        // Shared papers prove "stored once": fewer files than attachments.
        expect(files.length).toBeLessThan([...attachmentsOf.values()].flat().length);
      } finally {
        await db.close();
      }
      await Promise.all(desks.map((d) => d.context.close()));
    },
    15 * 60_000,
  );
});

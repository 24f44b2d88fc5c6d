// A community team's submission reaching the desk over a 2G uplink (issue 15, Measured): the real
// app in Chromium, a tablet enrolled with DEMO-TEAM against the real gateway, files a submission
// with three captured papers offline (through the app's own code); then its link comes back
// throttled to 256 kbit/s each way with 300 ms latency. A desk on an unthrottled link syncs about
// every second until "Hồ sơ trực tuyến chờ tiếp nhận" lists it. The time from going online to the
// desk's queue showing it is set against the floor of the same run: the payload (file bytes plus the
// JSON of the outbox entries, counted in the page) divided by the bandwidth.
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newDevice } from '../support/browser';
import { copyBuild, removeDir, startGateway } from '../support/gateway';
import { enrolWithDemoCode, prepareDevice } from '../support/intake-flow';
import { bundleForPage } from '../support/page-bundle';
import { BYTES_PER_S, emulate, LATENCY_MS, openControlled, startRelay, type Relay } from './drain.bench';
import { median, type Figure, type Section } from './report';
import type * as TeamPage from './team-submit-page';

/** Three text pages as the digitizer makes them (1-bit G4 in a PDF runs 20–60 KB a page). */
const PAPER_BYTES = (process.env.MOTCUA_BENCH_TEAM_PAPER_BYTES ?? '25000,40000,55000').split(',').map(Number);
const TIMEOUT_MS = 120_000;
/** Submissions timed one after another in the run; the figures are their medians. */
const REPEATS = Number(process.env.MOTCUA_BENCH_TEAM_REPEATS ?? 3);
/** How often the desk asks the gateway, at most: an officer pressing "Đồng bộ ngay" every second. */
const DESK_EVERY_MS = 1_000;
const PIN = '135792';

declare global {
  interface Window {
    motcuaTeam: typeof TeamPage;
  }
}

/** Enrolled with the team's code, its member signed in with a PIN set, as in tests/e2e/team-tablet.test.ts. */
async function enrolTeam(page: Page) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
  await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('DEMO-TEAM');
  await card.getByRole('textbox', { name: 'Tên thiết bị' }).fill('Máy tính bảng tổ đo tốc độ');
  await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
  await card.getByText('đã được kích hoạt', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Đăng nhập cán bộ' }).click();
  const signIn = page.getByRole('form', { name: 'Đăng nhập cán bộ' });
  await signIn.getByLabel('Tên đăng nhập').fill('congnghe.demo');
  await signIn.getByLabel('Mật khẩu').fill('motcua-demo');
  await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
  const pinForm = page.getByRole('form', { name: 'Đặt mã PIN' });
  await pinForm.getByLabel('Mã PIN mới (6 chữ số)').fill(PIN);
  await pinForm.getByLabel('Nhập lại mã PIN').fill(PIN);
  await pinForm.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await page.getByText('Cán bộ: Tổ Công Nghệ Dùng Thử').waitFor();
  // The commune's data has come down once the catalogue lists the procedure.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Nộp hồ sơ', exact: true }).click();
  const procedure = page.getByRole('combobox', { name: 'Thủ tục người dân cần làm' });
  await page.waitForFunction(() => [...document.querySelectorAll('select option')].some((o) => o.textContent === 'Thủ tục đăng ký khai sinh'), undefined, {
    timeout: 60_000,
    polling: 250,
  });
  await procedure.waitFor();
}

/** One round at the desk: "Đồng bộ ngay" (push then pull), then the queue's count on Hồ sơ. */
async function deskRound(desk: Page): Promise<number> {
  await desk.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const button = desk.getByRole('button', { name: 'Đồng bộ ngay' });
  await button.waitFor();
  // Its own timer's pull may be running: the button then waits, disabled, and that pull counts as the round.
  if (await button.isEnabled()) {
    await button.click();
    const deadline = Date.now() + 30_000;
    while (!(await button.isEnabled()) && Date.now() < deadline) await desk.waitForTimeout(50);
  }
  await desk.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  const queue = desk.getByRole('link', { name: /^Hồ sơ trực tuyến chờ tiếp nhận \(\d+\)$/ });
  const shown = await queue
    .waitFor({ timeout: 2_000 })
    .then(() => queue.textContent())
    .catch(() => null);
  return Number(/\((\d+)\)/.exec(shown ?? '')?.[1] ?? 0);
}

interface Run {
  seconds: number;
  sentSeconds: number;
  payload: number;
  jsonBytes: number;
  entries: number;
  files: number;
  up: number;
  down: number;
  roundMs: number[];
}

/**
 * One submission: filed with no signal, then online and throttled in one step (not one byte goes
 * unthrottled); timed until the desk's queue holds `expected` submissions and lists this one.
 */
async function submitOnce(tablet: Page, cdp: CDPSession, desk: Page, relay: Relay, expected: number): Promise<Run> {
  await emulate(cdp, { offline: true, throttled: false });
  await tablet.getByRole('region', { name: 'Trạng thái kết nối' }).getByText('Đã kết nối máy chủ').waitFor({ state: 'detached' });
  const filed = await tablet.evaluate(([sizes, pin]) => window.motcuaTeam.fileSubmission(sizes, pin), [PAPER_BYTES, PIN] as const);
  const queued = await tablet.evaluate(() => window.motcuaTeam.waiting());

  const before = relay.counts();
  const started = performance.now();
  await emulate(cdp, { offline: false, throttled: true });
  const tabletSent = tablet
    .evaluate((ms) => window.motcuaTeam.drained(ms), TIMEOUT_MS)
    .then((end) => ({ ...end, seconds: (performance.now() - started) / 1000 }));
  // The app sends by itself once the gateway answers; the member presses "Đồng bộ ngay" too if it is idle.
  const pressed = (async () => {
    await tablet.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await tablet.getByRole('region', { name: 'Trạng thái kết nối' }).getByText('Đã kết nối máy chủ').waitFor({ timeout: 60_000 });
    const syncNow = tablet.getByRole('button', { name: 'Đồng bộ ngay' });
    if (await syncNow.isEnabled()) await syncNow.click();
  })().catch(() => {});

  const roundMs: number[] = [];
  for (let seen = 0; seen < expected;) {
    if (performance.now() - started > TIMEOUT_MS) throw new Error(`team-submit: the desk's queue holds ${seen} of ${expected} after ${TIMEOUT_MS / 1000} s`);
    const round = performance.now();
    seen = await deskRound(desk);
    roundMs.push(performance.now() - round);
    const rest = DESK_EVERY_MS - (performance.now() - round);
    if (seen < expected && rest > 0) await desk.waitForTimeout(rest);
  }
  await desk.getByRole('link', { name: /^Hồ sơ trực tuyến chờ tiếp nhận \(\d+\)$/ }).click();
  await desk.getByRole('row').filter({ hasText: filed.lookupCode }).waitFor({ timeout: 10_000 });
  const seconds = (performance.now() - started) / 1000;
  const sent = await tabletSent;
  await pressed;
  const after = relay.counts();
  if (sent.timedOut || sent.rejected)
    throw new Error(`team-submit: the tablet's outbox: ${sent.pending} waiting, ${sent.rejected} refused ${sent.reasons.join(' | ')}`);
  process.stderr.write(`  team-submit: run ${expected}: ${seconds.toFixed(2)} s to the desk's queue, ${sent.seconds.toFixed(2)} s to an empty outbox\n`);
  return {
    seconds,
    sentSeconds: sent.seconds,
    payload: filed.fileBytes + queued.jsonBytes,
    jsonBytes: queued.jsonBytes,
    entries: queued.pending,
    files: filed.files,
    up: after.up - before.up,
    down: after.down - before.down,
    roundMs,
  };
}

export async function benchTeamSubmit(): Promise<Section> {
  const staticDir = copyBuild();
  const [bundle, gateway] = await Promise.all([bundleForPage('tests/bench/team-submit-page.ts', 'motcuaTeam'), startGateway({ staticDir })]);
  const relay = await startRelay(gateway.port);
  const browser = await launchBrowser();
  try {
    // The desk, on its own (unthrottled) link straight to the gateway.
    const laptop = await newDevice(browser, 'laptop');
    const desk = await laptop.newPage();
    await prepareDevice(desk, gateway.url);
    await enrolWithDemoCode(desk, 'Máy tiếp nhận đo tốc độ');
    const empty = await deskRound(desk);
    if (empty !== 0) throw new Error(`team-submit: the desk's queue already holds ${empty} submissions`);

    // The tablet, through the byte-counting relay; files with no signal.
    const context = await newDevice(browser, 'tablet');
    const tablet = await context.newPage();
    await openControlled(tablet, relay.url);
    await enrolTeam(tablet);
    const cdp = await context.newCDPSession(tablet);
    await cdp.send('Network.enable');
    await tablet.evaluate(bundle); // evaluated over CDP: the app's CSP refuses inline scripts

    const runs: Run[] = [];
    for (let rep = 0; rep < REPEATS; rep++) runs.push(await submitOnce(tablet, cdp, desk, relay, rep + 1));
    const { payload, jsonBytes, entries, files } = runs[0]!;
    const floor = payload / BYTES_PER_S;
    const seconds = median(runs.map((r) => r.seconds));
    const list = (pick: (r: Run) => number) => runs.map((r) => pick(r).toFixed(2)).join(', ');
    const figures: Figure[] = [
      {
        name: `team submission with ${files} papers online → desk's queue, 256 kbit/s, ${LATENCY_MS} ms (median of ${REPEATS})`,
        value: seconds,
        unit: 's',
        baseline: floor,
        note: `baseline: payload ÷ 32,000 B/s; runs ${list((r) => r.seconds)} s; the desk syncs about every ${DESK_EVERY_MS / 1000} s, a round (sync, then Hồ sơ) takes a median ${(median(runs.flatMap((r) => r.roundMs)) / 1000).toFixed(2)} s`,
      },
      {
        name: "tablet's outbox empty (gateway accepted it), median",
        value: median(runs.map((r) => r.sentSeconds)),
        unit: 's',
        baseline: floor,
        note: `runs ${list((r) => r.sentSeconds)} s`,
      },
      {
        name: 'payload (papers + outbox entry JSON)',
        value: payload / 1000,
        unit: 'KB',
        note: `${PAPER_BYTES.map((b) => (b / 1000).toFixed(0)).join(' + ')} KB of papers + ${(jsonBytes / 1000).toFixed(1)} KB of JSON in ${entries} entries`,
      },
      {
        name: 'bytes sent by the tablet (TCP payload, up), median',
        value: median(runs.map((r) => r.up)) / 1000,
        unit: 'KB',
        baseline: payload / 1000,
        note: `down ${(median(runs.map((r) => r.down)) / 1000).toFixed(1)} KB; runs ${runs.map((r) => (r.up / 1000).toFixed(1)).join(', ')} KB up`,
      },
      {
        name: 'time ÷ (payload ÷ bandwidth)',
        value: seconds / floor,
        unit: '×',
        note: `runs ${runs.map((r) => (r.seconds / (r.payload / BYTES_PER_S)).toFixed(2)).join(', ')}`,
      },
    ];
    await cdp.detach();
    await context.close();
    await laptop.close();
    return { section: 'Team submission to the desk over a 2G link (3 papers, 256 kbit/s, 300 ms, Chromium throttling)', figures };
  } finally {
    await browser.close();
    await relay.close();
    await gateway.stop();
    removeDir(gateway.dataDir);
    removeDir(staticDir);
  }
}

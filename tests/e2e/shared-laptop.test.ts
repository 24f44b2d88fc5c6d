// Issue 13's whole story on one shared laptop, in real Chromium with an on-disk profile and the
// real gateway: officer A signs in, sets a PIN and receives a dossier; the app locks when idle;
// officer B signs in on the same profile with their own PIN, finds the dossier by the citizen's
// name (sealed search) and moves it; the processing log and the gateway each name who did what;
// the profile's IndexedDB bytes hold neither the name nor the ID number (a scanned paper is
// received too, stored sealed and sent opened); and with every PIN
// forgotten, A's password sign-in on a fresh start brings the data back.
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { devices, profileDir } from '../support/browser';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { useStage } from '../support/e2e-stage';
import { removeDir } from '../support/gateway';
import { samplePdf } from '../support/sample-pdf';
import { enrolWithDemoCode, receiveKhaiSinh, type Applicant } from '../support/intake-flow';
import { createDemoOfficer, setPin, signInWithPassword } from '../support/officer';
import { filesHolding } from '../support/profile-bytes';
import { storeRows } from '../support/store-rows';

const ADMIN_TOKEN = 'e2e-admin-token-shared-laptop-0123456';
const stage = useStage({ gateway: { env: { MOTCUA_ADMIN_TOKEN: ADMIN_TOKEN } } });

const A = { username: 'canbo.demo', password: 'motcua-demo', fullName: 'Cán bộ Dùng Thử' };
const B = { username: 'ha.thi.lan', password: 'mat-khau-cua-lan-2026', fullName: 'Hà Thị Lan' };
const citizen: Applicant = {
  fullName: 'Vàng Thị Dung',
  idNumber: '011188004321',
  birthDate: '1988-07-02',
  sex: 'Nữ',
  address: 'Bản Khoang, xã Bản Mẫu',
  phone: '0987 654 321',
};

const lockScreen = (page: Page) => page.getByRole('form', { name: 'Máy đang khóa' });
const appNav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

const signedInAs = (page: Page, fullName: string) => page.getByText(`Cán bộ: ${fullName}`).waitFor();

const profiles: string[] = [];
afterAll(() => profiles.forEach((dir) => removeDir(dir)));

async function openProfile(dir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    ...devices.laptop,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // A long story with slow key derivations (PBKDF2, 600,000 rounds, at each PIN): on a loaded CI machine a step may take longer than the usual 30 s.
  page.setDefaultTimeout(60_000);
  return { context, page };
}

/** The gateway's record of a dossier: who made each version, as another desk of the commune pulls it. */
async function authorsAtGateway(deviceToken: string, dossierCode: string): Promise<string[]> {
  const answer = await fetch(`${stage.gateway.url}/api/sync/pull?since=0&limit=1000`, { headers: { authorization: `Bearer ${deviceToken}` } });
  const { changes } = (await answer.json()) as {
    changes: { type: string; dossier?: { code: string }; changedBy?: { name: string | null; staffId: string | null } }[];
  };
  return changes
    .filter((c) => c.type === 'dossier' && c.dossier?.code === dossierCode)
    .map((c) => `${c.changedBy?.name} ${c.changedBy?.staffId ? '(phiên cán bộ)' : '(thiết bị)'}`);
}

/** "Đồng bộ ngay" on the Đồng bộ page, until the gateway has taken everything. */
async function syncNow(page: Page) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 60_000 });
}

/**
 * Cài đặt → Tự khóa máy. Once on CI the saved message never came after the first save (the
 * cause was not found: the form may have been re-rendered under the click); so the setting is
 * checked where it is kept, and saved again if it did not take, with the page's words on failure.
 */
async function setIdleMinutes(page: Page, minutes: number) {
  const form = page.getByRole('form', { name: 'Tự khóa máy' });
  for (let attempt = 1; ; attempt++) {
    await form.getByRole('spinbutton', { name: 'Tự khóa sau (phút)' }).fill(String(minutes));
    await form.getByRole('button', { name: 'Lưu thời gian khóa' }).click();
    const saved = await form
      .getByText(`Đã lưu: máy tự khóa sau ${minutes} phút không dùng.`)
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (saved) return;
    if (attempt === 3) throw new Error(`the idle time was not saved; the page said: ${await page.locator('main').innerText()}`);
  }
}

describe('a shared laptop (issue 13)', () => {
  it('keeps each officer to their own PIN and name, locks when idle, holds no clear personal data on disk, and recovers with a password', async () => {
    await createDemoOfficer(stage.gateway.url, ADMIN_TOKEN, B);
    const dir = profileDir();
    profiles.push(dir);
    let { context, page } = await openProfile(dir);

    // A: the device is enrolled, A signs in and sets a PIN, then receives a dossier with nothing typed about who.
    await page.goto(`${stage.gateway.url}/tra-cuu`);
    await appNav(page).waitFor();
    await enrolWithDemoCode(page, 'Máy tính một cửa dùng chung');
    await page.getByRole('button', { name: 'Đăng nhập cán bộ' }).click();
    await signInWithPassword(page, A);
    await setPin(page, '246810');
    await signedInAs(page, A.fullName);
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByText(/Còn [1-9]\d* số hồ sơ chính thức/).waitFor();
    // A scanned paper, stored sealed under the vault and sent opened: the gateway takes it by the hash of its clear bytes.
    // (Its PDF as stored is rewritten by the digitizer, so the ID number in it does not reach the disk even unsealed:
    // src/db/sealed-files.test.ts is what checks the stored bytes.)
    const paper = samplePdf('To khai khai sinh', { filler: `% CCCD ${citizen.idNumber}\n`.repeat(200) });
    const code = await receiveKhaiSinh(page, citizen, [
      { paper: 'Tờ khai đăng ký khai sinh', name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: paper },
    ]);
    expect(await page.getByText(A.fullName).count()).toBeGreaterThan(0); // "Người tiếp nhận hồ sơ" on the receipt
    const settings = await storeRows<{ key: string; value: unknown }>(page, 'settings');
    const deviceToken = settings.find((s) => s.key === 'deviceToken')?.value as string;
    // Synced under A's own session.
    await syncNow(page);
    await expect.poll(() => authorsAtGateway(deviceToken, code), { timeout: 60_000 }).toEqual([`${A.fullName} (phiên cán bộ)`]);

    // The commune sets the idle time to 1 minute; a minute without input: locked, nothing of the
    // dossier on screen. Real time: the page's own clock is not faked, so sync runs as in a commune.
    await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
    await setIdleMinutes(page, 1);
    await lockScreen(page).waitFor({ timeout: 90_000 });
    expect(await page.locator('body').innerText()).not.toContain(citizen.fullName);

    // B joins on the same profile with their own PIN, finds the dossier by the citizen's name and moves it.
    await lockScreen(page).getByRole('button', { name: 'Thêm cán bộ' }).click();
    await signInWithPassword(page, B);
    await setPin(page, '135790');
    await signedInAs(page, B.fullName);
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ, họ tên hoặc số định danh' }).fill('vang thi dung');
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByRole('button', { name: 'Chuyển xử lý', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận: Chuyển xử lý' }).click();
    const log = page.getByRole('region', { name: 'Nhật ký xử lý' });
    await log.getByRole('row').filter({ hasText: B.fullName }).waitFor();
    await expect(log.getByRole('row').filter({ hasText: A.fullName }).count()).resolves.toBe(1);
    await syncNow(page);

    // The gateway names the same officers, each from their own session.
    await expect.poll(() => authorsAtGateway(deviceToken, code), { timeout: 60_000 }).toEqual([`${B.fullName} (phiên cán bộ)`]);

    // On disk: neither the name nor the ID number, in any encoding, anywhere in the profile.
    await context.close();
    expect(filesHolding(dir, [citizen.fullName, citizen.idNumber])).toEqual([]);

    // Every PIN forgotten: a fresh start, A's password on the lock screen, a new PIN; the dossier reads again.
    ({ context, page } = await openProfile(dir));
    await page.goto(`${stage.gateway.url}/ho-so`);
    await lockScreen(page).waitFor();
    await lockScreen(page).getByRole('radio', { name: A.fullName }).check();
    await lockScreen(page).getByRole('button', { name: 'Đăng nhập bằng mật khẩu' }).click();
    await signInWithPassword(page, A);
    await setPin(page, '112233');
    await signedInAs(page, A.fullName);
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ, họ tên hoặc số định danh' }).fill(citizen.idNumber);
    await page.getByRole('link', { name: code }).click();
    await page.getByText(citizen.fullName).first().waitFor();
    await context.close();
  }, 420_000);
});

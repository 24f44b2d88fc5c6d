// Staff sign-in and the lock (issue 13), in real Chromium against the real gateway: officer A signs
// in with the password and sets a PIN; the app then starts locked and opens with the PIN, offline
// too; it locks after the idle time (the page's clock fast-forwarded); officer B is added on the
// same profile with their own PIN; five wrong PINs ask for the password; with every PIN forgotten,
// a password sign-in recovers the device's data key through the gateway's escrow.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { useStage } from '../support/e2e-stage';
import { enrolWithDemoCode } from '../support/intake-flow';
import { createDemoOfficer } from '../support/officer';
import { storeRows } from '../support/store-rows';

const ADMIN_TOKEN = 'e2e-admin-token-signin-0123456789';
const stage = useStage({ gateway: { env: { MOTCUA_ADMIN_TOKEN: ADMIN_TOKEN } } });

const A = { username: 'canbo.demo', password: 'motcua-demo', fullName: 'Cán bộ Dùng Thử' };
const B = { username: 'ha.van.binh', password: 'mat-khau-cua-binh-2026', fullName: 'Hà Văn Bình' };

/** The lock screen, found as an officer sees it. */
const lockScreen = (page: Page) => page.getByRole('form', { name: 'Máy đang khóa' });
const appNav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

async function signInWithPassword(page: Page, who: { username: string; password: string }): Promise<string> {
  const form = page.getByRole('form', { name: 'Đăng nhập cán bộ' });
  await form.getByLabel('Tên đăng nhập').fill(who.username);
  await form.getByLabel('Mật khẩu').fill(who.password);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in')),
    form.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { token: string }).token;
}

async function setPin(page: Page, pin: string) {
  const form = page.getByRole('form', { name: 'Đặt mã PIN' });
  await form.getByLabel('Mã PIN mới (6 chữ số)').fill(pin);
  await form.getByLabel('Nhập lại mã PIN').fill(pin);
  await form.getByRole('button', { name: 'Lưu mã PIN' }).click();
}

async function unlock(page: Page, fullName: string, pin: string) {
  const form = lockScreen(page);
  await form.getByRole('radio', { name: fullName }).check();
  await form.getByLabel('Mã PIN (6 chữ số)').fill(pin);
  await form.getByRole('button', { name: 'Mở khóa' }).click();
}

const signedInAs = (page: Page, fullName: string) => page.getByText(`Cán bộ: ${fullName}`).waitFor();

/** The whole page's text while locked: nothing but the lock screen's own words and staff names. */
async function nothingOfTheApp(page: Page) {
  await lockScreen(page).waitFor();
  expect(await appNav(page).count()).toBe(0);
  const text = await page.locator('body').innerText();
  for (const word of ['Tra cứu thủ tục', 'Tiếp nhận hồ sơ', 'chờ đồng bộ', 'Hồ sơ']) expect(text, word).not.toContain(word);
}

describe('staff sign-in and lock', () => {
  it('signs officers in, locks at start, when idle and on request, disables a PIN after five wrong ones, and recovers with the password', async () => {
    await createDemoOfficer(stage.gateway.url, ADMIN_TOKEN, B);

    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    // The page's timers and Date run on a clock the test can fast-forward (the idle lock), from the first load.
    await page.clock.install();

    // Before any officer: the app works as it always did, and offers the sign-in. The device is
    // enrolled, so the sign-in and the escrow key are asked with its token, as in a commune.
    await page.goto(`${stage.gateway.url}/tra-cuu`);
    await appNav(page).waitFor();
    await enrolWithDemoCode(page, 'Máy bàn tiếp nhận chung');
    await page.getByRole('button', { name: 'Đăng nhập cán bộ' }).click();
    const tokenA = await signInWithPassword(page, A);
    const pinForm = page.getByRole('form', { name: 'Đặt mã PIN' });
    await pinForm.getByLabel('Mã PIN mới (6 chữ số)').fill('246810');
    await pinForm.getByLabel('Nhập lại mã PIN').fill('246811');
    await pinForm.getByRole('button', { name: 'Lưu mã PIN' }).click();
    await pinForm.getByRole('alert').getByText('Hai lần nhập mã PIN không giống nhau.').waitFor();
    await setPin(page, '246810');
    await signedInAs(page, A.fullName);
    await appNav(page).waitFor();
    // The staff token is kept sealed, never in clear.
    const officers = await storeRows<Record<string, unknown>>(page, 'officers');
    expect(officers).toHaveLength(1);
    expect(JSON.stringify(officers)).not.toContain(tokenA);

    // Every start is locked now; the PIN opens it, with no network.
    await page.reload();
    await nothingOfTheApp(page);
    await expect(
      lockScreen(page)
        .getByText(/các thay đổi đã lưu tiếp tục được gửi lên máy chủ/)
        .count(),
    ).resolves.toBe(1);
    await context.setOffline(true);
    await unlock(page, A.fullName, '246810');
    await signedInAs(page, A.fullName);
    await appNav(page).waitFor();
    await context.setOffline(false);

    // Idle: nothing happens before the commune's time (5 minutes); input starts it again; then the app locks.
    await page.clock.fastForward('04:30');
    await page.mouse.move(200, 300);
    await page.mouse.move(240, 320);
    await page.clock.fastForward('04:00');
    await page.waitForTimeout(300); // real time, for a wrongful lock to show
    expect(await appNav(page).isVisible()).toBe(true);
    await page.clock.fastForward('01:05');
    await nothingOfTheApp(page);
    await unlock(page, A.fullName, '246810');
    await signedInAs(page, A.fullName);

    // "Khóa máy", then officer B is added on the lock screen with their own PIN.
    await page.getByRole('button', { name: 'Khóa máy' }).click();
    await nothingOfTheApp(page);
    await lockScreen(page).getByRole('button', { name: 'Thêm cán bộ' }).click();
    await signInWithPassword(page, B);
    await setPin(page, '135790');
    await signedInAs(page, B.fullName);

    // "Đổi người dùng": both are listed; A's PIN is A's own.
    await page.getByRole('button', { name: 'Đổi người dùng' }).click();
    await nothingOfTheApp(page);
    await expect(lockScreen(page).getByRole('radio').count()).resolves.toBe(2);
    await unlock(page, A.fullName, '135790');
    await lockScreen(page).getByRole('alert').getByText('Mã PIN không đúng. Còn 4 lần thử.').waitFor();
    for (const left of [3, 2, 1]) {
      await unlock(page, A.fullName, '000000');
      await lockScreen(page).getByRole('alert').getByText(`Mã PIN không đúng. Còn ${left} lần thử.`).waitFor();
    }
    await unlock(page, A.fullName, '000000');
    await lockScreen(page)
      .getByRole('alert')
      .getByText(/^Mã PIN của Cán bộ Dùng Thử đã bị khóa sau 5 lần nhập sai/)
      .waitFor();
    // Durably: the right PIN after a restart still does not open it.
    await page.reload();
    await unlock(page, A.fullName, '246810');
    await lockScreen(page)
      .getByRole('alert')
      .getByText(/đã bị khóa sau 5 lần nhập sai/)
      .waitFor();
    expect(await appNav(page).count()).toBe(0);
    // The password (the username is filled in) and a new PIN.
    await lockScreen(page).getByRole('button', { name: 'Đăng nhập bằng mật khẩu' }).click();
    await expect(page.getByRole('form', { name: 'Đăng nhập cán bộ' }).getByLabel('Tên đăng nhập').inputValue()).resolves.toBe(A.username);
    const [escrowAnswer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/devices/escrow-key')), signInWithPassword(page, A)]);
    expect(escrowAnswer.status()).toBe(200);
    await setPin(page, '112233');
    await signedInAs(page, A.fullName);

    // Every PIN forgotten: a fresh start, B signs in with the password; the escrow key unwraps the same data key.
    await page.reload();
    await nothingOfTheApp(page);
    await lockScreen(page).getByRole('radio', { name: B.fullName }).check();
    await lockScreen(page).getByRole('button', { name: 'Đăng nhập bằng mật khẩu' }).click();
    const [recovered] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/devices/escrow-key')), signInWithPassword(page, B)]);
    expect(recovered.status()).toBe(200);
    await setPin(page, '998877');
    await signedInAs(page, B.fullName);
    // Each officer's PIN opens the device after the recovery.
    await page.reload();
    await unlock(page, A.fullName, '112233');
    await signedInAs(page, A.fullName);
    await page.getByRole('button', { name: 'Đổi người dùng' }).click();
    await unlock(page, B.fullName, '998877');
    await signedInAs(page, B.fullName);

    // The citizen's satisfaction screen: leaving it, back into the app, needs a PIN.
    await page.evaluate(() => {
      history.pushState(null, '', '/ho-so/khong-co-ho-so/danh-gia');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    const rating = page.getByRole('dialog', { name: 'Đánh giá mức độ hài lòng' });
    await rating.getByRole('link', { name: 'Công dân không đánh giá' }).click();
    await nothingOfTheApp(page);
    await unlock(page, B.fullName, '998877');
    await signedInAs(page, B.fullName);
    expect(new URL(page.url()).pathname).toBe('/ho-so/khong-co-ho-so');
    await context.close();
  }, 300_000);
});

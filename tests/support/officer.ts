// Steps of the staff sign-in UI (issue 13) that several end-to-end tests need: the first officer
// of a device signs in with the password from the header's "Đăng nhập cán bộ" and sets a PIN.
import type { Page } from 'playwright-core';

/** The demo gateway's own officer (server/seed/demo-accounts.ts). */
export const demoOfficer = { username: 'canbo.demo', password: 'motcua-demo', fullName: 'Cán bộ Dùng Thử' };

/** Fills and sends the password form, wherever it was opened from (header, lock screen). */
export async function signInWithPassword(page: Page, who: { username: string; password: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'Đăng nhập cán bộ' });
  await form.getByLabel('Tên đăng nhập').fill(who.username);
  await form.getByLabel('Mật khẩu').fill(who.password);
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function setPin(page: Page, pin: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Đặt mã PIN' });
  await form.getByLabel('Mã PIN mới (6 chữ số)').fill(pin);
  await form.getByLabel('Nhập lại mã PIN').fill(pin);
  await form.getByRole('button', { name: 'Lưu mã PIN' }).click();
}

/** Online: the header's sign-in, the password, a PIN; resolves once the app names the officer. */
export async function signInFirstOfficer(page: Page, who = demoOfficer, pin = '246810'): Promise<void> {
  await page.getByRole('button', { name: 'Đăng nhập cán bộ' }).click();
  await signInWithPassword(page, who);
  await setPin(page, pin);
  await page.getByText(`Cán bộ: ${who.fullName}`).waitFor();
}

/** The lock screen: the officer chosen, their PIN; resolves once the app names them. */
export async function unlockWithPin(page: Page, fullName = demoOfficer.fullName, pin = '246810'): Promise<void> {
  const form = page.getByRole('form', { name: 'Máy đang khóa' });
  await form.getByRole('radio', { name: fullName }).check();
  await form.getByLabel('Mã PIN (6 chữ số)').fill(pin);
  await form.getByRole('button', { name: 'Mở khóa' }).click();
  await page.getByText(`Cán bộ: ${fullName}`).waitFor();
}

/** A second officer of the demo commune, made through the province's admin route (the gateway started with `adminToken`). */
export async function createDemoOfficer(gatewayUrl: string, adminToken: string, who: { username: string; password: string; fullName: string }): Promise<void> {
  const created = await fetch(`${gatewayUrl}/api/admin/staff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ communeId: 'demo-ban-mau', username: who.username, password: who.password, fullName: who.fullName, role: 'receptionOfficer' }),
  });
  if (created.status !== 201) throw new Error(`officer not created: ${created.status} ${await created.text()}`);
}

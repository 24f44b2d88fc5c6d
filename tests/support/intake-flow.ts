// Steps of the intake UI that several end-to-end tests need: prepare a fresh device (officer
// name, commune and dossier numbers from the gateway) and receive a complete khai sinh dossier.
import type { Page } from 'playwright-core';
import { waitForServiceWorker } from './browser';

/** A component line of the intake's components step, found by its name. */
export const item = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text });

/** First visit while online: install, name the officer, and wait for the commune and dossier numbers. */
export async function prepareDevice(page: Page, gatewayUrl: string, officerName = 'Lò Thị Mai'): Promise<void> {
  await page.goto(`${gatewayUrl}/cai-dat`);
  await waitForServiceWorker(page);
  await page.getByRole('textbox', { name: 'Họ tên cán bộ tiếp nhận' }).fill(officerName);
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await page.getByText('Đã lưu.').waitFor();
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await page.getByText('Đơn vị: Xã Bản Mẫu').waitFor();
  // The first lease of codes waits on the gateway; on CI's two busy cores that took over 30 s once.
  await page.getByText(/Còn [1-9]\d* số hồ sơ chính thức/).waitFor({ timeout: 90_000 });
}

export interface Applicant {
  fullName: string;
  idNumber: string;
  birthDate: string;
  sex: 'Nam' | 'Nữ';
  address: string;
  phone: string;
}

export const sampleApplicant: Applicant = {
  fullName: 'Nguyễn Văn Mẫu',
  idNumber: '001099000001',
  birthDate: '1999-03-15',
  sex: 'Nam',
  address: 'Thôn Nà Pồ, xã Bản Mẫu',
  phone: '0912 345 678',
};

/** A PDF chosen for one of the papers at the components step (kept as it is: photos go through the digitizer). */
export interface AttachedFile {
  paper: string;
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A paper taken from a list the components step offers (`from`, the list's label), by the option's text. */
export interface PickedPaper {
  paper: string;
  from: string;
  option: RegExp;
}

/** Chooses a file (or picks a paper held on the device) for a paper of the components step and waits until its PDF is made. */
export async function choosePaperFile(page: Page, file: AttachedFile | PickedPaper): Promise<void> {
  const paper = item(page, file.paper);
  if ('from' in file) {
    const list = paper.getByRole('combobox', { name: file.from });
    await list.waitFor();
    const label = (await list.locator('option').allTextContents()).find((text) => file.option.test(text));
    if (!label) throw new Error(`"${file.from}" offers nothing like ${file.option}`);
    await list.selectOption({ label });
    await paper
      .getByRole('status')
      .filter({ hasText: /^Tệp PDF/ })
      .waitFor({ timeout: 60_000 });
    return;
  }
  await paper.getByLabel('Chọn ảnh hoặc tệp PDF', { exact: true }).setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
  await paper.getByText(file.name, { exact: false }).first().waitFor({ timeout: 60_000 });
  await paper
    .getByRole('status')
    .filter({ hasText: /^Tệp PDF/ })
    .waitFor({ timeout: 60_000 });
}

/** Receives a khai sinh dossier with every required paper, straight through; returns its code. */
export async function receiveKhaiSinh(page: Page, applicant: Applicant = sampleApplicant, files: (AttachedFile | PickedPaper)[] = []): Promise<string> {
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
  await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill(applicant.fullName);
  await page.getByRole('textbox', { name: 'Số định danh cá nhân (12 số)' }).fill(applicant.idNumber);
  await page.getByLabel('Ngày sinh').fill(applicant.birthDate);
  await page.getByRole('combobox', { name: 'Giới tính' }).selectOption(applicant.sex);
  await page.getByRole('textbox', { name: 'Nơi cư trú' }).fill(applicant.address);
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(applicant.phone);
  return completeKhaiSinh(page, files);
}

/** From a filled applicant step: every required paper checked, validated, received; returns the code. */
export async function completeKhaiSinh(page: Page, files: (AttachedFile | PickedPaper)[] = []): Promise<string> {
  await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
  for (const file of files) await choosePaperFile(page, file);
  for (const paper of ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Xuất trình giấy tờ tùy thân']) {
    await item(page, paper).getByRole('checkbox', { name: 'Đã nhận' }).check();
  }
  await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
  await page.getByText('Hồ sơ đủ thành phần theo quy định.').waitFor();
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / });
  await heading.waitFor();
  return (await heading.textContent())!.replace('Đã tiếp nhận hồ sơ ', '');
}

/** Enrols the device on the demo gateway with its public code `DEMO`, from the Đồng bộ screen. */
export async function enrolWithDemoCode(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
  await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('DEMO');
  await card.getByRole('textbox', { name: 'Tên thiết bị' }).fill(name);
  await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
  await card.getByText(`Thiết bị "${name}" đã được kích hoạt cho Xã Bản Mẫu`, { exact: false }).waitFor();
}

// A device's work carried on a USB stick (issue 14), in real Chromium against the real gateway:
// device 1 receives a dossier with a scanned paper offline and backs it up to an encrypted file;
// device 2 (another browser profile of the same commune) refuses the file altered and with a wrong
// passphrase, changing nothing, imports it, imports it again (nothing new), and syncs; then device
// 1 syncs too. The gateway holds the dossier once and the paper byte for byte, and neither device
// has anything refused.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { storeRows } from '../support/store-rows';
import { useStage } from '../support/e2e-stage';
import { enrolWithDemoCode, prepareDevice, receiveKhaiSinh, sampleApplicant } from '../support/intake-flow';
import { signInFirstOfficer } from '../support/officer';
import { samplePdf } from '../support/sample-pdf';

const stage = useStage();
const PASSPHRASE = 'Nà Pồ mùa lũ 2026';

async function openSettingsBackup(page: Page) {
  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  return page.getByRole('region', { name: 'Sao lưu và chuyển công việc bằng tệp' });
}

async function importFile(page: Page, file: string, passphrase: string) {
  const form = (await openSettingsBackup(page)).getByRole('form', { name: 'Nhập từ tệp' });
  await form.getByLabel('Tệp sao lưu').setInputFiles(file);
  await form.getByLabel('Mật khẩu của tệp').fill(passphrase);
  await form.getByRole('button', { name: 'Nhập từ tệp' }).click();
  return form;
}

/** What the form answered once it stopped working: its alert or its status line. */
async function outcome(form: Locator): Promise<string> {
  const answer = form.locator('[role=alert], [role=status]').filter({ hasNotText: /^Đang/ });
  await answer.waitFor({ timeout: 60_000 });
  return (await answer.innerText()).trim();
}

async function syncAll(page: Page) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await page.getByRole('region', { name: 'Trạng thái kết nối' }).getByText('Đã kết nối máy chủ').waitFor();
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor();
}

describe('backup to a file', () => {
  it('carries a dossier received offline to another device, once, and refuses an altered file and a wrong passphrase', async () => {
    const work = path.join(tmpdir(), `motcua-backup-${process.pid}-${Date.now()}`);
    // The download path (a browser without the save picker); the picker itself needs an officer's click on a native dialog.
    const hidePicker = () => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;

    const first = await newDevice(stage.browser, 'laptop');
    await first.addInitScript(hidePicker);
    const one = await first.newPage();
    await prepareDevice(one, stage.gateway.url, 'Lò Thị Mai');
    await enrolWithDemoCode(one, 'Máy bản A');
    // Only a signed-in officer exports (issue 14 item 5): signed in while online, as at the desk each morning.
    await signInFirstOfficer(one);
    await first.setOffline(true);
    const paper = samplePdf('to khai khai sinh mang bang usb', { filler: '% giay to '.repeat(2000) });
    const code = await receiveKhaiSinh(one, { ...sampleApplicant, fullName: 'Lò Văn Sao Lưu', idNumber: '001099000077' }, [
      { paper: 'Tờ khai đăng ký khai sinh', name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: paper },
    ]);
    const [dossier] = await storeRows<{ id: string; code: string }>(one, 'dossiers');
    expect(dossier?.code).toBe(code);

    // Device 1, offline: the backup, passphrase twice, downloaded.
    const exportForm = (await openSettingsBackup(one)).getByRole('form', { name: 'Sao lưu ra tệp' });
    await exportForm.getByLabel('Mật khẩu cho tệp').fill(PASSPHRASE);
    await exportForm.getByLabel('Nhập lại mật khẩu').fill(`${PASSPHRASE}!`);
    await exportForm.getByRole('button', { name: 'Sao lưu ra tệp' }).click();
    await exportForm.getByRole('alert').getByText('Hai lần nhập mật khẩu không giống nhau.').waitFor();
    await exportForm.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
    const [download] = await Promise.all([one.waitForEvent('download'), exportForm.getByRole('button', { name: 'Sao lưu ra tệp' }).click()]);
    await exportForm
      .getByRole('status')
      .getByText(/^Đã sao lưu 1 thay đổi và 1 tệp giấy tờ vào “motcua-sao-luu-.*\.motcua”/)
      .waitFor();
    expect(download.suggestedFilename()).toMatch(/^motcua-sao-luu-\d{8}-\d{4}\.motcua$/);
    const file = `${work}.motcua`;
    await download.saveAs(file);
    const bytes = readFileSync(file);
    // Nothing personal in clear on the stick.
    for (const clear of ['Sao Lưu', 'Sao L\\u01b0u', '001099000077', code, 'to khai khai sinh']) expect(bytes.includes(clear), clear).toBe(false);

    // Device 2, another profile of the commune, online.
    const second = await newDevice(stage.browser, 'laptop');
    const two = await second.newPage();
    await prepareDevice(two, stage.gateway.url, 'Hà Văn Bình');
    await enrolWithDemoCode(two, 'Máy xã B');
    const rowsBefore = await storeRows(two, 'outbox');

    const altered = Buffer.from(bytes);
    altered[Math.floor(altered.length / 2)]! ^= 0x01; // inside a chunk: a changed length field would read as a cut file
    writeFileSync(`${work}-altered.motcua`, altered);
    let form = await importFile(two, `${work}-altered.motcua`, PASSPHRASE);
    expect(await outcome(form)).toBe('Không nhập được tệp: Tệp đã bị sửa hoặc bị hỏng. Không có gì trên máy bị thay đổi.');
    form = await importFile(two, file, 'mat khau sai hoan toan');
    expect(await outcome(form)).toBe('Không nhập được tệp: Mật khẩu không đúng. Không có gì trên máy bị thay đổi.');
    writeFileSync(`${work}-cut.motcua`, bytes.subarray(0, bytes.length - 50));
    form = await importFile(two, `${work}-cut.motcua`, PASSPHRASE);
    await form
      .getByRole('alert')
      .getByText(/Tệp không đầy đủ/)
      .waitFor();
    expect(await storeRows(two, 'outbox')).toEqual(rowsBefore);
    expect(await storeRows(two, 'dossiers')).toEqual([]);

    form = await importFile(two, file, PASSPHRASE);
    expect(await outcome(form)).toBe('Đã nhập 1 thay đổi, 1 hồ sơ, 0 bản nháp và 1 tệp giấy tờ. Các thay đổi sẽ được gửi khi có mạng.');
    const device1 = (await storeRows<{ key: string; value: { id: string } }>(one, 'settings')).find((s) => s.key === 'device')!.value.id;
    const carried = await storeRows<{ originDevice?: string; mutation?: number; entityId: string }>(two, 'outbox');
    expect(carried.map((e) => [e.originDevice, e.mutation, e.entityId])).toEqual([[device1, 1, dossier!.id]]);
    form = await importFile(two, file, PASSPHRASE);
    expect(await outcome(form)).toBe('Tệp này đã được nhập trước đây (hoặc không có gì mới): không có gì thay đổi.');
    expect(await storeRows(two, 'outbox')).toHaveLength(1);

    // Device 2 sends what device 1 made; then device 1 comes back and sends it too: a replay.
    await syncAll(two);
    await first.setOffline(false);
    await syncAll(one);
    for (const page of [one, two]) {
      expect(await storeRows(page, 'outbox')).toEqual([]);
      const [row] = (await storeRows<{ id: string; syncState: string }>(page, 'dossiers')).filter((d) => d.id === dossier!.id);
      expect(row?.syncState).toBe('accepted');
    }

    // The gateway: the dossier once, its paper byte for byte.
    const token = (await storeRows<{ key: string; value: string }>(two, 'settings')).find((s) => s.key === 'deviceToken')!.value;
    const res = await fetch(`${stage.gateway.url}/api/sync/pull?since=0&limit=500`, { headers: { authorization: `Bearer ${token}` } });
    const { changes } = (await res.json()) as {
      changes: { type: string; dossier?: { id: string; applicantName?: string; attachments?: { sha256: string }[] } }[];
    };
    const held = changes.flatMap((c) => (c.type === 'dossier' && c.dossier?.id === dossier!.id ? [c.dossier] : []));
    expect(held).toHaveLength(1);
    const sha = createHash('sha256').update(paper).digest('hex');
    expect(held[0]?.attachments?.map((a) => a.sha256)).toEqual([sha]);
    expect(readFileSync(path.join(stage.gateway.dataDir, 'files', sha)).equals(paper)).toBe(true);
    await first.close();
    await second.close();
    for (const name of ['', '-altered', '-cut']) rmSync(`${work}${name}.motcua`, { force: true });
  }, 240_000);
});

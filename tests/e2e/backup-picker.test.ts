// The backup saved through the File System Access API (issue 14), in real Chromium: headless
// Chromium has no save dialog, so the page's showSaveFilePicker is replaced by one that hands out a
// real file of the origin-private file system; the app's streaming writer fills it through
// createWritable(), and no download happens. Closing the picker (AbortError) is said plainly and
// writes nothing. The file, read back from that store, is imported on a second profile of the
// commune: the dossier is back there.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { storeRows } from '../support/store-rows';
import { useStage } from '../support/e2e-stage';
import { enrolWithDemoCode, prepareDevice, receiveKhaiSinh, sampleApplicant } from '../support/intake-flow';
import { signInFirstOfficer } from '../support/officer';
import { samplePdf } from '../support/sample-pdf';

const stage = useStage();
const PASSPHRASE = 'Pá Khoang mùa sương 2026';

/**
 * Puts a stand-in save picker in the page (the app looks it up when the officer clicks). 'abort'
 * acts as an officer closing the dialog; 'file' answers with a file of the origin-private file
 * system under the name the app suggested. Every call's suggested name is kept in `pickerCalls`.
 */
function standInPicker(page: Page, mode: 'abort' | 'file'): Promise<void> {
  return page.evaluate((mode) => {
    const w = window as unknown as { pickerCalls?: string[]; showSaveFilePicker?: unknown };
    w.pickerCalls ??= [];
    const calls = w.pickerCalls;
    w.showSaveFilePicker = async (options: { suggestedName: string }) => {
      calls.push(options.suggestedName);
      if (mode === 'abort') throw new DOMException('The user aborted a request.', 'AbortError');
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(options.suggestedName, { create: true });
    };
  }, mode);
}

const pickerCalls = (page: Page) => page.evaluate(() => (window as unknown as { pickerCalls?: string[] }).pickerCalls ?? []);

/** The names in the origin-private file system's root. */
function privateFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    const root = (await navigator.storage.getDirectory()) as unknown as { keys(): AsyncIterable<string> };
    for await (const name of root.keys()) names.push(name);
    return names;
  });
}

/** A file of the origin-private file system, read in the page, as bytes. */
async function readPrivateFile(page: Page, name: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (name) => {
    const file = await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile();
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }, name);
  return Buffer.from(base64, 'base64');
}

async function openSettingsBackup(page: Page) {
  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  return page.getByRole('region', { name: 'Sao lưu và chuyển công việc bằng tệp' });
}

describe('backup through the save picker', () => {
  it('writes the file through createWritable with no download, says so when the picker is closed, and the file imports on another profile', async () => {
    const first = await newDevice(stage.browser, 'laptop');
    const one = await first.newPage();
    let downloads = 0;
    one.on('download', () => downloads++);
    await prepareDevice(one, stage.gateway.url, 'Lò Thị Mai');
    await enrolWithDemoCode(one, 'Máy bản Picker');
    await signInFirstOfficer(one);
    await first.setOffline(true);
    const paper = samplePdf('to khai luu qua hop thoai', { filler: '% giay '.repeat(800) });
    const code = await receiveKhaiSinh(one, { ...sampleApplicant, fullName: 'Lò Văn Hộp Thoại', idNumber: '001099000066' }, [
      { paper: 'Tờ khai đăng ký khai sinh', name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: paper },
    ]);

    const exportForm = (await openSettingsBackup(one)).getByRole('form', { name: 'Sao lưu ra tệp' });
    await exportForm.getByLabel('Mật khẩu cho tệp').fill(PASSPHRASE);
    await exportForm.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);

    // The officer closes the picker: a plain message, no file, no download.
    await standInPicker(one, 'abort');
    await exportForm.getByRole('button', { name: 'Sao lưu ra tệp' }).click();
    await exportForm.getByRole('status').getByText('Đã hủy sao lưu: chưa chọn nơi lưu nên không có tệp nào được ghi.').waitFor();
    expect(await pickerCalls(one)).toHaveLength(1);
    expect(await privateFiles(one)).toEqual([]);

    // The officer picks a place: the app writes there, as a stream, and downloads nothing.
    await standInPicker(one, 'file');
    await exportForm.getByRole('button', { name: 'Sao lưu ra tệp' }).click();
    await exportForm
      .getByRole('status')
      .getByText(/^Đã sao lưu 1 thay đổi và 1 tệp giấy tờ vào “motcua-sao-luu-.*\.motcua”/)
      .waitFor();
    const calls = await pickerCalls(one);
    expect(calls).toHaveLength(2);
    const name = calls[1]!;
    expect(name).toMatch(/^motcua-sao-luu-\d{8}-\d{4}\.motcua$/);
    expect(await privateFiles(one)).toEqual([name]);
    const bytes = await readPrivateFile(one, name);
    // The whole sealed file went through the handle's writable (a download would have left it empty).
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('MOTCUABK');
    expect(bytes.length).toBeGreaterThan(paper.length);
    for (const clear of ['Hộp Thoại', '001099000066', code, 'to khai luu qua hop thoai']) expect(bytes.includes(clear), clear).toBe(false);

    // Another profile of the commune takes the file in: the dossier is back, in its list.
    const second = await newDevice(stage.browser, 'laptop');
    const two = await second.newPage();
    await prepareDevice(two, stage.gateway.url, 'Hà Văn Bình');
    await enrolWithDemoCode(two, 'Máy xã nhận tệp');
    const importForm = (await openSettingsBackup(two)).getByRole('form', { name: 'Nhập từ tệp' });
    await importForm.getByLabel('Tệp sao lưu').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    await importForm.getByLabel('Mật khẩu của tệp').fill(PASSPHRASE);
    await importForm.getByRole('button', { name: 'Nhập từ tệp' }).click();
    await importForm.getByRole('status').getByText('Đã nhập 1 thay đổi, 1 hồ sơ, 0 bản nháp và 1 tệp giấy tờ.', { exact: false }).waitFor({ timeout: 60_000 });
    await two.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await two.getByRole('link', { name: code }).click();
    await two.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    expect((await storeRows<{ code: string }>(two, 'dossiers')).map((d) => d.code)).toEqual([code]);

    // Neither export went through a download.
    expect(downloads).toBe(0);
    await first.close();
    await second.close();
  }, 240_000);
});

// Receiving a supplement, end to end in real Chromium against the real gateway, across two desks
// of one commune: desk A asks for two papers (Mẫu 02) and syncs; desk B, a second browser enrolled
// in the same commune, syncs and finds both lines by name (on Mẫu 02 and at "Nhận hồ sơ bổ sung"),
// gets one paper back as a 12-megapixel camera-app photo and the other only shown; the photo
// becomes one PDF through the digitizer, taken in with the receipt under its own line; the line
// without a paper needs the officer's note. After sync the gateway holds that PDF byte for byte
// and has recorded it on the dossier; no JPEG is in IndexedDB or in any request body.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { cameraJpegs, deviceStore, imageFilters, recordRequestBodies, sentBodies } from '../support/capture-probes';
import { useStage } from '../support/e2e-stage';
import { enrolWithDemoCode, prepareDevice, receiveKhaiSinh } from '../support/intake-flow';
import { generatePhoto } from '../support/photo-files';

const stage = useStage();

const CAMERA_APP = 'Chụp bằng ứng dụng máy ảnh';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const status = (page: Page) => page.locator('.dossier-summary .status-badge');

async function syncNow(page: Page) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 60_000 });
}

/** Waits until the line's page is stored and its PDF made from it. */
async function pdfReady(line: Locator) {
  await line.getByRole('heading', { name: 'Các trang (1)' }).waitFor({ timeout: 120_000 });
  await line
    .getByRole('status')
    .filter({ hasText: /^Tệp PDF/ })
    .waitFor({ timeout: 60_000 });
}

describe('receiving a supplement', () => {
  it('takes in, at another desk, a paper per line asked for: the brought paper as its PDF, a note for the paper only shown; the gateway gets the PDF byte for byte, never the photo', async () => {
    // Desk A receives the dossier and asks for two papers.
    const contextA = await newDevice(stage.browser, 'laptop');
    await contextA.addInitScript(recordRequestBodies);
    const a = await contextA.newPage();
    await prepareDevice(a, stage.gateway.url, 'Lò Thị Mai');
    // Desk A's contact phone, as an officer types it (spaces and all): Mẫu 02 names it at every desk.
    await a.getByRole('link', { name: 'Cài đặt', exact: true }).click();
    // A digit short first: refused with the reason, nothing saved (a wrong number would be printed and sent).
    await a.getByRole('textbox', { name: 'Số điện thoại liên hệ' }).fill('0209 387 012');
    await a.getByRole('button', { name: 'Lưu thông tin' }).click();
    await a.getByText('Số điện thoại không hợp lệ: Số máy bàn phải gồm 11 chữ số (kể cả mã vùng 02x).').waitFor();
    await a.getByText('Chưa lưu: sửa ô được đánh dấu.').waitFor();
    expect(await a.getByRole('textbox', { name: 'Số điện thoại liên hệ' }).getAttribute('aria-invalid')).toBe('true');
    await a.getByRole('textbox', { name: 'Số điện thoại liên hệ' }).fill(' 0209 3870 123 ');
    await a.getByRole('button', { name: 'Lưu thông tin' }).click();
    await a.getByText('Đã lưu.').waitFor();
    await enrolWithDemoCode(a, 'Máy tiếp nhận số 1');
    const code = await receiveKhaiSinh(a);

    await a.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await a.getByRole('link', { name: code, exact: true }).click();
    await a.getByRole('button', { name: 'Chuyển xử lý', exact: true }).click();
    await a.getByRole('button', { name: 'Xác nhận: Chuyển xử lý' }).click();
    await expect.poll(() => status(a).textContent()).toBe('Đang xử lý');

    await a.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).click();
    // No longer than the gateway takes: a pasted paragraph stops at the limit as it is typed.
    await a.getByRole('textbox', { name: 'Giấy tờ cần bổ sung 1' }).pressSequentially('x'.repeat(510), { delay: 0 });
    expect((await a.getByRole('textbox', { name: 'Giấy tờ cần bổ sung 1' }).inputValue()).length).toBe(500);
    await a.getByRole('textbox', { name: 'Giấy tờ cần bổ sung 1' }).fill('Giấy chứng sinh');
    await a.getByRole('textbox', { name: 'Lý do 1' }).fill('Bản chụp không đọc được');
    await a.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await a.getByRole('textbox', { name: 'Giấy tờ cần bổ sung 2' }).fill('Giấy tờ tùy thân của người đi khai');
    await a.getByRole('textbox', { name: 'Lý do 2' }).fill('Chưa xuất trình');
    await a.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung hồ sơ' }).click();
    await a.getByRole('article', { name: 'Mẫu 02' }).waitFor();
    await a.getByRole('link', { name: 'Về hồ sơ' }).first().click();
    await expect.poll(() => status(a).textContent()).toBe('Yêu cầu bổ sung giấy tờ');
    await syncNow(a);
    // The request went up with its lines, not only as the log's text.
    const request = (await sentBodies(a)).map((b) => b.toString('utf8')).find((b) => b.includes('"requestSupplement"'))!;
    const sentRequest = JSON.parse(request).entries.find((e: { payload: { action?: string } }) => e.payload.action === 'requestSupplement').payload;
    expect(sentRequest.items).toEqual([
      { name: 'Giấy chứng sinh', reason: 'Bản chụp không đọc được' },
      { name: 'Giấy tờ tùy thân của người đi khai', reason: 'Chưa xuất trình' },
    ]);
    expect(sentRequest.officerPhone).toBe('0209 3870 123');
    await contextA.close();

    // Desk B, another officer's tablet in the same commune, syncs and opens the dossier.
    const context = await newDevice(stage.browser, 'tablet');
    await context.addInitScript(recordRequestBodies);
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url, 'Hà Văn Xử');
    await enrolWithDemoCode(page, 'Máy tính bảng tổ một cửa');
    await syncNow(page);
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('link', { name: code, exact: true }).waitFor({ timeout: 60_000 }); // once the pull has written it
    await page.getByRole('link', { name: code, exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe('Yêu cầu bổ sung giấy tờ');
    const [photo] = await cameraJpegs(context, stage.gateway.url, [generatePhoto({ width: 3000, height: 4000, seed: 41, fill: 0.85 })]);
    expect(photo!.length).toBeGreaterThan(1_000_000);

    // Mẫu 02 can be printed here too, both lines and the officer who asked.
    await page.getByRole('link', { name: 'In phiếu yêu cầu bổ sung (Mẫu 02)' }).click();
    const paper = page.getByRole('article', { name: 'Mẫu 02' });
    await paper.waitFor();
    await paper.getByRole('row', { name: '1 Giấy chứng sinh Bản chụp không đọc được' }).waitFor();
    await paper.getByRole('row', { name: '2 Giấy tờ tùy thân của người đi khai Chưa xuất trình' }).waitFor();
    // The officer who asked: whom to call, and the signer.
    await paper.getByText(/liên hệ với Lò Thị Mai, số điện thoại 0209 3870 123 để được hướng dẫn/).waitFor();
    await paper.getByRole('region', { name: 'Chữ ký' }).getByText('Lò Thị Mai', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Về hồ sơ' }).first().click();

    // The citizen comes back to desk B: the birth certificate photographed with the camera app, the ID only shown.
    await page.getByRole('button', { name: 'Nhận hồ sơ bổ sung', exact: true }).click();
    const birth = page.getByRole('group', { name: 'Giấy tờ bổ sung 1: Giấy chứng sinh' });
    const identity = page.getByRole('group', { name: 'Giấy tờ bổ sung 2: Giấy tờ tùy thân của người đi khai' });
    await birth.getByText('Lý do yêu cầu bổ sung: Bản chụp không đọc được').waitFor();
    await identity.getByText('Lý do yêu cầu bổ sung: Chưa xuất trình').waitFor();
    expect(await page.getByRole('group', { name: /^Giấy tờ bổ sung \d+: Giấy tờ bổ sung$/ }).count()).toBe(0); // no generic line
    expect(await page.getByText(/Choose Files|No file chosen/).count()).toBe(0);
    await birth.getByLabel(CAMERA_APP, { exact: true }).setInputFiles({ name: 'IMG_0101.jpg', mimeType: 'image/jpeg', buffer: photo! });
    // Found with confidence the page is kept at once; otherwise the officer checks it first.
    const review = birth.getByRole('region', { name: /^Kiểm tra trang/ });
    const kept = birth.getByRole('heading', { name: 'Các trang (1)' });
    await expect.poll(async () => (await review.count()) + (await kept.count()), { timeout: 120_000 }).toBeGreaterThan(0);
    if ((await review.count()) > 0) await review.getByRole('button', { name: /^(Xong|Vẫn dùng trang này)$/ }).click();
    await pdfReady(birth);

    // A line with neither paper nor note is refused, and nothing changes.
    const confirm = page.getByRole('button', { name: 'Xác nhận: Nhận hồ sơ bổ sung' });
    await confirm.click();
    await page.getByRole('alert').filter({ hasText: 'Giấy tờ "Giấy tờ tùy thân của người đi khai" chưa có bản chụp' }).waitFor();
    expect(await status(page).textContent()).toBe('Yêu cầu bổ sung giấy tờ');
    await identity
      .getByRole('textbox', { name: 'Ghi chú cho "Giấy tờ tùy thân của người đi khai" (bắt buộc nếu không lưu bản chụp)' })
      .fill('Đã xuất trình CCCD bản chính để đối chiếu, đã trả lại');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi: Nhận hồ sơ bổ sung.' }).waitFor();
    await expect.poll(() => status(page).textContent()).toBe('Đang xử lý');

    // Both lines are answered: the paper shows with the dossier's others, under its line; the note is in the log.
    const files = page.getByRole('region', { name: 'Giấy tờ đã số hóa' });
    await files.getByRole('heading', { name: 'Giấy tờ bổ sung: Giấy chứng sinh' }).waitFor();
    await files.getByRole('button', { name: 'Mở Giấy chứng sinh (bổ sung).pdf' }).waitFor();
    const log = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Người xử lý' }) });
    await log.getByRole('row', { name: /Hà Văn Xử .*Nhận hồ sơ bổ sung — Giấy tờ tùy thân của người đi khai: Đã xuất trình CCCD bản chính/ }).waitFor();
    await log
      .getByRole('row', {
        name: /Lò Thị Mai .*Yêu cầu bổ sung hồ sơ — Giấy chứng sinh: Bản chụp không đọc được; Giấy tờ tùy thân của người đi khai: Chưa xuất trình/,
      })
      .waitFor();

    // One PDF, held by the dossier under line 1 of Mẫu 02; the capture's pages are gone; no photo stored.
    const store = await deviceStore(page);
    const dossier = store.dossiers.find((d) => d.code === code || d.provisionalCode === code)!;
    const papers = store.attachments.filter((a) => a.ownerId === dossier.id && a.componentIndex <= -2);
    expect(papers.map((a) => [a.componentIndex, a.type, a.name])).toEqual([[-2, 'application/pdf', 'Giấy chứng sinh (bổ sung).pdf']]);
    expect(store.attachments.filter((a) => a.ownerId.includes('#'))).toEqual([]);
    const pdf = store.files.find((f) => f.sha256 === papers[0]!.sha256)!.bytes;
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(imageFilters(pdf)).toEqual(['CCITTFaxDecode']);
    const probe = photo!.subarray(photo!.length >> 1, (photo!.length >> 1) + 64);
    expect(store.files.some((f) => f.sha256 === sha256(photo!))).toBe(false);
    for (const f of store.files) expect(f.bytes.includes(probe)).toBe(false);
    expect(store.files.some((f) => f.type === 'image/jpeg' || f.bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])))).toBe(false);

    // Sync: the PDF goes up byte for byte before the change naming it, and the gateway records it.
    await syncNow(page);
    expect(readFileSync(path.join(stage.gateway.dataDir, 'files', sha256(pdf))).equals(pdf)).toBe(true);
    const bodies = await sentBodies(page);
    expect(bodies.some((b) => b.equals(pdf) || b.includes(pdf))).toBe(true);
    expect(bodies.some((b) => b.includes(probe))).toBe(false);
    const push = bodies.map((b) => b.toString('utf8')).find((b) => b.includes('"receiveSupplement"'))!;
    expect(JSON.parse(push).entries.find((e: { payload: { action?: string } }) => e.payload.action === 'receiveSupplement').payload.papers).toEqual([
      { item: 0, sha256: sha256(pdf), name: 'Giấy chứng sinh (bổ sung).pdf', type: 'application/pdf', size: pdf.length },
    ]);
    // The gateway's copy of the dossier, pulled back, names the paper.
    await expect
      .poll(async () => (await deviceStore(page)).dossiers.find((d) => d.id === dossier.id)?.supplementPapers, { timeout: 30_000 })
      .toEqual([{ item: 0, sha256: sha256(pdf), name: 'Giấy chứng sinh (bổ sung).pdf', type: 'application/pdf', size: pdf.length, at: expect.any(String) }]);
    await context.close();
  }, 400_000);
});

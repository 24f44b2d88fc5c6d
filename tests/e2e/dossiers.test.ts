// The dossier desk, offline, end to end: a received dossier is sent to processing, asked once for
// a missing paper (Mẫu 02), resumed, finished with a result paper, returned and rated; the
// report counts it, and its CSV and XLSX files carry the same numbers as the screen.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStage } from '../support/e2e-stage';
import { parseCsv } from '../../src/domain/reports';
import { newDevice } from '../support/browser';
import { samplePdf } from '../support/sample-pdf';
import { prepareDevice, receiveKhaiSinh } from '../support/intake-flow';
import { expectVietnameseDates } from '../support/dates-on-screen';
import { watchFirstRows, type FirstRowsSeen } from '../support/list-milestones';

const stage = useStage();

/** Opens an action's form and confirms it. */
async function act(page: Page, action: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('button', { name: `Xác nhận: ${action}` }).click();
}

const status = (page: Page) => page.locator('.dossier-summary .status-badge');

/** The count and percent cells of one line of the report's table. */
async function reportLine(page: Page, label: string): Promise<[string, string]> {
  const row = page
    .getByRole('table', { name: 'Số liệu báo cáo' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  return [cells[0] ?? '', cells[1] ?? ''];
}

describe('the dossier desk, offline', () => {
  it('walks one dossier through a supplement request and a return, takes a rating, and reports it', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    await context.addInitScript(watchFirstRows);
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    await context.setOffline(true);
    const code = await receiveKhaiSinh(page);

    // The rows come first: the view counts and the filters' choices are read only once they are in
    // (a count walks its whole index range); a list shorter than a page is counted by its rows.
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('link', { name: code }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { firstRowsSeen: FirstRowsSeen }).firstRowsSeen)).toEqual({
      status: '1 hồ sơ',
      allView: 'Tất cả',
      choices: [11, 1, 1],
    });
    await page.getByRole('button', { name: 'Tất cả (1)' }).waitFor();
    await expect
      .poll(() => page.locator('.dossier-filters select').evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).options.length)))
      .toEqual([11, 2, 2]);

    // Found in the list by the name typed without accents.
    await page.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ, họ tên hoặc số định danh' }).fill('nguyen van mau');
    await page
      .getByRole('status')
      .filter({ hasText: /^1 hồ sơ$/ })
      .waitFor();
    await expectVietnameseDates(page, 'dossier list');
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await expect.poll(() => status(page).textContent()).toBe('Được tiếp nhận');
    expect(await page.getByText(/còn \d+ (giờ|phút) làm việc|còn \d+ ngày \d+ giờ làm việc|đã qua giờ hẹn/).count()).toBe(1);

    // Only what the state machine allows: no supplement request before processing starts.
    expect(await page.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).count()).toBe(0);
    await act(page, 'Chuyển xử lý');
    await expect.poll(() => status(page).textContent()).toBe('Đang xử lý');

    // The one supplement request, printed as Mẫu 02.
    await page.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).click();
    await page.getByRole('textbox', { name: 'Giấy tờ cần bổ sung 1' }).fill('Giấy chứng sinh');
    await page.getByRole('textbox', { name: 'Lý do 1' }).fill('Bản chụp không đọc được');
    await page.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung hồ sơ' }).click();
    const paper = page.getByRole('article', { name: 'Mẫu 02' });
    await paper.getByText('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ').waitFor();
    for (const text of [code, 'Nguyễn Văn Mẫu', 'Giấy chứng sinh', 'Bản chụp không đọc được', 'Lò Thị Mai']) {
      expect(await paper.getByText(text, { exact: false }).count(), text).toBeGreaterThan(0);
    }

    // While waiting it sits in "Chờ bổ sung".
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('button', { name: 'Chờ bổ sung (1)' }).click();
    await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
    await page.getByRole('button', { name: 'Chờ bổ sung (1)' }).click();
    await page.getByRole('link', { name: code }).click();
    await expect.poll(() => status(page).textContent()).toBe('Yêu cầu bổ sung giấy tờ');

    // The paper brought is only shown here (the photo path is tests/e2e/supplement.test.ts): the note says so.
    await page.getByRole('button', { name: 'Nhận hồ sơ bổ sung', exact: true }).click();
    await page.getByRole('textbox', { name: 'Ghi chú cho "Giấy chứng sinh" (bắt buộc nếu không lưu bản chụp)' }).fill('Xuất trình bản chính để đối chiếu');
    await page.getByRole('button', { name: 'Xác nhận: Nhận hồ sơ bổ sung' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi: Nhận hồ sơ bổ sung.' }).waitFor();
    await expect.poll(() => status(page).textContent()).toBe('Đang xử lý');
    // Asked once: the action is gone for good.
    expect(await page.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Hoàn thành xử lý (có kết quả)', exact: true }).waitFor();

    // The result paper: taken like every paper (a PDF chosen is checked by its bytes and kept as it is), then attached.
    await act(page, 'Hoàn thành xử lý (có kết quả)');
    await expect.poll(() => status(page).textContent()).toBe('Đã xử lý xong');
    const result = page.getByRole('region', { name: 'Giấy tờ kết quả', exact: true });
    await result
      .getByLabel('Chọn ảnh hoặc tệp PDF', { exact: true })
      .setInputFiles({ name: 'ket-qua.txt', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
    await result.getByRole('alert').filter({ hasText: 'không phải ảnh JPEG/PNG hay PDF' }).waitFor();
    await result.getByLabel('Chọn ảnh hoặc tệp PDF', { exact: true }).setInputFiles({
      name: 'giay-khai-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('Giấy khai sinh'),
    });
    await result
      .getByRole('status')
      .filter({ hasText: /^Tệp PDF/ })
      .waitFor();
    await result.getByRole('button', { name: 'Đính kèm giấy tờ kết quả vào hồ sơ' }).click();
    await page.getByText('Đã đính kèm giay-khai-sinh.pdf.').waitFor();
    await page.getByRole('button', { name: 'Mở giay-khai-sinh.pdf' }).click();
    expect(await page.getByTitle('Xem tệp giay-khai-sinh.pdf').getAttribute('src')).toMatch(/^blob:/);

    // Return: the citizen's screen comes up; "Không hài lòng" needs a reason.
    await act(page, 'Trả kết quả');
    const dialog = page.getByRole('dialog', { name: 'Đánh giá mức độ hài lòng' });
    await dialog.getByRole('button', { name: 'Không hài lòng' }).click();
    await dialog.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Xin cho biết lý do không hài lòng.' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Xin cho biết lý do không hài lòng (bắt buộc)' }).fill('Phải đi lại hai lần');
    await dialog.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await dialog.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
    await dialog.getByRole('link', { name: 'Xong' }).click();

    await expect.poll(() => status(page).textContent()).toBe('Đã trả kết quả');
    await page.getByText(/^Không hài lòng \(lúc/).waitFor();
    expect(['Trước hạn', 'Đúng hạn']).toContain(await page.locator('.dossier-summary dt:has-text("Kết quả giải quyết") + dd').textContent());
    // The processing log says who did what, in what role.
    const log = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Người xử lý' }) });
    expect(await log.getByRole('row').count()).toBe(7); // header + receive and five desk actions
    expect(await log.getByRole('row', { name: /Lò Thị Mai Cán bộ tiếp nhận Yêu cầu bổ sung hồ sơ — Giấy chứng sinh: Bản chụp không đọc được/ }).count()).toBe(
      1,
    );
    // Everything waits in the outbox for the gateway: the receipt, 5 moves, the result paper, the rating.
    await page.getByRole('link', { name: '8 thay đổi chờ đồng bộ' }).waitFor();
    await expectVietnameseDates(page, 'dossier page');

    // The report for this month counts it.
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /^Tình hình giải quyết hồ sơ từ/ }).waitFor();
    expect(await reportLine(page, 'Mới tiếp nhận trong kỳ')).toEqual(['1', '100 %']);
    expect(await reportLine(page, 'Đã giải quyết')).toEqual(['1', '100 %']);
    expect(await reportLine(page, 'Yêu cầu bổ sung hồ sơ')).toEqual(['1', '']);
    expect(await reportLine(page, 'Hồ sơ được số hóa thành phần khi tiếp nhận')).toEqual(['0', '0 %']);
    expect(await reportLine(page, 'Không hài lòng')).toEqual(['1', '100 %']);
    const early = (await reportLine(page, 'Giải quyết trước hạn'))[0];
    const onTime = (await reportLine(page, 'Giải quyết đúng hạn'))[0];
    expect(Number(early) + Number(onTime)).toBe(1);
    await page.getByText('Phải đi lại hai lần').waitFor();
    await expectVietnameseDates(page, 'report');

    // CSV: UTF-8 with BOM, the same numbers.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp CSV' }).click()]);
    const csvText = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const csv = new Map(parseCsv(csvText).map((r) => [r[0], r.slice(1)]));
    expect(csv.get('Mới tiếp nhận trong kỳ')).toEqual(['1', '100']);
    expect(csv.get('Yêu cầu bổ sung hồ sơ')).toEqual(['1', '']);
    expect(csv.get('Giải quyết trước hạn')?.[0]).toBe(early);
    expect(csv.get('Giải quyết đúng hạn')?.[0]).toBe(onTime);
    expect(csv.get('Không hài lòng')).toEqual(['1', '100']);
    expect(csv.get('Hộ tịch')?.slice(0, 2)).toEqual(['1', '1']); // by field: to handle, received

    // XLSX, read back with exceljs in Node: the same numbers, and the register.
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp Excel (XLSX)' }).click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^bao-cao-ho-so_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsxDownload.path())!);
    const sheet = book.getWorksheet('Báo cáo')!;
    const xlsx = new Map<string, unknown[]>();
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      xlsx.set(String(values[0]), values.slice(1));
    });
    expect(xlsx.get('Mới tiếp nhận trong kỳ')).toEqual([1, 100]);
    expect(xlsx.get('Yêu cầu bổ sung hồ sơ')?.[0]).toBe(1);
    expect(xlsx.get('Giải quyết trước hạn')?.[0]).toBe(Number(early));
    expect(xlsx.get('Không hài lòng')).toEqual([1, 100]);
    const register: string[] = [];
    book.getWorksheet('Sổ theo dõi')!.eachRow((row) => register.push(String((row.values as unknown[])[2])));
    expect(register).toEqual(['Mã hồ sơ', code]);

    // The register, printable.
    await page.getByRole('link', { name: 'Sổ theo dõi hồ sơ' }).click();
    await page.getByRole('cell', { name: code }).waitFor();
    await expectVietnameseDates(page, 'register');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'In sổ' }).isVisible()).toBe(false);
    expect(await page.getByRole('cell', { name: code }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });
});

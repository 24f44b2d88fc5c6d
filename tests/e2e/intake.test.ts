// Receiving a dossier at the desk with the network off: typed entry (a name mangled by the input
// method is caught), a reload mid-way that resumes the draft, a missing paper that blocks with a clear message, and the printed receipt; an address pasted past the gateway limit blocks receiving until shortened.
import { describe, expect, it } from 'vitest';
import { useStage } from '../support/e2e-stage';
import { newDevice } from '../support/browser';
import { item, prepareDevice } from '../support/intake-flow';
import { expectVietnameseDates } from '../support/dates-on-screen';

const stage = useStage();

describe('dossier intake, offline', () => {
  it('receives a typed khai sinh dossier, resumes after a reload, blocks a missing paper, prints the receipt', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    await context.setOffline(true);

    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();

    // Typed with the input method off: a warning with the name it meant, which one click takes.
    const name = page.getByRole('textbox', { name: 'Họ và tên' });
    await name.fill('Nguyeenx Vawn Maaux');
    const hint = page.getByRole('status').filter({ hasText: 'Có phải là “Nguyễn Văn Mẫu”?' });
    await hint.waitFor();
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Sửa thành “Nguyễn Văn Mẫu”' }).click();
    await expect.poll(() => name.inputValue()).toBe('Nguyễn Văn Mẫu');
    await hint.waitFor({ state: 'detached' });
    // Pasted in groups, as some documents print it: the spaces go, no digit is cut.
    const idNumber = page.getByRole('textbox', { name: 'Số định danh cá nhân (12 số)' });
    await idNumber.fill('001 099 000 001');
    expect(await idNumber.inputValue()).toBe('001099000001');
    await page.getByLabel('Ngày sinh').fill('1999-03-15');
    await page.getByRole('combobox', { name: 'Giới tính' }).selectOption('Nam');
    await page.getByRole('textbox', { name: 'Nơi cư trú' }).fill('Thôn Nà Pồ, xã Bản Mẫu');
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 345 678');

    // A reload (or a crash) in the middle: the draft comes back where it was.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Họ và tên' }).inputValue()).toBe('Nguyễn Văn Mẫu');
    expect(await page.getByRole('textbox', { name: 'Nơi cư trú' }).inputValue()).toBe('Thôn Nà Pồ, xã Bản Mẫu');

    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
    await item(page, 'Tờ khai đăng ký khai sinh').getByRole('checkbox', { name: 'Đã nhận' }).check();
    await item(page, 'Xuất trình giấy tờ tùy thân').getByRole('checkbox', { name: 'Đã nhận' }).check();
    // Giấy chứng sinh is left out on purpose.
    await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Hồ sơ chưa đủ' });
    await problems.getByText(/Thiếu giấy tờ bắt buộc: Giấy chứng sinh/).waitFor();
    expect(await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Yêu cầu bổ sung (in Mẫu 02)' }).waitFor();

    await page.getByRole('button', { name: /Thành phần hồ sơ/ }).click();
    await item(page, 'Giấy chứng sinh').getByRole('checkbox', { name: 'Đã nhận' }).check();
    await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
    await page.getByText('Hồ sơ đủ thành phần theo quy định.').waitFor();
    await page.getByText(/^Ngày hẹn trả dự kiến: /).waitFor();
    await expectVietnameseDates(page, 'review step');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();

    const heading = page.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / });
    await heading.waitFor();
    const code = (await heading.textContent())!.replace('Đã tiếp nhận hồ sơ ', '');
    expect(code).toMatch(/^000\.00\.12\.H38-\d{6}-\d{4}$/);

    // The printed paper, checked on the rendered page.
    const paper = page.locator('.print-frame');
    await paper.getByText('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ').waitFor();
    for (const text of [code, 'Nguyễn Văn Mẫu', '001099000001', 'Thủ tục đăng ký khai sinh', 'Giấy chứng sinh', 'Lò Thị Mai']) {
      expect(await paper.getByText(text, { exact: false }).count(), text).toBeGreaterThan(0);
    }
    await expect.poll(() => paper.locator('svg').count()).toBeGreaterThan(0);
    // The time limit as the desk applies it, without the catalogue's research notes ("(DVCQG)", "Luật: …").
    await paper.getByText('3. Thời gian giải quyết hồ sơ theo quy định là: Trong ngày làm việc').waitFor();
    expect(await paper.getByText(/DVCQG|Luật:/).count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The dossier waits to sync and is listed; the draft is gone.
    await page.getByRole('link', { name: /1 thay đổi chờ đồng bộ/ }).waitFor();
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('link', { name: code }).waitFor();
    await page.getByText('Không có hồ sơ nào đang nhập dở.').waitFor();
    await context.close();
  });

  it('refuses at the desk an address pasted past the gateway limit, and receives once it is shortened', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    await context.setOffline(true);

    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('combobox', { name: 'Thủ tục cần tiếp nhận' }).selectOption({ label: 'Thủ tục đăng ký khai sinh (1.001193)' });
    await page.getByRole('button', { name: 'Bắt đầu tiếp nhận' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Hoàng Thị Lan');
    await page.getByRole('textbox', { name: 'Số định danh cá nhân (12 số)' }).fill('001199000005');
    await page.getByLabel('Ngày sinh').fill('1999-03-15');
    await page.getByRole('combobox', { name: 'Giới tính' }).selectOption('Nữ');

    // A paste of a whole form's text: tabs, markup and a zero-width space, 501 characters in all.
    const pasted = `${'Thôn Nà Pồ, xã Bản Mẫu, huyện Mẫu Sơn;\t<b>ghi chú</b>\u200b '.repeat(10)}`.slice(0, 501);
    expect(pasted).toHaveLength(501);
    const address = page.getByRole('textbox', { name: 'Nơi cư trú' });
    await address.focus();
    await page.keyboard.insertText(pasted);
    // Kept whole (not cut to fit), marked, and the officer is told which box and what limit.
    expect(await address.inputValue()).toBe(pasted);
    const told = 'Người nộp: ô "Nơi cư trú" dài 501 ký tự, quá giới hạn 500 ký tự máy chủ nhận. Hãy rút gọn (kiểm tra lại nội dung vừa dán).';
    await page.getByText(told).waitFor();
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
    for (const paper of ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Xuất trình giấy tờ tùy thân']) {
      await item(page, paper).getByRole('checkbox', { name: 'Đã nhận' }).check();
    }
    await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Hồ sơ chưa đủ' });
    await problems.getByText(told).waitFor();
    expect(await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).isDisabled()).toBe(true);

    // Shortened to what the address really is: the block goes and the dossier is received.
    await page
      .getByRole('button', { name: /Người nộp/ })
      .first()
      .click();
    await address.fill('Thôn Nà Pồ, xã Bản Mẫu, huyện Mẫu Sơn, tỉnh Lạng Sơn');
    await page.getByText(told).waitFor({ state: 'detached' });
    expect(await address.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: /Kiểm tra và tiếp nhận/ }).click();
    await page.getByText('Hồ sơ đủ thành phần theo quy định.').waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / }).waitFor();
    await context.close();
  });
});

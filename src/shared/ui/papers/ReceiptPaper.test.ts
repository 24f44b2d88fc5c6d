// The receipt and appointment paper (Mẫu 01) carries every field of DOMAIN.md §9, marks a
// provisional code, and prints Vietnam's wall-clock times whatever the machine's time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQrSvg } from './qr-svg';
import { PROVISIONAL_NOTE, ReceiptPaper, STATUS_QR_CAPTION } from './ReceiptPaper';
import { html, sampleReceipt, textOf } from './test-support';

const originalTz = process.env.TZ;
beforeAll(() => {
  // A machine on the other side of the world: a local-time formatter would print the wrong day.
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe('ReceiptPaper', () => {
  it('prints every field of the receipt and appointment paper', async () => {
    const qrSvg = await loadQrSvg(sampleReceipt.qrText);
    const markup = html(ReceiptPaper, { ...sampleReceipt, qrSvg });
    const text = textOf(markup);

    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('UBND TỈNH LÀO CAI');
    expect(text).toContain('UBND XÃ BẢN MẪU');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Mã hồ sơ: 000.00.12.H38-250701-0007');
    expect(text).toContain('Bộ phận tiếp nhận và trả kết quả UBND xã Bản Mẫu');
    expect(text).toContain('Tiếp nhận hồ sơ của: Ông/bà NGUYỄN VĂN MẪU');
    expect(text).toContain('Số định danh cá nhân/CCCD: 001099000001');
    expect(text).toContain('Địa chỉ: Số 1 Đường Thử Nghiệm, xã Bản Mẫu, tỉnh Lào Cai');
    expect(text).toContain('Số điện thoại: 0912345678');
    expect(text).toContain('Email: mau.nv@example.vn');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã thủ tục 1.001193)');
    expect(text).toContain('2. Số lượng hồ sơ: 01 bộ');
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: Trong ngày làm việc');
    expect(text).toContain('6. Đăng ký nhận kết quả tại: Bộ phận Một cửa UBND xã Bản Mẫu');
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text.match(/\(Ký và ghi rõ họ tên\)/g)).toHaveLength(2);
    expect(text).toContain('Trần Thị Tiếp Nhận');
    expect(text).not.toContain('MÃ TẠM');

    // The lookup QR is drawn, and sits at the top left: before the unit block and the motto.
    expect(markup).toContain('aria-label="Mã QR tra cứu hồ sơ"');
    const qrAt = markup.indexOf('paper-qr--corner');
    expect(qrAt).toBeGreaterThan(-1);
    expect(markup.indexOf('<svg', qrAt)).toBeGreaterThan(qrAt);
    expect(qrAt).toBeLessThan(markup.indexOf('paper-header__unit'));
    expect(markup.indexOf('paper-header__unit')).toBeLessThan(markup.indexOf('paper-header__nation'));
  });

  it('lists each component with its originals, certified copies and photocopies', () => {
    const markup = html(ReceiptPaper, sampleReceipt);
    const rows = [...markup.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => textOf(c[1] ?? '')));
    expect(rows[0]).toEqual(['STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao', 'Bản photo']);
    expect(rows).toHaveLength(1 + 7);
    expect(rows[3]).toEqual(['3', 'Giấy chứng nhận kết hôn của cha, mẹ', '–', '1', '–']);
    expect(rows[6]).toEqual(['6', 'Giấy tờ chứng minh nơi cư trú', '–', '–', '2']);
  });

  it('prints receipt and appointment times on Vietnam time, not the machine time zone', () => {
    expect(new Date(sampleReceipt.receivedAt).getDate()).toBe(30); // 30 June, 22:15 in New York
    const text = textOf(html(ReceiptPaper, sampleReceipt));
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 01 tháng 7 năm 2025');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 01 tháng 7 năm 2025');

    const acrossMidnight = textOf(html(ReceiptPaper, { ...sampleReceipt, receivedAt: '2025-01-31T17:30:00Z' }));
    expect(acrossMidnight).toContain('Thời gian nhận hồ sơ: 00 giờ 30 phút, ngày 01 tháng 02 năm 2025');
  });

  it('marks a provisional code clearly', () => {
    const markup = html(ReceiptPaper, { ...sampleReceipt, dossierCode: 'TAM-AB12-250701-0003', provisional: true });
    const text = textOf(markup);
    expect(text).toContain('Mã hồ sơ: TAM-AB12-250701-0003');
    expect(text).toContain(`MÃ TẠM ${PROVISIONAL_NOTE}`);
    expect(PROVISIONAL_NOTE).toBe('Mã tạm – sẽ được thay bằng mã chính thức khi đồng bộ');
  });

  it('leaves a hand-fill blank for missing contact details and an invalid time', () => {
    const text = textOf(
      html(ReceiptPaper, {
        ...sampleReceipt,
        applicant: { fullName: 'Lò Thị Mai' },
        dueAt: 'not a date',
      }),
    );
    expect(text).toContain('Email: ……');
    expect(text).toContain('Số định danh cá nhân/CCCD: ……');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: …… giờ …… phút, ngày …… tháng …… năm ……');
  });

  it('shows a placeholder until the QR is drawn, and the chosen size', () => {
    const markup = html(ReceiptPaper, { ...sampleReceipt, size: 'A5', copy: 'applicant' });
    expect(markup).toContain('paper--a5');
    expect(markup).not.toContain('<svg');
    expect(textOf(markup)).toContain('Đang tạo mã QR…');
    expect(textOf(markup)).toContain('(Liên: Giao người nộp hồ sơ)');
  });

  it('adds a small status-page QR with its caption when given the address, and leaves the legal QR as it was', () => {
    const url = 'https://motcua.example.vn/tra-cuu-ho-so?ma=000.00.12.H38-250701-0007';
    const without = html(ReceiptPaper, sampleReceipt);
    expect(without).not.toContain(STATUS_QR_CAPTION);
    const markup = html(ReceiptPaper, { ...sampleReceipt, statusUrl: url });
    expect(STATUS_QR_CAPTION).toBe('Quét để tra cứu tình trạng hồ sơ');
    expect(textOf(markup)).toContain(STATUS_QR_CAPTION);
    expect(markup).toContain('aria-label="Mã QR tra cứu tình trạng hồ sơ"');
    expect(markup).toContain(`data-url="${url}"`);
    // The legal QR at the top left is the same element as before, holding the same text.
    const corner = (m: string) => m.slice(m.indexOf('paper-qr--corner') - 20, m.indexOf('paper-header__unit'));
    expect(corner(markup)).toBe(corner(without));
    // Beside the appointment: after item 6, before the signatures.
    expect(markup.indexOf('paper-status-qr')).toBeGreaterThan(markup.indexOf('6. Đăng ký nhận kết quả tại'));
  });
});

// Mẫu 02 lists what is missing and why, Mẫu 03 gives the reason, the fee receipt reads its
// amount in words and refuses a total that does not add up, and the VietQR block carries a
// valid NAPAS payload marked as awaiting reconciliation.
import { describe, expect, it } from 'vitest';
import { parseVietQr } from '../../../domain/payment';
import { FeeReceiptPaper } from './FeeReceiptPaper';
import { loadQrSvg } from './qr-svg';
import { RefusalPaper } from './RefusalPaper';
import { SupplementRequestPaper } from './SupplementRequestPaper';
import { demoUnit, html, sampleReceipt, textOf } from './test-support';
import { TransferQr } from './TransferQr';
import type { FeeReceiptPaperProps } from './types';

const issuedAt = '2025-03-04T08:00:00Z'; // 15:00, 4 March 2025 in Vietnam

describe('SupplementRequestPaper (Mẫu 02)', () => {
  it('lists each missing paper with its reason, and whom to call', () => {
    const markup = html(SupplementRequestPaper, {
      size: 'A4',
      unit: demoUnit,
      dossierCode: '000.00.12.H38-250304-0012',
      applicant: sampleReceipt.applicant,
      procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
      missing: [
        { name: 'Giấy chứng sinh', reason: 'Bản nộp là bản photo không chứng thực' },
        { name: 'Giấy chứng nhận kết hôn của cha, mẹ', reason: 'Họ tên người mẹ không khớp với tờ khai' },
      ],
      officer: { fullName: 'Trần Thị Tiếp Nhận', phone: '0203 3812 345' },
      issuedAt,
    });
    const text = textOf(markup);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Bản Mẫu, ngày 04 tháng 3 năm 2025');
    expect(text).toContain('Mã hồ sơ: 000.00.12.H38-250304-0012');
    expect(text).toContain('Hồ sơ của: Ông/bà NGUYỄN VĂN MẪU');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã thủ tục 1.001193)');
    const rows = [...markup.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => textOf(c[1] ?? '')));
    expect(rows).toEqual([
      ['STT', 'Giấy tờ cần bổ sung, hoàn thiện', 'Lý do'],
      ['1', 'Giấy chứng sinh', 'Bản nộp là bản photo không chứng thực'],
      ['2', 'Giấy chứng nhận kết hôn của cha, mẹ', 'Họ tên người mẹ không khớp với tờ khai'],
    ]);
    expect(text).toContain('liên hệ với Trần Thị Tiếp Nhận, số điện thoại 0203 3812 345 để được hướng dẫn');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên)');
  });
});

describe('RefusalPaper (Mẫu 03)', () => {
  it('states the reason for refusing', () => {
    const text = textOf(
      html(RefusalPaper, {
        size: 'A5',
        unit: demoUnit,
        applicant: { fullName: 'Lò Thị Mai', address: 'Bản Nà, xã Bản Mẫu' },
        procedure: { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch' },
        reason: 'Việc hộ tịch được đăng ký tại xã khác; đề nghị liên hệ UBND nơi đã đăng ký.',
        officer: { fullName: 'Trần Thị Tiếp Nhận' },
        issuedAt,
      }),
    );
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Tiếp nhận hồ sơ của: Ông/bà LÒ THỊ MAI');
    expect(text).toContain(
      'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: Việc hộ tịch được đăng ký tại xã khác; đề nghị liên hệ UBND nơi đã đăng ký.',
    );
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Trần Thị Tiếp Nhận');
  });
});

const fee: FeeReceiptPaperProps = {
  size: 'A5',
  unit: { ...demoUnit, taxCode: '5300123456', formSymbol: '01BLP0-001', serialSymbol: 'BM-25T' },
  number: '0000123',
  lines: [
    { label: 'Phí chứng thực bản sao (3 trang)', quantity: 2, unitPrice: 5000, amount: 10000 },
    { label: 'Lệ phí cấp bản sao trích lục hộ tịch', quantity: 1, unitPrice: 8000, amount: 8000 },
  ],
  total: 18000,
  payer: { fullName: 'Nguyễn Văn Mẫu', idNumber: '001099000001' },
  dossierCode: '000.00.12.H38-250304-0012',
  method: 'cash',
  issuedAt,
};

describe('FeeReceiptPaper', () => {
  it('prints the unit, symbols, lines, total in figures and in words, and the method', () => {
    const text = textOf(html(FeeReceiptPaper, fee));
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('UBND XÃ BẢN MẪU');
    expect(text).toContain('Mã số thuế: 5300123456');
    expect(text).toContain('Mẫu số: 01BLP0-001');
    expect(text).toContain('Ký hiệu: BM-25T');
    expect(text).toContain('Số: 0000123');
    expect(text).toContain('Ngày 04 tháng 3 năm 2025');
    expect(text).toContain('Họ tên người nộp tiền: NGUYỄN VĂN MẪU');
    expect(text).toContain('Mã hồ sơ: 000.00.12.H38-250304-0012');
    expect(text).toContain('1 Phí chứng thực bản sao (3 trang) 2 5.000 đ 10.000 đ');
    expect(text).toContain('Tổng cộng 18.000 đ');
    expect(text).toContain('Số tiền bằng chữ: Mười tám nghìn đồng.');
    expect(text).toContain('Hình thức thanh toán: Tiền mặt');
    expect(text).not.toContain('đối soát');
  });

  it('marks a transfer as awaiting reconciliation', () => {
    const text = textOf(html(FeeReceiptPaper, { ...fee, method: 'transfer' }));
    expect(text).toContain('Hình thức thanh toán: Chuyển khoản (chờ đối soát)');
  });

  it('refuses to print a total that is not the sum of its lines', () => {
    const markup = html(FeeReceiptPaper, { ...fee, total: 20000 });
    expect(markup).toContain('role="alert"');
    expect(markup).not.toContain('BIÊN LAI THU PHÍ');
    expect(textOf(markup)).toContain('Tổng số tiền (20000) không bằng tổng các dòng (18000).');
    expect(textOf(html(FeeReceiptPaper, { ...fee, lines: [], total: 0 }))).toContain('chưa có khoản phí');
    expect(textOf(html(FeeReceiptPaper, { ...fee, total: 18000.5 }))).toContain('Tổng số tiền phải là số đồng nguyên');
  });
});

describe('TransferQr', () => {
  const transfer = {
    bankBin: '970415',
    accountNumber: '113366668888',
    accountName: 'UBND xã Bản Mẫu',
    amount: 18000,
    purpose: 'Lệ phí hồ sơ 0012',
    billNumber: '000.00.12.H38-250304-0012',
  };

  it('carries a VietQR payload that reads back as the same transfer, with the amount and the pending note', async () => {
    const probe = html(TransferQr, transfer);
    const payload = /data-payload="([^"]+)"/.exec(probe)?.[1] ?? '';
    const parsed = parseVietQr(payload);
    expect(parsed).toEqual({
      ok: true,
      value: {
        bankBin: '970415',
        accountNumber: '113366668888',
        toCard: false,
        initiation: 'dynamic',
        amount: 18000,
        billNumber: '000.00.12.H38-250304-0012',
        purpose: 'Le phi ho so 0012',
      },
    });

    const markup = html(TransferQr, { ...transfer, qrSvg: await loadQrSvg(payload) });
    const text = textOf(markup);
    expect(markup).toContain('<svg');
    expect(text).toContain('Số tiền 18.000 đ');
    expect(text).toContain('Số tài khoản 113366668888');
    expect(text).toContain('Chủ tài khoản UBND XÃ BẢN MẪU');
    expect(text).toContain('Chờ đối soát:');
  });

  it('says why when the transfer details cannot make a VietQR', () => {
    const markup = html(TransferQr, { ...transfer, bankBin: '9704' });
    expect(markup).toContain('role="alert"');
    expect(textOf(markup)).toContain('Mã BIN ngân hàng phải gồm 6 chữ số.');
  });
});

import { describe, it, expect } from 'vitest';
import { crc16CcittFalse } from './crc16';
import { buildVietQr, parseVietQr, foldToAscii } from './vietqr';
import { decodeTlv } from './tlv';
import { PaymentErrorCode } from './errors';

// As printed in the NAPAS spec and in DOMAIN.md §8. Its CRC is right, but inside template
// 38/01 the account sub-field declares length 12 for the 13-character "0011012345678".
const NAPAS_SPEC_VECTOR = '00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5';
// The same QR with the length written correctly (0113), which is what a correct encoder emits.
const NAPAS_STATIC_ACCOUNT = '00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F';
const NAPAS_STATIC_CARD = '00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52';
const NAPAS_DYNAMIC =
  '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E';

function codes(r: { ok: true } | { ok: false; errors: { code: string }[] }): string[] {
  return r.ok ? [] : r.errors.map((e) => e.code);
}

describe('crc16CcittFalse', () => {
  it('matches the standard check value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('gives FFFF for nothing and pads to four digits', () => {
    expect(crc16CcittFalse('')).toBe('FFFF');
    expect(crc16CcittFalse('A')).toBe('B915');
  });

  it('reproduces the CRC of the NAPAS spec vector', () => {
    expect(crc16CcittFalse(NAPAS_SPEC_VECTOR.slice(0, -4))).toBe('F4E5');
  });
});

describe('buildVietQr', () => {
  it('builds the NAPAS static-to-account example (bank 970403, account 0011012345678)', () => {
    expect(buildVietQr({ bankBin: '970403', accountNumber: '0011012345678' })).toEqual({
      ok: true,
      value: NAPAS_STATIC_ACCOUNT,
    });
  });

  it('differs from the printed spec vector only by the corrected length and so the CRC', () => {
    const built = buildVietQr({ bankBin: '970403', accountNumber: '0011012345678' });
    expect(built.ok && built.value.replace('0113', '0112').slice(0, -4)).toBe(NAPAS_SPEC_VECTOR.slice(0, -4));
  });

  it('builds the NAPAS static-to-card example', () => {
    const r = buildVietQr({ bankBin: '970403', accountNumber: '9704031101234567', toCard: true });
    expect(r.ok && r.value).toBe(NAPAS_STATIC_CARD);
  });

  it('builds the NAPAS dynamic example with amount, bill number and purpose', () => {
    const r = buildVietQr({
      bankBin: '970403',
      accountNumber: '0011012345678',
      amount: 180000,
      billNumber: 'NPS6869',
      purpose: 'thanh toan don hang',
    });
    expect(r.ok && r.value).toBe(NAPAS_DYNAMIC);
  });

  it('folds Vietnamese diacritics in the purpose to ASCII', () => {
    expect(foldToAscii('Lệ phí  Đăng ký khai sinh')).toBe('Le phi Dang ky khai sinh');
    const r = buildVietQr({ bankBin: '970415', accountNumber: '113000006100', amount: 8000, purpose: 'Phí trích lục' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toContain('0813Phi trich luc');
      expect(parseVietQr(r.value)).toEqual({
        ok: true,
        value: {
          bankBin: '970415',
          accountNumber: '113000006100',
          toCard: false,
          initiation: 'dynamic',
          amount: 8000,
          purpose: 'Phi trich luc',
        },
      });
    }
  });

  it('carries a full dossier code (25 characters) as bill number', () => {
    const r = buildVietQr({ bankBin: '970415', accountNumber: '113000006100', billNumber: '000.00.12.H56-250701-0001' });
    expect(r.ok && parseVietQr(r.value)).toMatchObject({ ok: true, value: { billNumber: '000.00.12.H56-250701-0001' } });
  });

  it('rejects bad input, all problems at once', () => {
    const r = buildVietQr({ bankBin: '97040', accountNumber: '0011-0123', amount: 0, purpose: 'x'.repeat(26) });
    expect(codes(r)).toEqual([PaymentErrorCode.VietQrBankBin, PaymentErrorCode.VietQrAccount, PaymentErrorCode.VietQrAmount, PaymentErrorCode.VietQrPurpose]);
    expect(codes(buildVietQr({ bankBin: '970403', accountNumber: '0011012345678', amount: 1.5 }))).toEqual([PaymentErrorCode.VietQrAmount]);
    expect(codes(buildVietQr({ bankBin: '970403', accountNumber: '1234', toCard: true }))).toEqual([PaymentErrorCode.VietQrAccount]);
  });
});

describe('parseVietQr', () => {
  it('reads the static account QR back', () => {
    expect(parseVietQr(NAPAS_STATIC_ACCOUNT)).toEqual({
      ok: true,
      value: { bankBin: '970403', accountNumber: '0011012345678', toCard: false, initiation: 'static' },
    });
  });

  it('reads the card and dynamic examples', () => {
    expect(parseVietQr(NAPAS_STATIC_CARD)).toMatchObject({
      ok: true,
      value: { accountNumber: '9704031101234567', toCard: true },
    });
    expect(parseVietQr(`${NAPAS_DYNAMIC}\r\n`)).toEqual({
      ok: true,
      value: {
        bankBin: '970403',
        accountNumber: '0011012345678',
        toCard: false,
        initiation: 'dynamic',
        amount: 180000,
        billNumber: 'NPS6869',
        purpose: 'thanh toan don hang',
      },
    });
  });

  it('accepts the CRC of the printed spec vector but reports its malformed account length', () => {
    const r = parseVietQr(NAPAS_SPEC_VECTOR);
    expect(r.ok ? null : r.errors.map((e) => [e.field, e.code])).toEqual([['38.01', PaymentErrorCode.VietQrMalformed]]);
  });

  it('rejects a tampered CRC', () => {
    expect(codes(parseVietQr(NAPAS_STATIC_ACCOUNT.replace(/9E6F$/, '9E6E')))).toEqual([PaymentErrorCode.VietQrCrcMismatch]);
  });

  it('rejects a tampered account number even though the structure is intact', () => {
    const tampered = NAPAS_STATIC_ACCOUNT.replace('0011012345678', '0011012345679');
    expect(codes(parseVietQr(tampered))).toEqual([PaymentErrorCode.VietQrCrcMismatch]);
  });

  it('rejects a tampered amount', () => {
    expect(codes(parseVietQr(NAPAS_DYNAMIC.replace('5406180000', '5406980000')))).toEqual([PaymentErrorCode.VietQrCrcMismatch]);
  });

  it('rejects text that is not a VietQR', () => {
    expect(codes(parseVietQr(''))).toEqual([PaymentErrorCode.VietQrEmpty]);
    expect(codes(parseVietQr('001099000001||NGUYỄN VĂN MẪU|15031999|Nam|Hà Nội|01072021'))).toEqual([PaymentErrorCode.VietQrMalformed]);
    expect(codes(parseVietQr('000201010211'))).toEqual([PaymentErrorCode.VietQrCrcMissing]);
  });

  it('rejects an EMVCo QR of another scheme (no NAPAS template 38)', () => {
    const body = '000201010211' + '26080004TEST' + '5303704' + '5802VN' + '6304';
    expect(codes(parseVietQr(body + crc16CcittFalse(body)))).toEqual([PaymentErrorCode.VietQrNotVietQr]);
  });
});

describe('decodeTlv', () => {
  it('splits fields and refuses a length running past the end', () => {
    expect(decodeTlv('0002010102115802VN')).toEqual([
      { id: '00', value: '01' },
      { id: '01', value: '11' },
      { id: '58', value: 'VN' },
    ]);
    expect(decodeTlv('0005AB')).toBeNull();
  });
});

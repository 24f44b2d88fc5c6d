// VietQR (NAPAS 247 bank-transfer QR, EMVCo merchant-presented format): build the payload the
// receipt prints so a citizen can pay fees by bank app, and read one back (e.g. the commune's
// printed account QR, scanned to configure the desk).

import { crc16CcittFalse } from './crc16';
import { PaymentErrorCode } from './errors';
import type { FieldError, Result } from './result';
import { decodeTlv, findTlv, tlv } from './tlv';

/** NAPAS application identifier in template 38. */
export const NAPAS_GUID = 'A000000727';
/** Service codes in 38/02: transfer to an account, or to a card number. */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
export const SERVICE_TO_CARD = 'QRIBFTTC';
/** ISO 4217 numeric code of the đồng, field 53. */
export const CURRENCY_VND = '704';

/** EMVCo limits bill number (62/01) and purpose (62/08) to 25 characters. */
export const MAX_ADDITIONAL_DATA_LENGTH = 25;

export interface VietQrInput {
  /** 6-digit NAPAS bank identification number, e.g. 970403 (Sacombank), 970415 (VietinBank). */
  bankBin: string;
  /** Account number, or card number when `toCard`. */
  accountNumber: string;
  toCard?: boolean;
  /** Whole đồng. With an amount the QR is "dynamic" (01 = 12) and the bank app pre-fills it. */
  amount?: number;
  /** E.g. the dossier code, so the bank statement can be reconciled against the dossier. */
  billNumber?: string;
  /** Free text shown in the transfer; diacritics are folded to ASCII because banks reject them. */
  purpose?: string;
}

export interface VietQrData {
  bankBin: string;
  accountNumber: string;
  toCard: boolean;
  /** 'static' (01 = 11, payer types the amount) or 'dynamic' (01 = 12). */
  initiation: 'static' | 'dynamic';
  amount?: number;
  billNumber?: string;
  purpose?: string;
}

type Errors = FieldError<PaymentErrorCode>[];

/** Build the payload text (to be rendered as a QR code). Field order follows the NAPAS spec. */
export function buildVietQr(input: VietQrInput): Result<string, PaymentErrorCode> {
  const errors: Errors = [];
  const toCard = input.toCard === true;

  if (!/^\d{6}$/.test(input.bankBin)) {
    errors.push({ field: 'bankBin', code: PaymentErrorCode.VietQrBankBin, message: 'Mã BIN ngân hàng phải gồm 6 chữ số.' });
  }
  const accountOk = toCard ? /^\d{16,19}$/.test(input.accountNumber) : /^[0-9A-Za-z]{1,19}$/.test(input.accountNumber);
  if (!accountOk) {
    errors.push({
      field: 'accountNumber',
      code: PaymentErrorCode.VietQrAccount,
      message: toCard ? 'Số thẻ phải gồm 16 đến 19 chữ số.' : 'Số tài khoản chỉ gồm chữ số hoặc chữ cái không dấu, tối đa 19 ký tự.',
    });
  }
  if (input.amount !== undefined && !(Number.isSafeInteger(input.amount) && input.amount > 0 && String(input.amount).length <= 13)) {
    errors.push({
      field: 'amount',
      code: PaymentErrorCode.VietQrAmount,
      message: 'Số tiền phải là số nguyên dương (đồng), tối đa 13 chữ số.',
    });
  }
  const billNumber = input.billNumber === undefined ? undefined : input.billNumber.trim();
  if (billNumber !== undefined && !isShortAscii(billNumber)) {
    errors.push({
      field: 'billNumber',
      code: PaymentErrorCode.VietQrBillNumber,
      message: `Số hóa đơn/mã tham chiếu chỉ gồm ký tự không dấu, tối đa ${MAX_ADDITIONAL_DATA_LENGTH} ký tự.`,
    });
  }
  const purpose = input.purpose === undefined ? undefined : foldToAscii(input.purpose);
  if (purpose !== undefined && !isShortAscii(purpose)) {
    errors.push({
      field: 'purpose',
      code: PaymentErrorCode.VietQrPurpose,
      message: `Nội dung chuyển khoản tối đa ${MAX_ADDITIONAL_DATA_LENGTH} ký tự (sau khi bỏ dấu).`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const account = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', toCard ? SERVICE_TO_CARD : SERVICE_TO_ACCOUNT);
  const additional = (billNumber ? tlv('01', billNumber) : '') + (purpose ? tlv('08', purpose) : '');

  const body =
    tlv('00', '01') +
    tlv('01', input.amount !== undefined ? '12' : '11') +
    tlv('38', account) +
    tlv('53', CURRENCY_VND) +
    (input.amount !== undefined ? tlv('54', String(input.amount)) : '') +
    tlv('58', 'VN') +
    (additional ? tlv('62', additional) : '') +
    '6304';
  return { ok: true, value: body + crc16CcittFalse(body) };
}

/**
 * Read a VietQR payload. The CRC is checked first: a mismatch means a misread or a tampered
 * sticker, and nothing else in the text can then be trusted.
 */
export function parseVietQr(text: string): Result<VietQrData, PaymentErrorCode> {
  const payload = text.trim();
  if (payload === '') return qrError(PaymentErrorCode.VietQrEmpty, 'Chưa có nội dung mã QR.');

  const top = decodeTlv(payload);
  if (top === null) {
    return qrError(PaymentErrorCode.VietQrMalformed, 'Mã QR không đúng cấu trúc EMVCo (độ dài trường sai).');
  }
  const last = top[top.length - 1];
  if (last?.id !== '63' || !/^[0-9A-Fa-f]{4}$/.test(last.value)) {
    return qrError(PaymentErrorCode.VietQrCrcMissing, 'Mã QR thiếu mã kiểm tra (trường 63) ở cuối.');
  }
  const expected = crc16CcittFalse(payload.slice(0, -4));
  if (last.value.toUpperCase() !== expected) {
    return qrError(PaymentErrorCode.VietQrCrcMismatch, 'Mã kiểm tra của mã QR không khớp: mã bị đọc sai hoặc đã bị sửa. Không dùng mã này.');
  }
  if (findTlv(top, '00') !== '01') {
    return qrError(PaymentErrorCode.VietQrNotVietQr, 'Không phải mã QR thanh toán theo chuẩn EMVCo.');
  }

  const account = decodeTlv(findTlv(top, '38') ?? '');
  if (account === null || findTlv(account, '00') !== NAPAS_GUID) {
    return qrError(PaymentErrorCode.VietQrNotVietQr, 'Không phải mã VietQR chuyển khoản NAPAS (thiếu trường 38).');
  }
  const service = findTlv(account, '02');
  if (service !== SERVICE_TO_ACCOUNT && service !== SERVICE_TO_CARD) {
    return qrError(PaymentErrorCode.VietQrUnsupportedService, `Mã VietQR dịch vụ "${service ?? ''}" không phải chuyển khoản đến tài khoản hoặc thẻ.`);
  }
  const beneficiary = decodeTlv(findTlv(account, '01') ?? '');
  if (beneficiary === null) {
    return {
      ok: false,
      errors: [
        {
          field: '38.01',
          code: PaymentErrorCode.VietQrMalformed,
          message: 'Thông tin ngân hàng và số tài khoản trong mã QR sai cấu trúc (độ dài trường sai).',
        },
      ],
    };
  }

  const errors: Errors = [];
  const bankBin = findTlv(beneficiary, '00') ?? '';
  const accountNumber = findTlv(beneficiary, '01') ?? '';
  if (!/^\d{6}$/.test(bankBin)) {
    errors.push({ field: 'bankBin', code: PaymentErrorCode.VietQrBankBin, message: 'Mã BIN ngân hàng trong mã QR không hợp lệ.' });
  }
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNumber)) {
    errors.push({ field: 'accountNumber', code: PaymentErrorCode.VietQrAccount, message: 'Số tài khoản trong mã QR không hợp lệ.' });
  }
  if (findTlv(top, '53') !== CURRENCY_VND) {
    errors.push({ field: '53', code: PaymentErrorCode.VietQrCurrency, message: 'Mã QR không dùng đơn vị tiền Việt Nam đồng.' });
  }
  if (findTlv(top, '58') !== 'VN') {
    errors.push({ field: '58', code: PaymentErrorCode.VietQrCountry, message: 'Mã QR không phải của Việt Nam.' });
  }
  const initiationRaw = findTlv(top, '01');
  const amountRaw = findTlv(top, '54');
  if (amountRaw !== undefined && !/^[1-9]\d{0,12}$/.test(amountRaw)) {
    errors.push({ field: 'amount', code: PaymentErrorCode.VietQrAmount, message: 'Số tiền trong mã QR không hợp lệ.' });
  }
  const additional = decodeTlv(findTlv(top, '62') ?? '');
  if (additional === null) {
    errors.push({ field: '62', code: PaymentErrorCode.VietQrMalformed, message: 'Thông tin bổ sung trong mã QR sai cấu trúc.' });
  }
  if (errors.length > 0) return { ok: false, errors };

  const billNumber = additional ? findTlv(additional, '01') : undefined;
  const purpose = additional ? findTlv(additional, '08') : undefined;
  return {
    ok: true,
    value: {
      bankBin,
      accountNumber,
      toCard: service === SERVICE_TO_CARD,
      // A "12" without an amount is seen in the wild; it is still a transfer QR.
      initiation: initiationRaw === '12' ? 'dynamic' : 'static',
      ...(amountRaw !== undefined ? { amount: Number(amountRaw) } : {}),
      ...(billNumber !== undefined ? { billNumber } : {}),
      ...(purpose !== undefined ? { purpose } : {}),
    },
  };
}

function qrError(code: PaymentErrorCode, message: string): { ok: false; errors: Errors } {
  return { ok: false, errors: [{ field: 'qr', code, message }] };
}

function isShortAscii(text: string): boolean {
  return text.length <= MAX_ADDITIONAL_DATA_LENGTH && /^[\x20-\x7E]*$/.test(text);
}

/** "Lệ phí hồ sơ" → "Le phi ho so": bank apps and the NAPAS switch expect plain ASCII. */
export function foldToAscii(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/\s+/g, ' ').trim();
}

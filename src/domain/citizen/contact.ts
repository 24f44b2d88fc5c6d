// Phone numbers and e-mail addresses of applicants: the receipt, the SMS notice and the
// national portal record (SoDienThoai, Email) all need them in one canonical form.

import { CitizenErrorCode } from './errors';
import type { Result } from './result';

export interface VietnamesePhone {
  /** Domestic form, as printed on the receipt: "0912345678", "02438251234". */
  national: string;
  /** International form for SMS gateways: "+84912345678". */
  e164: string;
  kind: 'mobile' | 'landline';
}

// Since the 2018 renumbering, mobile numbers are 10 digits starting 03, 05, 07, 08 or 09,
// and landlines are 11 digits starting 02 (area code 02x/02xx + subscriber number).
const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/**
 * Accepts "0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678", "+84 (0) 912...".
 * Returns the canonical forms, or why the number cannot be right.
 */
export function validateVietnamesePhone(input: string): Result<VietnamesePhone, CitizenErrorCode> {
  const field = 'phone';
  const raw = input.normalize('NFC').trim();
  if (raw === '') {
    return { ok: false, errors: [{ field, code: CitizenErrorCode.PhoneEmpty, message: 'Chưa nhập số điện thoại.' }] };
  }
  // People write "+84 (0) 912..." or "(024) 3825..."; the "(0)" is a domestic trunk prefix to drop.
  const compact = raw.replace(/\(0\)/g, '').replace(/[\s.\-()]/gu, '');
  if (!/^\+?\d+$/.test(compact)) {
    return {
      ok: false,
      errors: [
        {
          field,
          code: CitizenErrorCode.PhoneInvalidChars,
          message: 'Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm và dấu + ở đầu.',
        },
      ],
    };
  }

  let national: string;
  if (compact.startsWith('+84')) national = toDomestic(compact.slice(3));
  else if (compact.startsWith('+')) {
    return {
      ok: false,
      errors: [{ field, code: CitizenErrorCode.PhonePrefix, message: 'Chỉ nhận số điện thoại Việt Nam (+84).' }],
    };
  } else if (compact.startsWith('0084')) national = toDomestic(compact.slice(4));
  // "84..." without "+" is the international form only when the length says so: a domestic
  // number always starts with 0, so 84 + 9 (mobile) or 84 + 10 (landline) digits.
  else if (compact.startsWith('84') && (compact.length === 11 || compact.length === 12)) {
    national = toDomestic(compact.slice(2));
  } else national = compact;

  if (MOBILE.test(national)) return { ok: true, value: { national, e164: `+84${national.slice(1)}`, kind: 'mobile' } };
  if (LANDLINE.test(national)) {
    return { ok: true, value: { national, e164: `+84${national.slice(1)}`, kind: 'landline' } };
  }

  if (!national.startsWith('0') || /^0[0146]/.test(national)) {
    return {
      ok: false,
      errors: [
        {
          field,
          code: CitizenErrorCode.PhonePrefix,
          message: 'Đầu số không hợp lệ: di động bắt đầu bằng 03, 05, 07, 08, 09; máy bàn bắt đầu bằng 02.',
        },
      ],
    };
  }
  return {
    ok: false,
    errors: [
      {
        field,
        code: CitizenErrorCode.PhoneLength,
        message: national.startsWith('02') ? 'Số máy bàn phải gồm 11 chữ số (kể cả mã vùng 02x).' : 'Số di động phải gồm 10 chữ số.',
      },
    ],
  };
}

function toDomestic(rest: string): string {
  return rest.startsWith('0') ? rest : `0${rest}`;
}

// Deliberately practical rather than RFC 5322: ASCII local part of the common characters,
// a dotted domain with a letter TLD. Quoted local parts and IP literals are never seen at a desk.
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Returns the address trimmed, with the domain lower-cased (domains are case-insensitive). */
export function validateEmail(input: string): Result<string, CitizenErrorCode> {
  const field = 'email';
  const value = input.normalize('NFC').trim();
  if (value === '') {
    return { ok: false, errors: [{ field, code: CitizenErrorCode.EmailEmpty, message: 'Chưa nhập thư điện tử.' }] };
  }
  const at = value.lastIndexOf('@');
  if (value.length > 254 || at > 64) {
    return {
      ok: false,
      errors: [{ field, code: CitizenErrorCode.EmailTooLong, message: 'Địa chỉ thư điện tử quá dài.' }],
    };
  }
  if (!EMAIL.test(value)) {
    return {
      ok: false,
      errors: [
        {
          field,
          code: CitizenErrorCode.EmailFormat,
          message: 'Địa chỉ thư điện tử không đúng dạng (ví dụ: ten@example.com), không dùng chữ có dấu.',
        },
      ],
    };
  }
  return { ok: true, value: `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}` };
}

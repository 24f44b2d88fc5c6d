// Structural check of the 12-digit personal ID number (số định danh cá nhân, printed on the
// CCCD / Căn cước): PPP G YY RRRRRR. There is no check digit, so the best we can do is the
// province code and the agreement of G and YY with the holder's birth date and sex.

import { isBirthProvinceCode, BIRTH_PROVINCE_CODES } from './birth-provinces';
import type { BirthProvinceCode } from './birth-provinces';
import { parseIsoDate } from './dates';
import { CitizenErrorCode } from './errors';
import type { FieldError, Result } from './result';

/** Sex as printed on the card (giới tính). */
export type Sex = 'Nam' | 'Nữ';

export interface IdNumberInfo {
  idNumber: string;
  /** Province where the birth was registered (pre-2025 code), not where the person lives now. */
  provinceCode: BirthProvinceCode;
  provinceName: string;
  sex: Sex;
  /** Four-digit birth year from G (century) and YY. */
  birthYear: number;
}

export interface IdNumberContext {
  /** ISO yyyy-mm-dd, e.g. from the QR or the form. */
  birthDate?: string;
  sex?: Sex;
}

/**
 * G encodes sex and century together: even = male, odd = female; 0/1 the 1900s, 2/3 the 2000s,
 * 4/5 the 2100s... (Thông tư 07/2016/TT-BCA Art. 7).
 */
export function decodeGenderCentury(g: number): { sex: Sex; centuryStart: number } {
  return { sex: g % 2 === 0 ? 'Nam' : 'Nữ', centuryStart: 1900 + Math.floor(g / 2) * 100 };
}

/**
 * Check an ID number; with birthDate and/or sex given, also that the number agrees with them.
 * Spaces are tolerated (officers type "001 099 000 001"); everything else must be digits.
 */
export function validateIdNumber(id: string, context: IdNumberContext = {}): Result<IdNumberInfo, CitizenErrorCode> {
  const field = 'idNumber';
  const idNumber = id.normalize('NFC').replace(/\s+/gu, '');
  if (!/^\d{12}$/.test(idNumber)) {
    return {
      ok: false,
      errors: [
        {
          field,
          code: CitizenErrorCode.IdFormat,
          message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
        },
      ],
    };
  }
  const errors: FieldError<CitizenErrorCode>[] = [];
  const ppp = idNumber.slice(0, 3);
  const g = Number(idNumber[3]);
  const yy = Number(idNumber.slice(4, 6));
  const { sex, centuryStart } = decodeGenderCentury(g);
  const birthYear = centuryStart + yy;

  if (!isBirthProvinceCode(ppp)) {
    errors.push({
      field,
      code: CitizenErrorCode.IdProvinceUnknown,
      message: `Mã tỉnh nơi đăng ký khai sinh "${ppp}" trong số định danh không tồn tại.`,
    });
  }

  if (context.birthDate !== undefined) {
    const iso = parseIsoDate(context.birthDate);
    const statedYear = iso === null ? null : Number(iso.slice(0, 4));
    if (statedYear !== null && statedYear !== birthYear) {
      errors.push({
        field,
        code: CitizenErrorCode.IdBirthYearMismatch,
        message: `Số định danh cho năm sinh ${birthYear}, không khớp với ngày sinh ${formatViDate(iso)}.`,
      });
    }
  }

  if (context.sex !== undefined && context.sex !== sex) {
    errors.push({
      field,
      code: CitizenErrorCode.IdSexMismatch,
      message: `Số định danh là của người giới tính ${sex}, không khớp với giới tính ${context.sex}.`,
    });
  }

  if (errors.length > 0) return { ok: false, errors };
  const provinceCode = ppp as BirthProvinceCode;
  return {
    ok: true,
    value: { idNumber, provinceCode, provinceName: BIRTH_PROVINCE_CODES[provinceCode], sex, birthYear },
  };
}

function formatViDate(iso: string | null): string {
  if (iso === null) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

// Parser for the QR code on the chip-based citizen ID card (CCCD / thẻ Căn cước), read by a
// camera or by a USB keyboard-wedge scanner into a text box. Keeps only the fields a dossier needs.

import { vietnamDateOf } from '../calendar/vietnam-time';
import { parseDdMmYyyy } from './dates';
import { CitizenErrorCode } from './errors';
import { validateFullName } from './full-name';
import { validateIdNumber } from './id-number';
import type { Sex } from './id-number';
import { normalizeText } from './normalize';
import type { FieldError, Result } from './result';

export interface CccdQrData {
  /** 12-digit personal ID number (số định danh cá nhân). */
  idNumber: string;
  /** Old 9-digit CMND (or earlier 12-digit) number, when the card prints one. */
  oldIdNumber?: string;
  fullName: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  sex: Sex;
  /** Place of residence as printed on the card (nơi thường trú / nơi cư trú). */
  address: string;
  /** ISO yyyy-mm-dd. */
  issuedDate: string;
}

type Errors = FieldError<CitizenErrorCode>[];

function qrError(code: CitizenErrorCode, message: string): { ok: false; errors: Errors } {
  return { ok: false, errors: [{ field: 'qr', code, message }] };
}

const SCAN_AGAIN = 'Hãy quét lại mã QR ở mặt trước thẻ Căn cước / CCCD.';

/** "1999-03-15" → "15/03/1999", as dates are written for the officer. */
const vietnameseDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Parse the QR text: `ID|oldID|NAME|ddMMyyyy|Nam|address|ddMMyyyy` (7 fields) or the 6-field
 * variant without the old ID; trailing extra fields (newer cards, some readers) are ignored.
 * All field problems are reported together so the officer sees everything at once. A birth or
 * issue date after `now`'s day in Vietnam is refused: no real card carries one.
 */
export function parseCccdQr(text: string, now: Date = new Date()): Result<CccdQrData, CitizenErrorCode> {
  const today = vietnamDateOf(now);
  const lineResult = singleLine(text);
  if (!lineResult.ok) return lineResult;
  const line = lineResult.value;

  if (/^(?:https?:\/\/|www\.)/i.test(line)) {
    return qrError(CitizenErrorCode.QrIsUrl, `Đây là một đường dẫn web, không phải mã QR trên thẻ Căn cước. ${SCAN_AGAIN}`);
  }
  // Every EMVCo payment QR (VietQR included) starts with the payload format indicator "000201".
  if (line.startsWith('000201')) {
    return qrError(CitizenErrorCode.QrIsVietQr, `Đây là mã QR chuyển khoản ngân hàng (VietQR), không phải thẻ Căn cước. ${SCAN_AGAIN}`);
  }
  const fields = line.split('|').map((f) => normalizeText(f));
  const first = fields[0] ?? '';
  if (fields.length < 2 || !/^\d+$/.test(first)) {
    return qrError(CitizenErrorCode.QrNotCccd, `Nội dung quét được không phải mã QR của thẻ Căn cước. ${SCAN_AGAIN}`);
  }

  // The second field tells the variants apart: in the 7-field form it is the old ID (digits or
  // empty); in the 6-field form it is already the name, which never consists of digits.
  const second = fields[1] ?? '';
  const hasOldIdField = second === '' || /^\d+$/.test(second);
  const needed = hasOldIdField ? 7 : 6;
  if (fields.length < needed) {
    return qrError(
      CitizenErrorCode.QrFieldCount,
      `Mã QR thiếu thông tin: có ${fields.length} trường, cần ít nhất ${needed}. Có thể máy quét đọc chưa hết. ${SCAN_AGAIN}`,
    );
  }
  const [idRaw, oldIdRaw, nameRaw, birthRaw, sexRaw, addressRaw, issuedRaw] = (hasOldIdField ? fields : [fields[0], '', ...fields.slice(1)]) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  const errors: Errors = [];

  const idNumber = idRaw;
  if (!/^\d{12}$/.test(idNumber)) {
    errors.push({
      field: 'idNumber',
      code: CitizenErrorCode.IdFormat,
      message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    });
  }

  let oldIdNumber: string | undefined;
  if (oldIdRaw !== '') {
    if (/^(?:\d{9}|\d{12})$/.test(oldIdRaw)) oldIdNumber = oldIdRaw;
    else {
      errors.push({
        field: 'oldIdNumber',
        code: CitizenErrorCode.OldIdFormat,
        message: 'Số CMND cũ trong mã QR phải gồm 9 hoặc 12 chữ số.',
      });
    }
  }

  const name = validateFullName(nameRaw);
  if (!name.ok) errors.push(...name.errors);

  const birthDate = parseDdMmYyyy(birthRaw);
  if (birthDate === null) {
    errors.push({
      field: 'birthDate',
      code: CitizenErrorCode.DateInvalid,
      message: `Ngày sinh "${birthRaw}" không phải ngày có thật (định dạng ngàythángnăm, ví dụ 15031999).`,
    });
  } else if (birthDate > today) {
    errors.push({
      field: 'birthDate',
      code: CitizenErrorCode.DateInFuture,
      message: `Ngày sinh ${vietnameseDate(birthDate)} chưa tới (sau hôm nay ${vietnameseDate(today)}): thẻ không hợp lệ hoặc mã QR bị đọc sai.`,
    });
  }

  const sex = parseSex(sexRaw);
  if (sex === null) {
    errors.push({
      field: 'sex',
      code: CitizenErrorCode.SexInvalid,
      message: `Giới tính "${sexRaw}" không hợp lệ: phải là Nam hoặc Nữ.`,
    });
  }

  const address = addressRaw;
  if (address === '') {
    errors.push({ field: 'address', code: CitizenErrorCode.AddressEmpty, message: 'Mã QR không có nơi cư trú.' });
  }

  const issuedDate = parseDdMmYyyy(issuedRaw);
  if (issuedDate === null) {
    errors.push({
      field: 'issuedDate',
      code: CitizenErrorCode.DateInvalid,
      message: `Ngày cấp "${issuedRaw}" không phải ngày có thật (định dạng ngàythángnăm).`,
    });
  } else if (issuedDate > today) {
    errors.push({
      field: 'issuedDate',
      code: CitizenErrorCode.DateInFuture,
      message: `Ngày cấp thẻ ${vietnameseDate(issuedDate)} chưa tới (sau hôm nay ${vietnameseDate(today)}): thẻ không hợp lệ hoặc mã QR bị đọc sai.`,
    });
  } else if (birthDate !== null && issuedDate < birthDate) {
    errors.push({
      field: 'issuedDate',
      code: CitizenErrorCode.IssuedBeforeBirth,
      message: 'Ngày cấp thẻ sớm hơn ngày sinh: mã QR bị đọc sai.',
    });
  }

  // Only cross-check the number once it has the right shape, to avoid two errors for one fault.
  if (/^\d{12}$/.test(idNumber)) {
    const id = validateIdNumber(idNumber, {
      ...(birthDate !== null ? { birthDate } : {}),
      ...(sex !== null ? { sex } : {}),
    });
    if (!id.ok) errors.push(...id.errors);
  }

  if (errors.length > 0 || !name.ok || birthDate === null || sex === null || issuedDate === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      idNumber,
      ...(oldIdNumber !== undefined ? { oldIdNumber } : {}),
      fullName: name.value,
      birthDate,
      sex,
      address,
      issuedDate,
    },
  };
}

/**
 * Reduce scanner output to the one line the card holds. Keyboard-wedge scanners append CR, LF,
 * CR LF or a tab; a double trigger sends the same line twice, which is harmless. Two different
 * lines mean two cards (or a card and something else): refuse rather than guess.
 */
function singleLine(text: string): Result<string, CitizenErrorCode> {
  const lines = text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const distinct = [...new Set(lines)];
  if (distinct.length === 0) return qrError(CitizenErrorCode.QrEmpty, `Chưa có nội dung mã QR. ${SCAN_AGAIN}`);
  if (distinct.length > 1) {
    return qrError(CitizenErrorCode.QrMultipleLines, `Nội dung quét có nhiều dòng khác nhau (có thể đã quét hai thẻ). ${SCAN_AGAIN}`);
  }
  return { ok: true, value: distinct[0] as string };
}

function parseSex(text: string): Sex | null {
  const lower = text.toLocaleLowerCase('vi');
  if (lower === 'nam') return 'Nam';
  if (lower === 'nữ') return 'Nữ';
  return null;
}

// The dossier code (mã hồ sơ) AGENCY-YYMMDD-XXXX of Thông tư 01/2018/TT-VPCP Art. 19: receiving
// unit, day of receipt in Vietnam, and that unit's 4-digit daily sequence.

import { DossierErrorCode } from './errors';
import type { FieldError, Result } from './result';
import { isValidDate, vnDayKey } from './vn-time';

/**
 * Agency identifier (mã định danh) of the receiving unit, e.g. "000.00.12.H56": three numeric
 * levels and the level-1 code (letter + 2 digits, H56 = a province).
 */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const DOSSIER_CODE_PATTERN = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4})$/;

export const MAX_DAILY_SEQUENCE = 9999;

export interface DossierCodeParts {
  agency: string;
  /** YYMMDD as in the code. */
  day: string;
  /** The same day as ISO yyyy-mm-dd (years 2000-2099: the format dates from 2018). */
  date: string;
  /** 1-9999. */
  sequence: number;
}

export function isAgencyCode(agency: string): boolean {
  return AGENCY_CODE_PATTERN.test(agency);
}

/** YYMMDD → yyyy-mm-dd, or null when it is not a real date. */
export function dayKeyToIsoDate(day: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(day);
  if (!m) return null;
  const year = 2000 + Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const last = lengths[month - 1];
  if (last === undefined || d < 1 || d > last) return null;
  return `${year}-${m[2]}-${m[3]}`;
}

function isSequence(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_DAILY_SEQUENCE;
}

/** Build a code from its parts, with the day already as YYMMDD (as the code reserve holds it). */
export function dossierCodeFromParts(agency: string, day: string, sequence: number): Result<string, DossierErrorCode> {
  const errors: FieldError<DossierErrorCode>[] = [];
  if (!isAgencyCode(agency)) {
    errors.push({
      field: 'agency',
      code: DossierErrorCode.AgencyInvalid,
      message: `Mã đơn vị tiếp nhận "${agency}" không đúng dạng (ví dụ 000.00.12.H56).`,
    });
  }
  if (dayKeyToIsoDate(day) === null) {
    errors.push({ field: 'day', code: DossierErrorCode.DateInvalid, message: `Ngày "${day}" không hợp lệ (YYMMDD).` });
  }
  if (!isSequence(sequence)) {
    errors.push({
      field: 'sequence',
      code: DossierErrorCode.SequenceInvalid,
      message: `Số thứ tự trong ngày phải từ 1 đến ${MAX_DAILY_SEQUENCE}.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: `${agency}-${day}-${String(sequence).padStart(4, '0')}` };
}

/** formatDossierCode('000.00.12.H56', receivedAt, 1) → "000.00.12.H56-250701-0001" (day in Vietnam). */
export function formatDossierCode(agency: string, receivedAt: Date, sequence: number): Result<string, DossierErrorCode> {
  if (!isValidDate(receivedAt)) {
    return {
      ok: false,
      errors: [{ field: 'receivedAt', code: DossierErrorCode.DateInvalid, message: 'Thời điểm tiếp nhận không hợp lệ.' }],
    };
  }
  return dossierCodeFromParts(agency, vnDayKey(receivedAt), sequence);
}

export function parseDossierCode(code: string): Result<DossierCodeParts, DossierErrorCode> {
  const m = DOSSIER_CODE_PATTERN.exec(code.trim());
  const fail = (c: DossierErrorCode, message: string): Result<DossierCodeParts, DossierErrorCode> => ({
    ok: false,
    errors: [{ field: 'code', code: c, message }],
  });
  if (!m) return fail(DossierErrorCode.CodeFormat, `"${code}" không phải mã hồ sơ dạng ĐƠNVỊ-YYMMDD-XXXX.`);
  const [, agency, day, seq] = m as unknown as [string, string, string, string];
  const date = dayKeyToIsoDate(day);
  if (date === null) return fail(DossierErrorCode.DateInvalid, `Ngày "${day}" trong mã hồ sơ không có thật.`);
  const sequence = Number(seq);
  if (!isSequence(sequence)) return fail(DossierErrorCode.SequenceInvalid, 'Số thứ tự 0000 không hợp lệ.');
  return { ok: true, value: { agency, day, date, sequence } };
}

export function isDossierCode(code: string): boolean {
  return parseDossierCode(code).ok;
}

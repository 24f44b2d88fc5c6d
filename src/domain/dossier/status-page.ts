// The citizen's status page (trang tra cứu tình trạng hồ sơ): its address, which a receipt's and a
// tracking slip's QR hold, what a citizen may type into it, and each status in a citizen's words.
// Pure: the gateway renders the page with these, the desk prints the address.
import { vietnamWallClock } from '../calendar/vietnam-time';
import { isDossierCode } from './code';
import { parseLookupCode } from './lookup-code';
import type { DossierStatusCode } from './status';

/**
 * Where the gateway serves the page. Not /tra-cuu: that is the app's own catalogue area (its home),
 * which the gateway and the service worker answer with the app's shell.
 */
export const STATUS_PAGE_PATH = '/tra-cuu-ho-so';

/** The page's address for a dossier code or a lookup code; `origin` is the gateway's (the app is served by it). */
export function statusPageUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}${STATUS_PAGE_PATH}?ma=${encodeURIComponent(code)}`;
}

/** What the citizen typed, understood: an official dossier code, or a lookup code in its stored, shown form (XXXXX-XXXXX). */
export type StatusLookupKey = { kind: 'code'; value: string } | { kind: 'lookup'; value: string };

/** The longest code field the page reads; a dossier code is 25 characters, a lookup code 11. */
export const MAX_LOOKUP_INPUT = 40;

/**
 * A dossier code as printed, or a lookup code however it was copied: any case, with or without the
 * dash or spaces, and with the letters Crockford base32 reads as digits (I and L as 1, O as 0).
 * Null for anything else, so nothing unexpected ever reaches a query.
 */
export function parseStatusLookup(text: string): StatusLookupKey | null {
  if (text.length > MAX_LOOKUP_INPUT) return null;
  const trimmed = text.trim().toUpperCase();
  if (isDossierCode(trimmed)) return { kind: 'code', value: trimmed };
  const lookup = parseLookupCode(trimmed);
  return lookup.ok ? { kind: 'lookup', value: lookup.value } : null;
}

/** The 4 digits asked of the citizen; null when what was typed is not exactly 4 digits (spaces aside). */
export function parseIdDigits(text: string): string | null {
  if (text.length > 20) return null;
  const digits = text.replace(/\s/g, '');
  return /^[0-9]{4}$/.test(digits) ? digits : null;
}

/** The last 4 digits of an ID number (số định danh cá nhân, CCCD); null when it has fewer than 4 digits. */
export function idLastFour(idNumber: string): string | null {
  const digits = idNumber.replace(/[^0-9]/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** Each status as the citizen is told it: plain words, not the portal's terms of art. */
export const CITIZEN_STATUS_WORDS_VI: Record<DossierStatusCode, string> = {
  1: 'Đã nộp trực tuyến, đang chờ cán bộ tiếp nhận',
  2: 'Đang giải quyết',
  3: 'Không được tiếp nhận',
  4: 'Đang giải quyết',
  5: 'Cần bổ sung giấy tờ',
  6: 'Cần thực hiện nghĩa vụ tài chính (nộp phí, lệ phí, thuế)',
  7: 'Đã rút hồ sơ theo yêu cầu của người nộp',
  8: 'Đã dừng giải quyết hồ sơ',
  9: 'Đã có kết quả, mời ông/bà đến nhận',
  10: 'Đã trả kết quả',
};

/** "07/12/2026": a day in Vietnam, as citizens write it. */
export function vnDayMonthYear(d: Date): string {
  const { year, month, day } = vietnamWallClock(d);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "14:30 ngày 07/12/2026": an instant in Vietnam. */
export function vnTimeOnDay(d: Date): string {
  const { hour, minute } = vietnamWallClock(d);
  return `${pad2(hour)}:${pad2(minute)} ngày ${vnDayMonthYear(d)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

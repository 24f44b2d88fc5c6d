// Times and dates as official papers write them, on Vietnam's wall clock whatever the device's
// time zone: "09 giờ 05 phút, ngày 01 tháng 7 năm 2025" and "Bản Mẫu, ngày 01 tháng 7 năm 2025".

import { vietnamWallClock } from '../../../domain/calendar';

/** A blank to be filled in by hand, as on the printed form: used when an instant is missing or invalid. */
export const BLANK = '……';

export interface VnWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock in Vietnam at an ISO instant; null when the text is not a valid instant. */
export function vnWallClock(iso: string): VnWallClock | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const { year, month, day, hour, minute } = vietnamWallClock(ms);
  return { year, month, day, hour, minute };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 01 tháng 7 năm 2025". Nghị định 30/2020/NĐ-CP (document format) writes a 0 before days
 * below 10 and before months 1 and 2 (so "tháng 01", "tháng 02", but "tháng 3" … "tháng 12").
 */
export function vnDatePhrase(iso: string): string {
  const c = vnWallClock(iso);
  if (!c) return `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const month = c.month <= 2 ? pad2(c.month) : String(c.month);
  return `ngày ${pad2(c.day)} tháng ${month} năm ${c.year}`;
}

/** "09 giờ 05 phút, ngày 01 tháng 7 năm 2025", the form of Mẫu 01's receipt and appointment times. */
export function vnTimePhrase(iso: string): string {
  const c = vnWallClock(iso);
  if (!c) return `${BLANK} giờ ${BLANK} phút, ${vnDatePhrase(iso)}`;
  return `${pad2(c.hour)} giờ ${pad2(c.minute)} phút, ${vnDatePhrase(iso)}`;
}

/** "Bản Mẫu, ngày 01 tháng 7 năm 2025": the place-and-date line under the national motto. */
export function placeDateLine(place: string | undefined, iso: string): string {
  const date = vnDatePhrase(iso);
  const trimmed = place?.trim();
  return trimmed ? `${trimmed}, ${date}` : `${date.charAt(0).toLocaleUpperCase('vi')}${date.slice(1)}`;
}

/** "01", "02" … as forms write small counts ("Số lượng hồ sơ: 01 bộ"). */
export function twoDigits(n: number): string {
  return n >= 0 && n < 10 ? pad2(n) : String(n);
}

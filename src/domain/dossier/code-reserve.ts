// Official dossier numbers for an offline device. The daily sequence is shared by every desk of
// the unit, so only the gateway may hand numbers out: it reserves blocks per (agency, day) in
// advance, and the device spends them. When the reserve for today is empty the device issues a
// visibly provisional code instead of guessing, to be swapped for an official one on sync.

import { z } from '../schema';
import { AGENCY_CODE_PATTERN, MAX_DAILY_SEQUENCE, dayKeyToIsoDate, dossierCodeFromParts } from './code';
import { DossierErrorCode } from './errors';
import type { Result } from './result';
import { isValidDate, vnDayKey } from './vn-time';

/** Prefix of provisional codes ("tạm"): official codes start with digits, so they never collide. */
export const PROVISIONAL_PREFIX = 'TAM';
/** Short device tag: upper-case letters and digits only, so it cannot contain the '-' separator. */
const DEVICE_SHORT_PATTERN = /^[A-Z0-9]{4,8}$/;
const PROVISIONAL_PATTERN = /^TAM-([A-Z0-9]{4,8})-(\d{6})-(\d{4})$/;

/** A range of sequence numbers the gateway reserved for this device, inclusive at both ends. */
export const codeBlockSchema = z
  .object({
    agency: z.string().regex(AGENCY_CODE_PATTERN),
    day: z.string().refine((d) => dayKeyToIsoDate(d) !== null, 'YYMMDD'),
    from: z.number().int().min(1).max(MAX_DAILY_SEQUENCE),
    to: z.number().int().min(1).max(MAX_DAILY_SEQUENCE),
  })
  .refine((b) => b.from <= b.to, 'from ≤ to');

export type CodeBlock = z.infer<typeof codeBlockSchema>;

export interface CodeReserve {
  agency: string;
  /**
   * Tag of this device in provisional codes. It must be assigned by the gateway when the device
   * is enrolled (unique within the unit, and never reused after a reinstall): deriving it from a
   * hash could collide, and provisional codes are only unique if the tag is.
   */
  deviceShort: string;
  /** Unspent numbers; the next official number is the lowest `from` of today's blocks. */
  blocks: readonly CodeBlock[];
  /** Last provisional number used, per day; the counter restarts each day with the code's date. */
  provisional: { day: string; last: number } | null;
}

export interface TakenCode {
  code: string;
  provisional: boolean;
  /** The reserve after taking the code; persist it in the same transaction as the dossier. */
  reserve: CodeReserve;
}

export function createCodeReserve(agency: string, deviceShort: string): Result<CodeReserve, DossierErrorCode> {
  if (!AGENCY_CODE_PATTERN.test(agency)) {
    return {
      ok: false,
      errors: [{ field: 'agency', code: DossierErrorCode.AgencyInvalid, message: `Mã đơn vị "${agency}" không đúng dạng.` }],
    };
  }
  if (!DEVICE_SHORT_PATTERN.test(deviceShort)) {
    return {
      ok: false,
      errors: [
        {
          field: 'deviceShort',
          code: DossierErrorCode.DeviceShortInvalid,
          message: 'Mã thiết bị phải gồm 4-8 chữ in hoa hoặc chữ số.',
        },
      ],
    };
  }
  return { ok: true, value: { agency, deviceShort, blocks: [], provisional: null } };
}

/**
 * Add a block received from the gateway (untrusted input: it is parsed). Refuses a block of
 * another agency or one overlapping numbers already held, which would produce duplicate codes.
 */
export function addCodeBlock(reserve: CodeReserve, block: unknown): Result<CodeReserve, DossierErrorCode> {
  const parsed = codeBlockSchema.safeParse(block);
  if (!parsed.success || parsed.data.agency !== reserve.agency) {
    return {
      ok: false,
      errors: [
        {
          field: 'block',
          code: DossierErrorCode.BlockInvalid,
          message: 'Dải số hồ sơ nhận từ máy chủ không hợp lệ hoặc không thuộc đơn vị này.',
        },
      ],
    };
  }
  const b = parsed.data;
  const overlaps = reserve.blocks.some((x) => x.day === b.day && x.from <= b.to && b.from <= x.to);
  if (overlaps) {
    return {
      ok: false,
      errors: [
        {
          field: 'block',
          code: DossierErrorCode.BlockOverlap,
          message: `Dải số ${b.from}-${b.to} ngày ${b.day} trùng với dải đang giữ.`,
        },
      ],
    };
  }
  return { ok: true, value: { ...reserve, blocks: [...reserve.blocks, b] } };
}

/** Official numbers left for the day of `now` (to warn the officer before the reserve runs dry). */
export function remainingCodes(reserve: CodeReserve, now: Date): number {
  const day = vnDayKey(now);
  return reserve.blocks.filter((b) => b.day === day).reduce((n, b) => n + (b.to - b.from + 1), 0);
}

/**
 * Drop blocks of past days: those numbers can no longer be used (the code carries the day of
 * receipt). They are returned so sync can tell the gateway, which then knows why the day's
 * sequence has gaps. Blocks for later days are kept (a mobile team may reserve tomorrow's).
 */
export function pruneCodeReserve(reserve: CodeReserve, now: Date): { reserve: CodeReserve; released: CodeBlock[] } {
  const today = vnDayKey(now);
  const released = reserve.blocks.filter((b) => b.day < today);
  if (released.length === 0) return { reserve, released };
  return { reserve: { ...reserve, blocks: reserve.blocks.filter((b) => b.day >= today) }, released };
}

/**
 * The next code for a dossier received at `now`: the lowest reserved official number for that
 * day in Vietnam, else a provisional TAM-<device>-YYMMDD-NNNN. Pure: the caller stores the
 * returned reserve; calling twice with the same input gives the same code, so persist first.
 */
export function takeNextCode(reserve: CodeReserve, now: Date): Result<TakenCode, DossierErrorCode> {
  if (!isValidDate(now)) {
    return {
      ok: false,
      errors: [{ field: 'now', code: DossierErrorCode.DateInvalid, message: 'Thời điểm tiếp nhận không hợp lệ.' }],
    };
  }
  const day = vnDayKey(now);
  let next: CodeBlock | undefined;
  for (const b of reserve.blocks) {
    if (b.day === day && (next === undefined || b.from < next.from)) next = b;
  }

  if (next !== undefined) {
    const code = dossierCodeFromParts(reserve.agency, day, next.from);
    if (!code.ok) return code;
    const spent = next;
    const blocks = reserve.blocks.flatMap((b) => (b !== spent ? [b] : b.from < b.to ? [{ ...b, from: b.from + 1 }] : []));
    return { ok: true, value: { code: code.value, provisional: false, reserve: { ...reserve, blocks } } };
  }

  const last = reserve.provisional?.day === day ? reserve.provisional.last : 0;
  const n = last + 1;
  if (n > MAX_DAILY_SEQUENCE) {
    return {
      ok: false,
      errors: [
        {
          field: 'code',
          code: DossierErrorCode.ProvisionalExhausted,
          message: 'Đã hết số hồ sơ tạm trong ngày trên thiết bị này. Hãy kết nối mạng để nhận số chính thức.',
        },
      ],
    };
  }
  return {
    ok: true,
    value: {
      code: `${PROVISIONAL_PREFIX}-${reserve.deviceShort}-${day}-${String(n).padStart(4, '0')}`,
      provisional: true,
      reserve: { ...reserve, provisional: { day, last: n } },
    },
  };
}

export function isProvisionalCode(code: string): boolean {
  const m = PROVISIONAL_PATTERN.exec(code);
  return m !== null && dayKeyToIsoDate(m[2] ?? '') !== null && m[3] !== '0000';
}

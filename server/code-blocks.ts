// Reserves ranges of the daily dossier sequence for one device. The counter row is locked by the
// update, so two gateways (or two requests) never hand out the same number. What a device may ask
// for is bounded: only today and tomorrow in Vietnam, and a daily quota per device, so no device
// (nor anyone in demo mode) can drain a commune's 9,999 numbers of a day.
import { vietnamDateOf } from '../src/domain/calendar';
import { dayKeyToIsoDate } from '../src/domain/dossier';
import type { Queryable } from './db/database';

export const MAX_SEQUENCE = 9999;
/**
 * Numbers one device may ask for per day. A desk receives a few dozen dossiers on a busy day and
 * the app asks 30 at a time, so this leaves room for a campaign day while keeping the commune's
 * 9,999 for its other desks. Dossiers received with a provisional code count too (they were real).
 */
export const DAILY_QUOTA_PER_DEVICE = 300;

export interface ReservedBlock {
  agency: string;
  day: string;
  from: number;
  to: number;
}

/** The YYMMDD keys a device may ask numbers for at `now`: today and tomorrow on the commune's calendar (UTC+7). */
export function reservableDays(now: Date): string[] {
  const key = (iso: string) => iso.slice(2).replace(/-/g, '');
  return [key(vietnamDateOf(now)), key(vietnamDateOf(new Date(now.getTime() + 86_400_000)))];
}

/** True for a YYMMDD that names a real calendar day (not 999999, not 260230). */
export function isDayKey(day: string): boolean {
  return /^\d{6}$/.test(day) && dayKeyToIsoDate(day) !== null;
}

/** Makes sure the day's counter exists, then locks it: a concurrent reservation for the same unit and day waits. */
async function lockCounter(tx: Queryable, agency: string, day: string): Promise<number> {
  await tx.query(
    `insert into code_counters (agency_code, day, next_sequence) values ($1, $2, 1)
     on conflict (agency_code, day) do nothing`,
    [agency, day],
  );
  const [counter] = await tx.query<{ next_sequence: number }>('select next_sequence from code_counters where agency_code = $1 and day = $2 for update', [
    agency,
    day,
  ]);
  return Number(counter?.next_sequence ?? MAX_SEQUENCE + 1);
}

async function allocate(tx: Queryable, agency: string, day: string, deviceId: string, first: number, size: number): Promise<ReservedBlock | null> {
  if (first > MAX_SEQUENCE || size < 1) return null; // the day's numbers are used up
  const last = Math.min(first + size - 1, MAX_SEQUENCE);
  await tx.query('update code_counters set next_sequence = $3 where agency_code = $1 and day = $2', [agency, day, last + 1]);
  await tx.query(`insert into code_blocks (agency_code, day, device_id, first_sequence, last_sequence) values ($1, $2, $3, $4, $5)`, [
    agency,
    day,
    deviceId,
    first,
    last,
  ]);
  return { agency, day, from: first, to: last };
}

/**
 * Reserves up to `size` numbers for a device asking ahead, within its daily quota; says how many
 * it may still ask for that day. The quota is read under the counter's lock, so two requests of
 * one device at once cannot both spend the same allowance.
 */
export async function reserveWithinQuota(
  tx: Queryable,
  agency: string,
  day: string,
  deviceId: string,
  size: number,
  quota = DAILY_QUOTA_PER_DEVICE,
): Promise<{ block: ReservedBlock | null; remaining: number }> {
  const first = await lockCounter(tx, agency, day);
  const [used] = await tx.query<{ n: unknown }>(
    `select coalesce(sum(last_sequence - first_sequence + 1), 0) as n from code_blocks where agency_code = $1 and day = $2 and device_id = $3`,
    [agency, day, deviceId],
  );
  const allowance = Math.max(0, quota - Number(used?.n ?? 0));
  const block = await allocate(tx, agency, day, deviceId, first, Math.min(size, allowance));
  const taken = block ? block.to - block.from + 1 : 0;
  const left = Math.max(0, MAX_SEQUENCE - (block ? block.to : first - 1));
  return { block, remaining: Math.min(allowance - taken, left) };
}

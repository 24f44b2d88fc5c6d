// Entries carried from one device to another (a backup file on a USB stick, issue 14): an entry may
// name `originDevice`, the device of the caller's commune that made it, and is then applied and
// recorded as that device's (device, mutation), so whichever device sends it first, the other's
// sending is a replay. An entry naming a device of another commune, or none known, is refused on
// its own and recorded nowhere: its number belongs to another device's numbering, and recording
// it under the caller's would take one of the caller's own numbers. Work is carried between
// devices of one role only (issue 15): a desk's decisions never ride in as a team tablet's, nor the reverse.
import type { DeviceRole } from '../auth/caller';
import type { Queryable } from '../db/database';
import { pushEntries, type EntryResult, type PushContext } from './push';
import { Rejection } from './rejection';
import type { IncomingEntry } from './schemas';

/** Device ids as the gateway hands them out (UUIDs) and the demo device's: bounded, plain. */
const DEVICE_ID = /^[A-Za-z0-9_-]{1,128}$/;

const NOT_OF_COMMUNE = new Rejection(
  'Thay đổi này ghi là của một thiết bị không thuộc xã của thiết bị gửi (hoặc không có trên máy chủ); thay đổi không được ghi.',
  'entry.origin_other_commune',
);
const BAD_ORIGIN = new Rejection('Mã thiết bị gốc (originDevice) của thay đổi không hợp lệ; thay đổi không được ghi.', 'entry.origin_invalid');

/** Whose numbering an entry belongs to: the caller's, another device's of the commune, or a refusal. */
type Origin = { device: string } | { refused: Rejection };

/** The devices among `ids` enrolled in the commune in `role`, revoked ones included (see pushCarried). */
async function devicesOfCommune(db: Queryable, communeId: string, role: DeviceRole, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    'select id from devices where commune_id = $1 and role = $3 and id = any(array(select jsonb_array_elements_text($2::jsonb)))',
    [communeId, JSON.stringify(ids), role],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Applies a push whose entries may have been made on other devices of the caller's commune.
 * Consecutive entries of one origin are applied together by pushEntries, as that device, in the
 * order sent; the answers come back in that order. A carried entry is applied with no staff
 * session: the officer signed in on the carrying device did not make it. A revoked origin is
 * taken: a dead or lost laptop's exported work is exactly what a backup exists to carry, and the
 * caller is an enrolled device of the same commune, which may already change its dossiers.
 */
export async function pushCarried(ctx: PushContext, entries: readonly IncomingEntry[]): Promise<EntryResult[]> {
  const own = ctx.caller.deviceId;
  const named = entries.map((e) => (Object.hasOwn(e, 'originDevice') ? e['originDevice'] : undefined));
  const asked = [...new Set(named.filter((o): o is string => typeof o === 'string' && o !== own && DEVICE_ID.test(o)))];
  const known = await devicesOfCommune(ctx.db, ctx.caller.communeId, ctx.caller.deviceRole ?? 'desk', asked);
  const origins: Origin[] = named.map((o) => {
    if (o === undefined || o === own) return { device: own };
    if (typeof o !== 'string' || !DEVICE_ID.test(o)) return { refused: BAD_ORIGIN };
    return known.has(o) ? { device: o } : { refused: NOT_OF_COMMUNE };
  });

  const results: EntryResult[] = [];
  for (let start = 0; start < entries.length;) {
    const origin = origins[start]!;
    if ('refused' in origin) {
      results.push({ mutation: entries[start]!.mutation, status: 'rejected', reason: origin.refused.reason, code: origin.refused.code });
      ctx.log.info({ deviceId: own, mutation: entries[start]!.mutation, code: origin.refused.code }, 'carried sync entry refused');
      start++;
      continue;
    }
    let end = start + 1;
    while (end < entries.length && (origins[end] as { device?: string }).device === origin.device) end++;
    // The field is this layer's: pushEntries sees the entry as its origin device sent it (and hashes it the same).
    const run = entries.slice(start, end).map(({ originDevice: _origin, ...entry }) => entry as IncomingEntry);
    if (origin.device === own) {
      results.push(...(await pushEntries(ctx, run)));
    } else {
      ctx.log.info({ deviceId: own, originDevice: origin.device, entries: run.length }, 'sync entries carried from another device');
      results.push(...(await pushEntries({ ...ctx, caller: { ...ctx.caller, deviceId: origin.device, deviceShort: null, staff: null } }, run)));
    }
    start = end;
  }
  return results;
}

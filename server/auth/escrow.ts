// Key escrow (issue 13): the gateway keeps one escrow key per device, 32 random bytes, and hands it
// only to the device itself with an officer's fresh password sign-in on it (escrow-routes.ts). The
// device wraps its data key under it, so the data survives every officer forgetting their PIN.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

export const ESCROW_KEY_BYTES = 32;

/** How long after the password was given the session may fetch the key: a stolen older session may not. */
export const ESCROW_FRESH_SECONDS = 10 * 60;

/** The device's escrow key, made on the first call and the same for ever after (devices are never deleted). */
export async function escrowKeyOf(db: Queryable, deviceId: string): Promise<Buffer> {
  // Two statements: the read sees a key another instance made at the same moment (its insert then did nothing here).
  await db.query(`insert into device_escrow (device_id, escrow_key) values ($1, decode($2, 'hex')) on conflict (device_id) do nothing`, [
    deviceId,
    randomBytes(ESCROW_KEY_BYTES).toString('hex'),
  ]);
  const [row] = await db.query<{ key: string }>(`select encode(escrow_key, 'hex') as key from device_escrow where device_id = $1`, [deviceId]);
  if (!row) throw new Error(`escrow key of device ${deviceId} not stored`);
  return Buffer.from(row.key, 'hex');
}

/** Whether a session signed in at `signedInAt` (ISO) is still fresh enough, by the database's clock (the one that dated it). */
export async function freshSignIn(db: Queryable, signedInAt: string): Promise<boolean> {
  const [row] = await db.query<{ fresh: boolean }>(`select $1::timestamptz > now() - make_interval(secs => $2::int) as fresh`, [
    signedInAt,
    ESCROW_FRESH_SECONDS,
  ]);
  return row?.fresh === true;
}

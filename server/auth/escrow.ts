// Key escrow (issue 13): the gateway keeps one escrow key per device, 32 random bytes, and hands it
// only to the device itself with an officer's fresh password sign-in on it (escrow-routes.ts). The
// device wraps its data key under it, so the data survives every officer forgetting their PIN.
// In the database each key is kept wrapped under the gateway's escrow secret (escrow-secret.ts)
// and bound to its device, so a copy of the database plus a stolen laptop opens nothing.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

export const ESCROW_KEY_BYTES = 32;

/** How long after the password was given the session may fetch the key: a stolen older session may not. */
export const ESCROW_FRESH_SECONDS = 10 * 60;

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The stored key does not open under this gateway's escrow secret (another secret, or a row moved to another device). */
export class EscrowSecretMismatch extends Error {
  constructor(deviceId: string) {
    super(`the escrow key of device ${deviceId} does not open under this gateway's escrow secret`);
  }
}

/** nonce | key sealed | tag: AES-256-GCM under the secret, the device id as associated data. */
export function wrapEscrowKey(secret: Buffer, deviceId: string, key: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secret, nonce);
  cipher.setAAD(Buffer.from(deviceId, 'utf8'));
  return Buffer.concat([nonce, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
}

function unwrapEscrowKey(secret: Buffer, deviceId: string, wrapped: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, wrapped.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(deviceId, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(NONCE_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new EscrowSecretMismatch(deviceId);
  }
}

/** Wraps a key kept in clear by a gateway from before the wrapping (migration 015), in place; another instance may have done it already. */
async function wrapInPlace(db: Queryable, secret: Buffer, deviceId: string, key: Buffer): Promise<void> {
  await db.query(`update device_escrow set wrapped_key = decode($2, 'hex'), escrow_key = null where device_id = $1 and escrow_key is not null`, [
    deviceId,
    wrapEscrowKey(secret, deviceId, key).toString('hex'),
  ]);
}

/** The device's escrow key, made on the first call and the same for ever after (devices are never deleted). */
export async function escrowKeyOf(db: Queryable, secret: Buffer, deviceId: string): Promise<Buffer> {
  // Two statements: the read sees a key another instance made at the same moment (its insert then did nothing here).
  await db.query(`insert into device_escrow (device_id, wrapped_key) values ($1, decode($2, 'hex')) on conflict (device_id) do nothing`, [
    deviceId,
    wrapEscrowKey(secret, deviceId, randomBytes(ESCROW_KEY_BYTES)).toString('hex'),
  ]);
  const [row] = await db.query<{ wrapped: string | null; clear: string | null }>(
    `select encode(wrapped_key, 'hex') as wrapped, encode(escrow_key, 'hex') as clear from device_escrow where device_id = $1`,
    [deviceId],
  );
  if (!row) throw new Error(`escrow key of device ${deviceId} not stored`);
  if (row.wrapped !== null) return unwrapEscrowKey(secret, deviceId, Buffer.from(row.wrapped, 'hex'));
  const key = Buffer.from(row.clear!, 'hex');
  await wrapInPlace(db, secret, deviceId, key);
  return key;
}

/** Wraps every escrow key still kept in clear (run at start); answers how many it wrapped. */
export async function wrapClearEscrowKeys(db: Queryable, secret: Buffer): Promise<number> {
  const rows = await db.query<{ device_id: string; clear: string }>(
    `select device_id, encode(escrow_key, 'hex') as clear from device_escrow where escrow_key is not null`,
  );
  for (const row of rows) await wrapInPlace(db, secret, row.device_id, Buffer.from(row.clear, 'hex'));
  return rows.length;
}

/** Whether a session signed in at `signedInAt` (ISO) is still fresh enough, by the database's clock (the one that dated it). */
export async function freshSignIn(db: Queryable, signedInAt: string): Promise<boolean> {
  const [row] = await db.query<{ fresh: boolean }>(`select $1::timestamptz > now() - make_interval(secs => $2::int) as fresh`, [
    signedInAt,
    ESCROW_FRESH_SECONDS,
  ]);
  return row?.fresh === true;
}

// Escrow keys at rest (issue 13's recovery), on real databases: the database holds each key only
// wrapped under the gateway's escrow secret and bound to its device, so a copy of the database
// opens nothing; the same key comes back every time; another secret, or a row moved to another
// device, opens nothing; keys kept in clear by a gateway from before are wrapped and still the same.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { communeWithDevice, enrolDevice, useTestGateway } from '../test/gateway';
import { testDatabaseKinds } from '../test/test-db';
import { escrowKeyOf, EscrowSecretMismatch, wrapClearEscrowKeys } from './escrow';

const secret = randomBytes(32);

describe.each(testDatabaseKinds)('escrow keys at rest on %s', (kind) => {
  const gw = useTestGateway(kind);
  const stored = async (deviceId: string) =>
    (
      await gw.db.query<{ clear: string | null; wrapped: string | null }>(
        `select encode(escrow_key, 'hex') as clear, encode(wrapped_key, 'hex') as wrapped from device_escrow where device_id = $1`,
        [deviceId],
      )
    )[0];

  it('keeps a new key only wrapped, and gives the same key every time', async () => {
    const device = await communeWithDevice(gw.app);
    const key = await escrowKeyOf(gw.db, secret, device.deviceId);
    expect(key).toHaveLength(32);
    const row = await stored(device.deviceId);
    expect(row?.clear).toBeNull();
    expect(row?.wrapped).toHaveLength(120);
    expect(row!.wrapped).not.toContain(key.toString('hex'));
    expect((await escrowKeyOf(gw.db, secret, device.deviceId)).equals(key)).toBe(true);
  });

  it('opens nothing under another secret, nor as another device', async () => {
    const a = await communeWithDevice(gw.app);
    const b = await enrolDevice(gw.app, a.communeId, 'Máy quầy 2');
    await escrowKeyOf(gw.db, secret, a.deviceId);
    const keyOfB = await escrowKeyOf(gw.db, secret, b.deviceId);
    await expect(escrowKeyOf(gw.db, randomBytes(32), a.deviceId)).rejects.toBeInstanceOf(EscrowSecretMismatch);
    // A's wrapped key copied onto B's row: bound to A, it does not open as B's.
    await gw.db.query(`update device_escrow set wrapped_key = (select wrapped_key from device_escrow where device_id = $1) where device_id = $2`, [
      a.deviceId,
      b.deviceId,
    ]);
    await expect(escrowKeyOf(gw.db, secret, b.deviceId)).rejects.toBeInstanceOf(EscrowSecretMismatch);
    expect(keyOfB).toHaveLength(32);
  });

  it('wraps keys kept in clear before, at start or when first asked, and they stay the same keys', async () => {
    const a = await communeWithDevice(gw.app);
    const b = await enrolDevice(gw.app, a.communeId, 'Máy quầy 2');
    const clearA = randomBytes(32);
    const clearB = randomBytes(32);
    for (const [id, key] of [
      [a.deviceId, clearA],
      [b.deviceId, clearB],
    ] as const) {
      await gw.db.query(`insert into device_escrow (device_id, escrow_key) values ($1, decode($2, 'hex'))`, [id, key.toString('hex')]);
    }
    // Asked first: wrapped on the way.
    expect((await escrowKeyOf(gw.db, secret, a.deviceId)).equals(clearA)).toBe(true);
    expect((await stored(a.deviceId))?.clear).toBeNull();
    // The rest at start.
    expect(await wrapClearEscrowKeys(gw.db, secret)).toBeGreaterThanOrEqual(1);
    expect((await stored(b.deviceId))?.clear).toBeNull();
    expect(await gw.db.query('select device_id from device_escrow where escrow_key is not null')).toEqual([]);
    expect((await escrowKeyOf(gw.db, secret, b.deviceId)).equals(clearB)).toBe(true);
    expect((await escrowKeyOf(gw.db, secret, a.deviceId)).equals(clearA)).toBe(true);
  });

  it('refuses a row with both forms, or with neither', async () => {
    const device = await communeWithDevice(gw.app);
    await expect(
      gw.db.query(`insert into device_escrow (device_id, escrow_key, wrapped_key) values ($1, decode($2, 'hex'), decode($3, 'hex'))`, [
        device.deviceId,
        randomBytes(32).toString('hex'),
        randomBytes(60).toString('hex'),
      ]),
    ).rejects.toThrow();
    await expect(gw.db.query(`insert into device_escrow (device_id) values ($1)`, [device.deviceId])).rejects.toThrow();
  });
});

// Officers on the device: the first password sign-in sets the device up, a PIN unlocks offline, five
// wrong PINs need the password, and when every PIN is lost the password and the escrow key recover.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MotcuaDb } from './db';
import { countDeviceOfficers, lockDevice, readLockAfterMinutes, writeLockAfterMinutes } from './officer-lock';
import { completePasswordSignIn, ESCROWED_MASTER_KEY, listDeviceOfficers, PIN_ITERATIONS, setOfficerPin, unlockWithPin, type StaffSignIn } from './officers';
import { currentOfficer, setCurrentOfficer } from './session';
import { readStaffToken } from './staff-token';
import { forgetMasterKey, heldMasterKey } from './vault/key-holder';

// Fast PINs for the tests that are not about the slow KDF itself (one test below uses the real count).
const FAST = 1_000;
const escrow = crypto.getRandomValues(new Uint8Array(32));
const askEscrow = () => Promise.resolve(escrow.slice());

function signedIn(id: string, fullName: string): StaffSignIn {
  return {
    token: `token-of-${id}`,
    expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
    staff: { id, communeId: 'c1', username: id.toLowerCase(), fullName, role: 'receptionOfficer' },
  };
}

/** A fresh start of the app on the same device: nothing in memory, the database as it was. */
function restart() {
  forgetMasterKey();
  setCurrentOfficer(null);
}

const freshDb = () => new MotcuaDb(`officers-${Math.random()}`);

afterEach(restart);

describe('officers on the device', () => {
  it('sets the device up at the first password sign-in: a new data key, stored only wrapped, the staff token sealed', async () => {
    const db = freshDb();
    const setUp = vi.fn();
    const first = await completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), async () => {
      setUp();
      return escrow.slice();
    });
    expect(first.setUp).toBe(true);
    expect(setUp).toHaveBeenCalledOnce();
    expect(currentOfficer()?.fullName).toBe('Lò Thị Mai');
    const master = heldMasterKey()!.slice();
    expect(master).toHaveLength(32);
    const stored = JSON.stringify(await db.officers.toArray(), (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v));
    expect(stored).not.toContain('token-of-A');
    const escrowed = (await db.settings.get(ESCROWED_MASTER_KEY))!.value as { data: Uint8Array };
    expect(Buffer.from(escrowed.data).includes(Buffer.from(master))).toBe(false);
    expect((await readStaffToken(db, 'A'))?.token).toBe('token-of-A');
    expect(await readStaffToken(db, 'A', null)).toBeNull();
    expect(await readStaffToken(db, 'A', master, new Date(Date.now() + 9 * 3600_000))).toBeNull(); // expired

    // A second officer on the open device uses the held key: no escrow asked, nothing set up again.
    const askAgain = vi.fn(askEscrow);
    expect((await completePasswordSignIn(db, signedIn('B', 'Hà Văn Bình'), askAgain)).setUp).toBe(false);
    expect(askAgain).not.toHaveBeenCalled();
    expect(heldMasterKey()).toEqual(master);
    expect((await listDeviceOfficers(db)).map((o) => [o.fullName, o.pinUsable])).toEqual([
      ['Hà Văn Bình', false],
      ['Lò Thị Mai', false],
    ]);
    expect(await countDeviceOfficers(db)).toBe(2);
  });

  it('unlocks with the PIN after a restart, offline, and not with another officer’s PIN', async () => {
    const db = freshDb();
    await completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), askEscrow);
    const master = heldMasterKey()!.slice();
    await setOfficerPin(db, 'A', '246810', FAST);
    await completePasswordSignIn(db, signedIn('B', 'Hà Văn Bình'), askEscrow);
    await setOfficerPin(db, 'B', '135790', FAST);

    restart();
    expect(await unlockWithPin(db, 'A', '135790')).toEqual({ ok: false, reason: 'wrongPin', triesLeft: 4 });
    expect(heldMasterKey()).toBeNull();
    expect(await unlockWithPin(db, 'A', '246810')).toEqual({
      ok: true,
      officer: { staffId: 'A', username: 'a', fullName: 'Lò Thị Mai', role: 'receptionOfficer' },
    });
    expect(heldMasterKey()).toEqual(master);
    expect((await db.officers.get('A'))!.failedPins).toBe(0);

    // Locking keeps the key (queued work syncs), and another officer unlocks with their own PIN.
    lockDevice();
    expect(currentOfficer()).toBeNull();
    expect(heldMasterKey()).toEqual(master);
    expect((await unlockWithPin(db, 'B', '135790')).ok).toBe(true);
    expect(currentOfficer()?.staffId).toBe('B');
  });

  it('wraps with PBKDF2-SHA-256 at 600,000 rounds by default', async () => {
    const db = freshDb();
    await completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), askEscrow);
    await setOfficerPin(db, 'A', '024680');
    expect((await db.officers.get('A'))!.pin!.iterations).toBe(PIN_ITERATIONS);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    restart();
    expect((await unlockWithPin(db, 'A', '024680')).ok).toBe(true);
  });

  it('disables a PIN after five wrong ones, durably, until a password sign-in and a new PIN', async () => {
    const db = freshDb();
    await completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), askEscrow);
    await setOfficerPin(db, 'A', '111111', FAST);
    restart();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await unlockWithPin(db, 'A', '999999'));
    expect(answers).toEqual([
      { ok: false, reason: 'wrongPin', triesLeft: 4 },
      { ok: false, reason: 'wrongPin', triesLeft: 3 },
      { ok: false, reason: 'wrongPin', triesLeft: 2 },
      { ok: false, reason: 'wrongPin', triesLeft: 1 },
      { ok: false, reason: 'pinDisabled' },
    ]);
    // The right PIN no longer opens it, also after the app is opened again.
    db.close();
    await db.open();
    expect(await unlockWithPin(db, 'A', '111111')).toEqual({ ok: false, reason: 'pinDisabled' });
    expect((await listDeviceOfficers(db))[0]).toMatchObject({ pinUsable: false, pinDisabled: true });
    expect(heldMasterKey()).toBeNull();

    // The password (online) recovers through the escrow key; the old PIN stays off until a new one is set.
    await completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), askEscrow);
    expect((await db.officers.get('A'))!.pinDisabled).toBe(true);
    await setOfficerPin(db, 'A', '222222', FAST);
    restart();
    expect((await unlockWithPin(db, 'A', '111111')).ok).toBe(false);
    expect((await unlockWithPin(db, 'A', '222222')).ok).toBe(true);
  });

  it('recovers the same data key with the password when every PIN is forgotten, and refuses a wrong escrow key', async () => {
    const db = freshDb();
    await completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), askEscrow);
    const master = heldMasterKey()!.slice();
    await setOfficerPin(db, 'A', '123456', FAST);
    restart();

    const wrong = () => Promise.resolve(crypto.getRandomValues(new Uint8Array(32)));
    await expect(completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), wrong)).rejects.toMatchObject({ code: 'officer.escrow_mismatch' });
    expect(heldMasterKey()).toBeNull();
    expect(currentOfficer()).toBeNull();

    const recovered = await completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), askEscrow);
    expect(recovered.setUp).toBe(false);
    expect(heldMasterKey()).toEqual(master);
    expect(currentOfficer()?.staffId).toBe('A');
    await setOfficerPin(db, 'A', '654321', FAST);
    restart();
    expect((await unlockWithPin(db, 'A', '654321')).ok).toBe(true);
    expect(heldMasterKey()).toEqual(master);
  });

  it('refuses a PIN that is not six digits, and a PIN without a held key', async () => {
    const db = freshDb();
    await completePasswordSignIn(db, signedIn('A', 'Lò Thị Mai'), askEscrow);
    await expect(setOfficerPin(db, 'A', '12345', FAST)).rejects.toMatchObject({ code: 'officer.pin_format' });
    expect(await unlockWithPin(db, 'A', '123456')).toEqual({ ok: false, reason: 'noPin' });
    restart();
    await expect(setOfficerPin(db, 'A', '123456', FAST)).rejects.toMatchObject({ code: 'officer.no_master_key' });
  });

  it('keeps the idle lock time, 5 minutes until Cài đặt changes it', async () => {
    const db = freshDb();
    expect(await readLockAfterMinutes(db)).toBe(5);
    await writeLockAfterMinutes(db, 12);
    expect(await readLockAfterMinutes(db)).toBe(12);
    await expect(writeLockAfterMinutes(db, 0)).rejects.toMatchObject({ code: 'officer.lock_after' });
  });
});

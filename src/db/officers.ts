// The officers of this device (issue 13): who has signed in here, the device data key wrapped under
// each one's PIN and under the gateway's escrow key, the sealed staff tokens, PIN unlock with its
// five tries, and the password path that sets the device up or recovers it when every PIN is lost.
// Web Crypto is async and an IndexedDB transaction closes at the first foreign await, so every key
// is derived and every seal made before a transaction opens; the writes then go in one.
import { MotcuaError } from '../domain/errors';
import type { MotcuaDb } from './db';
import type { OfficerRow, PinLock, SealedBytes } from './rows';
import { setCurrentOfficer, type Officer, type OfficerRole } from './session';
import { onVaultSetUp } from './vault-hook';
import { aesKey, bytes, seal, unseal } from './sealed-bytes';
import { sealStaffToken } from './staff-token';
import { heldMasterKey, holdMasterKey, newMasterKey } from './vault/key-holder';
import { openVault } from './vault/state';

/** PBKDF2-SHA-256 rounds for a PIN: a 6-digit PIN has only a million values, so each guess must be slow. */
export const PIN_ITERATIONS = 600_000;
export const PIN_LENGTH = 6;
/** Wrong PINs in a row before the PIN stops working until a password sign-in. */
export const PIN_TRIES = 5;
/** Setting: the device data key sealed under the gateway's escrow key (never the escrow key itself). */
export const ESCROWED_MASTER_KEY = 'vault.escrowedMaster';

// What each seal is for is authenticated with it, so one sealed value can never be opened as another.
const PIN_AAD = 'motcua/officer-pin/v1:';
const ESCROW_AAD = bytes('motcua/escrowed-master/v1');

export function isPinFormat(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_LENGTH}}$`).test(pin);
}

async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', bytes(pin) as BufferSource, 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The device data key wrapped under a PIN (random salt), for one officer. */
export async function lockWithPin(master: Uint8Array, staffId: string, pin: string, iterations = PIN_ITERATIONS): Promise<PinLock> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const wrapped = await seal(await pinKey(pin, salt, iterations), master, bytes(PIN_AAD + staffId));
  return { salt, iterations, wrapped };
}

/** The device data key, or null for a wrong PIN. */
export async function openWithPin(lock: PinLock, staffId: string, pin: string): Promise<Uint8Array | null> {
  return unseal(await pinKey(pin, lock.salt, lock.iterations), lock.wrapped, bytes(PIN_AAD + staffId));
}

/** What the lock screen lists: staff names and whether each one's PIN can unlock. */
export interface DeviceOfficer extends Officer {
  /** A PIN is set and not disabled. */
  pinUsable: boolean;
  /** Five wrong PINs: the password is needed. */
  pinDisabled: boolean;
}

export const officerOf = (row: Pick<OfficerRow, 'staffId' | 'username' | 'fullName' | 'role'>): Officer => ({
  staffId: row.staffId,
  username: row.username,
  fullName: row.fullName,
  role: row.role,
});

export async function listDeviceOfficers(db: MotcuaDb): Promise<DeviceOfficer[]> {
  const rows = await db.officers.toArray();
  return rows
    .map((row) => ({ ...officerOf(row), pinUsable: row.pin !== null && !row.pinDisabled, pinDisabled: row.pinDisabled }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}

export type PinUnlock =
  { ok: true; officer: Officer } | { ok: false; reason: 'wrongPin'; triesLeft: number } | { ok: false; reason: 'pinDisabled' | 'noPin' | 'unknownOfficer' };

/**
 * Unlocks with an officer's PIN, offline: unwraps the device data key, holds it and makes the
 * officer the current one. A wrong PIN counts durably; the fifth disables the PIN.
 */
export async function unlockWithPin(db: MotcuaDb, staffId: string, pin: string): Promise<PinUnlock> {
  const row = await db.officers.get(staffId);
  if (!row) return { ok: false, reason: 'unknownOfficer' };
  if (row.pinDisabled) return { ok: false, reason: 'pinDisabled' };
  if (!row.pin) return { ok: false, reason: 'noPin' };
  const master = isPinFormat(pin) ? await openWithPin(row.pin, staffId, pin) : null;
  if (!master) {
    // Counted inside the transaction from the stored count, so two tries at once both count.
    const failed = await db.transaction('rw', db.officers, async () => {
      const now = await db.officers.get(staffId);
      if (!now) return PIN_TRIES;
      const failedPins = now.failedPins + 1;
      await db.officers.update(staffId, { failedPins, pinDisabled: now.pinDisabled || failedPins >= PIN_TRIES, updatedAt: new Date().toISOString() });
      return failedPins;
    });
    return failed >= PIN_TRIES ? { ok: false, reason: 'pinDisabled' } : { ok: false, reason: 'wrongPin', triesLeft: PIN_TRIES - failed };
  }
  if (row.failedPins > 0) await db.transaction('rw', db.officers, () => db.officers.update(staffId, { failedPins: 0, updatedAt: new Date().toISOString() }));
  holdMasterKey(master);
  master.fill(0);
  // The personal data opens before the app shows it: no page reads a sealed row while the vault is still opening.
  await openVault(db);
  const officer = officerOf(row);
  setCurrentOfficer(officer);
  return { ok: true, officer };
}

/**
 * Sets (or replaces) the PIN of an officer signed in with the password in this run: wraps the held
 * device data key under it, and opens a disabled PIN again.
 */
export async function setOfficerPin(db: MotcuaDb, staffId: string, pin: string, iterations = PIN_ITERATIONS): Promise<void> {
  if (!isPinFormat(pin)) throw new MotcuaError('officer.pin_format', `Mã PIN gồm đúng ${PIN_LENGTH} chữ số.`);
  const master = heldMasterKey();
  if (!master) throw new MotcuaError('officer.no_master_key', 'Máy chưa được mở khóa: hãy đăng nhập bằng mật khẩu.');
  const lock = await lockWithPin(master, staffId, pin, iterations);
  const changed = await db.transaction('rw', db.officers, () =>
    db.officers.update(staffId, { pin: lock, failedPins: 0, pinDisabled: false, updatedAt: new Date().toISOString() }),
  );
  if (changed === 0) throw new MotcuaError('officer.unknown', 'Cán bộ này chưa đăng nhập trên máy.');
}

/** The gateway's answer to a password sign-in (POST /api/auth/sign-in). */
export interface StaffSignIn {
  token: string;
  expiresAt: string;
  staff: { id: string; communeId: string; username: string; fullName: string; role: OfficerRole };
}

export interface PasswordSignIn {
  officer: Officer;
  /** True for the device's first officer: the data key was made now (onVaultSetUp ran). */
  setUp: boolean;
}

/**
 * After the gateway accepted an officer's password: records the officer with their sealed staff
 * token, and opens the device. The device data key is the one held (an officer added on an open or
 * locked device), else the stored one unwrapped by the gateway's escrow key (every PIN forgotten,
 * or a fresh start), else — the device's first officer — a new one, stored wrapped by the escrow
 * key, after which onVaultSetUp runs. `escrowKey` asks the gateway (it needs the staff token).
 * The officer sets a PIN next (setOfficerPin).
 */
export async function completePasswordSignIn(db: MotcuaDb, signedIn: StaffSignIn, escrowKey: () => Promise<Uint8Array>): Promise<PasswordSignIn> {
  const escrowed = (await db.settings.get(ESCROWED_MASTER_KEY))?.value as SealedBytes | undefined;
  let master: Uint8Array | null = heldMasterKey()?.slice() ?? null;
  let newlyEscrowed: SealedBytes | null = null;
  if (escrowed && !master) {
    master = await unseal(await aesKey(await escrowKey()), escrowed, ESCROW_AAD);
    if (!master) throw new MotcuaError('officer.escrow_mismatch', 'Khóa lưu ở máy chủ không mở được dữ liệu của máy này. Hãy báo quản trị viên.');
  } else if (!escrowed) {
    master ??= newMasterKey();
    newlyEscrowed = await seal(await aesKey(await escrowKey()), master, ESCROW_AAD);
  }
  if (!master) throw new MotcuaError('officer.no_master_key', 'Máy chưa được mở khóa: hãy đăng nhập bằng mật khẩu.');
  const { staff } = signedIn;
  const staffToken = await sealStaffToken(master, staff.id, signedIn);
  const officer: Officer = { staffId: staff.id, username: staff.username, fullName: staff.fullName, role: staff.role };
  const now = new Date().toISOString();
  await db.transaction('rw', db.officers, db.settings, async () => {
    if (newlyEscrowed) await db.settings.put({ key: ESCROWED_MASTER_KEY, value: newlyEscrowed, updatedAt: now });
    const before = await db.officers.get(staff.id);
    await db.officers.put({ pin: null, failedPins: 0, pinDisabled: false, ...before, ...officer, staffToken, updatedAt: now });
  });
  holdMasterKey(master);
  // The first officer sets the vault up (its check written, sealing begun); later ones open it.
  if (newlyEscrowed) await onVaultSetUp(db, master);
  else await openVault(db);
  setCurrentOfficer(officer);
  master.fill(0);
  return { officer, setUp: newlyEscrowed !== null };
}

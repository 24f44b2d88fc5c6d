// The officers' staff tokens (issue 13), sealed under a key derived from the device data key: the
// pump reads an officer's token to send their changes under their session (X-Staff-Token), and
// only while the data key is held, locked screen or not.
import type { MotcuaDb } from './db';
import type { SealedBytes } from './rows';
import { bytes, seal, unseal } from './sealed-bytes';
import { heldMasterKey } from './vault/key-holder';

const TOKEN_AAD = 'motcua/staff-token/v1:';

/** A key for the officers' staff tokens, derived from the device data key (HKDF), so the data key itself seals nothing here. */
async function tokenKey(master: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', master as BufferSource, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: bytes('motcua/staff-token-key/v1') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export interface StaffToken {
  token: string;
  expiresAt: string;
}

export async function sealStaffToken(master: Uint8Array, staffId: string, token: StaffToken): Promise<SealedBytes> {
  return seal(await tokenKey(master), bytes(JSON.stringify({ token: token.token, expiresAt: token.expiresAt })), bytes(TOKEN_AAD + staffId));
}

/**
 * The officer's staff token from their last password sign-in on this device, while the device
 * data key is held (the pump sends it as X-Staff-Token); null without a key, a token, or once expired.
 */
export async function readStaffToken(db: MotcuaDb, staffId: string, master: Uint8Array | null = heldMasterKey(), now = new Date()): Promise<StaffToken | null> {
  const row = await db.officers.get(staffId);
  if (!master || !row?.staffToken) return null;
  const clear = await unseal(await tokenKey(master), row.staffToken, bytes(TOKEN_AAD + staffId));
  if (!clear) return null;
  const token = JSON.parse(new TextDecoder().decode(clear)) as StaffToken;
  return Date.parse(token.expiresAt) > now.getTime() ? token : null;
}

// src/db/vault offers encryption at rest (issue 13): the held key, the vault's state and set-up, and
// the sealing of the rows already on the device. Sealing itself is transparent (middleware.ts).
//
// How the sign-in code uses it:
//   - start: nothing to call; the schema reads the `vault` setting on every open (loadVaultState).
//   - first officer of a device: `setUpVault(db, newMasterKey())` (holds the key, opens the vault,
//     starts sealing what the device holds); follow it with `sealExistingData(db, onProgress)`.
//   - unlock (PIN or password recovery): `verifyMasterKey(db, key)`, then `holdMasterKey(key)` and
//     `await openVault(db)`; an interrupted sealing goes on by itself.
//   - lock screen: nothing (the key stays held, so queued work keeps syncing); last sign-out:
//     `forgetMasterKey()`.
//
// What can be read without the key (a fresh start before any unlock, state 'locked'): primary keys,
// counts and every clear field — dossier ids, codes, statuses, dates, procedure and field, sync
// state; outbox kinds, statuses and order; log actions and times. Reading a sealed row, or writing a
// personal field, throws vault.locked. Before set-up (state 'off') nothing is sealed, as before.
export { MASTER_KEY_BYTES, newMasterKey, holdMasterKey, heldMasterKey, forgetMasterKey, onMasterKeyChange } from './key-holder';
export {
  vaultState,
  loadVaultState,
  openVault,
  setUpVault,
  verifyMasterKey,
  sealExistingData,
  wordSearchKeys,
  pairSearchKeys,
  idNumberKeys,
  type VaultState,
  type SealProgress,
} from './state';
export { PERSONAL_FIELDS, SEALED_TABLES } from './tables';
export { sealBlob, openBlob, SEALED_BLOB_TYPE } from './blobs';

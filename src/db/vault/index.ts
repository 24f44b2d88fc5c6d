// src/db/vault offers encryption at rest (issue 13): the held key, the vault's state and set-up, and
// the sealing of the rows already on the device. Sealing itself is transparent (middleware.ts).
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

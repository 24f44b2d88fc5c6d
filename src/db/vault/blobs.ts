// Sealing of photos and scans (Blobs) at rest. Reading a Blob's bytes is async, so it cannot happen
// inside an IndexedDB transaction as the row middleware does: repository functions seal a Blob
// before their transaction opens and open it after their read, with Web Crypto (AES-256-GCM under
// a key of its own). A sealed Blob moves between tables as it is (its associated data names no
// table), so a photo going from the capture queue to a page's source is never decrypted for it.
import type Dexie from 'dexie';
import { lockedError, setFilesPass, vaultNamed } from './state';

/** The type of a sealed Blob; the original type is sealed inside with the bytes. */
export const SEALED_BLOB_TYPE = 'application/x-motcua-sealed';
const FORMAT = 1;
const NONCE_BYTES = 12;
const AAD = new TextEncoder().encode('motcua/blob');

/** The Blob sealed when the device's vault is set up (as it is before set-up); throws vault.locked when locked. */
export async function sealBlob(db: Dexie, blob: Blob): Promise<Blob> {
  const vault = vaultNamed(db.name);
  if (!vault.setUp || blob.type === SEALED_BLOB_TYPE) return blob;
  if (!vault.blobKey) throw lockedError();
  const key = await vault.blobKey;
  const type = new TextEncoder().encode(blob.type);
  const plain = new Uint8Array(2 + type.length + blob.size);
  new DataView(plain.buffer).setUint16(0, type.length);
  plain.set(type, 2);
  plain.set(new Uint8Array(await blob.arrayBuffer()), 2 + type.length);
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: AAD }, key, plain));
  plain.fill(0);
  return new Blob([new Uint8Array([FORMAT]), nonce, sealed], { type: SEALED_BLOB_TYPE });
}

/** The Blob as it was written (a clear one as it is); throws vault.locked when sealed and no key is held. */
export async function openBlob(db: Dexie, blob: Blob): Promise<Blob> {
  if (blob.type !== SEALED_BLOB_TYPE) return blob;
  const vault = vaultNamed(db.name);
  if (!vault.blobKey) throw lockedError();
  const key = await vault.blobKey;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes[0] !== FORMAT) throw new Error('A sealed file of an unknown format.');
  const plain = new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(1, 1 + NONCE_BYTES), additionalData: AAD }, key, bytes.subarray(1 + NONCE_BYTES)),
  );
  const typeLength = new DataView(plain.buffer).getUint16(0);
  const type = new TextDecoder().decode(plain.subarray(2, 2 + typeLength));
  return new Blob([plain.subarray(2 + typeLength)], { type });
}

// The pass that seals the files a device held before set-up runs with the rows' (state.ts), through here.
setFilesPass(async (db, chunkSize) => {
  const { sealExistingFiles } = await import('./seal-files');
  return sealExistingFiles(db, chunkSize, { sealBlob, sealedType: SEALED_BLOB_TYPE });
});

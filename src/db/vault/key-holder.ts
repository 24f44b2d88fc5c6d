// The device data key (the "master" secret every personal field is sealed under, issue 13), held in
// memory only: from an officer's unlock (PIN, or password recovery through the gateway) until the
// tab closes. Locking the screen keeps it, so queued work keeps syncing at a locked desk; a fresh
// start holds no key until an officer unlocks, and nothing personal can be read before that.

/** 256 bits: the master secret from which the sealing and search-token keys are derived. */
export const MASTER_KEY_BYTES = 32;

let master: Uint8Array | null = null;
const listeners = new Set<() => void>();

/** A fresh random master key, for the first officer who sets up this device. */
export function newMasterKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(MASTER_KEY_BYTES));
}

/** Holds the unwrapped key for this run of the app (a copy: the caller may wipe its own). */
export function holdMasterKey(key: Uint8Array): void {
  if (key.length !== MASTER_KEY_BYTES) throw new Error(`A master key has ${MASTER_KEY_BYTES} bytes, not ${key.length}.`);
  master = key.slice();
  for (const listener of listeners) listener();
}

/** The held key, or null before the first unlock of this run. */
export function heldMasterKey(): Uint8Array | null {
  return master;
}

/** Forgets the key (sign-out of the last officer, tests); the bytes are wiped, not just dropped. */
export function forgetMasterKey(): void {
  master?.fill(0);
  master = null;
  for (const listener of listeners) listener();
}

export function onMasterKeyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

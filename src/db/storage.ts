// The browser's storage guarantees: persistence (so the browser never evicts dossiers) and quota.

export interface StorageStatus {
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

/** Asks once for persistent storage; browsers grant it silently to installed apps. */
export async function requestPersistentStorage(): Promise<boolean | undefined> {
  if (!navigator.storage?.persist) return undefined;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = navigator.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted() : Promise.resolve(undefined),
    storage?.estimate ? storage.estimate() : Promise.resolve(undefined),
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/** Free space below which the officer is warned: enough for about a day of scanned dossiers. */
export const LOW_FREE_SPACE_BYTES = 500 * 1024 * 1024;

export function isStorageLow(status: StorageStatus, threshold = LOW_FREE_SPACE_BYTES): boolean {
  if (status.usage === undefined || status.quota === undefined) return false;
  return status.quota - status.usage < threshold;
}

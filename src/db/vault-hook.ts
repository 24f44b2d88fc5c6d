// The one moment the device data key is born: the first officer's password sign-in on this device
// (officers.ts completePasswordSignIn). The vault is set up from here: its check value written, the
// key held, and the rows already on the device sealed in the background, resumably (a tab closed
// half-way goes on at the next unlock); the shell shows the sealing's progress (SealingProgress).
import type { MotcuaDb } from './db';
import { sealExistingData, setUpVault } from './vault/state';

/** Called once per device, right after the new data key is stored (wrapped by the escrow key) and held. */
export async function onVaultSetUp(db: MotcuaDb, master: Uint8Array): Promise<void> {
  await setUpVault(db, master);
  // Not awaited: at 100,000 dossiers sealing takes minutes, and the officer works meanwhile (rows
  // written now are sealed as they are written; the walk skips them).
  sealExistingData(db).catch(() => undefined);
}

// The one moment the device data key is born: the first officer's password sign-in on this device
// (officers.ts completePasswordSignIn). The vault is set up from here (its keys derived, the data
// already on the device sealed, resumably); on this branch the hook does nothing yet.

/** Called once per device, right after the new data key is stored (wrapped by the escrow key) and held. */
export async function onVaultSetUp(_master: Uint8Array): Promise<void> {}

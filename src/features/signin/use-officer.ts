// The signed-in officer and the device's officer count, as the shell's React code reads them.
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { countDeviceOfficers, currentOfficer, getDb, onCurrentOfficerChange, type Officer } from '../../db';

export function useCurrentOfficer(): Officer | null {
  return useSyncExternalStore(onCurrentOfficerChange, currentOfficer);
}

/**
 * How many officers have signed in on this device; undefined until read. A database that cannot
 * be read counts as none: the app then starts as before officers, and shows its own storage error.
 */
export function useOfficerCount(): number | undefined {
  return useLiveQuery(() => countDeviceOfficers(getDb()).catch(() => 0), []);
}

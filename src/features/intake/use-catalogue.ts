// The catalogue in use on this device, read live from the database.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Procedure } from '../../domain/catalogue';
import { getDb, readInstalledCatalogue } from '../../db';

export interface CurrentCatalogue {
  version: number;
  procedures: Procedure[];
}

/** undefined while loading, null when the device has no catalogue. */
export function useCurrentCatalogue(): CurrentCatalogue | null | undefined {
  return useLiveQuery(async () => (await readInstalledCatalogue(getDb())) ?? null, []);
}

// The live count of changes waiting for the gateway, shown in the shell's header.
import { useLiveQuery } from 'dexie-react-hooks';
import { countUnsynced, getDb } from '../db';

export function usePendingCount(): number | undefined {
  return useLiveQuery(() => countUnsynced(getDb()), []);
}

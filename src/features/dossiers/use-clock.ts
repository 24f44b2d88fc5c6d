// The commune's working-time clock, following the commune settings on the device.
import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkingTime } from '../../domain/calendar';
import { getDb, readCommune } from '../../db';
import { clockFor } from '../../shared';

export function useWorkingClock(): WorkingTime {
  const commune = useLiveQuery(() => readCommune(getDb()), []);
  return clockFor(commune);
}

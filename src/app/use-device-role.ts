// The device's role, read live from its identity (issue 15): enrolment as a team tablet switches the shell's navigation at once.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, readDeviceRole, type DeviceRole } from '../db';

/** Undefined while the first read is on its way (the shell then shows no area rather than the wrong ones). */
export function useDeviceRole(): DeviceRole | undefined {
  return useLiveQuery(() => readDeviceRole(getDb()), []);
}

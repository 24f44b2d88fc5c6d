// Who acts at this desk (issue 13): the signed-in officer when there is one, under their staff id,
// name and role; otherwise the device under the desk profile's name, as on a device no officer has
// signed in on yet. Nothing asks the officer to type who they are.
import type { Actor } from '../domain/dossier';
import type { MotcuaDb } from './db';
import { getOrCreateDevice } from './device';
import { currentOfficer, type Officer } from './session';
import { emptyDeskProfile, readSetting, type DeskProfile } from './settings';

/** What a receipt prints as "Người tiếp nhận hồ sơ": the officer's own name, the desk profile's phone. */
export function deskOfficer(profile: DeskProfile, officer: Officer | null = currentOfficer()): DeskProfile {
  return officer ? { ...profile, officerName: officer.fullName } : profile;
}

export interface DeskActor {
  actor: Actor;
  /** The officer as printed on papers. */
  officer: DeskProfile;
  /** The signed-in officer's staff id, carried by every outbox entry so the gateway checks it against their session. */
  staffId?: string;
}

export async function readDeskActor(db: MotcuaDb): Promise<DeskActor> {
  const [profile, device] = await Promise.all([readSetting<DeskProfile>(db, 'deskProfile', emptyDeskProfile), getOrCreateDevice(db)]);
  const signedIn = currentOfficer();
  if (signedIn) {
    return {
      actor: { id: signedIn.staffId, name: signedIn.fullName, role: signedIn.role },
      officer: deskOfficer(profile, signedIn),
      staffId: signedIn.staffId,
    };
  }
  // The device id tells two officers of the same typed name apart.
  return { actor: { id: device.id, name: profile.officerName.trim() || 'Cán bộ tiếp nhận', role: 'receptionOfficer' }, officer: profile };
}

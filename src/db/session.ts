// Who is working at this device now: the officer who last unlocked it (issue 13). In memory only;
// every action, receipt and processing-log line is written under this officer, and the outbox
// entry carries their staff id so the gateway can check it against their session.
import type { ActorRole } from '../domain/dossier';

/** The roles a commune officer's staff account may hold: every actor's role but the citizen's and the system's (src/domain). */
export type OfficerRole = Exclude<ActorRole, 'citizen' | 'system'>;

/** A commune officer as the gateway's staff account names them. */
export interface Officer {
  staffId: string;
  username: string;
  fullName: string;
  role: OfficerRole;
}

let current: Officer | null = null;
const listeners = new Set<() => void>();

/** The signed-in officer, or null (nobody has unlocked this run, or the device has no officer yet). */
export function currentOfficer(): Officer | null {
  return current;
}

export function setCurrentOfficer(officer: Officer | null): void {
  current = officer;
  for (const listener of listeners) listener();
}

/** For React's useSyncExternalStore and the sync pump. */
export function onCurrentOfficerChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The gateway's dossier rows: what a stored dossier is, who made a change, and the commune lock
// that orders versions. Reads and writes of a push go through its batch (batch-store.ts), which
// keeps the searchable columns and the stored DossierRow in step.
import type { Queryable } from '../db/database';
import type { StoredDossierJson } from './schemas';

/**
 * A dossier as stored: the app's DossierRow, without its device-side syncState (dropped on
 * receipt); a community team's submission has no code, receivedAt or dueAt until a desk receives it.
 */
export type StoredDossier = StoredDossierJson;

/** Where a dossier's time starts, for checking a device's clock: its receipt, or its online submission before that. */
export function startOf(dossier: StoredDossier): string {
  return dossier.receivedAt ?? dossier.submittedAt ?? dossier.updatedAt;
}

export interface DossierRecord {
  id: string;
  communeId: string;
  version: number;
  dossier: StoredDossier;
}

/**
 * Locks the commune row for the rest of the transaction. Server versions are taken only under
 * this lock: that is what makes versions of one commune commit in increasing order.
 */
export async function lockCommune(tx: Queryable, communeId: string): Promise<{ agencyCode: string; officeHours: unknown } | null> {
  const [row] = await tx.query<{ agency_code: string; office_hours: unknown }>(
    // "no key update": serialises versions of the commune without blocking inserts that merely reference it.
    'select agency_code, office_hours from communes where id = $1 for no key update',
    [communeId],
  );
  return row ? { agencyCode: row.agency_code, officeHours: row.office_hours } : null;
}

export interface ChangeAuthor {
  deviceId: string | null;
  staffId: string | null;
  name: string;
}

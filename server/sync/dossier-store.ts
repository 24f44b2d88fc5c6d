// The gateway's dossier rows: versions from the one sequence, reads scoped to a commune, writes
// that keep the searchable columns and the stored DossierRow in step, and who made each change.
import type { Queryable } from '../db/database';
import type { DossierRowJson } from './schemas';

/** A dossier as stored: the app's DossierRow, without its device-side syncState (dropped on receipt). */
export type StoredDossier = DossierRowJson;

export interface DossierRecord {
  id: string;
  communeId: string;
  version: number;
  dossier: StoredDossier;
}

/**
 * The next server_version. Call only after locking the commune row (lockCommune): that lock is
 * what makes versions of one commune commit in increasing order.
 */
export async function nextVersion(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ v: unknown }>(`select nextval('server_version_seq') as v`);
  return Number(row?.v);
}

export async function lockCommune(tx: Queryable, communeId: string): Promise<{ agencyCode: string; officeHours: unknown } | null> {
  const [row] = await tx.query<{ agency_code: string; office_hours: unknown }>(
    // "no key update": serialises versions of the commune without blocking inserts that merely reference it.
    'select agency_code, office_hours from communes where id = $1 for no key update',
    [communeId],
  );
  return row ? { agencyCode: row.agency_code, officeHours: row.office_hours } : null;
}

/** The dossier if it belongs to the commune; another commune's dossier is simply not found. */
export async function findDossier(tx: Queryable, communeId: string, id: string, forUpdate = false): Promise<DossierRecord | null> {
  const [row] = await tx.query<{ id: string; commune_id: string; version: unknown; data: StoredDossier }>(
    `select id, commune_id, version, data from dossiers where id = $1 and commune_id = $2${forUpdate ? ' for update' : ''}`,
    [id, communeId],
  );
  return row ? { id: row.id, communeId: row.commune_id, version: Number(row.version), dossier: row.data } : null;
}

export interface ChangeAuthor {
  deviceId: string | null;
  staffId: string | null;
  name: string;
}

export async function insertDossier(tx: Queryable, communeId: string, dossier: StoredDossier, version: number, author: ChangeAuthor, kind: string): Promise<void> {
  await tx.query(
    `insert into dossiers (id, commune_id, code, provisional_code, status, procedure_code, received_at, due_at, data, version,
                           created_by_device, changed_by_device, changed_by_staff, changed_by_name, change_kind)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $11, $12, $13, $14)`,
    [
      dossier.id,
      communeId,
      dossier.code,
      dossier.provisionalCode ?? null,
      dossier.status,
      dossier.procedureCode,
      dossier.receivedAt,
      dossier.status === 3 ? null : dossier.dueAt,
      JSON.stringify(dossier),
      version,
      author.deviceId,
      author.staffId,
      author.name,
      kind,
    ],
  );
}

export async function updateDossier(tx: Queryable, record: DossierRecord, dossier: StoredDossier, version: number, author: ChangeAuthor, kind: string): Promise<void> {
  await tx.query(
    `update dossiers set status = $3, due_at = $4, data = $5::jsonb, version = $6, changed_by_device = $7, changed_by_staff = $8,
            changed_by_name = $9, change_kind = $10, updated_at = now()
      where id = $1 and commune_id = $2`,
    [record.id, record.communeId, dossier.status, dossier.status === 3 ? null : dossier.dueAt, JSON.stringify(dossier), version, author.deviceId, author.staffId, author.name, kind],
  );
}

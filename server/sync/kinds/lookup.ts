// Finding a dossier id across communes, only to tell a replay from a clash: the answer never
// leaves the gateway (a clash is refused with the same words whoever owns the id).
import type { Queryable } from '../../db/database';

export interface ExistingDossier {
  communeId: string;
  code: string;
  provisionalCode: string | null;
  createdByDevice: string | null;
  version: number;
}

export async function findDossierAnyCommune(tx: Queryable, id: string): Promise<ExistingDossier | null> {
  const [row] = await tx.query<{ commune_id: string; code: string; provisional_code: string | null; created_by_device: string | null; version: unknown }>(
    'select commune_id, code, provisional_code, created_by_device, version from dossiers where id = $1',
    [id],
  );
  return row
    ? { communeId: row.commune_id, code: row.code, provisionalCode: row.provisional_code, createdByDevice: row.created_by_device, version: Number(row.version) }
    : null;
}

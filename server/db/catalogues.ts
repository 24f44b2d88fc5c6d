// The gateway's catalogue store: each commune's catalogue versions, the highest one in force.
// Only catalogues parsed by src/domain/catalogue are written, so what is served was validated.
import { isNewerCatalogue, type Catalogue } from '../../src/domain/catalogue';
import type { Queryable } from './database';

export interface StoredCatalogue {
  version: number;
  /** The catalogue as JSON text, exactly as it is served (no parse and re-serialize per request). */
  body: string;
}

/** The commune's catalogue in force, or null when it has none yet. */
export async function currentCatalogue(db: Queryable, communeId: string): Promise<StoredCatalogue | null> {
  const [row] = await db.query<StoredCatalogue>('select version, body::text as body from catalogues where commune_id = $1 order by version desc limit 1', [
    communeId,
  ]);
  return row ?? null;
}

export async function currentVersion(db: Queryable, communeId: string): Promise<number | null> {
  const [row] = await db.query<{ version: number | null }>('select max(version) as version from catalogues where commune_id = $1', [communeId]);
  return row?.version ?? null;
}

export type PublishOutcome =
  { kind: 'published'; version: number } | { kind: 'unknown-commune' } | { kind: 'not-newer'; version: number; currentVersion: number };

/**
 * Publishes a parsed catalogue as the commune's new version. `tx` must be a transaction: the
 * commune row is locked so two publishers cannot both pass the version check.
 */
export async function publishCatalogue(tx: Queryable, communeId: string, catalogue: Catalogue): Promise<PublishOutcome> {
  const [commune] = await tx.query('select id from communes where id = $1 for update', [communeId]);
  if (!commune) return { kind: 'unknown-commune' };
  const current = await currentVersion(tx, communeId);
  if (!isNewerCatalogue(current === null ? null : { version: current }, catalogue)) {
    return { kind: 'not-newer', version: catalogue.version, currentVersion: current ?? 0 };
  }
  await tx.query('insert into catalogues (commune_id, version, issued_at, body) values ($1, $2, $3, $4::jsonb)', [
    communeId,
    catalogue.version,
    catalogue.issuedAt,
    JSON.stringify(catalogue),
  ]);
  return { kind: 'published', version: catalogue.version };
}

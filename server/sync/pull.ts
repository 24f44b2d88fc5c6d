// Pull: what changed in the device's commune since its checkpoint, in pages.
//
// Contract for the client (src/sync):
// - GET /api/sync/pull?since=<checkpoint>&limit=<n>. Start with since=0. Each answer is
//   { reset: false, checkpoint, hasMore, changes }: apply `changes` (in order) and store
//   `checkpoint` in ONE local transaction, then ask again while hasMore is true.
// - A change is { type: 'dossier', version, dossier, changedBy } (the whole DossierRow as the
//   gateway holds it; replace the local row unless it has outbox entries not yet accepted — the
//   outbox wins until the gateway has answered) or { type: 'catalogue', version,
//   catalogueVersion } (fetch /api/catalogue when it is newer than the installed one).
// - Versions only grow, and within a commune they become visible in increasing order (see
//   005_sync.sql), so a checkpoint never skips a change. A row appears once per pull, at its
//   latest version; intermediate states are not replayed.
// - { reset: true, checkpoint: 0 } means the gateway knows less than the device: it was restored
//   from a backup. The device sets its checkpoint to 0 and pulls again from the start, KEEPING its
//   outbox: entries the restored gateway has lost are simply applied when they are pushed again
//   (their mutation records were lost with the backup too), and those it still has are replays.
// - A community team (issue 15: its tablet, or its officer's session) pulls only the dossiers its
//   tablet created, whatever became of them at the desk, and the catalogue; a desk pulls the
//   commune's, the team's submissions (status 1, no code yet: see kinds/submission.ts) included.
import type { Queryable } from '../db/database';
import { isoTime } from '../db/time';
import type { StoredDossier } from './dossier-store';

export const DEFAULT_PULL_LIMIT = 200;
export const MAX_PULL_LIMIT = 1000;

export type PullChange =
  | {
      type: 'dossier';
      version: number;
      dossier: StoredDossier;
      changedBy: { deviceId: string | null; staffId: string | null; name: string | null; kind: string };
    }
  | { type: 'catalogue'; version: number; catalogueVersion: number; issuedAt: string };

export interface PullPage {
  reset: boolean;
  checkpoint: number;
  hasMore: boolean;
  changes: PullChange[];
}

/** The highest server_version ever handed out by this database (0 when none). */
export async function serverMaxVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ last_value: unknown; is_called: boolean }>('select last_value, is_called from server_version_seq');
  return row?.is_called ? Number(row.last_value) : 0;
}

/**
 * Whose dossiers a caller pulls: all of the commune's (createdBy undefined), only those a device
 * created (a team tablet), or none (null: a community team's session without its tablet).
 */
export interface PullScope {
  communeId: string;
  createdBy?: string | null;
}

export async function pullChanges(db: Queryable, scope: PullScope | string, since: number, limit: number): Promise<PullPage> {
  const { communeId, createdBy } = typeof scope === 'string' ? { communeId: scope, createdBy: undefined } : scope;
  if (since > (await serverMaxVersion(db))) return { reset: true, checkpoint: 0, hasMore: true, changes: [] };
  const dossiers = await db.query<{
    version: unknown;
    data: StoredDossier;
    changed_by_device: string | null;
    changed_by_staff: string | null;
    changed_by_name: string | null;
    change_kind: string;
  }>(
    `select version, data, changed_by_device, changed_by_staff, changed_by_name, change_kind
       from dossiers where commune_id = $1 and version > $2 and ($4::boolean or created_by_device = $5) order by version limit $3`,
    // A team caller without a tablet matches no device id ('' is none).
    [communeId, since, limit + 1, createdBy === undefined, createdBy ?? ''],
  );
  const catalogues = await db.query<{ server_version: unknown; version: number; issued_at: unknown }>(
    `select server_version, version, issued_at from catalogues where commune_id = $1 and server_version > $2 order by server_version limit $3`,
    [communeId, since, limit + 1],
  );
  const all: PullChange[] = [
    ...dossiers.map((r): PullChange => ({
      type: 'dossier',
      version: Number(r.version),
      dossier: r.data,
      changedBy: { deviceId: r.changed_by_device, staffId: r.changed_by_staff, name: r.changed_by_name, kind: r.change_kind },
    })),
    ...catalogues.map((r): PullChange => ({
      type: 'catalogue',
      version: Number(r.server_version),
      catalogueVersion: r.version,
      issuedAt: isoTime(r.issued_at),
    })),
  ].sort((a, b) => a.version - b.version);
  const changes = all.slice(0, limit);
  return { reset: false, checkpoint: changes.at(-1)?.version ?? since, hasMore: all.length > limit, changes };
}

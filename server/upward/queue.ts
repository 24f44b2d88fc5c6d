// The upward outbox in the database: one row per dossier, raised by every accepted change,
// claimed with a lease (several gateway instances never send the same row at once), retried with
// capped exponential backoff until the provincial system acknowledges it.
import type { Queryable } from '../db/database';
import { isoTimeOrNull } from '../db/time';

export const BACKOFF_BASE_MS = 10_000;
export const BACKOFF_CAP_MS = 60 * 60 * 1000;
export const LEASE_SECONDS = 120;

/** Called in the transaction of the change itself, so an accepted change is never left unsent. */
export async function enqueueUpward(tx: Queryable, dossierId: string, communeId: string, version: number): Promise<void> {
  await tx.query(
    `insert into upward_queue (dossier_id, commune_id, wanted_version) values ($1, $2, $3)
     on conflict (dossier_id) do update set wanted_version = greatest(upward_queue.wanted_version, excluded.wanted_version)`,
    [dossierId, communeId, version],
  );
}

/** Delay before attempt n+1 after n failures: 10 s, 20 s, 40 s, … capped at one hour, ±20 % jitter. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface ClaimedRow {
  dossierId: string;
  deliveredVersion: number | null;
  attempts: number;
}

export async function claimDue(db: Queryable, limit: number): Promise<ClaimedRow[]> {
  const rows = await db.query<{ dossier_id: string; delivered_version: unknown; attempts: number }>(
    `update upward_queue set lease_until = now() + make_interval(secs => $2::int), last_attempt_at = now()
      where dossier_id in (
        select dossier_id from upward_queue
         where (delivered_version is null or delivered_version < wanted_version)
           and next_attempt_at <= now() and (lease_until is null or lease_until < now())
         order by next_attempt_at limit $1 for update skip locked)
      returning dossier_id, delivered_version, attempts`,
    [limit, LEASE_SECONDS],
  );
  return rows.map((r) => ({
    dossierId: r.dossier_id,
    deliveredVersion: r.delivered_version === null ? null : Number(r.delivered_version),
    attempts: r.attempts,
  }));
}

export async function markDelivered(db: Queryable, dossierId: string, version: number): Promise<void> {
  await db.query(
    `update upward_queue set delivered_version = greatest(coalesce(delivered_version, 0), $2), attempts = 0, last_error = null,
            lease_until = null, acknowledged_at = now(), next_attempt_at = now()
      where dossier_id = $1`,
    [dossierId, version],
  );
}

export async function markFailed(db: Queryable, dossierId: string, error: string, delayMs: number): Promise<void> {
  await db.query(
    `update upward_queue set attempts = attempts + 1, last_error = $2, lease_until = null,
            next_attempt_at = now() + make_interval(secs => $3::double precision)
      where dossier_id = $1`,
    [dossierId, error.slice(0, 2000), delayMs / 1000],
  );
}

export interface UpwardStatus {
  waiting: number;
  delivered: number;
  failing: { dossierId: string; code: string; attempts: number; lastError: string | null; nextAttemptAt: string | null }[];
}

/** For the administrator: nothing that fails is silent. */
export async function upwardQueueStatus(db: Queryable): Promise<UpwardStatus> {
  const [counts] = await db.query<{ waiting: number; delivered: number }>(
    `select count(*) filter (where delivered_version is null or delivered_version < wanted_version)::int as waiting,
            count(*) filter (where delivered_version >= wanted_version)::int as delivered
       from upward_queue`,
  );
  const failing = await db.query<{ dossier_id: string; code: string; attempts: number; last_error: string | null; next_attempt_at: unknown }>(
    `select q.dossier_id, d.code, q.attempts, q.last_error, q.next_attempt_at from upward_queue q join dossiers d on d.id = q.dossier_id
      where q.attempts > 0 order by q.attempts desc, q.next_attempt_at limit 100`,
  );
  return {
    waiting: counts?.waiting ?? 0,
    delivered: counts?.delivered ?? 0,
    failing: failing.map((r) => ({
      dossierId: r.dossier_id,
      code: r.code,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: isoTimeOrNull(r.next_attempt_at),
    })),
  };
}

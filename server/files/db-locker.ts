// tus upload locks kept in the database, so two gateway instances never write one upload at
// once (tus' own MemoryLocker only sees its own process). A lock is a lease renewed while held;
// a request that wants it flags release_requested, and the holder's heartbeat then lets go
// (tus cancels the older request, as a client resuming after a cut connection expects).
import { randomUUID } from 'node:crypto';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import type { Queryable } from '../db/database';

export interface DatabaseLockerOptions {
  leaseMs?: number;
  pollMs?: number;
  acquireTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DatabaseLocker implements Locker {
  constructor(
    private readonly db: Queryable,
    private readonly options: DatabaseLockerOptions = {},
  ) {}

  newLock(id: string): Lock {
    return new DatabaseLock(id, this.db, this.options.leaseMs ?? 30_000, this.options.pollMs ?? 200, this.options.acquireTimeoutMs ?? 30_000);
  }
}

class DatabaseLock implements Lock {
  private readonly holder = randomUUID();
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly id: string,
    private readonly db: Queryable,
    private readonly leaseMs: number,
    private readonly pollMs: number,
    private readonly acquireTimeoutMs: number,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.acquireTimeoutMs;
    for (;;) {
      if (signal.aborted || Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      const got = await this.db.query(
        `insert into upload_locks (upload_id, holder, expires_at) values ($1, $2, now() + make_interval(secs => $3::double precision))
         on conflict (upload_id) do update set holder = excluded.holder, expires_at = excluded.expires_at, release_requested = false
           where upload_locks.expires_at < now()
         returning holder`,
        [this.id, this.holder, this.leaseMs / 1000],
      );
      if (got.length > 0) break;
      await this.db.query('update upload_locks set release_requested = true where upload_id = $1', [this.id]);
      await sleep(this.pollMs);
    }
    let asked = false;
    this.heartbeat = setInterval(() => {
      this.db
        .query<{ release_requested: boolean }>(
          `update upload_locks set expires_at = now() + make_interval(secs => $3::double precision)
            where upload_id = $1 and holder = $2 returning release_requested`,
          [this.id, this.holder, this.leaseMs / 1000],
        )
        .then(async ([row]) => {
          if (row?.release_requested && !asked) {
            asked = true;
            await requestRelease();
          }
        })
        .catch(() => {
          // A missed heartbeat only shortens the lease; the next one renews it.
        });
    }, this.pollMs);
  }

  async unlock(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.db.query('delete from upload_locks where upload_id = $1 and holder = $2', [this.id, this.holder]);
  }
}

// Limits on the citizen status page. Per code: a few tries per window, counted in the database
// (status_lookup_tries) so guessing the 4 digits stays slow across the gateway's instances and
// restarts; the try is counted before the digits are compared, so a burst of parallel guesses gets
// no more than the limit, and a right answer gives its try back. Per network address: requests
// per minute, counted in this process's memory: that limit guards the gateway's load, not a
// secret, so it need not be shared, and it must not cost a database write per request.
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';

export interface StatusPageLimits {
  /** Tries of one code per window before it is refused (429) until the window ends. */
  triesPerCode: number;
  codeWindowMinutes: number;
  /** Requests (form posts) from one network address per minute. */
  requestsPerAddressPerMinute: number;
}

export const DEFAULT_STATUS_PAGE_LIMITS: StatusPageLimits = { triesPerCode: 5, codeWindowMinutes: 15, requestsPerAddressPerMinute: 30 };

const hashOf = (key: string) => createHash('sha256').update(`status-lookup:${key}`).digest('hex');

/**
 * Counts a try of the code; the seconds to wait when it is over the limit (the try is then not
 * made), 0 when it may be made. A window older than its length starts again at this try.
 */
export async function takeCodeTry(db: Queryable, code: string, limits: StatusPageLimits): Promise<number> {
  const [row] = await db.query<{ tries: number; wait: unknown }>(
    `insert into status_lookup_tries (key_hash, tries, window_started_at) values ($1, 1, now())
     on conflict (key_hash) do update set
       tries = case when status_lookup_tries.window_started_at < now() - make_interval(mins => $2::int) then 1 else status_lookup_tries.tries + 1 end,
       window_started_at = case when status_lookup_tries.window_started_at < now() - make_interval(mins => $2::int) then now() else status_lookup_tries.window_started_at end
     returning tries, ceil(extract(epoch from (window_started_at + make_interval(mins => $2::int) - now()))) as wait`,
    [hashOf(code), limits.codeWindowMinutes],
  );
  if (Number(row?.tries ?? 1) <= limits.triesPerCode) return 0;
  return Math.max(1, Number(row?.wait ?? 60));
}

/** A right answer gives its try back: a citizen who checks again and again is never held back. */
export async function giveBackCodeTry(db: Queryable, code: string): Promise<void> {
  await db.query('update status_lookup_tries set tries = greatest(tries - 1, 0) where key_hash = $1', [hashOf(code)]);
}

/** Forgets windows that have ended, so codes typed once (or never real) do not pile up. */
export async function forgetOldTries(db: Queryable, limits: StatusPageLimits): Promise<void> {
  await db.query('delete from status_lookup_tries where window_started_at < now() - make_interval(mins => $1::int)', [limits.codeWindowMinutes]);
}

/** Requests per address in the current minute, in memory (see above for why). */
export function createAddressLimiter(perMinute: number, now: () => number = Date.now) {
  let windowStart = now();
  let counts = new Map<string, number>();
  return {
    /** Counts a request; the seconds to wait when the address is over its limit, else 0. */
    take(address: string): number {
      const t = now();
      // A fixed one-minute window: the whole map is dropped when it ends, so it never grows past one minute's addresses.
      if (t - windowStart >= 60_000) {
        windowStart = t;
        counts = new Map();
      }
      const count = (counts.get(address) ?? 0) + 1;
      counts.set(address, count);
      return count > perMinute ? Math.max(1, Math.ceil((windowStart + 60_000 - t) / 1000)) : 0;
    },
  };
}

// Slows password guessing without letting a stranger lock an officer out. Failures are counted
// per key: the account name and the network address for a sign-in from anywhere, and the device
// (with the account) for a sign-in from an enrolled device. After a few free failures each more
// one makes the key wait longer (30 s, 1 min, 2 min, … up to a cap). An officer at their own enrolled
// device is judged by that device's keys only, so strangers guessing from elsewhere never hold
// them back. Keys are counted whether the account exists or not, so the answers tell nothing.
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';

export interface ThrottleKey {
  key: string;
  /** Failures allowed before waits begin: a few typos, or a commune office behind one address. */
  free: number;
  /** The longest wait between two tries, in seconds. */
  maxWaitSeconds: number;
}

/** Failures older than this are forgotten: an officer's typos of last week do not count today. */
export const FAILURE_MEMORY_MINUTES = 60;

/** The keys a sign-in is judged by. */
export function throttleKeys(username: string, origin: { deviceId: string | null; address: string }): ThrottleKey[] {
  if (origin.deviceId) {
    return [
      { key: `device-account:${origin.deviceId}:${username}`, free: 5, maxWaitSeconds: 300 },
      // Across accounts too: a stolen device token must not try every officer of the commune at speed.
      { key: `device:${origin.deviceId}`, free: 20, maxWaitSeconds: 900 },
    ];
  }
  return [
    { key: `account:${username}`, free: 5, maxWaitSeconds: 300 },
    { key: `address:${origin.address}`, free: 20, maxWaitSeconds: 900 },
  ];
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** The first wait: long enough to make guessing slow, short enough for an officer who mistyped. */
export const FIRST_WAIT_SECONDS = 30;

/** The wait after a failure count, in seconds: none for the free ones, then doubling up to the cap. */
export function waitAfter(failures: number, key: Pick<ThrottleKey, 'free' | 'maxWaitSeconds'>): number {
  if (failures <= key.free) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** Math.min(failures - key.free - 1, 20), key.maxWaitSeconds);
}

/** Seconds to wait before any of the keys may try again; 0 when all may try now. */
export async function secondsToWait(db: Queryable, keys: readonly ThrottleKey[]): Promise<number> {
  const hashes = keys.map((k) => hashOf(k.key));
  const placeholders = hashes.map((_, i) => `$${i + 1}`).join(', ');
  const [row] = await db.query<{ wait: unknown }>(
    `select coalesce(max(ceil(extract(epoch from (blocked_until - now())))), 0) as wait
       from sign_in_throttle where key_hash in (${placeholders}) and blocked_until > now()`,
    hashes,
  );
  return Math.max(0, Number(row?.wait ?? 0));
}

/** Counts a failure against every key and sets each key's wait. */
export async function recordFailure(db: Queryable, keys: readonly ThrottleKey[]): Promise<void> {
  for (const key of keys) {
    const [row] = await db.query<{ failures: number }>(
      `insert into sign_in_throttle (key_hash, failures, last_failure_at) values ($1, 1, now())
       on conflict (key_hash) do update set
         failures = case when sign_in_throttle.last_failure_at < now() - make_interval(mins => $2::int) then 1 else sign_in_throttle.failures + 1 end,
         last_failure_at = now()
       returning failures`,
      [hashOf(key.key), FAILURE_MEMORY_MINUTES],
    );
    const wait = waitAfter(Number(row?.failures ?? 1), key);
    await db.query(`update sign_in_throttle set blocked_until = case when $2::int > 0 then now() + make_interval(secs => $2::int) end where key_hash = $1`, [
      hashOf(key.key),
      wait,
    ]);
  }
  // Forgotten failures leave the table, so names typed once (or never real) do not pile up.
  await db.query(`delete from sign_in_throttle where last_failure_at < now() - interval '1 day'`);
}

/** A success clears the keys that name the account; an address's count stays, so one known password cannot reset it. */
export async function clearAccountKeys(db: Queryable, keys: readonly ThrottleKey[]): Promise<void> {
  for (const key of keys) {
    if (key.key.startsWith('account:') || key.key.startsWith('device-account:')) {
      await db.query('delete from sign_in_throttle where key_hash = $1', [hashOf(key.key)]);
    }
  }
}

// The caller's network address, for limits keyed by it (sign-in throttling, the status page).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** As the socket gives it; 'unknown' where there is no socket (as in tests without one). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

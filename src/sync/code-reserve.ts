// Keeps a reserve of official dossier numbers on the device for today and the next days, so
// receipts carry official codes even when the link drops. Refilled whenever the gateway answers.
// Blocks are reserved for the identity that asked (the token's device), so a reserve belongs to
// one device tag: an answer that arrives after the identity changed (enrolment) is dropped.
// The reserve itself, and every read and write of it, lives in src/db (code-reserve.ts).
import { remainingCodes, vnDayKey, type CodeReserve } from '../domain/dossier';
import { getDb, getOrCreateDevice, mergeCodeBlocks, readCodeReserve, readCommune, RESERVE_KEY } from '../db';
import { authHeaders } from './auth';

export { RESERVE_KEY };
/** Numbers kept per day: a busy commune desk receives a few dozen dossiers a day. */
const BLOCK_SIZE = 30;
const REFILL_BELOW = 10;
/** Today and tomorrow (Vietnam): the only days the gateway hands numbers out for. */
const DAYS_AHEAD = 2;

function dayKeys(now: Date): string[] {
  return Array.from({ length: DAYS_AHEAD }, (_, i) => vnDayKey(new Date(now.getTime() + i * 86_400_000)));
}

function remainingOn(reserve: CodeReserve, day: string): number {
  return reserve.blocks.filter((b) => b.day === day).reduce((n, b) => n + b.to - b.from + 1, 0);
}

export async function refillCodeReserve(now = new Date(), fetchImpl: typeof fetch = fetch): Promise<number> {
  const db = getDb();
  const commune = await readCommune(db);
  if (!commune) return 0;
  const device = await getOrCreateDevice(db);
  const owner = { agency: commune.agencyCode, deviceShort: device.short };
  let current: CodeReserve;
  try {
    current = await readCodeReserve(db, owner);
  } catch {
    return 0; // no valid reserve for this identity (a malformed commune or tag): nothing to ask for
  }
  const wanted = dayKeys(now).filter((day) => remainingOn(current, day) < REFILL_BELOW);
  if (wanted.length === 0) return remainingCodes(current, now);

  const response = await fetchImpl('/api/code-blocks', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await authHeaders(db)) },
    // The gateway takes the commune and device from the token; the body names only what is wanted.
    body: JSON.stringify({ days: wanted, size: BLOCK_SIZE }),
  });
  if (!response.ok) return remainingCodes(current, now);
  const { blocks } = (await response.json()) as { blocks: unknown[] };
  // Merged in one transaction against the latest stored reserve: a receipt may have spent a
  // number while the request was in flight.
  return mergeCodeBlocks(db, owner, Array.isArray(blocks) ? blocks : [], now);
}

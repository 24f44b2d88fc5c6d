// Reserves ranges of the daily dossier sequence for one device. The counter row is locked by the
// update, so two gateways (or two requests) never hand out the same number.
import type { Queryable } from './db/database';

export const MAX_SEQUENCE = 9999;

export interface ReservedBlock {
  agency: string;
  day: string;
  from: number;
  to: number;
}

export async function reserveBlock(
  tx: Queryable,
  agency: string,
  day: string,
  deviceId: string,
  size: number,
): Promise<ReservedBlock | null> {
  await tx.query(
    `insert into code_counters (agency_code, day, next_sequence) values ($1, $2, 1)
     on conflict (agency_code, day) do nothing`,
    [agency, day],
  );
  // The row lock (for update) makes a concurrent reservation for the same unit and day wait.
  const [counter] = await tx.query<{ next_sequence: number }>(
    'select next_sequence from code_counters where agency_code = $1 and day = $2 for update',
    [agency, day],
  );
  const first = Number(counter?.next_sequence ?? MAX_SEQUENCE + 1);
  if (first > MAX_SEQUENCE) return null; // the day's numbers are used up
  const last = Math.min(first + size - 1, MAX_SEQUENCE);
  await tx.query('update code_counters set next_sequence = $3 where agency_code = $1 and day = $2', [agency, day, last + 1]);
  await tx.query(
    `insert into code_blocks (agency_code, day, device_id, first_sequence, last_sequence) values ($1, $2, $3, $4, $5)`,
    [agency, day, deviceId, first, last],
  );
  return { agency, day, from: first, to: last };
}

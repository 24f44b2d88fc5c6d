// FROZEN: the content upgrade of schema v11 (sealed name pairs in receipt order), exactly as v11
// was released. It must never change and imports no living code. A sealed dossier's searchPairs
// tokens ('#' then 16 letters) each get the receipt time after them, as the sealer writes them
// from v11 on; clear pairs (rows not yet sealed) stay as they are. Runs with no key: tokens are
// kept, only extended, and the rows are read and written as stored (the vault stands aside).
import type { Transaction } from 'dexie';

interface V10Dossier {
  sealed?: unknown;
  receivedAt?: string;
  searchPairs?: string[];
}

const TOKEN_LENGTH = 17;

/** The receipt time in 9 base-36 digits of milliseconds, sorting as the time does. */
function stamp(receivedAt: unknown): string {
  const ms = typeof receivedAt === 'string' ? Date.parse(receivedAt) : NaN;
  return (Number.isFinite(ms) && ms > 0 ? ms : 0).toString(36).padStart(9, '0');
}

export async function upgradeToV11(tx: Transaction): Promise<void> {
  await tx
    .table('dossiers')
    .filter((row: V10Dossier) => row.sealed !== undefined && Array.isArray(row.searchPairs))
    .modify((row: V10Dossier) => {
      const after = stamp(row.receivedAt);
      row.searchPairs = row.searchPairs!.map((pair) => (pair.startsWith('#') && pair.length === TOKEN_LENGTH ? pair + after : pair));
    });
}

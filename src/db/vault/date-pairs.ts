// Dating the sealed name pairs that vaults set up before v11 stored (issue 13, sealed search): each
// '#'-token gets its dossier's receipt time after it, as the sealer writes them now (receiptStamp),
// so that a name search can page newest first from one token's range (datedPairKey). It runs in the
// background after the sealing walk, not as a schema upgrade: rewriting every sealed dossier in the
// versionchange transaction held the first start for minutes with nothing on screen (52 s for 20,000
// dossiers). Until it is done, the search reads the tokens as starts, which finds dated and undated
// alike, in the slower way. A chunk per transaction, its position stored by that same transaction.
// No key is needed: only clear index values are extended, below the vault's middleware.
import type { DBCoreTransaction } from 'dexie';
import type Dexie from 'dexie';
import { above, ANY, type SealingContext } from './seal-existing';
import { receiptStamp } from './sealer';
import type { VaultRecord } from './tables';

/** A pair token as sealers before v11 wrote it: '#' and 16 letters, nothing after. */
const UNDATED_LENGTH = 17;

type StoredDossier = { sealed?: unknown; receivedAt?: unknown; searchPairs?: unknown };

/** The row with its undated tokens dated, or null when it has none (clear pairs are never dated). */
function dated(row: StoredDossier, sealedKey: string): StoredDossier | null {
  if (!(sealedKey in row) || !Array.isArray(row.searchPairs)) return null;
  const pairs = row.searchPairs as string[];
  if (!pairs.some((pair) => pair.startsWith('#') && pair.length === UNDATED_LENGTH)) return null;
  const stamp = receiptStamp(row.receivedAt);
  return { ...row, searchPairs: pairs.map((pair) => (pair.startsWith('#') && pair.length === UNDATED_LENGTH ? pair + stamp : pair)) };
}

/**
 * Dates what is left, chunk by chunk; returns how many dossiers it rewrote. Rows written meanwhile
 * come dated from the sealer. `afterChunk` runs after each committed chunk (a test stops the walk there).
 */
export async function datePairs(
  db: Dexie,
  vault: SealingContext,
  chunkSize: number,
  { sealedKey, setting }: { sealedKey: string; setting: string },
  afterChunk?: () => void,
): Promise<number> {
  const core = vault.core;
  if (!core || !vault.record) throw new Error('The vault middleware is not on this database.');
  if (!core.schema.tables.some((t) => t.name === 'dossiers')) return 0;
  let progress = vault.record.datedPairs ?? { done: false };
  let rewritten = 0;
  while (!progress.done) {
    const from = progress;
    const { next, count } = await db.transaction('rw', ['dossiers', 'settings'], async (tx) => {
      const trans = tx.idbtrans as unknown as DBCoreTransaction;
      const table = core.table('dossiers');
      const pk = table.schema.primaryKey;
      const rows = (
        await table.query({ trans, values: true, limit: chunkSize, query: { index: pk, range: from.after === undefined ? ANY : above(from.after) } })
      ).result as StoredDossier[];
      const changed = rows.map((row) => dated(row, sealedKey)).filter((row) => row !== null);
      if (changed.length > 0) await table.mutate({ trans, type: 'put', values: changed });
      const next = rows.length < chunkSize ? { done: true } : { done: false, after: pk.extractKey!(rows[rows.length - 1]) as IDBValidKey };
      const record: VaultRecord = { ...vault.record!, datedPairs: next };
      await core.table('settings').mutate({ trans, type: 'put', values: [{ key: setting, value: record, updatedAt: new Date().toISOString() }] });
      return { next, count: changed.length };
    });
    progress = next;
    vault.record = { ...vault.record, datedPairs: progress };
    rewritten += count;
    afterChunk?.();
  }
  return rewritten;
}

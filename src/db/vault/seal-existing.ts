// Sealing the rows a device already holds when its vault is set up (issue 13, item 5): table by
// table in primary-key order, a chunk per transaction, and the position stored in the `vault`
// setting by that same transaction, so a closed tab resumes exactly where the last chunk committed.
// Rows are rewritten below the derived-field middleware (index, facts, packs): only sealed in place.
import type { DBCore, DBCoreRangeType, DBCoreTable, DBCoreTransaction } from 'dexie';
import type Dexie from 'dexie';
import type { Sealer } from './sealer';
import type { SealingProgress, VaultRecord } from './tables';

/** Of tables.ts, handed in for the reason SealerEnv says (sealer.ts). */
export interface SealingEnv {
  tables: readonly string[];
  sealedKey: string;
  setting: string;
  hasPersonalValue(table: string, row: unknown): boolean;
}

export interface SealingContext {
  /** The core below the vault middleware. */
  core: DBCore | null;
  record: VaultRecord | null;
}

type Progress = { done: number; total: number };

/** Every key, and every key past `key`: the walks' ranges (here and date-pairs.ts). */
export const ANY = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined };
export const above = (key: IDBValidKey) => ({ type: 2 as DBCoreRangeType, lower: key, lowerOpen: true, upper: undefined });
const upTo = (key: IDBValidKey) => ({ type: 2 as DBCoreRangeType, lower: undefined, upper: key, upperOpen: false });

async function countRange(table: DBCoreTable, trans: DBCoreTransaction, after?: IDBValidKey): Promise<number> {
  return table.count({ trans, query: { index: table.schema.primaryKey, range: after === undefined ? ANY : upTo(after) } });
}

/** Seals what is left; `sealer` throws vault.locked once the key is gone, which stops the walk between chunks. */
export async function sealExisting(
  db: Dexie,
  vault: SealingContext,
  sealer: () => Sealer,
  emit: (progress: Progress) => void,
  chunkSize: number,
  { tables: sealedTables, sealedKey: SEALED, setting, hasPersonalValue }: SealingEnv,
): Promise<Progress> {
  const core = vault.core;
  if (!core || !vault.record) throw new Error('The vault middleware is not on this database.');
  const present = new Set(core.schema.tables.map((t) => t.name));
  const tables = sealedTables.filter((name) => present.has(name));
  let sealing: SealingProgress = vault.record.sealing;

  // Total and what is behind the stored position, in one read transaction.
  const { total, before } = await db.transaction('r', tables, async (tx) => {
    const trans = tx.idbtrans as unknown as DBCoreTransaction;
    let total = 0;
    let before = 0;
    for (const [i, name] of tables.entries()) {
      const table = core.table(name);
      const count = await countRange(table, trans);
      total += count;
      if (i < sealing.table) before += count;
      else if (i === sealing.table && sealing.after !== undefined) before += await countRange(table, trans, sealing.after);
    }
    return { total, before };
  });
  let done = sealing.done ? total : before;
  emit({ done, total });

  while (!sealing.done) {
    const name = tables[sealing.table];
    const from = sealing;
    const { next, walked } = await db.transaction('rw', name ? [name, 'settings'] : ['settings'], async (tx) => {
      const trans = tx.idbtrans as unknown as DBCoreTransaction;
      let next: SealingProgress;
      let walked = 0;
      if (!name) {
        next = { done: true, table: tables.length };
      } else {
        const table = core.table(name);
        const pk = table.schema.primaryKey;
        const rows = (
          await table.query({ trans, values: true, limit: chunkSize, query: { index: pk, range: from.after === undefined ? ANY : above(from.after) } })
        ).result as Record<string, unknown>[];
        const seal = sealer();
        const clear = rows.filter((row) => !(SEALED in row) && hasPersonalValue(name, row));
        if (clear.length > 0) await table.mutate({ trans, type: 'put', values: clear.map((row) => seal.sealRow(name, row)) });
        walked = rows.length;
        next =
          rows.length < chunkSize
            ? { done: from.table + 1 >= tables.length, table: from.table + 1 }
            : { done: false, table: from.table, after: pk.extractKey!(rows[rows.length - 1]) as IDBValidKey };
      }
      const record: VaultRecord = { ...vault.record!, sealing: next };
      await core.table('settings').mutate({ trans, type: 'put', values: [{ key: setting, value: record, updatedAt: new Date().toISOString() }] });
      return { next, walked };
    });
    sealing = next;
    vault.record = { ...vault.record, sealing };
    done = Math.min(total, done + walked);
    emit({ done: sealing.done ? total : done, total });
  }
  return { done: total, total };
}

/**
 * Seals the drafts left clear by a tab that wrote just as another set the vault up (intake.ts,
 * writeDraft, which cannot wait for the setting before writing). Drafts are a handful: all are read.
 */
export async function sealStrayDrafts(
  db: Dexie,
  vault: SealingContext,
  { sealedKey: SEALED, hasPersonalValue }: SealingEnv,
  sealer: () => Sealer,
): Promise<void> {
  const core = vault.core;
  if (!core || !core.schema.tables.some((t) => t.name === 'drafts')) return;
  await db.transaction('rw', 'drafts', async (tx) => {
    const trans = tx.idbtrans as unknown as DBCoreTransaction;
    const drafts = core.table('drafts');
    const rows = (await drafts.query({ trans, values: true, query: { index: drafts.schema.primaryKey, range: ANY } })).result as Record<string, unknown>[];
    const stray = rows.filter((row) => !(SEALED in row) && hasPersonalValue('drafts', row));
    if (stray.length > 0) await drafts.mutate({ trans, type: 'put', values: stray.map((row) => sealer().sealRow('drafts', row)) });
  });
}

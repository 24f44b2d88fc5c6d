// The batch statements of a push (batch-store.ts) find each row they read or change by its key,
// even in a plan cached while the tables were young and kept as they grew (as PGlite, which never
// analyses, keeps it until the gateway restarts): no scan of a commune's dossiers, files, blocks
// or counters, whose cost would grow with them.
import { describe, expect, it } from 'vitest';
import { seedDemoCommune } from '../seed/demo';
import { OPEN_DB_TIMEOUT_MS, openTestDatabase, testDatabaseKinds } from '../test/test-db';
import { addDossiers, cachedPlans, preparePlans } from './plan-probe';

/** Each scan of these tables, with the condition it looks rows up by (the line under it). */
function scans(plan: string, tables: string[]): string[] {
  const lines = plan.split('\n');
  return lines.flatMap((line, i) =>
    new RegExp(`Scan .*on (${tables.join('|')})\\b`).test(line) ? [`${line.replace(/^\s*(->)?\s*/, '')} / ${lines[i + 1]?.trim()}`] : [],
  );
}

describe.each(testDatabaseKinds)('batch statement plans on %s', (kind) => {
  it(
    'look dossiers, files and codes up by key, and change rows by key, after the tables grew under a cached plan',
    async () => {
      const { db, cleanup } = await openTestDatabase(kind);
      try {
        await seedDemoCommune(db);
        const [commune] = await db.query<{ id: string }>('select id from communes limit 1');
        const ids = ['probe-1', 'probe-2', 'probe-3'];
        await db.transaction(async (tx) => {
          await addDossiers(tx, commune!.id, 1, 20);
          await preparePlans(tx);
          try {
            await cachedPlans(tx, commune!.id, ids);
            await addDossiers(tx, commune!.id, 21, 3000);
            const { read, write } = await cachedPlans(tx, commune!.id, ids);
            // Reads: every scan is an index lookup of one key of the list (k, h, r: READ's laterals).
            for (const scan of scans(read, ['dossiers', 'commune_files', 'files', 'code_blocks'])) {
              expect(scan).toMatch(/^Index (Only )?Scan using \w+ on \w+.* \/ Index Cond: .*\b(k\.id|h\.sha256|r\.day)\b/);
            }
            expect(scans(read, ['dossiers'])).toHaveLength(1);
            // Writes: rows met through the key's index by inserts, never scanned for.
            expect(scans(write, ['dossiers', 'code_counters'])).toEqual([]);
            expect(write).toMatch(/Conflict Arbiter Indexes: dossiers_pkey/);
          } finally {
            await tx.query('deallocate probe_read');
            await tx.query('deallocate probe_write');
          }
        });
      } finally {
        await cleanup();
      }
    },
    OPEN_DB_TIMEOUT_MS,
  );
});

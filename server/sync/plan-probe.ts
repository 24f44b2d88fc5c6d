// Shows the plans the batch statements (batch-store.ts) keep once cached on a young table and
// then run on a grown one: `npx tsx server/sync/plan-probe.ts [dossiers]` (PGlite; PostgreSQL when
// TEST_DATABASE_URL is set). A cached plan that scans dossiers grows slower with the commune.
import type { Queryable } from '../db/database';
import { seedDemoCommune } from '../seed/demo';
import { openTestDatabase } from '../test/test-db';
import { READ, WRITE } from './batch-store';

const grown = Number(process.argv[2] ?? 4000);

/** The statement's generic plan, as cached: made on its first use, kept by later ones. */
export async function cachedPlans(tx: Queryable, communeId: string, ids: string[]): Promise<{ read: string; write: string }> {
  const lit = (v: unknown) => `'${JSON.stringify(v).replaceAll("'", "''")}'`;
  const dossier = (id: string) => ({
    id,
    status: 2,
    due_at: null,
    data: {},
    version: 1,
    changed_by_device: null,
    changed_by_staff: null,
    changed_by_name: 'x',
    change_kind: 'x',
  });
  const plan = async (sql: string) => (await tx.query<{ 'QUERY PLAN': string }>(sql)).map((r) => r['QUERY PLAN']).join('\n');
  return {
    read: await plan(`explain execute probe_read ('${communeId}', 'TAM', 'dev', 'demo', ${lit(ids)}, '[]', '[]', '[]', 0)`),
    write: await plan(`explain execute probe_write ('${communeId}', 'TAM', 'dev', '[]', '[]', ${lit(ids.map(dossier))}, '[]', '[]')`),
  };
}

export async function preparePlans(tx: Queryable): Promise<void> {
  await tx.query('set local plan_cache_mode = force_generic_plan');
  await tx.query(`prepare probe_read (text, text, text, text, jsonb, jsonb, jsonb, jsonb, int) as ${READ}`);
  await tx.query(`prepare probe_write (text, text, text, jsonb, jsonb, jsonb, jsonb, jsonb) as ${WRITE}`);
}

export async function addDossiers(tx: Queryable, communeId: string, from: number, to: number): Promise<void> {
  await tx.query(
    `insert into dossiers (id, commune_id, code, status, procedure_code, received_at, data, version, change_kind)
     select 'probe-' || i, '${communeId}', 'PROBE-' || i, 1, 'p', now(), '{}', i, 'receive' from generate_series(${from}, ${to}) as i`,
  );
}

async function main() {
  const { db, cleanup } = await openTestDatabase(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  try {
    await seedDemoCommune(db);
    const [commune] = await db.query<{ id: string }>('select id from communes limit 1');
    const ids = Array.from({ length: 20 }, (_, i) => `probe-${i + 1}`);
    await db.transaction(async (tx) => {
      await addDossiers(tx, commune!.id, 1, 20);
      await preparePlans(tx);
      const young = await cachedPlans(tx, commune!.id, ids);
      await addDossiers(tx, commune!.id, 21, grown);
      const old = await cachedPlans(tx, commune!.id, ids);
      await tx.query('deallocate probe_read');
      await tx.query('deallocate probe_write');
      console.log(`--- 20 dossiers, plan made now ---\nREAD\n${young.read}\nWRITE\n${young.write}`);
      console.log(`--- ${grown} dossiers, same cached plan ---\nREAD\n${old.read}\nWRITE\n${old.write}`);
    });
  } finally {
    await cleanup();
  }
}

if (process.argv[1]?.endsWith('plan-probe.ts')) await main();

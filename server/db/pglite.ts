// Embedded PostgreSQL (PGlite) in a data folder: the default, so Motcua runs with no server.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { Database, Queryable, SqlParam, Transaction } from './database';

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<Row>(sql: string, params: SqlParam[] = []) {
      const result = await q.query<Row>(sql, params);
      return result.rows;
    },
  });
  const inTransaction = (tx: PgliteTransaction): Transaction => {
    let depth = 0;
    return {
      ...wrap(tx),
      // Savepoint commands go as simple queries (exec): one trip into PGlite instead of the
      // five of a parameterised query.
      async savepoint(fn) {
        const name = `sp${++depth}`;
        await tx.exec(`savepoint ${name}`);
        try {
          const result = await fn(wrap(tx));
          await tx.exec(`release savepoint ${name}`);
          return result;
        } catch (err) {
          await tx.exec(`rollback to savepoint ${name}; release savepoint ${name}`);
          throw err;
        } finally {
          depth--;
        }
      },
    };
  };
  return {
    kind: 'pglite',
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(inTransaction(tx))),
    close: () => pg.close(),
  };
}

// Embedded PostgreSQL (PGlite) in a data folder: the default, so Motcua runs with no server.
import { mkdirSync } from 'node:fs';
import { PGlite, types, type QueryOptions, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { Database, Queryable, SqlParam, Transaction } from './database';
import { statementRunner } from './pglite-statements';

/**
 * Text parameters (text, varchar, json, jsonb) travel as their UTF-8 bytes in the binary format.
 * In the text format PGlite measures each string's UTF-8 length in a JavaScript loop, twice, which
 * made a push's 400 KB of dossiers cost more to hand over than to store; the binary format copies
 * the bytes that Node encodes natively. The server reads the same text either way (the binary
 * input of these types is their text checked as UTF-8, jsonb's after a version byte).
 */
const asBytes = (oid: number, versionByte?: number) => {
  const usual = types.serializers[oid]!;
  return (value: unknown): string => {
    if (typeof value !== 'string') return usual(value);
    if (versionByte === undefined) return Buffer.from(value, 'utf8') as unknown as string;
    const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(value, 'utf8'));
    bytes[0] = versionByte;
    bytes.write(value, 1, 'utf8');
    // PGlite binds a byte array as a binary parameter; its types only name the strings a serializer usually gives.
    return bytes as unknown as string;
  };
};
const TEXT_AS_BYTES: QueryOptions = {
  serializers: {
    [types.TEXT]: asBytes(types.TEXT),
    [types.VARCHAR]: asBytes(types.VARCHAR),
    [types.JSON]: asBytes(types.JSON),
    [types.JSONB]: asBytes(types.JSONB, 1),
  },
};

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const statements = statementRunner(pg, TEXT_AS_BYTES.serializers!);
  // `tx` is the open transaction the statements belong to, if any.
  const wrap = (q: PGlite | PgliteTransaction, tx?: PgliteTransaction): Queryable => ({
    async query<Row>(sql: string, params: SqlParam[] = []) {
      const unprepared = async () => (await q.query<Row>(sql, params, TEXT_AS_BYTES)).rows;
      // Statements with parameters are the gateway's fixed SQL: prepared. The rest (migrations'
      // DDL, one-off reads) run as they come; so does any use of a closed transaction, which
      // PGlite's query() then refuses.
      if (params.length === 0 || tx?.closed) return unprepared();
      return statements.run<Row>(sql, params, tx !== undefined, unprepared);
    },
  });
  const inTransaction = (tx: PgliteTransaction): Transaction => {
    let depth = 0;
    return {
      ...wrap(tx, tx),
      // Savepoint commands go as simple queries (exec): one trip into PGlite instead of the
      // five of a parameterised query.
      async savepoint(fn) {
        const name = `sp${++depth}`;
        await tx.exec(`savepoint ${name}`);
        try {
          const result = await fn(wrap(tx, tx));
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

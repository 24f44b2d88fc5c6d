// PostgreSQL server through postgres.js, used when DATABASE_URL is set (several gateways, one database).
import postgres from 'postgres';
import type { Database, Queryable, SqlParam, Transaction } from './database';

export async function openPostgres(url: string): Promise<Database> {
  const sql = postgres(url, {
    max: 10,
    onnotice: () => {},
    // Callers pass JSON as text to a ::jsonb parameter (the same on PGlite); postgres.js would
    // stringify that text a second time and store a JSON string instead of the object.
    types: {
      json: {
        to: 114,
        from: [114, 3802],
        serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
        parse: (text: string) => JSON.parse(text) as unknown,
      },
    },
  });
  await sql`select 1`;
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<Row>(text: string, params: SqlParam[] = []) {
      // Prepared (named) statements: the gateway's SQL is a fixed set of texts, so each is parsed
      // and planned once per connection, and a query with parameters then takes one round trip
      // instead of two (an unprepared one is described first, then bound).
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
      return rows as unknown as Row[];
    },
  });
  const inTransaction = (tx: postgres.TransactionSql): Transaction => ({
    ...wrap(tx),
    savepoint: <T>(fn: (q: Queryable) => Promise<T>) => tx.savepoint((sp) => fn(wrap(sp))) as Promise<T>,
  });
  return {
    kind: 'postgres',
    ...wrap(sql),
    async exec(text) {
      await sql.unsafe(text);
    },
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) => sql.begin((tx) => fn(inTransaction(tx))) as Promise<T>,
    close: () => sql.end({ timeout: 5 }),
  };
}

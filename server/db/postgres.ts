// PostgreSQL server through postgres.js, used when DATABASE_URL is set (several gateways, one database).
import postgres from 'postgres';
import type { Database, Queryable, SqlParam } from './database';

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
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as Row[];
    },
  });
  return {
    kind: 'postgres',
    ...wrap(sql),
    async exec(text) {
      await sql.unsafe(text);
    },
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      sql.begin((tx) => fn(wrap(tx))) as Promise<T>,
    close: () => sql.end({ timeout: 5 }),
  };
}

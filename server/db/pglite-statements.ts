// Named prepared statements on PGlite, as postgres.js keeps them on PostgreSQL (db/postgres.ts).
// PGlite's own query() parses, analyses and plans its SQL on every call, in six trips into the
// database; the batch statements of a push (sync/batch-store.ts) took longer to plan than to run.
// Here each SQL text is parsed and described once, and then runs in one trip (bind, execute,
// sync), with the plan PostgreSQL caches for a named statement.
import { parse as results, protocol, types, type PGlite, type QueryOptions } from '@electric-sql/pglite';
import type { SqlParam } from './database';

const { serialize } = protocol;
type BackendMessage = Awaited<ReturnType<PGlite['execProtocol']>>['messages'][number];

/**
 * The gateway's SQL is a fixed set of texts; this bound only keeps texts built at run time (tests,
 * tools) from filling the database session with statements. Past it, texts run unprepared.
 */
const MAX_STATEMENTS = 500;

interface Prepared {
  name: string;
  /** Type of each parameter, as the server inferred it: what decides how a value is sent. */
  paramTypes: number[];
  /** The columns of the answer (null for a statement that answers none), as described once. */
  columns: ReturnType<typeof columnsOf>;
}

const columnsOf = (messages: BackendMessage[]) => messages.find((m) => m.name === 'rowDescription') ?? null;

function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export interface StatementRunner {
  /**
   * Runs `sql` with `params` as a named statement (prepared on first use), or through `unprepared`
   * once the bound is reached. `inTransaction` says whether a transaction of ours holds PGlite:
   * then only its query lock is taken, otherwise the transaction lock too, so the statement cannot
   * land inside another caller's transaction.
   */
  run<Row>(sql: string, params: SqlParam[], inTransaction: boolean, unprepared: () => Promise<Row[]>): Promise<Row[]>;
}

export function statementRunner(pg: PGlite, serializers: NonNullable<QueryOptions['serializers']>): StatementRunner {
  const prepared = new Map<string, Prepared>();
  let made = 0;

  const prepare = async (sql: string): Promise<Prepared> => {
    const name = `motcua_${++made}`;
    const { messages } = await pg.execProtocol(joined([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]), {
      syncToFs: false,
    });
    const statement = { name, paramTypes: results.parseDescribeStatementResults(messages), columns: columnsOf(messages) };
    prepared.set(sql, statement);
    return statement;
  };

  const encode = (value: SqlParam, type: number | undefined) => {
    if (value === null || value === undefined) return null;
    const serializer = (type !== undefined && (serializers[type] ?? types.serializers[type])) || null;
    return serializer ? serializer(value) : String(value);
  };

  const execute = async <Row>(sql: string, params: SqlParam[], inTransaction: boolean): Promise<Row[]> => {
    const statement = prepared.get(sql) ?? (await prepare(sql));
    const values = params.map((value, i) => encode(value, statement.paramTypes[i]));
    const { messages } = await pg.execProtocol(joined([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]), {
      // As PGlite's query(): the files are brought up to date after a statement outside a transaction.
      syncToFs: !inTransaction,
    });
    const answer = results.parseResults(statement.columns ? [statement.columns, ...messages] : messages, pg.parsers)[0];
    return (answer?.rows ?? []) as Row[];
  };

  return {
    run<Row>(sql: string, params: SqlParam[], inTransaction: boolean, unprepared: () => Promise<Row[]>) {
      if (!prepared.has(sql) && prepared.size >= MAX_STATEMENTS) return unprepared();
      // execProtocol takes no lock of its own (PGlite's types say so); its query lock orders it with other statements.
      const locked = () => pg.runExclusive(() => execute<Row>(sql, params, inTransaction));
      return inTransaction ? locked() : pg._runExclusiveTransaction(locked);
    },
  };
}

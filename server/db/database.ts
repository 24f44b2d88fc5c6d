// The one contract the gateway needs from a database, so the same code runs on the embedded
// PGlite and on a PostgreSQL server.

export type SqlParam = string | number | boolean | null | Date | Uint8Array;

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<Row[]>;
}

/** An open transaction: queries, and savepoints for work that may have to be undone alone. */
export interface Transaction extends Queryable {
  /**
   * Runs fn inside a savepoint: when it throws, only what it did is rolled back and the
   * transaction goes on (a database error inside it no longer spoils the transaction).
   */
  savepoint<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Applies server/migrations/NNN_name.sql in order, each once, each in its own transaction.
// Hand-written because it is twenty lines: a migration tool would bring its own driver.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export async function migrate(db: Database, dir = migrationsDir): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key, applied_at timestamptz not null default now())`);
  const applied = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
  const pending = migrationNames(dir).filter((name) => !applied.has(name));
  for (const name of pending) {
    const sql = readFileSync(path.join(dir, name), 'utf8');
    await db.transaction(async (tx) => {
      // Statements run one by one: the extended protocol used inside transactions takes one at a time.
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (name) values ($1)', [name]);
    });
  }
  return pending;
}

/**
 * The migrations in the order they run: by file name, compared code unit by code unit (never by
 * locale), so two files of one number (the two 008s, from branches merged the same week) always
 * run in the same order. Each is recorded by its full name, so a database that took them in
 * another order, or one of them earlier, still gets each exactly once.
 */
export function migrationNames(dir = migrationsDir): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** Splits a migration on semicolons at line ends; our migrations hold no procedural bodies. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

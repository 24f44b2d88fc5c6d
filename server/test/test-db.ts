// Real databases for gateway tests, migrated: the embedded PGlite in a temporary folder, and, when
// TEST_DATABASE_URL names a PostgreSQL server (CI), a fresh database on it dropped afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { openPostgres } from '../db/postgres';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Every database the gateway tests should run against here: PGlite always, PostgreSQL when configured. */
export const testDatabaseKinds: TestDatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Opening PGlite compiles its WebAssembly and runs initdb: seconds on a busy machine. */
export const OPEN_DB_TIMEOUT_MS = 180_000;

/** `migrated: false` leaves the database empty, for tests of the migrations themselves. */
export async function openTestDatabase(kind: TestDatabaseKind = 'pglite', { migrated = true } = {}): Promise<{ db: Database; cleanup(): Promise<void> }> {
  if (kind === 'postgres') return openPostgresTestDatabase(migrated);
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-test-db-'));
  const db = await openPglite(dir);
  if (migrated) await migrate(db);
  return {
    db,
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgresTestDatabase(migrated: boolean): Promise<{ db: Database; cleanup(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `motcua_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  if (migrated) await migrate(db);
  return {
    db,
    async cleanup() {
      await db.close();
      await dropTestDatabase(admin, name);
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * Drops a test database. FORCE ends its other sessions, but not an autovacuum worker that a busy
 * server has started on it (that belongs to the superuser, so our role may not end it: 42501), and
 * the worker ends by itself within moments; so a refused drop is tried again before it counts.
 */
async function dropTestDatabase(admin: postgres.Sql, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== '42501' && code !== '55006') || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

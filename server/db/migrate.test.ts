// The migrator on real databases: migrations run in one fixed order (the two 008s included), a
// database migrated earlier, whichever of the two 008s it took first, ends with exactly the schema
// of a fresh one, and the old per-account lock columns are gone without touching the staff rows.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { migrate, migrationNames } from './migrate';
import { OPEN_DB_TIMEOUT_MS, openTestDatabase, testDatabaseKinds } from '../test/test-db';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
/** The one number two migrations share (merged before numbers were checked); no other may. */
const GRANDFATHERED = new Set(['008']);

/** A folder holding only the named migrations, as a database deployed earlier saw them. */
function migrationsUpTo(names: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-migrations-'));
  for (const name of names) cpSync(path.join(migrationsDir, name), path.join(dir, name));
  return dir;
}

async function schemaOf(db: Database) {
  return {
    columns: await db.query(
      `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
        where table_schema = 'public' order by table_name, column_name`,
    ),
    indexes: await db.query(`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`),
    applied: (await db.query<{ name: string }>('select name from schema_migrations order by name')).map((r) => r.name),
  };
}

describe('the order of migrations', () => {
  it('is the file names compared code unit by code unit, with no number used twice but the old 008', () => {
    const names = migrationNames();
    expect(names).toEqual(
      readdirSync(migrationsDir)
        .filter((f) => f.endsWith('.sql'))
        .sort(),
    );
    expect(names.indexOf('008_commune_files.sql')).toBeLessThan(names.indexOf('008_sign_in_throttle.sql'));
    expect(names.indexOf('008_sign_in_throttle.sql')).toBeLessThan(names.indexOf('009_drop_staff_lock.sql'));
    const numbers = names.map((n) => n.slice(0, 3));
    const twice = numbers.filter((n, i) => numbers.indexOf(n) !== i && !GRANDFATHERED.has(n));
    expect(twice, 'a migration number used twice: give the newer file the next number').toEqual([]);
  });
});

describe.each(testDatabaseKinds)('migrating on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  async function empty(): Promise<Database> {
    const { db, cleanup } = await openTestDatabase(kind, { migrated: false });
    cleanups.push(cleanup);
    return db;
  }

  it(
    'brings a database migrated earlier, whichever 008 it took first, to the schema of a fresh one',
    async () => {
      const fresh = await empty();
      expect(await migrate(fresh)).toEqual(migrationNames());
      expect(await migrate(fresh)).toEqual([]);
      const target = await schemaOf(fresh);

      const before008 = migrationNames().filter((n) => n < '008');
      for (const first of ['008_commune_files.sql', '008_sign_in_throttle.sql']) {
        const db = await empty();
        const dir = migrationsUpTo([...before008, first]);
        try {
          expect(await migrate(db, dir)).toEqual([...before008, first]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        const rest = await migrate(db);
        expect(rest).toEqual(migrationNames().filter((n) => !before008.includes(n) && n !== first));
        expect(await schemaOf(db), `after ${first} first`).toEqual(target);
      }
    },
    OPEN_DB_TIMEOUT_MS,
  );

  it(
    "keeps a pushed dossier's data as it is in its row, uncompressed, while the row fits a page",
    async () => {
      const db = await empty();
      await migrate(db);
      await db.query("insert into communes (id, name, province_code, agency_code, office_hours) values ('xa-a', 'Xã A', '15', '000.00.01.H15', '{}')");
      // About as long and as repetitive as a desk's dossier (its procedure's papers): pglz would halve it.
      const data = JSON.stringify({
        papers: Array.from({ length: 40 }, (_, i) => ({ name: `Giấy tờ số ${i} của thủ tục đăng ký khai sinh`, required: true })),
      });
      await db.query(
        `insert into dossiers (id, commune_id, code, status, procedure_code, received_at, data, version, change_kind)
         values ('d1', 'xa-a', 'C-1', 2, 'P', now(), $1::jsonb, 1, 'dossier.receive')`,
        [data],
      );
      const [row] = await db.query<{ stored: number; text: number }>(
        "select pg_column_size(data) as stored, octet_length(data::text) as text from dossiers where id = 'd1'",
      );
      expect(row!.text).toBeGreaterThan(3000);
      expect(Number(row!.stored)).toBeGreaterThanOrEqual(Number(row!.text));
    },
    OPEN_DB_TIMEOUT_MS,
  );

  it(
    'drops the old lock columns and keeps every staff member and their password',
    async () => {
      const db = await empty();
      const through008 = migrationNames().filter((n) => n < '009');
      const dir = migrationsUpTo(through008);
      try {
        await migrate(db, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await db.query("insert into communes (id, name, province_code, agency_code, office_hours) values ('xa-cu', 'Xã Cũ', '15', '000.00.01.H15', '{}')");
      await db.query(
        `insert into staff (id, commune_id, username, full_name, role, password_hash, failed_sign_ins, locked_until)
       values ('s1', 'xa-cu', 'can.bo', 'Cán Bộ Cũ', 'leader', 'scrypt$15$8$1$c2FsdA==$a2V5', 4, now() + interval '1 hour')`,
      );
      expect(await migrate(db)).toEqual(migrationNames().filter((n) => n >= '009'));
      expect(await db.query('select id, username, role, password_hash from staff')).toEqual([
        { id: 's1', username: 'can.bo', role: 'leader', password_hash: 'scrypt$15$8$1$c2FsdA==$a2V5' },
      ]);
      const columns = await db.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'staff'");
      expect(columns.map((c) => c.column_name)).not.toContain('failed_sign_ins');
      expect(columns.map((c) => c.column_name)).not.toContain('locked_until');
    },
    OPEN_DB_TIMEOUT_MS,
  );
});

// The database contract as the gateway uses it, on PGlite (prepared statements and text sent as
// bytes: db/pglite-statements.ts) and PostgreSQL alike: text and JSON arrive as written, whatever
// their script; what the database refuses is refused the same way, inside a transaction too; a
// statement prepared before a table changed still answers; statements from outside a transaction
// never land in one that is open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { isDataError } from './errors';
import { OPEN_DB_TIMEOUT_MS, openTestDatabase, testDatabaseKinds } from '../test/test-db';

const VIETNAMESE = 'Nguyễn Thị Ánh Tuyết, Xã Bản Mẫu — hồ sơ khai sinh 😀';

describe.each(testDatabaseKinds)('database statements (%s)', (kind) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await openTestDatabase(kind, { migrated: false }));
    await db.exec('create table notes (id integer primary key, body text not null, data jsonb)');
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => cleanup?.());

  it('keeps text and JSON exactly, long or short, in any script, run after run', async () => {
    const long = VIETNAMESE.repeat(5000);
    const data = { name: VIETNAMESE, quote: 'a "quoted" \\ back\nslash', list: [1, 2.5, null, true] };
    for (const [id, body] of [
      [1, VIETNAMESE],
      [2, long],
      [3, ''],
    ] as const) {
      await db.transaction((tx) => tx.query('insert into notes (id, body, data) values ($1, $2, $3::jsonb)', [id, body, JSON.stringify(data)]));
    }
    const rows = await db.query<{ id: number; body: string; data: unknown; len: number }>(
      'select id, body, data, length(body) as len from notes where id = any($1::int[]) order by id',
      ['{1,2,3}'],
    );
    expect(rows.map((r) => r.body)).toEqual([VIETNAMESE, long, '']);
    expect(rows.map((r) => Number(r.len))).toEqual([VIETNAMESE, long, ''].map((s) => [...s].length));
    for (const r of rows) expect(r.data).toEqual(data);
    // The same text again, with other values: answered for those values.
    const [again] = await db.query<{ body: string }>('select id, body, data, length(body) as len from notes where id = any($1::int[]) order by id', ['{3}']);
    expect(again?.body).toBe('');
  });

  it('refuses a NUL byte and broken JSON as data errors, and the transaction goes on past a savepoint', async () => {
    const nul = db.query('select $1::text as t', ['a\u0000b']);
    await expect(nul).rejects.toSatisfy(isDataError);
    await expect(db.query('select $1::jsonb as j', ['{"a": '])).rejects.toSatisfy(isDataError);
    await db.transaction(async (tx) => {
      await expect(tx.savepoint((sp) => sp.query('insert into notes (id, body) values ($1, $2)', [1, 'duplicate']))).rejects.toSatisfy(isDataError);
      await tx.query('insert into notes (id, body) values ($1, $2)', [10, 'after the refusal']);
    });
    expect(await db.query('select body from notes where id = $1', [10])).toEqual([{ body: 'after the refusal' }]);
  });

  it('answers a statement prepared before its table gained a column', async () => {
    const read = 'select id, body from notes where id = $1';
    expect(await db.query(read, [10])).toEqual([{ id: 10, body: 'after the refusal' }]);
    await db.exec('alter table notes add column extra text');
    await db.query('update notes set extra = $1 where id = $2', ['x', 10]);
    expect(await db.query(read, [10])).toEqual([{ id: 10, body: 'after the refusal' }]);
  });

  it('keeps a statement made outside a transaction out of one that is open', async () => {
    let release!: () => void;
    let opened!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const open = db.transaction(async (tx) => {
      await tx.query('insert into notes (id, body) values ($1, $2)', [20, 'in the transaction']);
      opened();
      await held;
      throw new Error('rolled back on purpose');
    });
    await isOpen;
    // Issued while the transaction is open; it must not become part of it (and be rolled back with it).
    const outside = db.query('insert into notes (id, body) values ($1, $2)', [21, 'on its own']);
    setTimeout(release, 50);
    await expect(open).rejects.toThrow('rolled back on purpose');
    await outside;
    const rows = await db.query<{ id: number }>('select id from notes where id = any($1::int[]) order by id', ['{20,21}']);
    expect(rows.map((r) => r.id)).toEqual([21]);
  });
});

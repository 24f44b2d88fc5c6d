// The vault's DBCore middleware: once the device's vault is set up, every write of a personal field
// is sealed and every read of a sealed row opened, whoever reads or writes (features, sync,
// reports), in the caller's own transaction. It sits below the middleware that derives fields
// (index, facts, packs), so what they write is sealed too, and above Dexie's observability, so
// live queries see the index keys really stored (tokens).
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { inUpgrade } from '../upgrades/in-upgrade';
import { lockedError, noticeSetUp, vaultNamed, type Vault } from './state';
import { BLOB_FIELDS, hasPersonalValue, PERSONAL_FIELDS, SEALED, VAULT_SETTING, type VaultRecord } from './tables';

/** The tables whose rows or bytes the vault seals: a write to them must know whether it is set up. */
const GUARDED = new Set([...Object.keys(PERSONAL_FIELDS), ...Object.keys(BLOB_FIELDS)]);
const SETTINGS = 'settings';

/**
 * A sealed row as read: its clear fields at once, its personal fields opened on first touch (all
 * together, once). A list reads hundreds of rows to plan and sort on clear fields (status, dates,
 * search tokens) and shows thirty: only those thirty pay for decryption. Reading a personal field
 * after the vault closed throws vault.locked, as reading the row then would have.
 */
function lazilyOpened(vault: Vault, table: string, row: Record<string, unknown>): Record<string, unknown> {
  const sealer = vault.sealer;
  if (!sealer) throw lockedError();
  const fields = PERSONAL_FIELDS[table]!;
  const out: Record<string, unknown> = { ...row };
  delete out[SEALED];
  let opened = false;
  const open = () => {
    if (opened) return;
    if (vault.sealer !== sealer) throw lockedError();
    const clear = sealer.openRow(table, row);
    opened = true;
    for (const f of fields) {
      if (f in clear) Object.defineProperty(out, f, { value: clear[f], writable: true, enumerable: true, configurable: true });
      else delete out[f];
    }
  };
  for (const f of fields) {
    Object.defineProperty(out, f, {
      enumerable: true,
      configurable: true,
      get() {
        open();
        return out[f];
      },
      set(value: unknown) {
        open();
        Object.defineProperty(out, f, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  return out;
}

function opener(vault: Vault, table: string) {
  return (row: unknown): unknown =>
    row === null || typeof row !== 'object' || !(SEALED in row) ? row : lazilyOpened(vault, table, row as Record<string, unknown>);
}

/**
 * The cursor with its value opened (once per position: Dexie may read it more than once). A proxy
 * that hands every other property and method out bound to the real cursor: in Chromium an
 * IDBCursor's methods refuse any other `this` ("Illegal invocation"), as Dexie's anyOf() found.
 */
function openedCursor(cursor: DBCoreCursor, open: (row: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let opened: unknown;
  return new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'value') {
        const value = target.value;
        if (value !== raw || opened === undefined) {
          raw = value;
          opened = open(value);
        }
        return opened;
      }
      const member: unknown = Reflect.get(target, prop, target);
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
    },
    set: (target, prop, value) => Reflect.set(target, prop, value, target),
  });
}

/**
 * A tab that read the `vault` setting before another tab set the vault up would go on writing clear
 * rows (and clear photos) that the set-up's sealing walk may already have passed. So while this tab
 * believes the vault is off, its writing transactions over guarded tables also take in `settings`,
 * and each write first reads the setting in the same transaction: IndexedDB orders transactions
 * with overlapping scopes, so either the set-up committed before (the write is refused as locked
 * and this tab learns it is set up) or after (the walk, which starts after it, sees the row).
 */
function guardedScope(vault: Vault, core: DBCore, stores: string[], mode: 'readonly' | 'readwrite'): string[] {
  if (vault.setUp || mode !== 'readwrite' || stores.includes(SETTINGS) || !stores.some((s) => GUARDED.has(s))) return stores;
  return core.schema.tables.some((t) => t.name === SETTINGS) ? [...stores, SETTINGS] : stores;
}

/** The write, once the setting read in its own transaction shows the vault still off (see guardedScope). */
function afterSetUpCheck(
  vault: Vault,
  core: DBCore,
  req: DBCoreMutateRequest,
  write: () => ReturnType<DBCoreTable['mutate']>,
): ReturnType<DBCoreTable['mutate']> {
  if (vault.setUp || (req.type !== 'add' && req.type !== 'put') || inUpgrade(req.trans)) return write();
  let settings: DBCoreTable;
  try {
    settings = core.table(SETTINGS);
  } catch {
    return write(); // a database without settings (some unit tests): nothing to guard
  }
  return settings.get({ trans: req.trans, key: VAULT_SETTING }).then((row: { value?: VaultRecord } | undefined) => {
    if (!row?.value) return write();
    noticeSetUp(vault, row.value);
    throw lockedError();
  });
}

/** A table with bytes but no personal fields (files): only the set-up check. */
function guardedTable(vault: Vault, core: DBCore, table: DBCoreTable): DBCoreTable {
  return { ...table, mutate: (req) => afterSetUpCheck(vault, core, req, () => table.mutate(req)) };
}

function sealingTable(vault: Vault, core: DBCore, name: string, table: DBCoreTable): DBCoreTable {
  const open = opener(vault, name);
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) => {
      if (!vault.setUp && !inUpgrade(req.trans)) return afterSetUpCheck(vault, core, req, () => table.mutate(req));
      if ((req.type !== 'add' && req.type !== 'put') || !vault.setUp || inUpgrade(req.trans)) return table.mutate(req);
      let values: unknown[];
      try {
        // (Touching a personal field of a row read earlier may throw vault.locked: a rejection, like the rest.)
        if (!req.values.some((v) => hasPersonalValue(name, v))) return table.mutate(req);
        const sealer = vault.sealer;
        if (!sealer) throw lockedError();
        values = req.values.map((v) => (hasPersonalValue(name, v) ? sealer.sealRow(name, v as Record<string, unknown>) : v));
      } catch (error) {
        return Promise.reject(error);
      }
      // The change specs (hints for Dexie's optimistic cache) would carry clear values below: dropped.
      const { changeSpec: _spec, criteria: _criteria, updates: _updates, ...rest } = req as DBCoreMutateRequest & Record<string, unknown>;
      return table.mutate({ ...rest, values } as DBCoreMutateRequest);
    },
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(open)),
    query: (req) => (req.values ? table.query(req).then((res) => ({ ...res, result: res.result.map(open) })) : table.query(req)),
    openCursor: (req) => (req.values === false ? table.openCursor(req) : table.openCursor(req).then((cursor) => cursor && openedCursor(cursor, open))),
  };
}

export const vaultMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'motcua-vault',
  // Below index (10), facts (10) and packs (9); above Dexie's hooks (2), virtual indexes (1) and observability (0).
  level: 5,
  create: (down) => {
    const vault = vaultNamed(down.schema.name);
    vault.core = down;
    return {
      ...down,
      transaction: (stores, mode, options) => down.transaction(guardedScope(vault, down, stores, mode), mode, options),
      table: (name) => {
        const table = down.table(name);
        if (PERSONAL_FIELDS[name]) return sealingTable(vault, down, name, table);
        return GUARDED.has(name) ? guardedTable(vault, down, table) : table;
      },
    };
  },
};

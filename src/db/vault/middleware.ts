// The vault's DBCore middleware: once the device's vault is set up, every write of a personal field
// is sealed and every read of a sealed row opened, whoever reads or writes (features, sync,
// reports), in the caller's own transaction. It sits below the middleware that derives fields
// (index, facts, packs), so what they write is sealed too, and above Dexie's observability, so
// live queries see the index keys really stored (tokens).
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { inUpgrade } from '../upgrades/in-upgrade';
import { lockedError, vaultNamed, type Vault } from './state';
import { hasPersonalValue, PERSONAL_FIELDS, SEALED } from './tables';

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

/** The cursor with its value opened (once per position: Dexie may read it more than once). */
function openedCursor(cursor: DBCoreCursor, open: (row: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let opened: unknown;
  return Object.create(cursor, {
    value: {
      get() {
        const value = cursor.value;
        if (value !== raw || opened === undefined) {
          raw = value;
          opened = open(value);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}

function sealingTable(vault: Vault, name: string, table: DBCoreTable): DBCoreTable {
  const open = opener(vault, name);
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) => {
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
      table: (name) => {
        const table = down.table(name);
        return PERSONAL_FIELDS[name] ? sealingTable(vault, name, table) : table;
      },
    };
  },
};

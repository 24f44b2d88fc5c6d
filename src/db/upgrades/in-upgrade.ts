// Whether a write runs inside a schema upgrade (IndexedDB's versionchange transaction). The
// middleware that derives fields on write stands aside there: each released upgrade writes its
// derived data itself, with its own frozen code (src/db/upgrades/v4-dossier-desk.ts), so what an
// old upgrade writes never follows today's rules. The DBCore transaction is IndexedDB's own.
import type { DBCoreTransaction } from 'dexie';

export function inUpgrade(trans: DBCoreTransaction): boolean {
  return (trans as Partial<IDBTransaction>).mode === 'versionchange';
}

// The catalogue in use: the highest version stored. Updates are swapped in whole, in one
// transaction, so the highest version is always a complete, validated catalogue.
import type { MotcuaDb } from './db';
import type { CatalogueRow } from './schema';

export function readCurrentCatalogue(db: MotcuaDb): Promise<CatalogueRow | undefined> {
  return db.catalogues.orderBy('version').last();
}

// The catalogue in use, read live from the device database (so an update shows at once), with
// the bundled demo seeded if the device has none yet.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Procedure } from '../../domain/catalogue';
import { getDb, readInstalledCatalogue, type InstalledCatalogue } from '../../db';
import { ensureCatalogue } from '../../sync';
import { catalogueTools } from '../../../workers/catalogue.client';
import { fieldsOf } from './procedure-text';

export interface LoadedCatalogue extends InstalledCatalogue {
  byCode: ReadonlyMap<string, Procedure>;
  fields: string[];
}

export type CatalogueState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; catalogue: LoadedCatalogue };

export function useCatalogue(): CatalogueState {
  const row = useLiveQuery(async () => (await readInstalledCatalogue(getDb())) ?? null, []);
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    // The shell seeds on start too; this covers a page opened before that finished (shared work).
    if (row !== null) return;
    ensureCatalogue(catalogueTools).catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [row]);

  const catalogue = useMemo<LoadedCatalogue | undefined>(
    () => (row ? { ...row, byCode: new Map(row.procedures.map((p) => [p.code, p])), fields: fieldsOf(row.procedures) } : undefined),
    [row],
  );
  if (catalogue) return { status: 'ready', catalogue };
  if (failure !== undefined) return { status: 'failed', message: failure };
  return { status: 'loading' };
}

// Chooses the database from the configuration and brings its schema up to date.
import path from 'node:path';
import type { GatewayConfig } from '../config';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export async function openDatabase(config: Pick<GatewayConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(path.join(config.dataDir, 'pglite'));
  await migrate(db);
  return db;
}

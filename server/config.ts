// Gateway settings, read once from the environment with safe defaults for a newcomer's laptop.
import path from 'node:path';

export interface GatewayConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Folder holding the embedded database and uploaded files. */
  dataDir: string;
  /** Folder of the built app (vite build output) served on the same origin as the API. */
  staticDir: string;
  logLevel: string;
  /** The province administrator's bearer token for /api/admin/*; admin routes are off without it. */
  adminToken: string | undefined;
  /**
   * Demo mode (MOTCUA_DEMO, on unless '0'): the demo commune gets a demo staff account, a reusable
   * enrolment code, and requests without a token to /api/communes/current and /api/code-blocks act
   * as the demo device. Never for a real province.
   */
  demoMode: boolean;
  /** The provincial/national system that receives dossiers (DongBoHoSoMC-like); off when unset. */
  upstreamUrl: string | undefined;
  /** Largest file accepted by the resumable upload endpoint. */
  maxFileBytes: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const maxFileBytes = Number(env.MOTCUA_MAX_FILE_BYTES ?? 50 * 1024 * 1024);
  if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) {
    throw new Error(`MOTCUA_MAX_FILE_BYTES must be a positive number of bytes, got "${env.MOTCUA_MAX_FILE_BYTES}"`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.MOTCUA_DATA_DIR ?? '.data'),
    staticDir: path.resolve(env.MOTCUA_STATIC_DIR ?? 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    adminToken: env.MOTCUA_ADMIN_TOKEN || undefined,
    demoMode: env.MOTCUA_DEMO !== '0',
    upstreamUrl: env.MOTCUA_UPSTREAM_URL || undefined,
    maxFileBytes,
  };
}

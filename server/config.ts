// Gateway settings, read once from the environment with safe defaults for a newcomer's laptop.
import path from 'node:path';
import { checkEscrowSecret } from './auth/escrow-secret';

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
   * Demo mode, off unless asked for (MOTCUA_DEMO=1, or `--demo`, which `npm start` passes): the
   * demo commune gets a demo staff account with a public password, the reusable enrolment code
   * DEMO, and requests without a token to /api/communes/current and /api/code-blocks act as the
   * demo device. All of it stays inside the demo commune. Never for a real province.
   */
  demoMode: boolean;
  /** The provincial/national system that receives dossiers (DongBoHoSoMC-like); off when unset. */
  upstreamUrl: string | undefined;
  /** Largest file accepted by the resumable upload endpoint. */
  maxFileBytes: number;
  /**
   * MOTCUA_ESCROW_SECRET, 64 hex characters: the key under which the devices' escrow keys are
   * kept in the database (auth/escrow-secret.ts). Unset, the gateway keeps one in its data folder.
   */
  escrowSecret: string | undefined;
}

/** MOTCUA_DEMO=1 turns demo mode on, MOTCUA_DEMO=0 off (even with --demo); unset, only --demo does. */
export function readDemoMode(env: NodeJS.ProcessEnv, argv: readonly string[]): boolean {
  const value = env.MOTCUA_DEMO;
  if (value !== undefined && value !== '' && value !== '0' && value !== '1') {
    throw new Error(`MOTCUA_DEMO must be 1 (demo) or 0 (a real province), got "${value}"`);
  }
  if (value === '1') return true;
  if (value === '0') return false;
  return argv.includes('--demo');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): GatewayConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const maxFileBytes = Number(env.MOTCUA_MAX_FILE_BYTES ?? 50 * 1024 * 1024);
  if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) {
    throw new Error(`MOTCUA_MAX_FILE_BYTES must be a positive number of bytes, got "${env.MOTCUA_MAX_FILE_BYTES}"`);
  }
  const escrowSecret = env.MOTCUA_ESCROW_SECRET || undefined;
  checkEscrowSecret(escrowSecret);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.MOTCUA_DATA_DIR ?? '.data'),
    staticDir: path.resolve(env.MOTCUA_STATIC_DIR ?? 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    adminToken: env.MOTCUA_ADMIN_TOKEN || undefined,
    demoMode: readDemoMode(env, argv),
    upstreamUrl: env.MOTCUA_UPSTREAM_URL || undefined,
    maxFileBytes,
    escrowSecret,
  };
}

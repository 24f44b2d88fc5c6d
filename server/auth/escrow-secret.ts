// The gateway's escrow secret: the key under which the devices' escrow keys are kept in the
// database (escrow.ts), so that a copy of the database alone (a dump, a backup, the disk of the
// database server) opens no device's data. A province gives it as MOTCUA_ESCROW_SECRET and keeps
// it apart from the database; otherwise the gateway makes one on its first start and keeps it in
// its data folder (`escrow-secret`, readable by the gateway's user only), which protects copies
// of a PostgreSQL database but not a copy of the whole folder with the embedded one.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ESCROW_SECRET_FILE = 'escrow-secret';
const SECRET_BYTES = 32;
const HEX_SECRET = /^[0-9a-f]{64}$/i;

/** The secret from its hex form, or a clear error naming where it came from. */
function parsed(hex: string, from: string): Buffer {
  const text = hex.trim();
  if (!HEX_SECRET.test(text)) throw new Error(`${from} must be ${SECRET_BYTES} bytes as 64 hexadecimal characters (e.g. openssl rand -hex 32)`);
  return Buffer.from(text, 'hex');
}

/** Whether MOTCUA_ESCROW_SECRET, when given, is well formed (read at start, before anything runs). */
export function checkEscrowSecret(hex: string | undefined): void {
  if (hex !== undefined) parsed(hex, 'MOTCUA_ESCROW_SECRET');
}

/** The secret: `hex` when given (MOTCUA_ESCROW_SECRET), else the data folder's, made on first use. */
export function loadEscrowSecret(hex: string | undefined, dataDir: string): Buffer {
  if (hex !== undefined) return parsed(hex, 'MOTCUA_ESCROW_SECRET');
  const file = path.join(dataDir, ESCROW_SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // Made only if absent ('wx'): two gateways starting on one folder keep the first one's.
    writeFileSync(file, `${randomBytes(SECRET_BYTES).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parsed(readFileSync(file, 'utf8'), file);
}

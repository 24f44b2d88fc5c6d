// Where the escrow secret comes from: MOTCUA_ESCROW_SECRET when the province gives it (checked at
// start), else a file made once in the data folder, readable by the gateway's user only, and kept.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { ESCROW_SECRET_FILE, loadEscrowSecret } from './escrow-secret';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-escrow-secret-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the escrow secret', () => {
  it('is the one given, and then no file is made', () => {
    const dir = freshDir();
    const hex = 'ab'.repeat(32);
    expect(loadEscrowSecret(hex, dir).toString('hex')).toBe(hex);
    expect(() => statSync(path.join(dir, ESCROW_SECRET_FILE))).toThrow();
  });

  it('is made once in the data folder, for the gateway user only, and the same at every start', () => {
    const dir = path.join(freshDir(), 'not-yet');
    const first = loadEscrowSecret(undefined, dir);
    expect(first).toHaveLength(32);
    const file = path.join(dir, ESCROW_SECRET_FILE);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadEscrowSecret(undefined, dir).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
  });

  it('refuses a malformed secret, given or found, rather than make another', () => {
    for (const bad of ['', 'xyz', 'ab'.repeat(31), 'ab'.repeat(33)]) {
      expect(() => readConfig({ MOTCUA_ESCROW_SECRET: bad || ' ' }, [])).toThrow(/MOTCUA_ESCROW_SECRET must be 32 bytes/);
    }
    expect(readConfig({ MOTCUA_ESCROW_SECRET: 'AB'.repeat(32) }, []).escrowSecret).toBe('AB'.repeat(32));
    expect(readConfig({}, []).escrowSecret).toBeUndefined();
    const dir = freshDir();
    writeFileSync(path.join(dir, ESCROW_SECRET_FILE), 'not a secret\n');
    expect(() => loadEscrowSecret(undefined, dir)).toThrow(/must be 32 bytes/);
  });
});

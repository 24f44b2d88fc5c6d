// Searching a Chromium profile folder's bytes for text in every encoding it may take on disk
// (UTF-8; UTF-16LE, as V8 serializes two-byte strings; UTF-16BE, as IndexedDB encodes index keys;
// Latin-1, one byte a character), for the encryption-at-rest tests (issue 13).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(text, 'utf8'), le, be, Buffer.from(text, 'latin1')];
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The files of the folder holding any of `secrets` in any encoding, as "file: secret". */
export function filesHolding(dir: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const secret of secrets) if (encodings(secret).some((e) => bytes.includes(e))) found.push(`${path.relative(dir, file)}: ${secret}`);
  }
  return found;
}

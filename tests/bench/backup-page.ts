// Runs inside the app's page for the backup benchmark (bundled by backup.bench.ts): receives the
// dossiers through the app's intake code (drain-page.ts), then exports them with the app's own
// backup code, sealed and, as the baseline, plain (the same records, no encryption), and imports
// a sealed file on another device.
import { backupRecords, readUnsyncedWork } from '../../src/db/backup';
import type { BackupKind } from '../../src/domain/backup';
import { downloadBlob, exportUnsynced, importBackup, type BackupTarget } from '../../src/features/settings/backup-file';
import { getDb, setCurrentOfficer } from '../../src/db';
import { recordsToStream } from '../../src/shared/lib/record-stream';

export { generate } from './drain-page';

let lastSealed: Blob | undefined;

/** A target that keeps the sealed bytes in memory, so the figure is the app's work, not the disk's. */
function memoryTarget(name: string): BackupTarget {
  const pieces: Uint8Array[] = [];
  let finished!: (blob: Blob) => void;
  const blob = new Promise<Blob>((resolve) => (finished = resolve));
  const writable = new WritableStream<Uint8Array>({
    write: (chunk) => void pieces.push(chunk),
    close: () => finished(new Blob(pieces as BlobPart[])),
  });
  return { name, writable, done: () => blob };
}

export interface Timed {
  ms: number;
  bytes: number;
}

/** The app's export into memory: read, records, seal (PBKDF2 at the app's setting, AES-GCM per 64 KB chunk). */
export async function exportSealed(passphrase: string, kind: BackupKind): Promise<Timed & { entries: number; files: number }> {
  const target = memoryTarget('bench.motcua');
  const started = performance.now();
  // The app's export hands a finished blob to downloadBlob; here done() returns it to us instead (null: nothing downloaded).
  let sealed: Blob | null = null;
  // Exporting needs a signed-in officer (issue 14 item 5); the bench plays one.
  setCurrentOfficer({ staffId: 'bench-officer', username: 'bench', fullName: 'Cán bộ đo', role: 'receptionOfficer' });
  const outcome = await exportUnsynced(passphrase, { ...target, done: async () => ((sealed = await target.done()), null) }, () => undefined, undefined, kind);
  const ms = performance.now() - started;
  lastSealed = sealed!;
  return { ms, bytes: lastSealed.size, entries: outcome.entries, files: outcome.files };
}

/** Baseline: the same read and records, written plain. Also the raw payload: files' bytes plus the rows' JSON. */
export async function exportPlain(kind: BackupKind): Promise<Timed & { payload: number }> {
  const started = performance.now();
  const work = await readUnsyncedWork(getDb(), new Date(), kind);
  const blob = await new Response(recordsToStream(backupRecords(work))).blob();
  const ms = performance.now() - started;
  const encoder = new TextEncoder();
  const json = (v: unknown) => encoder.encode(JSON.stringify(v)).length;
  const rows = [...work.entries, ...work.dossiers, ...work.drafts, ...work.attachments, ...work.processingLog].reduce((n, row) => n + json(row), 0);
  const files = work.files.reduce((n, f) => n + f.blob.size, 0);
  return { ms, bytes: blob.size, payload: rows + files };
}

/** Hands the last sealed file to the browser as a download (the bench saves it for the other device). */
export function downloadLast(name: string): void {
  downloadBlob(lastSealed!, name);
}

/** The app's import of the file chosen in `input`: open, authenticate whole, check every file's hash, merge. */
export async function importChosen(selector: string, passphrase: string): Promise<{ ms: number; added: number; logLines: number; skipped: number }> {
  const file = (document.querySelector(selector) as HTMLInputElement).files![0]!;
  const started = performance.now();
  const report = await importBackup(file, passphrase);
  return { ms: performance.now() - started, added: report.entries + report.dossiers + report.files, logLines: report.processingLog, skipped: report.skipped };
}

/** PBKDF2 alone at the app's setting: the fixed cost inside each export and import. */
export async function deriveOnce(iterations: number): Promise<number> {
  const started = performance.now();
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('mat khau do toc do'), 'PBKDF2', false, ['deriveBits']);
  await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations }, material, 512);
  return performance.now() - started;
}

// The backup file end to end (issue 14): the device's unsynced work → records → sealed stream →
// a file the officer saves (File System Access API where the browser has it, a download
// otherwise); and back: file → opened and checked whole → merged in one transaction. Loaded only
// when the officer starts one of them.
import { currentOfficer, getDb, isQuotaError } from '../../db';
import { backupRecords, mergeBackup, readBackupRecords, readUnsyncedWork, type MergeReport } from '../../db/backup';
import type { BackupKind } from '../../domain/backup';
import { codedError, MotcuaError } from '../../domain/errors';
import { markWorkHeld, settleLostWork } from '../../db/safekeeping';
import { recordsToStream, RecordStreamError, streamToRecords } from '../../shared/lib/record-stream';
import { openSealed, sealStream, SealedFileError } from '../../shared/lib/sealed-stream';

/** Where the sealed bytes go; opened before the slow work, while the officer's click still counts. */
export interface BackupTarget {
  name: string;
  writable: WritableStream<Uint8Array>;
  /** For a download: the bytes, once written (null when saved through a file handle). */
  done(): Promise<Blob | null>;
}

interface SaveFilePicker {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>;
}

export const BACKUP_EXTENSION = '.motcua';

/** The file's name says when, never whose: the stick may be lost. */
export function backupFileName(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `motcua-sao-luu-${stamp}${BACKUP_EXTENSION}`;
}

/**
 * Asks where to save (File System Access API), or prepares a download. Null when the officer
 * closed the picker. Call it first in the click handler: the picker needs the click's activation.
 */
export async function chooseBackupTarget(name = backupFileName()): Promise<BackupTarget | null> {
  const picker = (globalThis as SaveFilePicker).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: name, types: [{ description: 'Motcua', accept: { 'application/octet-stream': [BACKUP_EXTENSION] } }] });
      return { name, writable: await handle.createWritable(), done: async () => null };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      // A browser that has the picker but may not use it here (a policy, a headless run): download instead.
    }
  }
  const pieces: Uint8Array[] = [];
  let finished!: (blob: Blob) => void;
  const blob = new Promise<Blob>((resolve) => (finished = resolve));
  const writable = new WritableStream<Uint8Array>({
    write: (chunk) => void pieces.push(chunk),
    close: () => finished(new Blob(pieces as BlobPart[], { type: 'application/octet-stream' })),
  });
  return { name, writable, done: () => blob };
}

/** Hands a finished download to the browser. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ExportOutcome {
  entries: number;
  dossiers: number;
  files: number;
  bytes: number;
  name: string;
}

/** Counts plaintext bytes on their way to the sealer, for the progress bar. */
function counting(onBytes: (n: number) => void): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.length;
      onBytes(total);
      controller.enqueue(chunk);
    },
  });
}

/**
 * Writes the unsynced work (or, for `full`, all the commune's data on this device), sealed with the
 * passphrase, to the target. `onProgress` gets 0…1 (estimated by the files' sizes, which make
 * nearly all of a backup).
 */
export async function exportUnsynced(
  passphrase: string,
  target: BackupTarget,
  onProgress: (share: number) => void,
  iterations?: number,
  kind: BackupKind = 'unsynced',
): Promise<ExportOutcome> {
  // Issue 14 item 5: the commune's work leaves the device only in the hands of a signed-in officer
  // (issue 13), checked before anything is read; the file itself holds nothing in clear.
  if (!currentOfficer()) {
    await target.writable.abort().catch(() => undefined);
    throw new MotcuaError('backup.sign_in_required', 'Cần một cán bộ đăng nhập trên máy mới được sao lưu ra tệp.');
  }
  let work;
  try {
    work = await readUnsyncedWork(getDb(), new Date(), kind);
  } catch (error) {
    await target.writable.abort(error).catch(() => undefined);
    throw error;
  }
  const estimate = Math.max(1, work.files.reduce((n, f) => n + f.size, 0) + 2048 * (work.entries.length + work.dossiers.length + work.drafts.length));
  let written = 0;
  const size = counting((n) => onProgress(Math.min(0.99, n / estimate)));
  const sealed = recordsToStream(backupRecords(work))
    .pipeThrough(size)
    .pipeThrough(
      sealStream({ passphrase, meta: { app: 'motcua', kind: work.meta.kind, exportedAt: work.meta.exportedAt }, ...(iterations ? { iterations } : {}) }),
    )
    .pipeThrough(counting((n) => (written = n)));
  await sealed.pipeTo(target.writable);
  const blob = await target.done();
  if (blob) downloadBlob(blob, target.name);
  onProgress(1);
  return { entries: work.entries.length, dossiers: work.dossiers.length, files: work.files.length, bytes: written, name: target.name };
}

/**
 * Opens, checks and merges a backup file. The whole file is read and authenticated before the
 * merge's one transaction begins, so a wrong passphrase, a cut or altered file, another commune's
 * file or a failure half-way changes nothing.
 */
export async function importBackup(file: Blob, passphrase: string, minIterations?: number): Promise<MergeReport> {
  const opened = await openSealed(file.stream(), passphrase, minIterations ? { minIterations } : {});
  const content = await readBackupRecords(streamToRecords(opened.plaintext));
  // Files are stored under their SHA-256 and never replaced: bytes that are not what their name says would stay.
  for (const { head, blob } of content.files) {
    if ((await sha256Hex(blob)) !== head.sha256) throw new MotcuaError('backup.bad_content', 'Một tệp giấy tờ trong bản sao lưu không khớp mã băm của nó.');
  }
  const db = getDb();
  const report = await mergeBackup(db, content);
  // Taking a backup in is the way back from a lost database: the start's notice is settled, and a device that now holds work is marked.
  if (report.entries + report.dossiers + report.drafts + report.files + report.processingLog > 0) await settleLostWork(db);
  else await markWorkHeld(db);
  return report;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The error's code for the officer's message: the format's, the merge's, or a full disk. */
export function backupErrorCode(error: unknown): string | undefined {
  if (error instanceof SealedFileError) return error.code;
  // A record cut inside an authenticated stream is an altered file (the sealed layer catches cuts first).
  if (error instanceof RecordStreamError) return 'backup.damaged';
  if (isQuotaError(error)) return 'backup.storage_full';
  return codedError(error).code;
}

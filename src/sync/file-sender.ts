// Sends the files of dossiers before their changes are pushed: a change that names a file is
// only useful once the gateway holds its bytes. Each file goes once, by hash (one the gateway
// already has is not sent again), resumably, with its upload state kept in Dexie.
import {
  filesOfDossier,
  markDossiersSending,
  readFileBlob,
  readUpload,
  recordUploadDamaged,
  recordUploadDone,
  recordUploadFailed,
  recordUploadOffset,
  recordUploadUrl,
  type AttachmentRow,
  type MotcuaDb,
} from '../db';
import { FILES_URL, tusUploader, type UploadOutcome, type Uploader } from './tus-upload';

export interface FileSendContext {
  db: MotcuaDb;
  fetchImpl: typeof fetch;
  token: string | undefined;
  uploader?: Uploader;
}

export type FilesOutcome = { kind: 'done' } | { kind: 'auth' } | { kind: 'retry'; reason: string };

/**
 * Damaged arrivals tolerated before a file counts as refused: a flaky link damages one transfer,
 * not three in a row; a device copy that no longer matches its hash would fail every time.
 */
export const MAX_DAMAGED_UPLOADS = 3;

/** Asks whether the gateway already holds these bytes (a file used by an earlier dossier, another tab's upload). */
async function gatewayHas(ctx: FileSendContext, sha256: string): Promise<boolean | UploadOutcome> {
  // Called unbound: the browser's fetch refuses to run as a method of another object.
  const { fetchImpl } = ctx;
  let response: Response;
  try {
    response = await fetchImpl(`${FILES_URL}/by-hash/${sha256}`, {
      cache: 'no-store',
      headers: ctx.token ? { authorization: `Bearer ${ctx.token}` } : {},
    });
  } catch (error) {
    return { kind: 'retry', reason: `Mất kết nối khi kiểm tra tệp (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (response.status === 401) return { kind: 'auth' };
  if (response.ok) return true;
  if (response.status === 404) return false;
  return { kind: 'retry', reason: `Máy chủ trả lời ${response.status} khi kiểm tra tệp.` };
}

export async function ensureFileOnGateway(ctx: FileSendContext, file: Pick<AttachmentRow, 'sha256' | 'name' | 'type' | 'size'>): Promise<UploadOutcome> {
  const { db } = ctx;
  const { sha256 } = file;
  const state = await readUpload(db, sha256);
  if (state?.status === 'done') return { kind: 'done' };
  const has = await gatewayHas(ctx, sha256);
  if (has === true) {
    await recordUploadDone(db, sha256, file.size);
    return { kind: 'done' };
  }
  if (has !== false) return has;
  // Refused for good earlier (and no other device sent it since): not sent again and again; the
  // gateway judges the change that names it, with a reason the officer sees.
  if (state?.status === 'failed') return { kind: 'refused', reason: state.lastError ?? '' };
  const blob = await readFileBlob(db, sha256);
  if (!blob) {
    await recordUploadFailed(db, sha256, file.size, 'Tệp không còn trên máy.');
    return { kind: 'refused', reason: 'Tệp không còn trên máy.' };
  }
  // Callbacks fire while the upload runs; each write is awaited before the outcome is reported.
  const writes: Promise<void>[] = [];
  const outcome = await (ctx.uploader ?? tusUploader)(
    { sha256, blob, name: file.name, type: file.type || blob.type, size: blob.size },
    {
      token: ctx.token,
      ...(state?.url ? { resumeUrl: state.url } : {}),
      onUrl: (url) => void writes.push(recordUploadUrl(db, sha256, blob.size, url)),
      onOffset: (offset) => void writes.push(recordUploadOffset(db, sha256, blob.size, offset)),
    },
  );
  await Promise.all(writes);
  if (outcome.kind === 'done') await recordUploadDone(db, sha256, blob.size);
  if (outcome.kind === 'refused') await recordUploadFailed(db, sha256, blob.size, outcome.reason);
  if (outcome.kind === 'damaged') {
    // The gateway dropped the damaged bytes: start over with a new upload on the next attempt.
    if ((await recordUploadDamaged(db, sha256, blob.size, outcome.reason)) < MAX_DAMAGED_UPLOADS) return { kind: 'retry', reason: outcome.reason };
    await recordUploadFailed(db, sha256, blob.size, outcome.reason);
    return { kind: 'refused', reason: outcome.reason };
  }
  return outcome;
}

/**
 * Marks the dossiers as sending and makes sure the gateway holds each of their files. Stops at
 * the first outcome that needs the pump to stop (no link, token refused); a file refused for good
 * does not stop it: the gateway then refuses the change naming it, with the reason, for the
 * officer to see.
 */
export async function sendDossierFiles(ctx: FileSendContext, dossierIds: readonly string[]): Promise<FilesOutcome> {
  await markDossiersSending(ctx.db, dossierIds, true);
  for (const id of dossierIds) {
    for (const file of await filesOfDossier(ctx.db, id)) {
      const outcome = await ensureFileOnGateway(ctx, file);
      if (outcome.kind === 'auth' || outcome.kind === 'retry') return outcome;
    }
  }
  return { kind: 'done' };
}

// Sends the files of dossiers before their changes are pushed: a change that names a file is
// only useful once the gateway holds its bytes. Each file goes once, by hash (one the gateway
// already has is not sent again: one question per batch), resumably, with its upload state kept
// in Dexie.
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
import type { MotcuaError } from '../domain/errors';
import { syncProblems } from './sync-problems';
import { FILES_URL, tusUploader, type UploadOutcome, type Uploader } from './tus-upload';

export interface FileSendContext {
  db: MotcuaDb;
  fetchImpl: typeof fetch;
  token: string | undefined;
  uploader?: Uploader;
}

export type FilesOutcome = { kind: 'done' } | { kind: 'auth' } | { kind: 'retry'; reason: MotcuaError };

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
    return { kind: 'retry', reason: syncProblems.checkOffline(error) };
  }
  if (response.status === 401) return { kind: 'auth' };
  if (response.ok) return true;
  if (response.status === 404) return false;
  return { kind: 'retry', reason: syncProblems.checkStatus(response.status) };
}

/** Hashes per question: the gateway takes up to 500. */
const HELD_QUERY_SIZE = 200;

/**
 * Which of these files the gateway holds, asked once for the lot: on a 300 ms uplink a question
 * per file cost as much as sending a small page. Null when the gateway cannot answer this
 * question (an older gateway): the files are then asked about one by one.
 */
async function gatewayHolds(ctx: FileSendContext, hashes: readonly string[]): Promise<Set<string> | null | Exclude<FilesOutcome, { kind: 'done' }>> {
  const { fetchImpl } = ctx;
  const held = new Set<string>();
  for (let i = 0; i < hashes.length; i += HELD_QUERY_SIZE) {
    let response: Response;
    try {
      response = await fetchImpl(`${FILES_URL}/held`, {
        method: 'POST',
        cache: 'no-store',
        headers: { 'content-type': 'application/json', ...(ctx.token ? { authorization: `Bearer ${ctx.token}` } : {}) },
        body: JSON.stringify({ sha256: hashes.slice(i, i + HELD_QUERY_SIZE) }),
      });
    } catch (error) {
      return { kind: 'retry', reason: syncProblems.checkOffline(error) };
    }
    if (response.status === 401) return { kind: 'auth' };
    if (response.status === 404 || response.status === 405) return null;
    const answer = response.ok ? ((await response.json().catch(() => null)) as { held?: unknown } | null) : null;
    if (!Array.isArray(answer?.held)) return { kind: 'retry', reason: syncProblems.checkStatus(response.status) };
    for (const sha256 of answer.held) if (typeof sha256 === 'string') held.add(sha256);
  }
  return held;
}

/**
 * Makes sure the gateway holds one file. `held` is the batch answer when there was one;
 * without it the gateway is asked about this file alone.
 */
export async function ensureFileOnGateway(
  ctx: FileSendContext,
  file: Pick<AttachmentRow, 'sha256' | 'name' | 'type' | 'size'>,
  held?: boolean,
): Promise<UploadOutcome> {
  const { db } = ctx;
  const { sha256 } = file;
  const state = await readUpload(db, sha256);
  if (state?.status === 'done') return { kind: 'done' };
  const has = held ?? (await gatewayHas(ctx, sha256));
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
    if ((await recordUploadDamaged(db, sha256, blob.size, outcome.reason)) < MAX_DAMAGED_UPLOADS)
      return { kind: 'retry', reason: syncProblems.uploadDamaged(outcome.reason) };
    await recordUploadFailed(db, sha256, blob.size, outcome.reason);
    return { kind: 'refused', reason: outcome.reason };
  }
  return outcome;
}

/**
 * Files sent at once. On a slow uplink with a long round trip one upload at a time leaves the
 * link idle while each request waits for its answer; two or three in flight keep it busy without
 * splitting it so thin that every file arrives late.
 */
export const PARALLEL_UPLOADS = 3;

/**
 * Marks the dossiers as sending and makes sure the gateway holds each of their files, a few at a
 * time. Stops starting new ones at the first outcome that needs the pump to stop (no link, token
 * refused); a file refused for good does not stop it: the gateway then refuses the change naming
 * it, with the reason, for the officer to see.
 */
export async function sendDossierFiles(ctx: FileSendContext, dossierIds: readonly string[]): Promise<FilesOutcome> {
  await markDossiersSending(ctx.db, dossierIds, true);
  // Once per hash: a file two dossiers share must not be uploaded twice at the same time.
  const files = new Map<string, AttachmentRow>();
  for (const id of dossierIds) for (const file of await filesOfDossier(ctx.db, id)) if (!files.has(file.sha256)) files.set(file.sha256, file);
  const unsent = new Set<string>();
  for (const sha256 of files.keys()) if ((await readUpload(ctx.db, sha256))?.status !== 'done') unsent.add(sha256);
  const held = unsent.size > 0 ? await gatewayHolds(ctx, [...unsent]) : new Set<string>();
  if (held !== null && !(held instanceof Set)) return held; // no link, or signed out
  // Noted at once: if a later file's upload is cut, these are not asked about again.
  for (const file of files.values()) if (held?.has(file.sha256)) await recordUploadDone(ctx.db, file.sha256, file.size);

  const queue = [...files.values()].filter((file) => unsent.has(file.sha256) && !held?.has(file.sha256));
  let stop: Exclude<FilesOutcome, { kind: 'done' }> | undefined;
  const sendNext = async (): Promise<void> => {
    for (let file = queue.shift(); file && !stop; file = queue.shift()) {
      const outcome = await ensureFileOnGateway(ctx, file, held ? false : undefined);
      if (outcome.kind === 'auth')
        stop = outcome; // signing in again comes before any retry
      else if (outcome.kind === 'retry') stop ??= outcome;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, queue.length) }, sendNext));
  return stop ?? { kind: 'done' };
}

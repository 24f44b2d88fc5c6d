// One file to the gateway with tus (resumable, in chunks), named by its SHA-256 in the upload's
// metadata so the gateway can check the bytes it received. tus-js-client is loaded on first use:
// the first screen never needs it.
import type { DetailedError } from 'tus-js-client';
import type { MotcuaError } from '../domain/errors';
import { syncProblems } from './sync-problems';

export const FILES_URL = '/api/files';
/** Small chunks: on a 2G uplink a cut costs at most this much to send again. */
const CHUNK_BYTES = 512 * 1024;
/**
 * Up to this size a file rides whole on the creating POST (tus creation-with-upload): one round
 * trip instead of two. Larger ones create first and then send chunks, because the gateway keeps
 * what a cut PATCH delivered and the device resumes there, while a POST cut mid-way is lost whole.
 */
const ONE_REQUEST_BYTES = 128 * 1024;

export interface FileToSend {
  sha256: string;
  blob: Blob;
  name: string;
  type: string;
  size: number;
}

export type UploadOutcome =
  | { kind: 'done' }
  | { kind: 'auth' }
  /** Worth trying again later: no link, a gateway fault, a lock held elsewhere. */
  | { kind: 'retry'; reason: MotcuaError }
  /** The bytes arrived damaged (the gateway's hash differs from the declared one) and were dropped. */
  | { kind: 'damaged'; reason: string }
  /** The gateway refused these bytes for good (too large, malformed). */
  | { kind: 'refused'; reason: string };

export interface UploadHooks {
  token: string | undefined;
  /** Where a previous attempt stopped; the gateway says how far it got. */
  resumeUrl?: string;
  onUrl(url: string): void;
  onOffset(offset: number): void;
}

export type Uploader = (file: FileToSend, hooks: UploadHooks) => Promise<UploadOutcome>;

/** What a failed tus upload means for the pump, judged by the gateway's answer (if any). */
export function uploadOutcomeOf(error: Error | DetailedError): UploadOutcome {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  const status = response?.getStatus() ?? 0;
  if (status === 401) return { kind: 'auth' };
  const said = response?.getBody().trim();
  // 460: the gateway hashed the bytes and they differ from the declared SHA-256. The device's copy
  // matched its hash when stored, so the link most likely damaged them: worth sending again.
  if (status === 460) return { kind: 'damaged', reason: said || 'Tệp bị hỏng trên đường truyền.' };
  // 413: too large; 400: malformed. Sending the same again would earn the same answer.
  if (status === 400 || status === 413) return { kind: 'refused', reason: said || `Máy chủ từ chối tệp (${status}).` };
  return { kind: 'retry', reason: status ? syncProblems.uploadStatus(status) : syncProblems.uploadOffline(error) };
}

export const tusUploader: Uploader = async (file, hooks) => {
  const { Upload } = await import('tus-js-client');
  return new Promise<UploadOutcome>((resolve) => {
    const upload = new Upload(file.blob, {
      endpoint: new URL(FILES_URL, globalThis.location.href).href,
      uploadUrl: hooks.resumeUrl ?? null,
      metadata: { sha256: file.sha256, filename: file.name, filetype: file.type },
      headers: hooks.token ? { authorization: `Bearer ${hooks.token}` } : {},
      chunkSize: CHUNK_BYTES,
      // A scanned page (20-100 KB) goes in one round trip; on a 300 ms uplink that is most of its cost.
      uploadDataDuringCreation: file.size <= ONE_REQUEST_BYTES,
      // A few quick retries for a blip; longer outages are the pump's backoff.
      retryDelays: [0, 1_000, 3_000],
      // Resuming is ours (the URL is kept in Dexie with the file's hash), not localStorage's.
      storeFingerprintForResuming: false,
      onUploadUrlAvailable: () => {
        if (upload.url) hooks.onUrl(upload.url);
      },
      onChunkComplete: (_chunk, accepted) => hooks.onOffset(accepted),
      onSuccess: () => resolve({ kind: 'done' }),
      onError: (error) => resolve(uploadOutcomeOf(error)),
    });
    upload.start();
  });
};

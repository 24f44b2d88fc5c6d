// Fetches a paper this device does not hold from the gateway, when an officer opens it: a dossier
// another device made (a community team's online submission, another desk's dossier) arrives by
// pull with its papers named, not carried. The bytes are checked against the hash the dossier
// names before they are kept (sealed like any other file), so a damaged or wrong answer is refused.
import { keepFetchedFile, readFileBlob, type AttachmentRow, type MotcuaDb } from '../db';
import { MotcuaError } from '../domain/errors';
import { authHeaders } from './auth';
import { FILES_URL } from './tus-upload';

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The paper's clear bytes: from the device when it holds them, else fetched, checked and kept. */
export async function fetchPaper(db: MotcuaDb, file: Pick<AttachmentRow, 'sha256' | 'type' | 'name' | 'size'>, fetchImpl: typeof fetch = fetch): Promise<Blob> {
  const held = await readFileBlob(db, file.sha256);
  if (held) return held;
  let response: Response;
  try {
    response = await fetchImpl(`${FILES_URL}/by-hash/${file.sha256}/content`, { cache: 'no-store', headers: await authHeaders(db) });
  } catch {
    throw new MotcuaError('file.fetch_offline', 'Máy đang mất kết nối: chưa tải được giấy tờ này từ máy chủ. Thử lại khi có mạng.');
  }
  if (!response.ok) {
    throw new MotcuaError('file.fetch_failed', `Máy chủ chưa trả được giấy tờ này (mã ${response.status}).`, { status: response.status });
  }
  const bytes = await response.arrayBuffer();
  if ((await sha256Hex(bytes)) !== file.sha256) {
    throw new MotcuaError('file.fetch_damaged', 'Giấy tờ tải về không khớp với bản đã nộp (hỏng trên đường truyền). Thử lại.');
  }
  const blob = new Blob([bytes], { type: file.type });
  await keepFetchedFile(db, { sha256: file.sha256, blob, type: file.type, size: blob.size, name: file.name });
  return blob;
}

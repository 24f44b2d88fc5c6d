// What a file really is, judged by its first bytes (magic numbers), never by its name or the type
// the browser guessed: a renamed or hostile file is refused before anything stores it.

export type FileKind = 'jpeg' | 'png' | 'pdf';

export const MIME_OF: Record<FileKind, string> = { jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/** 25 MB: a 12-megapixel JPEG or a multi-page scanned PDF fits; a video or a disk image does not. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

export function sniffFileKind(head: Uint8Array): FileKind | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  return undefined;
}

export type FileCheck = { ok: true; kind: FileKind; mime: string } | { ok: false; reason: 'type' | 'size' | 'empty' };

export function checkAttachment(head: Uint8Array, size: number, maxBytes = MAX_ATTACHMENT_BYTES): FileCheck {
  if (size === 0) return { ok: false, reason: 'empty' };
  if (size > maxBytes) return { ok: false, reason: 'size' };
  const kind = sniffFileKind(head);
  return kind ? { ok: true, kind, mime: MIME_OF[kind] } : { ok: false, reason: 'type' };
}

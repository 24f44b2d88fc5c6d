// What a file really is, judged by its first bytes (magic numbers), never by its name or the type
// the browser guessed: a renamed or hostile file is refused before anything stores it. The one
// sniffer of the house: the digitize worker's input check and the desk's attachment check use it.
import { ACCEPTED_TYPES, INPUT_LIMITS, type InputKind } from '../digitize';

/** What the desk keeps: JPEG and PNG photos or scans, and PDFs. */
export type FileKind = InputKind;
/** Images a phone or scanner may hand over that the desk does not take, named so the officer is told which. */
export type OtherImageKind = 'webp' | 'heic' | 'gif' | 'tiff' | 'bmp';

export const MIME_OF: Record<FileKind, string> = ACCEPTED_TYPES;

/** A PDF's header may follow a little junk; PDF readers look for it within the first 1024 bytes. */
export const PDF_HEADER_WINDOW = 1024;

/** 25 MB: a 12-megapixel JPEG or a multi-page scanned PDF fits; a video or a disk image does not. */
export const MAX_ATTACHMENT_BYTES = INPUT_LIMITS.maxPdfBytes;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** What a file's first bytes (at least PDF_HEADER_WINDOW of them, where there are) say it is. */
export function sniffKind(head: Uint8Array): FileKind | OtherImageKind | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, Math.min(head.length, PDF_HEADER_WINDOW)).includes('%PDF-')) return 'pdf';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 8) === 'ftyp' && /^(heic|heix|mif1|msf1|heif|avif)$/.test(ascii(head, 8, 12))) return 'heic';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (startsWith(head, [0x49, 0x49, 42, 0]) || startsWith(head, [0x4d, 0x4d, 0, 42])) return 'tiff';
  if (ascii(head, 0, 2) === 'BM') return 'bmp';
  return undefined;
}

/** One of the kinds the desk keeps, or undefined. */
export function sniffFileKind(head: Uint8Array): FileKind | undefined {
  const kind = sniffKind(head);
  return kind === 'jpeg' || kind === 'png' || kind === 'pdf' ? kind : undefined;
}

export type FileCheck = { ok: true; kind: FileKind; mime: string } | { ok: false; reason: 'type' | 'size' | 'empty' };

export function checkAttachment(head: Uint8Array, size: number, maxBytes = MAX_ATTACHMENT_BYTES): FileCheck {
  if (size === 0) return { ok: false, reason: 'empty' };
  if (size > maxBytes) return { ok: false, reason: 'size' };
  const kind = sniffFileKind(head);
  return kind ? { ok: true, kind, mime: MIME_OF[kind] } : { ok: false, reason: 'type' };
}

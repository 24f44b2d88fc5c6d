// Checks an input file by its content (magic bytes), not its name or declared type, and against
// the size limits: what the desk accepts is decided here, before anything is decoded.
import { INPUT_LIMITS, type InputKind, type InputProblem } from '../../src/domain/digitize';
import { jpegHeader, pngHeader, type ImageHeader } from './image-header';

export type Sniffed =
  | { ok: true; kind: InputKind; header?: ImageHeader }
  | { ok: false; problem: InputProblem; detail?: string };

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** What a file's first bytes say it is (enough: the first 64 KB, where a JPEG's frame header sits). */
export function sniffKind(head: Uint8Array): InputKind | 'webp' | 'heic' | 'gif' | 'tiff' | 'bmp' | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // A PDF header may follow a little junk; readers accept it within the first 1024 bytes.
  const text = ascii(head, 0, Math.min(head.length, 1024));
  if (text.includes('%PDF-')) return 'pdf';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 8) === 'ftyp' && /^(heic|heix|mif1|msf1|heif|avif)$/.test(ascii(head, 8, 12))) return 'heic';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (startsWith(head, [0x49, 0x49, 42, 0]) || startsWith(head, [0x4d, 0x4d, 0, 42])) return 'tiff';
  if (ascii(head, 0, 2) === 'BM') return 'bmp';
  return undefined;
}

/** Decides whether a file may be digitized: `size` is the whole file's, `head` its first bytes. */
export function sniffInput(head: Uint8Array, size: number): Sniffed {
  if (size === 0) return { ok: false, problem: 'empty' };
  const kind = sniffKind(head);
  if (kind === undefined) return { ok: false, problem: 'unknownType' };
  if (kind !== 'jpeg' && kind !== 'png' && kind !== 'pdf') return { ok: false, problem: 'unsupportedType', detail: kind.toUpperCase() };
  if (kind === 'pdf') return size > INPUT_LIMITS.maxPdfBytes ? { ok: false, problem: 'tooLarge' } : { ok: true, kind };
  if (size > INPUT_LIMITS.maxImageBytes) return { ok: false, problem: 'tooLarge' };
  const header = kind === 'jpeg' ? jpegHeader(head) : pngHeader(head);
  if (!header || header.width === 0 || header.height === 0) return { ok: false, problem: 'corrupt' };
  if (header.width * header.height > INPUT_LIMITS.maxImagePixels) return { ok: false, problem: 'tooManyPixels' };
  if (Math.min(header.width, header.height) < INPUT_LIMITS.minImageSide) return { ok: false, problem: 'tooSmall' };
  return { ok: true, kind, header };
}

/** How many leading bytes sniffInput needs: a JPEG's frame header can sit after large EXIF data. */
export const SNIFF_BYTES = 256 * 1024;

// Checks an input file by its content (magic bytes, judged by the house's one sniffer in
// src/domain/files), its image header and the size limits: what the desk digitizes is decided
// here, before anything is decoded.
import { INPUT_LIMITS, type InputKind, type InputProblem } from '../../src/domain/digitize';
import { sniffKind } from '../../src/domain/files';
import { jpegHeader, pngHeader, type ImageHeader } from './image-header';

export type Sniffed = { ok: true; kind: InputKind; header?: ImageHeader } | { ok: false; problem: InputProblem; detail?: string };

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

// How Motcua reads a QR code with zxing-wasm: the reader options tuned for a citizen ID card held
// to a camera, and the reduction of zxing's answers to one plain result. Shared by the QR worker
// and the Node benchmark, so the bench measures exactly what the app runs.
import type { ReadResult, ReaderOptions } from 'zxing-wasm/reader';

/**
 * - Only QR codes: every other symbology costs time per frame and can only give false reads.
 * - tryHarder: the card is often small, tilted or soft in a tablet frame; worth its cost (bench).
 * - tryRotate and tryInvert off: QR detection does not depend on the code's orientation, and an ID
 *   card's QR is always dark on light, so those extra passes only cost time on every frame without a
 *   card (the bench compares with the library defaults).
 * - UTF-8 fallback: the card's QR has no ECI header, and its Vietnamese text is UTF-8; without
 *   this zxing guesses the charset and may pick ISO-8859-1 for short texts.
 * - A few symbols at most: a card has one; a second (a VietQR poster behind it) is returned too,
 *   and the caller decides which text is a card.
 */
export const qrReaderOptions: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: true,
  characterSet: 'UTF8',
  maxNumberOfSymbols: 4,
};

export type QrDecodeErrorCode =
  /** The bytes are not an image the browser can decode (corrupt, HEIC on a non-Apple browser, a PDF...). */
  | 'image-unreadable'
  /** The decoder's WebAssembly could not be loaded (first use offline before the app was cached). */
  | 'decoder-unavailable'
  /** The decoder failed on this input for another reason. */
  | 'decoder-failed';

/** What one decode attempt gives: text(s) found, no QR code in the picture, or why it failed. */
export type QrDecodeResult =
  { status: 'found'; text: string; texts: string[] } | { status: 'none' } | { status: 'error'; code: QrDecodeErrorCode; detail: string };

/** Keeps zxing's valid reads, in its order, without duplicates (a code seen twice in one frame). */
export function toDecodeResult(results: readonly Pick<ReadResult, 'isValid' | 'text'>[]): QrDecodeResult {
  const texts = [...new Set(results.filter((r) => r.isValid && r.text !== '').map((r) => r.text))];
  const [text] = texts;
  return text === undefined ? { status: 'none' } : { status: 'found', text, texts };
}

export function decodeError(code: QrDecodeErrorCode, error: unknown): QrDecodeResult {
  return { status: 'error', code, detail: error instanceof Error ? error.message : String(error) };
}

// Canvases and buffers the digitize worker keeps from one photo to the next. New memory is slow to
// first touch: a new canvas makes its first drawing pay for setting up its pixels (about 50 ms for
// an A4 page at 200 dpi in Chromium, more than drawing the page), and a new 4 MB array costs about
// 12 ms before anything is written in it (the system hands it out zeroed, page by page; measured on
// the bench machine). The photos of a batch come at one size, so one of each serves them all.
// What a kept canvas or buffer held last is still there: callers cover it whole, and nothing kept
// may outlive the page it was lent for.

const canvases = new Map<string, OffscreenCanvasRenderingContext2D>();
const buffers = new Map<string, Uint8Array<ArrayBuffer>>();

/**
 * The 2D context of the canvas kept for `use`, `width`×`height`, CPU-backed (read back once, so no
 * GPU round trip) and opaque (no alpha to blend or divide out when read).
 */
export function keptContext(use: string, width: number, height: number): OffscreenCanvasRenderingContext2D {
  const context = canvases.get(use);
  if (context && context.canvas.width === width && context.canvas.height === height) return context;
  const canvas = new OffscreenCanvas(width, height);
  const created = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!created) throw new Error('OffscreenCanvas 2D is not available');
  canvases.set(use, created);
  return created;
}

/** The buffer kept for `use`, `length` bytes, holding whatever it held last. */
export function keptBytes(use: string, length: number): Uint8Array<ArrayBuffer> {
  const buffer = buffers.get(use);
  if (buffer && buffer.length === length) return buffer;
  const created = new Uint8Array(length);
  buffers.set(use, created);
  return created;
}

// Canvases the digitize worker keeps from one photo to the next. A new canvas makes its first
// drawing pay for setting up its pixels (about 50 ms for an A4 page at 200 dpi in Chromium, more
// than drawing the page itself); the photos of a batch come at one size, so one canvas per use
// serves them all. What a kept canvas held last is still there: callers cover it whole.

const kept = new Map<string, OffscreenCanvasRenderingContext2D>();

/**
 * The 2D context of the canvas kept for `use`, `width`×`height`, CPU-backed (read back once, so no
 * GPU round trip for getImageData) and opaque (no alpha to blend or divide out when read).
 */
export function keptContext(use: string, width: number, height: number): OffscreenCanvasRenderingContext2D {
  const context = kept.get(use);
  if (context && context.canvas.width === width && context.canvas.height === height) return context;
  const canvas = new OffscreenCanvas(width, height);
  const created = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!created) throw new Error('OffscreenCanvas 2D is not available');
  kept.set(use, created);
  return created;
}

// Sauvola's adaptive binarization: a pixel is ink when darker than a threshold set by the mean and
// spread of its neighbourhood, so faint strokes on light paper and bold strokes near shadows both
// come out. Running column sums keep it O(1) per pixel with little memory.
import type { BilevelImage } from './g4-encode';
import type { GreyImage } from './image';

export interface SauvolaOptions {
  /** Half the window side in pixels (the window is 2r+1). About 2 mm at 200 dpi. */
  radius?: number;
  /** Sensitivity: higher keeps less ink. */
  k?: number;
  /** Dynamic range of the standard deviation. */
  range?: number;
}

/** Paper-white pixels are never ink: their threshold is not worked out at all. */
const PAPER = 230;
/** Four pixels, read as one word, that are all at least 240 (so above PAPER): 0xf0f0f0f0 as a signed word. */
const PAPER_WORD = 0xf0f0f0f0 | 0;
/** 2³²: a packed column or window sum is sum·SHIFT + sum of squares. */
const SHIFT = 4294967296;

/** 1 for ink, 0 for paper; into `into` when given (cleared first: paper is left unwritten). */
export function sauvola(grey: GreyImage, options: SauvolaOptions = {}, into?: Uint8Array<ArrayBuffer>): BilevelImage {
  const { width, height, data } = grey;
  const r = options.radius ?? 15;
  const k = options.k ?? 0.2;
  const range = options.range ?? 128;
  // Each column's sum and sum of squares packed in one double, sum·2³² + squares: one update per
  // column and row instead of two, and both stay exact integers. A window's squares stay below
  // 2³² (so the two parts come apart again) and its packed total below 2⁵³ while 2r + 1 ≤ 89.
  if (2 * r + 1 > 89) throw new RangeError('Sauvola radius too large');
  const bounded = k >= 0 && k <= 1 && range >= 128;
  // Column sums padded with r + 1 empty columns each side (column x at x + pad): a window that runs
  // past the page's edge adds zeros there, so sliding it needs no test at the borders.
  const pad = r + 1;
  const cols = new Float64Array(width + 2 * pad);
  // Window width at each x (clamped at the borders).
  const spans = new Int32Array(width);
  for (let x = 0; x < width; x++) spans[x] = Math.min(width - 1, x + r) - Math.max(0, x - r) + 1;
  const out = into ? into.fill(0) : new Uint8Array(width * height);
  const words = data.byteOffset % 4 === 0 ? new Int32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
  for (let y = 0; y < Math.min(r, height); y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) cols[x + pad]! += data[i]! * SHIFT + data[i]! * data[i]!;
  }
  for (let y = 0; y < height; y++) {
    // The row entering the window and the row leaving it, in one pass over the columns.
    const enter = y + r < height ? (y + r) * width : -1;
    const leave = y - r - 1 >= 0 ? (y - r - 1) * width : -1;
    if (enter >= 0 && leave >= 0) {
      for (let x = 0; x < width; x++) {
        const a = data[enter + x]!;
        const b = data[leave + x]!;
        cols[x + pad]! += (a - b) * (SHIFT + a + b);
      }
    } else if (enter >= 0 || leave >= 0) {
      const at = enter >= 0 ? enter : leave;
      const sign = enter >= 0 ? 1 : -1;
      for (let x = 0; x < width; x++) {
        const v = data[at + x]!;
        cols[x + pad]! += sign * v * (SHIFT + v);
      }
    }
    const rows = Math.min(height - 1, y + r) - Math.max(0, y - r) + 1;
    const row = y * width;
    // Most of a page is paper, which is never ink: the window sums are brought up to date only at
    // the darker pixels, sliding over short gaps and summed afresh after long ones.
    let packed = 0;
    let at = -Infinity; // x the sums are for
    for (let x = 0; x < width; x++) {
      // Four pixels at once where they are all of 240 or more (every byte's top four bits set),
      // which most of a flattened page's paper is.
      if (words && ((row + x) & 3) === 0 && x + 4 <= width && (words[(row + x) >> 2]! & PAPER_WORD) === PAPER_WORD) {
        x += 3;
        continue;
      }
      const v = data[row + x]!;
      if (v > PAPER) continue;
      if (x - at > 2 * r + 1) {
        packed = 0;
        for (let c = x - r + pad, end = x + r + pad; c <= end; c++) packed += cols[c]!;
      } else {
        for (let c = at + 1 + pad; c <= x + pad; c++) packed += cols[c + r]! - cols[c - r - 1]!;
      }
      at = x;
      const sum = Math.floor(packed / SHIFT);
      const n = rows * spans[x]!;
      const mean = sum / n;
      // The threshold lies between mean·(1 − k) and the mean (σ never reaches 128 on 8-bit
      // values): pixels outside that band are decided without the square root, exactly as with it.
      if (bounded && v >= mean) continue;
      if (bounded && v < mean * (1 - k)) {
        out[row + x] = 1;
        continue;
      }
      out[row + x] = inkAt(v, sum, packed - sum * SHIFT, n, k, range);
    }
  }
  return { width, height, data: out };
}

/** 1 when `v` is below the window's Sauvola threshold mean·(1 + k·(σ/range − 1)). */
function inkAt(v: number, sum: number, sq: number, n: number, k: number, range: number): number {
  const mean = sum / n;
  const variance = sq / n - mean * mean;
  const threshold = mean * (1 + k * (Math.sqrt(variance > 0 ? variance : 0) / range - 1));
  return v < threshold ? 1 : 0;
}

/** Clears lone ink pixels (no inked 4-neighbour): sensor noise that would cost bytes and look like dirt. */
export function despeckle(img: BilevelImage): number {
  const { width, height, data } = img;
  // Four paper pixels at a time where aligned: most of a page has nothing to clear.
  const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
  let cleared = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let i = y * width + 1, end = y * width + width - 1; i < end;) {
      if (words && (i & 3) === 0 && i + 4 <= end && words[i >> 2] === 0) {
        i += 4;
        continue;
      }
      if (data[i] === 1 && data[i - 1] === 0 && data[i + 1] === 0 && data[i - width] === 0 && data[i + width] === 0) {
        data[i] = 0;
        cleared++;
      }
      i++;
    }
  }
  return cleared;
}

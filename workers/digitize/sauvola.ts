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

export function sauvola(grey: GreyImage, options: SauvolaOptions = {}): BilevelImage {
  const { width, height, data } = grey;
  const r = options.radius ?? 15;
  const k = options.k ?? 0.2;
  const range = options.range ?? 128;
  const colSum = new Float64Array(width);
  const colSq = new Float64Array(width);
  const out = new Uint8Array(width * height);
  // Prime the column sums with rows 0..r-1; row y adds row y+r and drops row y-r-1.
  const addRow = (y: number, sign: number) => {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const v = data[i]!;
      colSum[x]! += sign * v;
      colSq[x]! += sign * v * v;
    }
  };
  for (let y = 0; y < Math.min(r, height); y++) addRow(y, 1);
  for (let y = 0; y < height; y++) {
    if (y + r < height) addRow(y + r, 1);
    if (y - r - 1 >= 0) addRow(y - r - 1, -1);
    const rows = Math.min(height - 1, y + r) - Math.max(0, y - r) + 1;
    let sum = 0;
    let sq = 0;
    for (let x = 0; x < Math.min(r, width); x++) {
      sum += colSum[x]!;
      sq += colSq[x]!;
    }
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (x + r < width) {
        sum += colSum[x + r]!;
        sq += colSq[x + r]!;
      }
      if (x - r - 1 >= 0) {
        sum -= colSum[x - r - 1]!;
        sq -= colSq[x - r - 1]!;
      }
      const v = data[i]!;
      // Paper-white pixels are never ink: skips the square root on most of a page.
      if (v > 230) continue;
      const n = rows * (Math.min(width - 1, x + r) - Math.max(0, x - r) + 1);
      const mean = sum / n;
      const variance = Math.max(0, sq / n - mean * mean);
      const threshold = mean * (1 + k * (Math.sqrt(variance) / range - 1));
      if (v < threshold) out[i] = 1;
    }
  }
  return { width, height, data: out };
}

/** Clears lone ink pixels (no inked 4-neighbour): sensor noise that would cost bytes and look like dirt. */
export function despeckle(img: BilevelImage): number {
  const { width, height, data } = img;
  let cleared = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      if (data[i] === 1 && data[i - 1] === 0 && data[i + 1] === 0 && data[i - width] === 0 && data[i + width] === 0) {
        data[i] = 0;
        cleared++;
      }
    }
  }
  return cleared;
}

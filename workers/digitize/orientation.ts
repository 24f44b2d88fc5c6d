// Which way up the text of a flattened page lies, and turning the page upright. Text lines are
// horizontal: the ink's row profile swings between lines and gaps, its column profile does not.
// Vietnamese text carries its marks above the letters (and ascenders outnumber descenders), so
// within each line more ink lies above the letters' core than below it: that tells up from down.
import type { BilevelImage } from './g4-encode';
import type { RgbaImage } from './image';

/** Quarter turns clockwise. */
export type Turns = 0 | 1 | 2 | 3;

/**
 * Quarter turns (clockwise) by which the page's text lies turned in the image: 0 upright, 1 text
 * reading downward (its tops to the right), 2 upside down, 3 reading upward. 0 when too little text to tell.
 */
export function textTurns(page: BilevelImage): Turns {
  const { width, height, data } = page;
  const rows = new Float64Array(height);
  // Counted as integers, stepping over four paper pixels at once where aligned (a page is mostly paper).
  const counts = new Int32Array(width);
  const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
  const mx = Math.round(width * 0.05);
  const my = Math.round(height * 0.05);
  let ink = 0;
  for (let y = my; y < height - my; y++) {
    let rowInk = 0;
    const start = y * width;
    for (let i = start + mx, end = start + width - mx; i < end; ) {
      if (words && (i & 3) === 0 && i + 4 <= end && words[i >> 2] === 0) {
        i += 4;
        continue;
      }
      if (data[i] === 1) {
        rowInk++;
        counts[i - start]!++;
      }
      i++;
    }
    rows[y] = rowInk;
    ink += rowInk;
  }
  const cols = Float64Array.from(counts);
  // Too little ink (a blank or near-blank page): leave it as it is.
  if (ink < (width - 2 * mx) * (height - 2 * my) * 0.004) return 0;
  const h = swing(rows.subarray(my, height - my));
  const v = swing(cols.subarray(mx, width - mx));
  if (Math.max(h, v) < 0.3) return 0; // no clear lines: a photo, a drawing
  if (h >= v) return asymmetry(rows.subarray(my, height - my)) >= 0 ? 0 : 2;
  // Lines run down the page: their tops point right when the text is turned clockwise.
  return asymmetry(cols.subarray(mx, width - mx)) >= 0 ? 3 : 1;
}

/** How strongly a profile swings between full and empty (variance over squared mean, lightly smoothed). */
function swing(profile: Float64Array): number {
  const n = profile.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += profile[i]!;
  mean /= n;
  if (mean === 0) return 0;
  let variance = 0;
  for (let i = 1; i < n - 1; i++) {
    const s = (profile[i - 1]! + profile[i]! + profile[i + 1]!) / 3;
    variance += (s - mean) ** 2;
  }
  return variance / (n - 2) / (mean * mean);
}

/**
 * For each line of text in the profile (a run of rows with ink), the ink before its core (the
 * rows holding at least half its peak) minus the ink after it, relative to the line's ink, summed.
 * Positive when marks and ascenders sit before the core, i.e. the text's top is at lower indices.
 */
function asymmetry(profile: Float64Array): number {
  const n = profile.length;
  let peak = 0;
  for (let i = 0; i < n; i++) peak = Math.max(peak, profile[i]!);
  const floor = peak * 0.03;
  let total = 0;
  for (let start = 0; start < n; ) {
    if (profile[start]! <= floor) {
      start++;
      continue;
    }
    let end = start;
    let linePeak = 0;
    let lineInk = 0;
    while (end < n && profile[end]! > floor) {
      linePeak = Math.max(linePeak, profile[end]!);
      lineInk += profile[end]!;
      end++;
    }
    let coreStart = start;
    while (profile[coreStart]! < linePeak * 0.5) coreStart++;
    let coreEnd = end - 1;
    while (profile[coreEnd]! < linePeak * 0.5) coreEnd--;
    let before = 0;
    let after = 0;
    for (let i = start; i < coreStart; i++) before += profile[i]!;
    for (let i = coreEnd + 1; i < end; i++) after += profile[i]!;
    // Only lines tall enough to have a core and a fringe count.
    if (end - start >= 6) total += (before - after) / lineInk;
    start = end;
  }
  return total;
}

/** The 1-bit page turned by `turns` quarter turns clockwise. */
export function turnBilevel(page: BilevelImage, turns: Turns): BilevelImage {
  if (turns === 0) return page;
  const { width, height, data } = page;
  const w = turns === 2 ? width : height;
  const h = turns === 2 ? height : width;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (data[i] === 0) continue;
      out[target(x, y, width, height, turns, w)] = 1;
    }
  }
  return { width: w, height: h, data: out };
}

/** The RGBA page turned by `turns` quarter turns clockwise. */
export function turnRgba(page: RgbaImage, turns: Turns): RgbaImage {
  if (turns === 0) return page;
  const { width, height, data } = page;
  const w = turns === 2 ? width : height;
  const h = turns === 2 ? height : width;
  const src = new Uint32Array(data.buffer, data.byteOffset, width * height);
  const out = new Uint8ClampedArray(width * height * 4);
  const dst = new Uint32Array(out.buffer);
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) dst[target(x, y, width, height, turns, w)] = src[i]!;
  }
  return { width: w, height: h, data: out };
}

/** Index in the turned image of pixel (x, y) of a width × height image; `w` is the turned width. */
function target(x: number, y: number, width: number, height: number, turns: Turns, w: number): number {
  if (turns === 1) return x * w + (height - 1 - y);
  if (turns === 2) return (height - 1 - y) * w + (width - 1 - x);
  return (width - 1 - x) * w + y;
}

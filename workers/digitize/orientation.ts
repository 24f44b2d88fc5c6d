// Which way up the text of a flattened page lies, and turning the page upright. Text lines are
// horizontal: the ink's row profile swings between lines and gaps, its column profile does not.
// Vietnamese text carries its marks above the letters (and ascenders outnumber descenders), so
// within each line more ink lies above the letters' core than below it: that tells up from down.
// How clearly both hold is the reading's confidence: a page it cannot read goes to the officer.
import type { BilevelImage } from './g4-encode';
import type { RgbaImage } from './image';

/** Quarter turns clockwise. */
export type Turns = 0 | 1 | 2 | 3;

/** Which way the text lies, and how sure of it the reading is (0 cannot tell – 1 sure). */
export interface Orientation {
  turns: Turns;
  confidence: number;
}

/** Under this orientation confidence the page goes to the officer's review to be turned if need be. */
export const ORIENTATION_CONFIDENT = 0.5;

/**
 * Quarter turns (clockwise) by which the page's text lies turned in the image: 0 upright, 1 text
 * reading downward (its tops to the right), 2 upside down, 3 reading upward. 0 when too little text to tell.
 */
export function textTurns(page: BilevelImage): Turns {
  return readOrientation(page).turns;
}

/** The ink of a 1-bit page inside a 5 % margin, row by row and column by column. */
export interface InkProfile {
  /** Ink pixels per row (0 in the margins). */
  rows: Float64Array;
  /** Ink pixels per column (0 in the margins). */
  cols: Float64Array;
  /** Ink pixels in all. */
  ink: number;
  /** Margin widths left out, in pixels. */
  mx: number;
  my: number;
  /** Share of the pixels inside the margins that are ink (the quality checks' `inkShare`). */
  share: number;
}

/** One pass over the page for both the orientation reading and the quality checks' ink share. */
export function inkProfile(page: BilevelImage): InkProfile {
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
    for (let i = start + mx, end = start + width - mx; i < end;) {
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
  return { rows, cols: Float64Array.from(counts), ink, mx, my, share: ink / Math.max(1, (width - 2 * mx) * (height - 2 * my)) };
}

/**
 * The text's turns with a confidence: the lesser of how clearly lines run one way rather than the
 * other (rows against columns) and how clearly, line by line, the marks sit on one side of the
 * letters (most lines agreeing, by a margin, over enough lines). Without text the confidence is 0:
 * a near-blank page, a photo or a drawing cannot say which way is up.
 */
export function readOrientation(page: BilevelImage, profile: InkProfile = inkProfile(page)): Orientation {
  const { width, height } = page;
  const { rows, cols, ink, mx, my } = profile;
  const unknown: Orientation = { turns: 0, confidence: 0 };
  // Too little ink (a blank or near-blank page): leave it as it is.
  if (ink < (width - 2 * mx) * (height - 2 * my) * 0.004) return unknown;
  const h = swing(rows.subarray(my, height - my));
  const v = swing(cols.subarray(mx, width - mx));
  if (Math.max(h, v) < 0.3) return unknown; // no clear lines: a photo, a drawing
  // Lines across the page swing several times more than the profile along them (about 5× on a page
  // of text); a grid or a table of boxes swings alike both ways.
  const axis = clamp01((1 - Math.min(h, v) / Math.max(h, v) - 0.25) / 0.35);
  const votes = lineVotes(h >= v ? rows.subarray(my, height - my) : cols.subarray(mx, width - mx));
  // The middle vote decides (a seal or a signature across a line votes wildly, either way); the
  // reading is sure when most lines vote with it, by a margin (printed Vietnamese gives about 0.05
  // of a line's ink), over five lines or more.
  const middle = median(votes);
  const agreeing = votes.filter((vote) => (middle >= 0 ? vote > 0 : vote < 0)).length / Math.max(1, votes.length);
  const direction = clamp01((agreeing - 0.6) / 0.25) * clamp01(Math.abs(middle) / 0.02) * Math.min(1, votes.length / 5);
  const confidence = Math.min(axis, direction);
  // Lines run down the page: their tops point right when the text is turned clockwise.
  const turns: Turns = h >= v ? (middle >= 0 ? 0 : 2) : middle >= 0 ? 3 : 1;
  return { turns, confidence };
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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
 * rows holding at least half its peak) minus the ink after it, relative to the line's ink: its
 * vote, positive when marks and ascenders sit before the core, i.e. the text's top is at lower indices.
 */
function lineVotes(profile: Float64Array): number[] {
  const n = profile.length;
  let peak = 0;
  for (let i = 0; i < n; i++) peak = Math.max(peak, profile[i]!);
  const floor = peak * 0.03;
  const votes: number[] = [];
  for (let start = 0; start < n;) {
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
    if (end - start >= 6) votes.push((before - after) / lineInk);
    start = end;
  }
  return votes;
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

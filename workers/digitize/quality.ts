// Quality checks before a page is accepted: no page found, corners unsure or cut by the frame,
// under 200 dpi, too dark, blank, too blurry. Each is measured on the page itself (after
// flattening), at the size it will be kept.
import { MIN_PAGE_DPI, type QualityIssue } from '../../src/domain/digitize';
import { CONFIDENT } from './corners';
import type { BilevelImage } from './g4-encode';
import type { GreyImage } from './image';
import { inkProfile } from './orientation';

export interface QualityMetrics {
  /** Resolution the photo actually gives the page (from the corners), dots per inch. */
  sourceDpi: number;
  /** Median paper brightness before flattening, 0–255. */
  paperLevel: number;
  /** Share of the page's pixels that are ink (margins left out). */
  inkShare: number;
  /** Share that is visibly darker than paper, sharp or not: what tells a blurred page from a blank one. */
  markShare: number;
  /** Edge steepness relative to ink contrast: about 0.35 sharp, under 0.15 blurred. */
  sharpness: number;
}

export const QUALITY_LIMITS = {
  darkPaper: 80,
  blankMarks: 0.002,
  blurrySharpness: 0.17,
} as const;

/** Median of the paper-level map. */
export function medianLevel(levels: GreyImage): number {
  const sorted = Array.from(levels.data).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Share of ink pixels inside a 5 % margin (the edges may hold a sliver of desk). */
export function inkShare(bilevel: BilevelImage): number {
  return inkProfile(bilevel).share;
}

/**
 * The 1-bit page's bytes as 32-bit words, when aligned: a zero word is four paper pixels, stepped
 * over at once (a text page is mostly paper).
 */
function paperWords(data: Uint8Array): Uint32Array | undefined {
  return data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
}

/** Share of pixels (inside a 5 % margin, every second row and column) darker than 200 after flattening. */
export function markShare(flat: GreyImage): number {
  const { width, height, data } = flat;
  const mx = Math.round(width * 0.05);
  const my = Math.round(height * 0.05);
  let marks = 0;
  let count = 0;
  for (let y = my; y < height - my; y += 2) {
    for (let x = mx, i = y * width + mx; x < width - mx; x += 2, i += 2) {
      if (data[i]! < 200) marks++;
      count++;
    }
  }
  return marks / Math.max(1, count);
}

/**
 * Steepness of ink edges: at pixels on the boundary of ink, the grey-level gradient (central
 * difference) relative to the contrast between ink and paper. A sharp edge falls within a pixel or
 * two; a blurred one spreads over many, so its gradient is a small part of the contrast.
 */
export function sharpness(flat: GreyImage, bilevel: BilevelImage): number {
  const { width, height, data } = flat;
  const ink = bilevel.data;
  // Histogram of half-gradients (0..127.5 in half steps → 256 bins), not a sorted list.
  const gradients = new Uint32Array(256);
  let edges = 0;
  let inkSum = 0;
  let inkCount = 0;
  const words = paperWords(ink);
  for (let y = 2; y < height - 2; y += 2) {
    for (let i = y * width + 2, end = y * width + width - 2; i < end; i++) {
      if (words && (i & 3) === 0 && i + 4 <= end && words[i >> 2] === 0) {
        i += 3;
        continue;
      }
      if (ink[i] !== 1) continue;
      inkSum += data[i]!;
      inkCount++;
      if (ink[i - 1] === 1 && ink[i + 1] === 1 && ink[i - width] === 1 && ink[i + width] === 1) continue;
      const gx = Math.abs(data[i + 1]! - data[i - 1]!);
      const gy = Math.abs(data[i + width]! - data[i - width]!);
      gradients[gx > gy ? gx : gy]!++;
      edges++;
    }
  }
  if (inkCount < 50 || edges < 50) return 1; // nothing to judge: not called blurred
  const contrast = Math.max(1, 255 - inkSum / inkCount);
  let acc = 0;
  let bin = 0;
  for (; bin < 256; bin++) {
    acc += gradients[bin]!;
    if (acc >= edges * 0.75) break;
  }
  return bin / 2 / contrast;
}

/** What the page finder says of its corners (the officer's own corners are sure and whole). */
export interface PageCertainty {
  /** 0–1; below `confident` the corners may be another paper's or a union of papers. */
  confidence: number;
  /** Part of the page lies outside the photo. */
  cut: boolean;
}

export function qualityIssues(metrics: QualityMetrics, pageFound: boolean, certainty: PageCertainty = { confidence: 1, cut: false }): QualityIssue[] {
  const issues: QualityIssue[] = [];
  if (!pageFound) issues.push('noPage');
  const uncertain = pageFound && certainty.confidence < CONFIDENT;
  if (uncertain) issues.push('uncertainPage');
  if (pageFound && certainty.cut) issues.push('pageCut');
  // Resolution measured from corners that may be wrong would mislead: the officer fixes the corners first.
  if (!uncertain && metrics.sourceDpi < MIN_PAGE_DPI) issues.push('lowResolution');
  if (metrics.paperLevel < QUALITY_LIMITS.darkPaper) issues.push('dark');
  if (metrics.markShare < QUALITY_LIMITS.blankMarks) issues.push('blank');
  // Marks without sharp ink (inkShare far below markShare) are a page too blurred to binarize.
  else if (metrics.sharpness < QUALITY_LIMITS.blurrySharpness || metrics.inkShare < metrics.markShare * 0.2) issues.push('blurry');
  return issues;
}

// From a decoded photo to a clean page: find the corners (unless the officer gave them), flatten
// the perspective straight to A4 at 200 dpi, even out the light, then a 1-bit text page or a colour
// page, with the quality checks. Pure: decoding and JPEG encoding are the worker's.
import { PAGE_DPI, a4Pixels, type PageMode, type QualityIssue, type Quad } from '../../src/domain/digitize';
import { colourInk, hasSeal, type ColourInk } from './colour';
import { findPageCorners, findPageCornersInSmall } from './corners';
import type { BilevelImage } from './g4-encode';
import { rgbaToGrey } from './grey';
import { flattenGrey, flattenRgbaInPlace, paperLevels, whiteBalanceInPlace } from './illumination';
import type { GreyImage, RgbaImage } from './image';
import { inkShare, markShare, medianLevel, qualityIssues, sharpness, type QualityMetrics } from './quality';
import { despeckle, sauvola } from './sauvola';
import { pageToPhoto, quadSize, warpGrey, warpRgba } from './warp';

export interface PageRequest {
  /** Corners chosen by the officer; found automatically when absent. */
  corners?: Quad;
  /** 'auto' takes the suggested mode (colour when a seal is seen). */
  mode?: PageMode | 'auto';
  dpi?: number;
  /** A copy of the photo shrunk to about 640 px, made natively by the caller; else made here. */
  small?: RgbaImage;
}

export interface PageOutcome {
  corners: Quad;
  /** Whether the corners are a page that was found (or given), not a fallback frame. */
  pageFound: boolean;
  width: number;
  height: number;
  dpi: number;
  mode: PageMode;
  suggestedMode: PageMode;
  ink: ColourInk;
  /** The 1-bit page (always made: the quality checks read it). */
  bilevel: BilevelImage;
  /** The flattened colour page, in colour mode only. */
  colour?: RgbaImage;
  metrics: QualityMetrics;
  issues: QualityIssue[];
  /** Milliseconds per step, for the bench and the log. */
  timings: Record<string, number>;
}

export function processPhoto(photo: RgbaImage, request: PageRequest = {}): PageOutcome {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  const detected = request.corners
    ? { corners: request.corners, found: true }
    : request.small
      ? findPageCornersInSmall(rgbaToGrey(request.small), photo.width, photo.height)
      : findPageCorners(photo);
  lap('corners');
  const corners = detected.corners;
  const dpi = request.dpi ?? PAGE_DPI;
  const a4 = a4Pixels(dpi);
  const seen = quadSize(corners);
  const landscape = seen.width > seen.height * 1.1;
  const width = landscape ? a4.height : a4.width;
  const height = landscape ? a4.width : a4.height;
  // The resolution the photo gives: photo pixels across the page per inch of A4.
  const sourceDpi = Math.min((seen.width / width) * dpi, (seen.height / height) * dpi);

  const ink = colourCheck(photo, corners, width, height, request.small);
  const suggestedMode: PageMode = hasSeal(ink) ? 'colour' : 'text';
  const mode = !request.mode || request.mode === 'auto' ? suggestedMode : request.mode;
  lap('colourCheck');
  const toPhoto = pageToPhoto(corners, width, height);
  const page = mode === 'colour' ? warpRgba(photo, toPhoto, width, height) : undefined;
  const grey = page ? rgbaToGrey(page) : warpGrey(photo, toPhoto, width, height);
  lap('warp');
  const levels = paperLevels(grey);
  const flat = flattenGrey(grey, levels);
  lap('flatten');
  const bilevel = sauvola(flat);
  despeckle(bilevel);
  lap('binarize');
  let colour: RgbaImage | undefined;
  if (page) {
    flattenRgbaInPlace(page, levels);
    whiteBalanceInPlace(page);
    colour = page;
    lap('colour');
  }
  const metrics: QualityMetrics = {
    sourceDpi: Math.round(sourceDpi),
    paperLevel: medianLevel(levels),
    inkShare: inkShare(bilevel),
    markShare: markShare(flat),
    sharpness: sharpness(flat, bilevel),
  };
  lap('quality');
  return {
    corners,
    pageFound: detected.found,
    width,
    height,
    dpi,
    mode,
    suggestedMode,
    ink,
    bilevel,
    colour,
    metrics,
    issues: qualityIssues(metrics, detected.found),
    timings,
  };
}

/**
 * Colour ink on a small flattened copy of the page: from the caller's shrunk photo when there is
 * one (a page of about 60 dpi, enough to see a seal), else a half-size warp of the photo.
 * Only a page found to need colour is then warped in full colour.
 */
function colourCheck(photo: RgbaImage, corners: Quad, width: number, height: number, small?: RgbaImage): ColourInk {
  if (!small) return colourInk(warpRgba(photo, pageToPhoto(corners, width >> 1, height >> 1), width >> 1, height >> 1), 1);
  const sx = small.width / photo.width;
  const sy = small.height / photo.height;
  const inSmall = corners.map((p) => ({ x: p.x * sx, y: p.y * sy })) as Quad;
  const seen = quadSize(inSmall);
  const w = Math.max(8, Math.round(Math.min(seen.width, width)));
  const h = Math.max(8, Math.round((w * height) / width));
  return colourInk(warpRgba(small, pageToPhoto(inSmall, w, h), w, h), 1);
}

/** A small picture of the kept page (what will be stored: 1-bit or colour), RGBA, `width` wide. */
export function thumbnail(outcome: PageOutcome, width = 300): RgbaImage {
  const f = Math.max(1, Math.floor(outcome.width / width));
  const w = Math.floor(outcome.width / f);
  const h = Math.floor(outcome.height / f);
  const out = new Uint8ClampedArray(w * h * 4);
  const src = outcome.colour;
  const bits = outcome.bilevel.data;
  const n = f * f;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < f; dy++) {
        let i = (y * f + dy) * outcome.width + x * f;
        for (let dx = 0; dx < f; dx++, i++) {
          if (src) {
            r += src.data[i * 4]!;
            g += src.data[i * 4 + 1]!;
            b += src.data[i * 4 + 2]!;
          } else {
            const v = bits[i] ? 0 : 255;
            r += v;
            g += v;
            b += v;
          }
        }
      }
      const o = (y * w + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

/** The grey, flattened page is not kept; exported for tests that look inside. */
export type { GreyImage };

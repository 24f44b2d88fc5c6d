// From a decoded photo to a clean page: find the corners (unless the officer gave them), flatten
// the perspective straight to A4 at 200 dpi, even out the light, then a 1-bit text page or a colour
// page turned so its text reads upright, with the quality checks. Pure: decoding, JPEG encoding and the native warp are the worker's.
import { PAGE_DPI, a4Pixels, type PageMode, type QualityIssue, type Quad } from '../../src/domain/digitize';
import { colourInk, needsColour, type ColourInk } from './colour';
import { findPageCorners, findPageCornersInSmall, type CornerResult } from './corners';
import type { BilevelImage } from './g4-encode';
import { rgbaToGrey, rgbaWords } from './grey';
import { flattenColourPage, flattenGrey, flattenRgbaInPlace, flattenRgbaToGrey, paperLevels, paperLevelsOfRgba, whiteBalanceInPlace } from './illumination';
import type { Homography } from './homography';
import type { GreyImage, RgbaImage, Scratch } from './image';
import { splitColourLayers, type ColourLayers } from './layers';
import { pixelSource, type PhotoSource } from './photo-source';
import { ORIENTATION_CONFIDENT, inkProfile, readOrientation, turnBilevel, turnRgba, type Turns } from './orientation';
import { markShare, medianLevel, qualityIssues, sharpness, type QualityMetrics } from './quality';
import { despeckle, sauvola } from './sauvola';
import { pageToPhoto, quadSize, warpRgba } from './warp';

export interface PageRequest {
  /** Corners chosen by the officer; found automatically when absent. */
  corners?: Quad;
  /** 'auto' takes the suggested mode (colour when a seal is seen). */
  mode?: PageMode | 'auto';
  /** Quarter turns (clockwise, counted from the photo) chosen by the officer; read from the text when absent. */
  turns?: Turns;
  dpi?: number;
  /** A copy of the photo shrunk to about 640 px, made natively by the caller; else made here. */
  small?: RgbaImage;
}

export interface PageOutcome {
  corners: Quad;
  /** Whether the corners are a page that was found (or given), not a fallback frame. */
  pageFound: boolean;
  /** The finder's confidence in the corners, 0–1 (1 for the officer's own). */
  confidence: number;
  /** Part of the page lies outside the photo. */
  cut: boolean;
  /** Quarter turns (clockwise) the page was turned by so that its text reads upright. */
  turns: Turns;
  /** How sure the text's reading of which way is up is, 0–1 (1 for the officer's own turns). */
  orientationConfidence: number;
  /** Where the kept page's top-left, top-right, bottom-right and bottom-left lie in the photo. */
  pageCorners: Quad;
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
  /** In colour mode, what is stored: the text in 1-bit and the colour parts at half resolution. */
  layers?: ColourLayers;
  metrics: QualityMetrics;
  issues: QualityIssue[];
  /** Milliseconds per step, for the bench and the log. */
  timings: Record<string, number>;
}

/**
 * What is settled before the page is cut out of the photo: where it lies, its size, whether it
 * keeps colour, and the map from page to photo. The timings go on in `finishPage`.
 */
export interface PagePlan {
  detected: CornerResult;
  /** The page's corners in the photo, turned a quarter when the quad lies wide (A4 is portrait). */
  quad: Quad;
  width: number;
  height: number;
  dpi: number;
  /** The resolution the photo gives: photo pixels across the page per inch of A4. */
  sourceDpi: number;
  ink: ColourInk;
  suggestedMode: PageMode;
  mode: PageMode;
  /** Page → photo, for the warp. */
  toPhoto: Homography;
  timings: Record<string, number>;
  /** When the last timed step ended. */
  lapped: number;
}

/**
 * `photo` is plain pixels (tests, script warp) or a source that warps natively; a source without
 * pixels needs `request.small` or `request.corners` to find the page.
 */
export function processPhoto(photo: RgbaImage | PhotoSource, request: PageRequest = {}): PageOutcome {
  const source = 'data' in photo ? pixelSource(photo) : photo;
  const plan = planPage(photo, request);
  const cut =
    plan.mode === 'colour'
      ? { page: source.warpRgba(plan.toPhoto, plan.width, plan.height) }
      : { grey: source.warpGrey(plan.toPhoto, plan.width, plan.height) };
  return finishPage(plan, cut, request);
}

/** The first half of the pipeline: the page found (or taken as given) and its mode decided. */
export function planPage(photo: RgbaImage | PhotoSource, request: PageRequest = {}, scratch?: Scratch): PagePlan {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  const source = 'data' in photo ? pixelSource(photo) : photo;
  const detected = request.corners
    ? { corners: request.corners, found: true, confidence: 1, cut: outsidePhoto(request.corners, source.width, source.height) }
    : request.small
      ? findPageCornersInSmall(rgbaToGrey(request.small), source.width, source.height, scratch)
      : 'data' in photo
        ? findPageCorners(photo)
        : undefined;
  if (!detected) throw new Error('processPhoto: a photo without pixels needs a small copy or corners');
  lap('corners');
  const corners = detected.corners;
  const dpi = request.dpi ?? PAGE_DPI;
  const { width, height } = a4Pixels(dpi);
  // An A4 page is portrait: a quad lying wide is warped with its long side down the page (turned a
  // quarter), and the text then says which way up it reads (or that it really is landscape).
  const wide = quadSize(corners);
  const quad: Quad = wide.width > wide.height ? [corners[3], corners[0], corners[1], corners[2]] : corners;
  const seen = quadSize(quad);
  const sourceDpi = Math.min((seen.width / width) * dpi, (seen.height / height) * dpi);
  const ink = colourCheck(source, quad, width, height, request.small);
  const suggestedMode: PageMode = needsColour(ink) ? 'colour' : 'text';
  const mode = !request.mode || request.mode === 'auto' ? suggestedMode : request.mode;
  lap('colourCheck');
  return { detected, quad, width, height, dpi, sourceDpi, ink, suggestedMode, mode, toPhoto: pageToPhoto(quad, width, height), timings, lapped: t };
}

/**
 * The page as cut out of the photo: in colour (a colour page always is), or already grey. From
 * colour, the grey page is not made: the flattened one is worked out straight from the pixels.
 */
export type CutPage = { page: RgbaImage } | { grey: GreyImage };

/**
 * The second half: the page as cut out evened out, binarized, checked and turned upright.
 * `scratch` lends the page-sized working buffers.
 */
export function finishPage(plan: PagePlan, cut: CutPage, request: PageRequest = {}, scratch?: Scratch): PageOutcome {
  const { detected, quad, width, height, dpi, timings } = plan;
  const corners = detected.corners;
  let t = plan.lapped;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  lap('warp');
  const page = 'page' in cut ? cut.page : undefined;
  const words = page ? rgbaWords(page) : undefined;
  const flatInto = scratch?.bytes('flat', width * height);
  let levels: GreyImage;
  let flat: GreyImage;
  // The colour page is evened out in the same pass as its grey (flattened and white-balanced).
  let colour = plan.mode === 'colour' ? page : undefined;
  if (words) {
    levels = paperLevelsOfRgba(width, height, words);
    flat = colour ? flattenColourPage(width, height, words, levels, flatInto) : flattenRgbaToGrey(width, height, words, levels, flatInto);
  } else {
    // Bytes that cannot be read as words (an odd offset, a big-endian machine), or a grey cut: step by step.
    const grey = page ? rgbaToGrey(page, scratch?.bytes('grey', width * height)) : (cut as { grey: GreyImage }).grey;
    levels = paperLevels(grey);
    flat = flattenGrey(grey, levels, flatInto);
    if (colour) {
      flattenRgbaInPlace(colour, levels);
      whiteBalanceInPlace(colour);
    }
  }
  lap('flatten');
  let bilevel = sauvola(flat, {}, scratch?.bytes('bilevel', width * height));
  despeckle(bilevel);
  lap('binarize');
  let layers: ColourLayers | undefined;
  // Ink counted once, for the ink share and the orientation reading.
  const profile = inkProfile(bilevel);
  const metrics: QualityMetrics = {
    sourceDpi: Math.round(plan.sourceDpi),
    paperLevel: medianLevel(levels),
    inkShare: profile.share,
    markShare: markShare(flat),
    sharpness: sharpness(flat, bilevel),
  };
  lap('quality');
  // Upright: turn back by the quarter turns the text lies at, or as the officer turned it (counted
  // from the photo, of which the portrait warp of a wide quad is already a quarter).
  const wideTurn = quad === corners ? 0 : 1;
  const read = request.turns === undefined ? readOrientation(bilevel, profile) : { turns: ((4 - request.turns + wideTurn) % 4) as Turns, confidence: 1 };
  const turns = ((4 - read.turns) % 4) as Turns;
  bilevel = turnBilevel(bilevel, turns);
  if (colour) colour = turnRgba(colour, turns);
  const pageCorners = [0, 1, 2, 3].map((k) => quad[(k - turns + 4) % 4]!) as Quad;
  lap('orientation');
  // The colour layers are cut from the upright page, so their places match the text's.
  if (colour) {
    layers = splitColourLayers(colour, bilevel);
    lap('colour');
  }
  return {
    corners,
    pageFound: detected.found,
    confidence: detected.confidence,
    cut: detected.cut,
    // Counted from the photo: the portrait warp of a wide quad is itself a quarter turn.
    turns: ((turns + wideTurn) % 4) as Turns,
    orientationConfidence: read.confidence,
    pageCorners,
    width: bilevel.width,
    height: bilevel.height,
    dpi,
    mode: plan.mode,
    suggestedMode: plan.suggestedMode,
    ink: plan.ink,
    bilevel,
    colour,
    layers,
    metrics,
    issues: withOrientation(qualityIssues(metrics, detected.found, detected), read.confidence),
    timings,
  };
}

/**
 * A page whose text does not say which way is up goes to the officer, who turns it if need be —
 * unless it is blank, which the officer is told already.
 */
function withOrientation(issues: QualityIssue[], confidence: number): QualityIssue[] {
  return confidence < ORIENTATION_CONFIDENT && !issues.includes('blank') ? [...issues, 'uncertainOrientation'] : issues;
}

/** Whether a corner lies outside the photo (beyond a hair's breadth). */
function outsidePhoto(corners: Quad, width: number, height: number): boolean {
  const slack = Math.hypot(width, height) * 0.003;
  return corners.some((p) => p.x < -slack || p.y < -slack || p.x > width + slack || p.y > height + slack);
}

/**
 * Colour ink on a small flattened copy of the page: from the caller's shrunk photo when there is
 * one (a page of about 60 dpi, enough to see a seal), else a half-size warp of the photo.
 * Only a page found to need colour is then warped in full colour.
 */
export function colourCheck(photo: PhotoSource, corners: Quad, width: number, height: number, small?: RgbaImage): ColourInk {
  if (!small) return colourInk(photo.warpRgba(pageToPhoto(corners, width >> 1, height >> 1), width >> 1, height >> 1), 1);
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
  // Sums per thumbnail column for one band of f rows, channel by channel: the page is read once,
  // row by row, with no per-pixel branch on the page's kind.
  const sums = new Uint32Array(w * 3);
  const n = f * f;
  const colour = outcome.colour?.data;
  const bits = outcome.bilevel.data;
  const words = bits.byteOffset % 4 === 0 ? new Uint32Array(bits.buffer, bits.byteOffset, bits.length >> 2) : undefined;
  const column = new Int32Array(w * f);
  for (let x = 0; x < column.length; x++) column[x] = Math.floor(x / f);
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      const start = (y * f + dy) * outcome.width;
      if (colour) {
        for (let x = 0, p = start * 4; x < w; x++) {
          let r = 0;
          let g = 0;
          let b = 0;
          for (let dx = 0; dx < f; dx++, p += 4) {
            r += colour[p]!;
            g += colour[p + 1]!;
            b += colour[p + 2]!;
          }
          sums[x * 3]! += r;
          sums[x * 3 + 1]! += g;
          sums[x * 3 + 2]! += b;
        }
      } else {
        // Ink counts only (paper brightness follows from them below), stepping over four paper
        // pixels at a time where the row is aligned: a text page is mostly paper.
        for (let i = start, end = start + w * f; i < end;) {
          if (words && (i & 3) === 0 && i + 4 <= end && words[i >> 2] === 0) {
            i += 4;
            continue;
          }
          sums[column[i - start]! * 3]! += bits[i]!;
          i++;
        }
      }
    }
    for (let x = 0, o = y * w * 4; x < w; x++, o += 4) {
      if (colour) {
        out[o] = sums[x * 3]! / n;
        out[o + 1] = sums[x * 3 + 1]! / n;
        out[o + 2] = sums[x * 3 + 2]! / n;
      } else {
        out[o] = out[o + 1] = out[o + 2] = (255 * (n - sums[x * 3]!)) / n;
      }
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

/** The grey, flattened page is not kept; exported for tests that look inside. */
export type { GreyImage };

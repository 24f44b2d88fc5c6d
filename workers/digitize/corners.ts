// Finds the page in a photo of a desk: straight edges (Hough lines) paired into quadrilaterals,
// each scored by how much of its sides is a bright-inside, dark-outside edge, its size, its
// A-series shape and its place in the frame; the best is refined to sub-pixel sides. A second
// paper, a phone or a pen make rival quads, so the finder also says how sure it is, and whether
// the page runs out of the photo: an unsure page goes to the officer, never silently through.
import type { Point, Quad } from '../../src/domain/digitize';
import { houghLines, sobel, type Gradients, type HoughLine } from './corners-lines';
import { distanceToLine, fitLine, intersect, isReasonableQuad, orderQuad, polygonArea, type Line } from './geometry';
import { fallOffset, steepestFall } from './edge-fall';
import { boxBlur, greyDownscaled } from './grey';
import type { GreyImage, RgbaImage, Scratch } from './image';

export interface CornerResult {
  /** Corners in photo pixels (top-left, top-right, bottom-right, bottom-left). */
  corners: Quad;
  /** False when no page stood out: the corners are then the photo's own, slightly inset. */
  found: boolean;
  /**
   * How sure the finder is that these are the page's corners, 0–1: its sides well supported, its
   * shape A-series, no rival quad nearly as good. Below CONFIDENT the page needs the officer's eye.
   */
  confidence: number;
  /** Part of the page lies outside the photo (a corner or side cut off by the frame). */
  cut: boolean;
}

/** Confidence from which a found page is taken without review. */
export const CONFIDENT = 0.5;

/** Side of the working copy: enough for corners within a fraction of a percent, small enough to be quick. */
const WORK_SIDE = 640;

export function findPageCorners(photo: RgbaImage): CornerResult {
  const factor = Math.max(1, Math.ceil(Math.max(photo.width, photo.height) / WORK_SIDE));
  return findPageCornersInSmall(greyDownscaled(photo, factor), photo.width, photo.height);
}

/** The same from a grey copy of the photo already shrunk (the browser does that natively, fast). */
export function findPageCornersInSmall(small: GreyImage, photoWidth: number, photoHeight: number, scratch?: Scratch): CornerResult {
  const sx = photoWidth / small.width;
  const sy = photoHeight / small.height;
  const guess = findPageInGrey(small, scratch);
  if (!guess) {
    if (looksLikeFlatScan(small)) return { corners: frame(photoWidth, photoHeight), found: true, confidence: 1, cut: false };
    return { corners: insetFrame(photoWidth, photoHeight), found: false, confidence: 0, cut: false };
  }
  return { corners: guess.quad.map((p) => ({ x: p.x * sx, y: p.y * sy })) as Quad, found: true, confidence: guess.confidence, cut: guess.cut };
}

/** Long side of the grey copy the corners are found in. */
export const CORNER_WORK_SIDE = WORK_SIDE;
function frame(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}

/**
 * A scanner's image is the page itself: A4-shaped (either way round) with paper at its edges.
 * Its border has no edge to find, so it is recognised by its shape and bright rim instead.
 */
function looksLikeFlatScan(img: GreyImage): boolean {
  const ratio = Math.max(img.width, img.height) / Math.min(img.width, img.height);
  if (Math.abs(ratio - Math.SQRT2) > 0.05) return false;
  const rim = Math.max(1, Math.round(Math.min(img.width, img.height) * 0.02));
  let sum = 0;
  let count = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (x >= rim && y >= rim && x < img.width - rim && y < img.height - rim) continue;
      sum += img.data[y * img.width + x]!;
      count++;
    }
  }
  return sum / count > 170;
}

/** The photo's frame inset by 5 %: a starting point for the officer to drag. */
export function insetFrame(width: number, height: number): Quad {
  const dx = width * 0.05;
  const dy = height * 0.05;
  return [
    { x: dx, y: dy },
    { x: width - dx, y: dy },
    { x: width - dx, y: height - dy },
    { x: dx, y: height - dy },
  ];
}

/** The page found in a small grey image, in its pixel coordinates. */
export interface PageGuess {
  quad: Quad;
  confidence: number;
  cut: boolean;
}

/** A candidate side: a Hough line, or one of the photo's own borders (a page cut by the frame). */
interface Side {
  line: Line;
  theta: number;
  rho: number;
  border: boolean;
}

interface Candidate {
  quad: Quad;
  /** Which sides (after ordering) lie on the photo's border. */
  borders: boolean[];
  score: number;
  minSupport: number;
  shape: number;
}

/** Samples per side in the coarse search and in the final check. */
const COARSE = 20;
const FINE = 60;

export function findPageInGrey(small: GreyImage, scratch?: Scratch): PageGuess | undefined {
  const { width, height } = small;
  const shortSide = Math.min(width, height);
  const smooth = boxBlur(small, 1);
  const grad = sobel(smooth, scratch);
  const hough = houghLines(grad, 16, shortSide * 0.1, 36);
  const sides: Side[] = hough.map((h) => side(h, false));
  for (const h of [
    { theta: 0, rho: 0 },
    { theta: 0, rho: width },
    { theta: Math.PI / 2, rho: 0 },
    { theta: Math.PI / 2, rho: height },
  ]) {
    sides.push(side({ ...h, votes: 0 }, true));
  }
  const candidates = searchQuads(smooth, grad, sides);
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.score - a.score);
  // Refine the few best distinct ones to sub-pixel sides and score them again, finely.
  const finals: Candidate[] = [];
  const diagonal = Math.hypot(width, height);
  const distinct: Candidate[] = [];
  for (const c of candidates) {
    if (distinct.length >= 6) break;
    if (distinct.some((d) => sameQuad(d.quad, c.quad, diagonal * 0.015))) continue;
    distinct.push(c);
  }
  for (const c of distinct) {
    const refined = refineQuad(smooth, c.quad, c.borders);
    const quad = refined && isReasonableQuad(refined, 40) ? refined : c.quad;
    const scored = scoreQuad(smooth, grad, quad, c.borders, FINE, 0);
    if (scored) finals.push(scored);
  }
  if (finals.length === 0) return undefined;
  finals.sort((a, b) => b.score - a.score);
  const best = finals[0]!;
  // The strongest rival: the best other quad with a corner well away from the chosen one's.
  const rival = [...finals.slice(1), ...candidates].find((c) => !sameQuad(c.quad, best.quad, diagonal * 0.02));
  const margin = rival ? 1 - rival.score / best.score : 1;
  const supportTerm = clamp01((best.minSupport - 0.45) / 0.3);
  const marginTerm = clamp01(margin / 0.3);
  const confidence = Math.min(supportTerm, best.shape, marginTerm);
  const slack = diagonal * 0.003;
  const cut = best.borders.some(Boolean) || best.quad.some((p) => p.x < -slack || p.y < -slack || p.x > width + slack || p.y > height + slack);
  return { quad: best.quad, confidence, cut };
}

/** Whether every corner of one quad is within `tolerance` pixels of the other's. */
function sameQuad(a: Quad, b: Quad, tolerance: number): boolean {
  return a.every((p, i) => Math.hypot(p.x - b[i]!.x, p.y - b[i]!.y) <= tolerance);
}

function clamp01(v: number): number {
  return Math.max(0, Math.min(1, v));
}

function side(h: HoughLine, border: boolean): Side {
  const n = { x: Math.cos(h.theta), y: Math.sin(h.theta) };
  return { line: { point: { x: n.x * h.rho, y: n.y * h.rho }, dir: { x: -n.y, y: n.x } }, theta: h.theta, rho: h.rho, border };
}

/** Angle between two line directions, folded into 0…π/2. */
function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % Math.PI;
  return d > Math.PI / 2 ? Math.PI - d : d;
}

/** Every quad from two roughly opposite pairs of lines, scored coarsely; hopeless ones dropped early. */
function searchQuads(img: GreyImage, grad: Gradients, sides: Side[]): Candidate[] {
  const { width, height } = img;
  const shortSide = Math.min(width, height);
  const centre = { x: width / 2, y: height / 2 };
  const offsetAtCentre = (s: Side) => centre.x * Math.cos(s.theta) + centre.y * Math.sin(s.theta) - s.rho;
  // Opposite sides: within 30° of parallel, far enough apart, not both borders.
  const pairs: { a: Side; b: Side; angle: number }[] = [];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const a = sides[i]!;
      const b = sides[j]!;
      if (a.border && b.border) continue;
      if (angleBetween(a.theta, b.theta) > (30 * Math.PI) / 180) continue;
      const flip = Math.abs(a.theta - b.theta) > Math.PI / 2 ? -1 : 1;
      if (Math.abs(offsetAtCentre(a) - flip * offsetAtCentre(b)) < shortSide * 0.2) continue;
      pairs.push({ a, b, angle: a.theta });
    }
  }
  const out: Candidate[] = [];
  const minArea = 0.08 * width * height;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const p = pairs[i]!;
      const q = pairs[j]!;
      if (angleBetween(p.angle, q.angle) < (50 * Math.PI) / 180) continue;
      if (Number(p.a.border) + Number(p.b.border) + Number(q.a.border) + Number(q.b.border) > 1) continue;
      const ring = [p.a, q.a, p.b, q.b];
      const points: Point[] = [];
      for (let k = 0; k < 4; k++) {
        const c = intersect(ring[k]!.line, ring[(k + 1) % 4]!.line);
        if (!c || c.x < -0.25 * width || c.y < -0.25 * height || c.x > 1.25 * width || c.y > 1.25 * height) break;
        points.push(c);
      }
      if (points.length < 4) continue;
      const quad = orderQuad(points);
      if (polygonArea(quad) < minArea || !isReasonableQuad(quad, 50)) continue;
      // Which ordered side lies on which line: the side whose midpoint is nearest a border line.
      const borders = bordersOf(quad, ring);
      const scored = scoreQuad(img, grad, quad, borders, COARSE, 0.4);
      if (scored) out.push(scored);
    }
  }
  return out;
}

function bordersOf(quad: Quad, ring: Side[]): boolean[] {
  return [0, 1, 2, 3].map((k) => {
    const a = quad[k]!;
    const b = quad[(k + 1) % 4]!;
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    let nearest = ring[0]!;
    let d = Infinity;
    for (const s of ring) {
      const e = distanceToLine(s.line, mid);
      if (e < d) [d, nearest] = [e, s];
    }
    return nearest.border;
  });
}

/**
 * Scores a quad as the page: each side sampled at `samples` points inside the photo, a point
 * supported when a few pixels inside are clearly brighter than a few outside (the paper over the
 * desk, relative so that a shadow does not hide it). Undefined when a side's support is below
 * `floor` (checked as it goes, so most wrong quads cost a few samples).
 */
function scoreQuad(img: GreyImage, grad: Gradients, quad: Quad, borders: boolean[], samples: number, floor: number): Candidate | undefined {
  const { width, height } = img;
  const reach = 3;
  let totalIn = 0;
  let totalSupported = 0;
  let minSupport = 1;
  let cornerTotal = 0;
  let cornerCount = 0;
  const lengths: number[] = [];
  for (let s = 0; s < 4; s++) {
    const a = quad[s]!;
    const b = quad[(s + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    lengths.push(length);
    if (borders[s]) continue;
    const n = { x: (b.y - a.y) / length, y: -(b.x - a.x) / length }; // outward for a clockwise (screen) quad
    let inFrame = 0;
    let supported = 0;
    const ends = [0, 0, 0, 0]; // samples in frame and supported near the side's start, then its end
    const endLength = Math.max(2, Math.round(samples * 0.08));
    for (let k = 0; k < samples; k++) {
      const t = 0.03 + (0.94 * (k + 0.5)) / samples;
      const px = a.x + (b.x - a.x) * t;
      const py = a.y + (b.y - a.y) * t;
      if (px < reach + 2 || py < reach + 2 || px > width - reach - 2 || py > height - reach - 2) continue;
      inFrame++;
      const edge = edgeAt(img, grad, px, py, n);
      if (edge) supported++;
      if (k < endLength || k >= samples - endLength) {
        const e = k < endLength ? 0 : 2;
        ends[e]!++;
        if (edge) ends[e + 1]!++;
      }
      // Give up once this side cannot reach the floor even if every remaining sample is supported.
      if (floor > 0 && inFrame >= 6 && supported + (samples - k - 1) < floor * Math.min(samples, inFrame + samples - k - 1)) return undefined;
    }
    if (inFrame < 4) continue; // a side almost all outside the photo: nothing to judge it by
    const support = supported / inFrame;
    if (support < floor) return undefined;
    minSupport = Math.min(minSupport, support);
    // A true corner has its edge running right into it: the ends of each side must be supported.
    for (const e of [0, 2]) {
      if (ends[e]! < 2) continue;
      cornerTotal += ends[e + 1]! / ends[e]!;
      cornerCount++;
    }
    totalIn += inFrame;
    totalSupported += supported;
  }
  if (totalIn === 0) return undefined;
  const meanSupport = totalSupported / totalIn;
  const inFrameShare = totalIn / (4 * samples);
  const area = polygonArea(quad) / (width * height);
  // A-series: long over short sides near √2 (perspective bends it a little).
  const ratio = Math.max(lengths[0]! + lengths[2]!, lengths[1]! + lengths[3]!) / Math.min(lengths[0]! + lengths[2]!, lengths[1]! + lengths[3]!) / Math.SQRT2;
  const shape = clamp01(1.5 - Math.abs(Math.log(ratio)) / 0.16);
  const cx = (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4;
  const cy = (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4;
  const offCentre = Math.hypot(cx - width / 2, cy - height / 2) / Math.hypot(width, height);
  const central = 1 - 0.6 * Math.min(1, offCentre / 0.35);
  const cornerSupport = cornerCount === 0 ? 0 : cornerTotal / cornerCount;
  // Steep in support: a quad that strays off the page's edge for a tenth of its length is a rival, not a tie.
  const score = meanSupport ** 6 * minSupport * cornerSupport ** 4 * Math.sqrt(area) * (0.3 + 0.7 * shape) * central * inFrameShare ** 1.5;
  return { quad, borders, score, minSupport, shape };
}

/**
 * Whether the photo has a page edge through the point (within a pixel of it, across the side):
 * a gradient pointing inward (brighter inside), strong relative to the grey there (so a shadow
 * does not hide it) and square to the side (texture and slanting clutter are not).
 */
function edgeAt(img: GreyImage, grad: Gradients, px: number, py: number, n: Point): boolean {
  const { width, gx, gy } = grad;
  for (const o of [0, -1, 1]) {
    const x = Math.round(px + n.x * o - 0.5);
    const y = Math.round(py + n.y * o - 0.5);
    const i = y * width + x;
    const across = -(gx[i]! * n.x + gy[i]! * n.y);
    const along = Math.abs(gx[i]! * n.y - gy[i]! * n.x);
    if (across >= Math.max(14, 0.2 * img.data[i]!) && along <= 0.5 * across) return true;
  }
  return false;
}

/**
 * Moves each side of the quad onto the page's edge: along the side, look across it for the
 * strongest fall from bright (inside) to dark (outside), fit a line through those points with
 * outliers dropped, and intersect neighbouring lines.
 */
function refineQuad(img: GreyImage, quad: Quad, borders: boolean[] = [false, false, false, false]): Quad | undefined {
  const diagonal = Math.hypot(img.width, img.height);
  const reach = Math.max(4, diagonal * 0.015);
  const lines: Line[] = [];
  for (let side = 0; side < 4; side++) {
    const a = quad[side]!;
    const b = quad[(side + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const dir = { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
    const normal = { x: dir.y, y: -dir.x }; // outward for a clockwise (screen) quad
    if (borders[side]) {
      lines.push({ point: a, dir }); // the photo's own border: nothing to refine
      continue;
    }
    const points: Point[] = [];
    const samples = 48;
    for (let s = 0; s < samples; s++) {
      const t = 0.08 + (0.84 * s) / (samples - 1);
      const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      if (p.x < reach || p.y < reach || p.x > img.width - reach || p.y > img.height - reach) continue; // outside the photo
      const edge = strongestFall(img, p, normal, reach);
      if (edge !== undefined) points.push({ x: p.x + normal.x * edge, y: p.y + normal.y * edge });
    }
    lines.push(robustLine(points) ?? { point: a, dir });
  }
  const corners: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const p = intersect(lines[(i + 3) % 4]!, lines[i]!);
    if (!p) return undefined;
    // A refined corner far from the rough one means the edges were not found: keep the rough quad.
    if (Math.hypot(p.x - quad[i]!.x, p.y - quad[i]!.y) > diagonal * 0.04) return undefined;
    corners.push(p);
  }
  return corners as Quad;
}

/** Offset along the normal (within ±reach) of the steepest bright-to-dark fall, to a sub-pixel. */
function strongestFall(img: GreyImage, p: Point, n: Point, reach: number): number | undefined {
  const fall = steepestFall(img, p, n, reach);
  // A weak fall is noise, not the page's edge.
  if (!fall || fall.slope > -6) return undefined;
  return fallOffset(fall);
}

/** A line through the points, refitted twice without the points far from it. */
function robustLine(points: Point[]): Line | undefined {
  if (points.length < 8) return undefined;
  let kept = points;
  let line = fitLine(kept);
  for (let round = 0; round < 3; round++) {
    const distances = kept.map((p) => distanceToLine(line, p));
    const sorted = [...distances].sort((a, b) => a - b);
    const limit = Math.max(0.75, 2.5 * sorted[Math.floor(sorted.length / 2)]!);
    const next = kept.filter((_, i) => distances[i]! <= limit);
    if (next.length < 8) break;
    kept = next;
    line = fitLine(kept);
  }
  return line;
}

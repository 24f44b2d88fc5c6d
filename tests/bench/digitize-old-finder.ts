// The page finder as it was before issue #10 (edge outline or bright region, largest inscribed
// quadrilateral, sides refined), frozen here as the digitize bench's baseline for corner finding on
// cluttered desks. Not used by the app.
import type { Point, Quad } from '../../src/domain/digitize';
import {
  convexHull,
  distanceToLine,
  fitLine,
  intersect,
  isReasonableQuad,
  largestQuad,
  orderQuad,
  polygonArea,
  type Line,
} from '../../workers/digitize/geometry';
import { boxBlur, greyDownscaled, sampleGrey } from '../../workers/digitize/grey';
import type { GreyImage, RgbaImage } from '../../workers/digitize/image';
import { histogram, otsuThreshold } from '../../workers/digitize/threshold';

export interface CornerResult {
  /** Corners in photo pixels (top-left, top-right, bottom-right, bottom-left). */
  corners: Quad;
  /** False when no page stood out: the corners are then the photo's own, slightly inset. */
  found: boolean;
}

/** Side of the working copy: enough for corners within a fraction of a percent, small enough to be quick. */
const WORK_SIDE = 640;

export function findPageCorners(photo: RgbaImage): CornerResult {
  const factor = Math.max(1, Math.ceil(Math.max(photo.width, photo.height) / WORK_SIDE));
  return findPageCornersInSmall(greyDownscaled(photo, factor), photo.width, photo.height);
}

/** The same from a grey copy of the photo already shrunk (the browser does that natively, fast). */
export function findPageCornersInSmall(small: GreyImage, photoWidth: number, photoHeight: number): CornerResult {
  const sx = photoWidth / small.width;
  const sy = photoHeight / small.height;
  const found = findCornersInGrey(small);
  if (!found) {
    if (looksLikeFlatScan(small)) return { corners: frame(photoWidth, photoHeight), found: true };
    return { corners: insetFrame(photoWidth, photoHeight), found: false };
  }
  return { corners: found.map((p) => ({ x: p.x * sx, y: p.y * sy })) as Quad, found: true };
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

/** Corners of the page in a small grey image, in its pixel coordinates, or undefined. */
export function findCornersInGrey(small: GreyImage): Quad | undefined {
  const blurred = boxBlur(boxBlur(small, 2), 2);
  const imageArea = small.width * small.height;
  // Two ways to see the page: the outline of its edges (robust to shadows), and the bright region
  // (robust to a busy background). Each gives a quad; the one whose sides run along the stronger
  // bright-to-dark edge wins.
  const candidates: Quad[] = [];
  for (const outline of [largestEdgeOutline(blurred), largestBrightComponent(blurred, otsuThreshold(histogram(blurred)))]) {
    if (!outline) continue;
    const rough = largestQuad(simplify(convexHull(outline), 16));
    if (!rough) continue;
    const quad = orderQuad(rough);
    if (isReasonableQuad(quad) && polygonArea(quad) >= 0.1 * imageArea) candidates.push(quad);
  }
  if (candidates.length === 0) return undefined;
  const sharp = boxBlur(small, 1);
  let best: Quad | undefined;
  let bestScore = -Infinity;
  for (const rough of candidates) {
    const refined = refineQuad(sharp, rough);
    const quad = refined && isReasonableQuad(refined) ? refined : rough;
    const score = edgeSupport(sharp, quad);
    if (score > bestScore) [bestScore, best] = [score, quad];
  }
  // A page's border falls by tens of grey levels all round, and the page is brighter than what
  // lies around it; wood grain, a folder's print or a block of text inside a page are not.
  return best && bestScore >= MIN_EDGE_SUPPORT && bandContrast(blurred, best) >= MIN_BAND_CONTRAST ? best : undefined;
}

/** Least difference (grey levels) between a band just inside the quad and one just outside. */
const MIN_BAND_CONTRAST = 15;

/** Mean brightness a few pixels inside the quad's sides minus a few pixels outside them. */
function bandContrast(img: GreyImage, quad: Quad): number {
  const reach = Math.max(3, Math.round(Math.min(img.width, img.height) * 0.01));
  let total = 0;
  let count = 0;
  for (let side = 0; side < 4; side++) {
    const a = quad[side]!;
    const b = quad[(side + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const n = { x: (b.y - a.y) / length, y: -(b.x - a.x) / length };
    for (let t = 0.1; t < 0.91; t += 0.1) {
      const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      for (let d = reach; d <= 2 * reach; d++) {
        const outX = p.x + n.x * d;
        const outY = p.y + n.y * d;
        if (outX < 0 || outY < 0 || outX >= img.width || outY >= img.height) continue; // the photo's edge: nothing outside
        total += sampleGrey(img, p.x - n.x * d, p.y - n.y * d) - sampleGrey(img, outX, outY);
        count++;
      }
    }
  }
  return count === 0 ? 0 : total / count;
}

/** Least mean fall (grey levels) across a quad's sides for it to count as a page. */
const MIN_EDGE_SUPPORT = 18;

/**
 * The points of the connected set of strong edges whose convex hull is largest: the page's
 * border, which text inside the margins never joins.
 */
function largestEdgeOutline(img: GreyImage): Point[] | undefined {
  const { width, height, data } = img;
  const magnitude = new Float32Array(width * height);
  const counts = new Uint32Array(4096);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const gx = data[i - width + 1]! + 2 * data[i + 1]! + data[i + width + 1]! - data[i - width - 1]! - 2 * data[i - 1]! - data[i + width - 1]!;
      const gy = data[i + width - 1]! + 2 * data[i + width]! + data[i + width + 1]! - data[i - width - 1]! - 2 * data[i - width]! - data[i - width + 1]!;
      const m = Math.abs(gx) + Math.abs(gy);
      magnitude[i] = m;
      counts[Math.min(4095, m)]!++;
    }
  }
  // The 99.5th percentile of edge strength: the page's border is among the strongest edges.
  let strong = 4095;
  for (let acc = 0, target = 0.005 * (width - 2) * (height - 2); strong > 0; strong--) {
    acc += counts[strong]!;
    if (acc >= target) break;
  }
  const threshold = Math.max(24, strong * 0.25);
  const labels = new Uint8Array(width * height); // 1 once visited
  const stack = new Int32Array(width * height);
  const members = new Int32Array(width * height);
  const around = Int32Array.from([-width - 1, -width, -width + 1, -1, 1, width - 1, width, width + 1]);
  let best: Point[] | undefined;
  let bestArea = 0;
  for (let start = 0; start < magnitude.length; start++) {
    if (labels[start] !== 0 || magnitude[start]! < threshold) continue;
    let top = 0;
    let count = 0;
    stack[top++] = start;
    labels[start] = 1;
    let minX = width;
    let maxX = 0;
    let minY = height;
    let maxY = 0;
    while (top > 0) {
      const i = stack[--top]!;
      members[count++] = i;
      const x = i % width;
      const y = (i - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) continue; // Sobel leaves the border at 0
      for (let k = 0; k < 8; k++) {
        const j = i + around[k]!;
        if (labels[j] !== 0 || magnitude[j]! < threshold) continue;
        labels[j] = 1;
        stack[top++] = j;
      }
    }
    // The bounding box bounds the hull's area: skip small sets without computing their hull.
    if ((maxX - minX + 1) * (maxY - minY + 1) <= bestArea) continue;
    const points = rowExtremes(members, count, width, minY, maxY);
    const area = polygonArea(convexHull(points));
    if (area > bestArea) [bestArea, best] = [area, points];
  }
  return bestArea >= 0.05 * width * height ? best : undefined;
}

/** The leftmost and rightmost pixel of each row of a pixel set: all its convex hull needs. */
function rowExtremes(members: Int32Array, count: number, width: number, minY: number, maxY: number): Point[] {
  const rows = maxY - minY + 1;
  const left = new Int32Array(rows).fill(width);
  const right = new Int32Array(rows).fill(-1);
  for (let k = 0; k < count; k++) {
    const i = members[k]!;
    const x = i % width;
    const r = (i - x) / width - minY;
    if (x < left[r]!) left[r] = x;
    if (x > right[r]!) right[r] = x;
  }
  const points: Point[] = [];
  for (let r = 0; r < rows; r++) {
    if (right[r]! < 0) continue;
    points.push({ x: left[r]! + 0.5, y: minY + r + 0.5 }, { x: right[r]! + 0.5, y: minY + r + 0.5 });
  }
  return points;
}

/** Mean strength of the bright-to-dark fall across the quad's sides (higher: a truer page edge). */
function edgeSupport(img: GreyImage, quad: Quad): number {
  let total = 0;
  let count = 0;
  for (let side = 0; side < 4; side++) {
    const a = quad[side]!;
    const b = quad[(side + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const n = { x: (b.y - a.y) / length, y: -(b.x - a.x) / length };
    for (let t = 0.05; t < 0.96; t += 0.05) {
      const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      total += sampleGrey(img, p.x - 1.5 * n.x, p.y - 1.5 * n.y) - sampleGrey(img, p.x + 1.5 * n.x, p.y + 1.5 * n.y);
      count++;
    }
  }
  return total / count;
}

/**
 * The largest 4-connected region brighter than the threshold, as the outer points of each of its
 * rows (enough for the convex hull). Undefined when it is a sliver.
 */
function largestBrightComponent(img: GreyImage, threshold: number): Point[] | undefined {
  const { width, height, data } = img;
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  let bestLabel = 0;
  let bestSize = 0;
  let label = 0;
  for (let start = 0; start < data.length; start++) {
    if (labels[start] !== 0 || data[start]! <= threshold) continue;
    label++;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const i = stack[--top]!;
      size++;
      const x = i % width;
      if (x > 0 && labels[i - 1] === 0 && data[i - 1]! > threshold) {
        labels[i - 1] = label;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && labels[i + 1] === 0 && data[i + 1]! > threshold) {
        labels[i + 1] = label;
        stack[top++] = i + 1;
      }
      if (i >= width && labels[i - width] === 0 && data[i - width]! > threshold) {
        labels[i - width] = label;
        stack[top++] = i - width;
      }
      if (i + width < data.length && labels[i + width] === 0 && data[i + width]! > threshold) {
        labels[i + width] = label;
        stack[top++] = i + width;
      }
    }
    if (size > bestSize) {
      bestSize = size;
      bestLabel = label;
    }
  }
  if (bestSize < 0.05 * width * height) return undefined;
  const points: Point[] = [];
  for (let y = 0; y < height; y++) {
    let left = -1;
    let right = -1;
    for (let x = 0; x < width; x++) {
      if (labels[y * width + x] === bestLabel) {
        if (left < 0) left = x;
        right = x;
      }
    }
    if (left >= 0) points.push({ x: left, y: y + 0.5 }, { x: right + 1, y: y + 0.5 });
  }
  return points;
}

/** Drops the hull vertices that matter least (smallest triangle area) until `keep` remain. */
function simplify(poly: Point[], keep: number): Point[] {
  const pts = [...poly];
  const area = (i: number) => {
    const a = pts[(i + pts.length - 1) % pts.length]!;
    const b = pts[i]!;
    const c = pts[(i + 1) % pts.length]!;
    return Math.abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  };
  while (pts.length > keep) {
    let worst = 0;
    let worstArea = Infinity;
    for (let i = 0; i < pts.length; i++) {
      const a = area(i);
      if (a < worstArea) [worstArea, worst] = [a, i];
    }
    pts.splice(worst, 1);
  }
  return pts;
}

/**
 * Moves each side of the quad onto the page's edge: along the side, look across it for the
 * strongest fall from bright (inside) to dark (outside), fit a line through those points with
 * outliers dropped, and intersect neighbouring lines.
 */
function refineQuad(img: GreyImage, quad: Quad): Quad | undefined {
  const diagonal = Math.hypot(img.width, img.height);
  const reach = Math.max(4, diagonal * 0.015);
  const lines: Line[] = [];
  for (let side = 0; side < 4; side++) {
    const a = quad[side]!;
    const b = quad[(side + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const dir = { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
    const normal = { x: dir.y, y: -dir.x }; // outward for a clockwise (screen) quad
    const points: Point[] = [];
    const samples = 48;
    for (let s = 0; s < samples; s++) {
      const t = 0.08 + (0.84 * s) / (samples - 1);
      const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
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
  const step = 0.5;
  const count = Math.floor((2 * reach) / step) + 1;
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const s = -reach + i * step;
    values[i] = sampleGrey(img, p.x + n.x * s, p.y + n.y * s);
  }
  let best = 1;
  let bestSlope = 0;
  const slope = (i: number) => values[i + 1]! - values[i - 1]!;
  for (let i = 1; i < count - 1; i++) {
    const d = slope(i);
    if (d < bestSlope) [bestSlope, best] = [d, i];
  }
  // A weak fall is noise, not the page's edge.
  if (bestSlope > -6) return undefined;
  let offset = 0;
  if (best > 1 && best < count - 2) {
    const l = slope(best - 1);
    const r = slope(best + 1);
    const denom = l - 2 * bestSlope + r;
    if (denom !== 0) offset = Math.max(-0.5, Math.min(0.5, (0.5 * (l - r)) / denom));
  }
  return -reach + (best + offset) * step;
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

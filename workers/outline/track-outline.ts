// Following a page found in the last preview frame into the next one: each side is looked for only
// near where it was (a hand holding a tablet moves the page a little between frames), which costs a
// few hundred samples instead of the full search's Hough lines and quad scoring. The full search
// still runs every few frames and whenever a side is lost, so the tracker only ever follows a page
// the finder chose; it never picks one.
import type { Point, Quad } from '../../src/domain/digitize';
import { distanceToLine, fitLine, intersect, isReasonableQuad, polygonArea, type Line } from '../digitize/geometry';
import { fallOffset, steepestFall } from '../digitize/edge-fall';
import type { GreyImage } from '../digitize/image';

/** How far (share of the small image's diagonal) a side may have moved since the last frame. */
export const TRACK_REACH = 0.015;
/** Points looked for along each side. */
const SAMPLES = 24;
/** Share of a side's points (those inside the frame) that must sit on a bright-inside edge. */
const MIN_SUPPORT = 0.4;

/**
 * The page's outline in `img` near `previous` (both in `img`'s pixels), or undefined when a side
 * is not clearly there: the page moved too far, left, was covered, or a side runs out of the frame
 * (the full search judges those).
 */
export function trackOutline(img: GreyImage, previous: Quad): Quad | undefined {
  const diagonal = Math.hypot(img.width, img.height);
  const reach = Math.max(3, diagonal * TRACK_REACH);
  const lines: Line[] = [];
  for (let side = 0; side < 4; side++) {
    const a = previous[side]!;
    const b = previous[(side + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length < 4 * reach) return undefined;
    const normal = { x: (b.y - a.y) / length, y: -(b.x - a.x) / length }; // outward for a clockwise (screen) quad
    const points: Point[] = [];
    let inFrame = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const t = 0.1 + (0.8 * s) / (SAMPLES - 1);
      const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      if (p.x < reach + 1 || p.y < reach + 1 || p.x > img.width - reach - 1 || p.y > img.height - reach - 1) continue;
      inFrame++;
      const offset = edgeAcross(img, p, normal, reach);
      if (offset !== undefined) points.push({ x: p.x + normal.x * offset, y: p.y + normal.y * offset });
    }
    // A side mostly out of the frame cannot be followed honestly.
    if (inFrame < SAMPLES / 2 || points.length < MIN_SUPPORT * inFrame) return undefined;
    const line = straightLine(points, MIN_SUPPORT * inFrame);
    if (!line) return undefined;
    lines.push(line);
  }
  const corners: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const p = intersect(lines[(i + 3) % 4]!, lines[i]!);
    if (!p || Math.hypot(p.x - previous[i]!.x, p.y - previous[i]!.y) > 2 * reach) return undefined;
    corners.push(p);
  }
  const quad = corners as Quad;
  if (!isReasonableQuad(quad, 40) || polygonArea(quad) < 0.08 * img.width * img.height) return undefined;
  return quad;
}

/**
 * Offset along the outward normal (within ±reach) of the page's edge through `p`: the steepest
 * fall from bright (inside) to dark (outside), strong against the grey there so a shadow does not
 * hide it, and the two sides clearly apart. Undefined where there is no such edge.
 */
function edgeAcross(img: GreyImage, p: Point, n: Point, reach: number): number | undefined {
  const fall = steepestFall(img, p, n, reach);
  if (!fall) return undefined;
  const { values, index } = fall;
  // Two pixels in and two out: paper over desk, not a stroke of text or a grain of wood.
  const inside = values[Math.max(0, index - 4)]!;
  const outside = values[Math.min(values.length - 1, index + 4)]!;
  if (-fall.slope < Math.max(8, 0.08 * inside) || inside - outside < Math.max(10, 0.08 * inside)) return undefined;
  return fallOffset(fall);
}

/** A line through the points with the far ones dropped; undefined when fewer than `least` lie on it. */
function straightLine(points: Point[], least: number): Line | undefined {
  if (points.length < Math.max(6, least)) return undefined;
  let kept = points;
  let line = fitLine(kept);
  for (let round = 0; round < 3; round++) {
    const distances = kept.map((p) => distanceToLine(line, p));
    const sorted = [...distances].sort((x, y) => x - y);
    const limit = Math.max(0.75, 2.5 * sorted[Math.floor(sorted.length / 2)]!);
    const next = kept.filter((_, i) => distances[i]! <= limit);
    if (next.length < Math.max(6, least)) return undefined;
    if (next.length === kept.length) break;
    kept = next;
    line = fitLine(kept);
  }
  return line;
}

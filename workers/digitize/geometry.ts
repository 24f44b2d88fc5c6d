// Small plane geometry for corner finding: convex hull, polygon simplification, quad area and
// shape checks, line fitting and intersection.
import type { Point, Quad } from '../../src/domain/digitize';

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (Andrew's monotone chain), counter-clockwise in image coordinates' sense of cross < 0 removed. */
export function convexHull(points: Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Area of a polygon (absolute value of the shoelace sum). */
export function polygonArea(poly: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}

/** The four hull vertices spanning the largest quadrilateral (exhaustive over a small hull). */
export function largestQuad(hull: Point[]): Point[] | undefined {
  const n = hull.length;
  if (n < 4) return undefined;
  const tri = (a: number, b: number, c: number) => Math.abs(cross(hull[a]!, hull[b]!, hull[c]!)) / 2;
  let best = -1;
  let result: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = i + 2; k < n; k++) {
      let bestJ = -1;
      let areaJ = -1;
      for (let j = i + 1; j < k; j++) {
        const a = tri(i, j, k);
        if (a > areaJ) [areaJ, bestJ] = [a, j];
      }
      let bestL = -1;
      let areaL = -1;
      for (let l = k + 1; l < n + i; l++) {
        const a = tri(k, l % n, i);
        if (a > areaL) [areaL, bestL] = [a, l % n];
      }
      if (bestJ < 0 || bestL < 0 || bestL === i) continue;
      if (areaJ + areaL > best) {
        best = areaJ + areaL;
        result = [i, bestJ, k, bestL];
      }
    }
  }
  return result.length === 4 ? result.map((i) => hull[i]!) : undefined;
}

/** Orders four points as top-left, top-right, bottom-right, bottom-left around their centre. */
export function orderQuad(points: readonly Point[]): Quad {
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  // Clockwise on screen (y down) starting from the top-left: sort by angle, then rotate so the
  // point with the smallest x + y comes first.
  const sorted = [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  let start = 0;
  sorted.forEach((p, i) => {
    if (p.x + p.y < sorted[start]!.x + sorted[start]!.y) start = i;
  });
  const q = [0, 1, 2, 3].map((i) => sorted[(start + i) % 4]!);
  return [q[0]!, q[1]!, q[2]!, q[3]!];
}

/** True when the quad is convex and none of its angles is sharper than minDegrees. */
export function isReasonableQuad(q: Quad, minDegrees = 35): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[(i + 3) % 4]!;
    const b = q[i]!;
    const c = q[(i + 1) % 4]!;
    const z = cross(b, a, c);
    const s = Math.sign(z);
    if (s === 0 || (sign !== 0 && s !== sign)) return false;
    sign = s;
    const v1 = { x: a.x - b.x, y: a.y - b.y };
    const v2 = { x: c.x - b.x, y: c.y - b.y };
    const cos = (v1.x * v2.x + v1.y * v2.y) / (Math.hypot(v1.x, v1.y) * Math.hypot(v2.x, v2.y));
    const angle = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
    if (angle < minDegrees || angle > 180 - minDegrees) return false;
  }
  return true;
}

/** A line as a point on it and a unit direction. */
export interface Line {
  point: Point;
  dir: Point;
}

/** Total-least-squares line through points (the principal axis of their scatter). */
export function fitLine(points: readonly Point[]): Line {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { point: { x: mx, y: my }, dir: { x: Math.cos(theta), y: Math.sin(theta) } };
}

export function distanceToLine(line: Line, p: Point): number {
  return Math.abs((p.x - line.point.x) * line.dir.y - (p.y - line.point.y) * line.dir.x);
}

export function intersect(a: Line, b: Line): Point | undefined {
  const det = a.dir.x * b.dir.y - a.dir.y * b.dir.x;
  if (Math.abs(det) < 1e-9) return undefined;
  const t = ((b.point.x - a.point.x) * b.dir.y - (b.point.y - a.point.y) * b.dir.x) / det;
  return { x: a.point.x + t * a.dir.x, y: a.point.y + t * a.dir.y };
}

// Plane-to-plane perspective maps (homographies) from four point pairs: how a photographed page
// is flattened back to a rectangle.
import type { Point } from '../../src/domain/digitize';

/** Row-major 3×3 matrix with h[8] normalised to 1. */
export type Homography = Float64Array;

/** The homography H with H·from[i] = to[i] for the four pairs; undefined for degenerate input. */
export function homographyFromPoints(from: readonly Point[], to: readonly Point[]): Homography | undefined {
  // Eight equations in the eight unknowns h0..h7 (h8 = 1).
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const h = solve(a);
  if (!h) return undefined;
  const m = Float64Array.from([...h, 1]);
  // Three points on one line give a solvable system but a singular map (the page would be a line).
  const det = m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) - m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) + m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
  return Math.abs(det) < 1e-9 ? undefined : m;
}

/** Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix. */
function solve(m: number[][]): number[] | undefined {
  const n = m.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r]!;
      const f = row[col]! / p[col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c]! -= f * p[c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export function project(h: Homography, x: number, y: number): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return { x: (h[0]! * x + h[1]! * y + h[2]!) / w, y: (h[3]! * x + h[4]! * y + h[5]!) / w };
}

// Cuts a perspective map into tiles on each of which an affine map stays within a small fraction
// of a pixel of it, so the browser's own image drawing (which knows only affine transforms) can
// flatten the page natively, tile by tile, instead of a script loop over every pixel.
import type { Homography } from './homography';

/** One output rectangle and the affine map that stands in for the perspective map on it. */
export interface AffineTile {
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * Photo → page, in the order of CanvasRenderingContext2D.setTransform(a, b, c, d, e, f):
   * pageX = a·x + c·y + e, pageY = b·x + d·y + f.
   */
  toPage: [number, number, number, number, number, number];
  /** Largest distance (photo pixels) between the affine and the true map at the tile's check points. */
  error: number;
}

export interface TileOptions {
  /** Largest allowed error in photo pixels: far below what bilinear sampling itself blurs. */
  tolerance?: number;
  /** Side of the first, largest tiles. */
  maxSide?: number;
  /** Tiles are not split below this side, whatever the error (only for absurd maps). */
  minSide?: number;
}

/** Points per side of the grid the affine is fitted on and checked against. */
const GRID = 5;

export function affineTiles(h: Homography, width: number, height: number, options: TileOptions = {}): AffineTile[] {
  const tolerance = options.tolerance ?? 0.1;
  const maxSide = options.maxSide ?? 256;
  const minSide = options.minSide ?? 8;
  const tiles: AffineTile[] = [];
  const visit = (tile: AffineTile | undefined, x: number, y: number, w: number, hgt: number) => {
    if (tile && (tile.error <= tolerance || (w <= minSide && hgt <= minSide))) {
      tiles.push(tile);
      return;
    }
    // Halve across whichever side leaves the smaller error: perspective bends one way more than
    // the other, so long thin tiles often do as well as squares, with fewer draws.
    const halfW = Math.ceil(w / 2);
    const halfH = Math.ceil(hgt / 2);
    const left = w > minSide ? fitTile(h, x, y, halfW, hgt) : undefined;
    const top = hgt > minSide ? fitTile(h, x, y, w, halfH) : undefined;
    if (left && (!top || left.error <= top.error)) {
      visit(left, x, y, halfW, hgt);
      visit(fitTile(h, x + halfW, y, w - halfW, hgt), x + halfW, y, w - halfW, hgt);
    } else if (top) {
      visit(top, x, y, w, halfH);
      visit(fitTile(h, x, y + halfH, w, hgt - halfH), x, y + halfH, w, hgt - halfH);
    } else if (tile) {
      tiles.push(tile);
    }
  };
  for (let y = 0; y < height; y += maxSide) {
    for (let x = 0; x < width; x += maxSide) {
      const w = Math.min(maxSide, width - x);
      const hgt = Math.min(maxSide, height - y);
      visit(fitTile(h, x, y, w, hgt), x, y, w, hgt);
    }
  }
  return tiles;
}

/**
 * Least-squares affine fit (page → photo) on a GRID×GRID lattice over the tile, inverted for the
 * canvas; undefined where the map folds (a degenerate quad).
 */
function fitTile(h: Homography, x: number, y: number, w: number, hgt: number): AffineTile | undefined {
  const px: number[] = [];
  const py: number[] = [];
  const qx: number[] = [];
  const qy: number[] = [];
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      const u = x + (w * i) / (GRID - 1);
      const v = y + (hgt * j) / (GRID - 1);
      const d = h[6]! * u + h[7]! * v + h[8]!;
      px.push(u);
      py.push(v);
      qx.push((h[0]! * u + h[1]! * v + h[2]!) / d);
      qy.push((h[3]! * u + h[4]! * v + h[5]!) / d);
    }
  }
  // On a symmetric lattice the x and y terms are uncorrelated: each slope is a plain ratio.
  const n = px.length;
  const cx = x + w / 2;
  const cy = y + hgt / 2;
  let mqx = 0;
  let mqy = 0;
  let sxx = 0;
  let syy = 0;
  let ax = 0;
  let ay = 0;
  let bx = 0;
  let by = 0;
  for (let k = 0; k < n; k++) {
    const dx = px[k]! - cx;
    const dy = py[k]! - cy;
    mqx += qx[k]! / n;
    mqy += qy[k]! / n;
    sxx += dx * dx;
    syy += dy * dy;
    ax += dx * qx[k]!;
    ay += dx * qy[k]!;
    bx += dy * qx[k]!;
    by += dy * qy[k]!;
  }
  // page → photo: q = M·(p − c) + mq, M = [[m00, m01], [m10, m11]].
  const m00 = ax / sxx;
  const m10 = ay / sxx;
  const m01 = bx / syy;
  const m11 = by / syy;
  let error = 0;
  for (let k = 0; k < n; k++) {
    const dx = px[k]! - cx;
    const dy = py[k]! - cy;
    error = Math.max(error, Math.hypot(mqx + m00 * dx + m01 * dy - qx[k]!, mqy + m10 * dx + m11 * dy - qy[k]!));
  }
  const det = m00 * m11 - m01 * m10;
  if (!(Math.abs(det) > 1e-12)) return undefined;
  // photo → page: p = M⁻¹·(q − mq) + c.
  const i00 = m11 / det;
  const i01 = -m01 / det;
  const i10 = -m10 / det;
  const i11 = m00 / det;
  const e = cx - (i00 * mqx + i01 * mqy);
  const f = cy - (i10 * mqx + i11 * mqy);
  return { x, y, width: w, height: hgt, toPage: [i00, i10, i01, i11, e, f], error };
}

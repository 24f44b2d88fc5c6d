// Straight edges in a small grey photo: Sobel gradients voted into a
// Hough accumulator along each pixel's own gradient direction, and the strongest distinct lines
// read out. The page's sides are among them, whatever else lies on the desk.
import type { GreyImage, Scratch } from './image';

/** A line as its unit normal's angle (0 ≤ theta < π) and its distance from the origin along it. */
export interface HoughLine {
  theta: number;
  rho: number;
  votes: number;
}

/** Gradients of a grey image (Sobel), for the lines and for scoring sides against. */
export interface Gradients {
  width: number;
  height: number;
  gx: Float32Array;
  gy: Float32Array;
  magnitude: Float32Array;
}

export function sobel(img: GreyImage, scratch?: Scratch): Gradients {
  const { width, height, data } = img;
  // The rim is never written: it stays 0 in a lent buffer too, which only ever holds gradients of this size.
  const plane = (use: string) =>
    scratch ? new Float32Array(scratch.bytes(use, width * height * 4).buffer, 0, width * height) : new Float32Array(width * height);
  const gx = plane('sobel-x');
  const gy = plane('sobel-y');
  const magnitude = plane('sobel-magnitude');
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      const a = data[i - width - 1]!;
      const b = data[i - width]!;
      const c = data[i - width + 1]!;
      const d = data[i - 1]!;
      const f = data[i + 1]!;
      const g = data[i + width - 1]!;
      const h = data[i + width]!;
      const k = data[i + width + 1]!;
      const sx = c + 2 * f + k - a - 2 * d - g;
      const sy = g + 2 * h + k - a - 2 * b - c;
      gx[i] = sx;
      gy[i] = sy;
      magnitude[i] = Math.sqrt(sx * sx + sy * sy); // not Math.hypot: several times slower
    }
  }
  return { width, height, gx, gy, magnitude };
}

const ANGLES = 180;
const COS = Float64Array.from({ length: ANGLES }, (_, k) => Math.cos((k * Math.PI) / ANGLES));
const SIN = Float64Array.from({ length: ANGLES }, (_, k) => Math.sin((k * Math.PI) / ANGLES));

/**
 * The `keep` strongest lines, at least `minVotes` long, none within a few degrees and pixels of a
 * stronger one. Pixels of at least `minMagnitude` vote, each for the angles within ±2° of its
 * gradient's.
 */
export function houghLines(grad: Gradients, minMagnitude: number, minVotes: number, keep: number): HoughLine[] {
  const { width, height, gx, gy, magnitude } = grad;
  // Distances measured from the image's centre: a line's votes then stay in one compact peak
  // even when its angle is a degree off (measured from a corner, they smear along rho).
  const cx = width / 2;
  const cy = height / 2;
  const maxRho = Math.ceil(Math.hypot(width, height) / 2) + 2;
  const rhoBins = 2 * maxRho + 1;
  const acc = new Float32Array(ANGLES * rhoBins);
  for (let y = 2; y < height - 2; y++) {
    for (let x = 2, i = y * width + 2; x < width - 2; x++, i++) {
      const m = magnitude[i]!;
      if (m < minMagnitude) continue;
      const ux = gx[i]! / m;
      const uy = gy[i]! / m;
      // Every pixel of a soft edge votes (not only its ridge): where clutter touches a page edge
      // the ridge wanders, and the votes split between bins below are what keep the peak compact.
      let angle = Math.atan2(uy, ux);
      if (angle < 0) angle += Math.PI;
      const k0 = Math.round((angle * ANGLES) / Math.PI);
      // Strong edges count more, but a wall of one huge contrast does not drown the page.
      const weight = Math.min(1, m / (4 * minMagnitude));
      for (let dk = -2; dk <= 2; dk++) {
        // The pixel lies on the line whatever the parametrisation: its rho follows from the angle.
        const k = (k0 + dk + ANGLES) % ANGLES;
        const rho = (x + 0.5 - cx) * COS[k]! + (y + 0.5 - cy) * SIN[k]!;
        // Split between the two nearest bins, so a line's votes are not torn by rounding.
        const r = rho + maxRho;
        const r0 = Math.floor(r);
        const f = r - r0;
        acc[k * rhoBins + r0]! += weight * (1 - f);
        acc[k * rhoBins + r0 + 1]! += weight * f;
      }
    }
  }
  // Local maxima over a 3° × 3 px window, strongest first.
  const peaks: HoughLine[] = [];
  for (let k = 0; k < ANGLES; k++) {
    for (let r = 1; r < rhoBins - 1; r++) {
      const v = acc[k * rhoBins + r]!;
      if (v < minVotes) continue;
      let isMax = true;
      for (let dk = -1; dk <= 1 && isMax; dk++) {
        const kk = (k + dk + ANGLES) % ANGLES;
        const flip = k + dk < 0 || k + dk >= ANGLES;
        for (let dr = -1; dr <= 1; dr++) {
          if (dk === 0 && dr === 0) continue;
          const rr = flip ? rhoBins - 1 - (r + dr) : r + dr;
          if (rr < 0 || rr >= rhoBins) continue;
          const w = acc[kk * rhoBins + rr]!;
          if (w > v || (w === v && (dk < 0 || (dk === 0 && dr < 0)))) {
            isMax = false;
            break;
          }
        }
      }
      if (isMax) peaks.push({ theta: (k * Math.PI) / ANGLES, rho: r - maxRho + cx * COS[k]! + cy * SIN[k]!, votes: v });
    }
  }
  peaks.sort((a, b) => b.votes - a.votes);
  // Greedy suppression: a line near a stronger one (angle and offset at every point of the image) is its echo.
  const lines: HoughLine[] = [];
  const near = Math.max(3, Math.hypot(width, height) * 0.006);
  for (const p of peaks) {
    if (lines.length >= keep) break;
    if (lines.some((l) => sameLine(l, p, width, height, near))) continue;
    lines.push(p);
  }
  return lines;
}

/** Whether two lines stay within `near` pixels of each other across the whole image. */
function sameLine(a: HoughLine, b: HoughLine, width: number, height: number, near: number): boolean {
  let d = Math.abs(a.theta - b.theta);
  let rhoB = b.rho;
  if (d > Math.PI / 2) {
    d = Math.PI - d;
    rhoB = -rhoB;
  }
  if (d > (4 * Math.PI) / 180) return false;
  // Distance between the lines at the image's four corners, along a's normal.
  const bt = Math.abs(a.theta - b.theta) > Math.PI / 2 ? b.theta + (b.theta < a.theta ? Math.PI : -Math.PI) : b.theta;
  for (const [x, y] of [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ] as const) {
    const da = x * Math.cos(a.theta) + y * Math.sin(a.theta) - a.rho;
    const db = x * Math.cos(bt) + y * Math.sin(bt) - rhoB;
    if (Math.abs(da - db) > near) return false;
  }
  return true;
}

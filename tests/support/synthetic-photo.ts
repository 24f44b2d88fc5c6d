// "Photographs" a rendered page as a tablet would: the page lands on known corners in a wooden
// desk scene, under uneven light with a soft shadow, then lens blur and sensor noise. The corners
// are the ground truth the corner finder is measured against. Pure TypeScript, runs in Node.
import { type Rgba } from './synthetic-document';
import { seededRandom as random } from './seeded-random';

export interface Pt {
  x: number;
  y: number;
}

export interface PhotoOptions {
  width: number;
  height: number;
  /** Where the page's top-left, top-right, bottom-right and bottom-left corners land, in photo pixels. */
  corners: [Pt, Pt, Pt, Pt];
  seed: number;
  /** Depth of the soft shadow across part of the page (0 none … 0.6 deep). */
  shadow?: number;
  /** Overall exposure (1 normal, 0.3 a dark room). */
  exposure?: number;
  /** Box-blur radius in photo pixels applied twice (0 sharp, 1 a phone's usual softness, 5+ out of focus). */
  blur?: number;
  /** Standard deviation of sensor noise in grey levels. */
  noise?: number;
  /** The light's colour as red, green and blue gains ([1, 0.97, 0.9] by default: a warm room). */
  cast?: [number, number, number];
}

/**
 * The projective map from the unit square to a quad (Heckbert's closed form), and its inverse by
 * the adjugate: written apart from the app's homography code so the test does not grade itself.
 */
function squareToQuad(q: [Pt, Pt, Pt, Pt]): number[] {
  const [p0, p1, p2, p3] = q;
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / det;
  const h = (dx1 * sy - sx * dy1) / det;
  // [a b c; d e f; g h 1] maps (u, v, 1) with u along p0→p1 and v along p0→p3.
  return [p1.x - p0.x + g * p1.x, p3.x - p0.x + h * p3.x, p0.x, p1.y - p0.y + g * p1.y, p3.y - p0.y + h * p3.y, p0.y, g, h, 1];
}

function adjugate(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  return [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d];
}

/** Corners for a page held roughly square to the camera: centred, filling `fill` of the height, tilted and skewed a little. */
export function plausibleCorners(width: number, height: number, seed: number, fill = 0.86): [Pt, Pt, Pt, Pt] {
  const rnd = random(seed);
  const ph = height * fill;
  const pw = ph / Math.SQRT2;
  const angle = (rnd() - 0.5) * 0.14; // about ±4°
  const cx = width / 2 + (rnd() - 0.5) * width * 0.04;
  const cy = height / 2 + (rnd() - 0.5) * height * 0.03;
  const base: Pt[] = [
    { x: -pw / 2, y: -ph / 2 },
    { x: pw / 2, y: -ph / 2 },
    { x: pw / 2, y: ph / 2 },
    { x: -pw / 2, y: ph / 2 },
  ];
  // Perspective: the top edge a little narrower or wider than the bottom, each corner nudged.
  const keystone = (rnd() - 0.5) * 0.08;
  const pts = base.map((p, i) => {
    const x = p.x * (1 + (i < 2 ? keystone : -keystone)) + (rnd() - 0.5) * pw * 0.025;
    const y = p.y + (rnd() - 0.5) * ph * 0.02;
    return { x: cx + x * Math.cos(angle) - y * Math.sin(angle), y: cy + x * Math.sin(angle) + y * Math.cos(angle) };
  });
  return [pts[0]!, pts[1]!, pts[2]!, pts[3]!];
}

export function photograph(page: Rgba, options: PhotoOptions): Rgba {
  const { width, height, corners, seed } = options;
  const rnd = random(seed);
  const inverse = adjugate(squareToQuad(corners));
  const out = new Uint8ClampedArray(width * height * 4);
  const pageW = Math.hypot(corners[1].x - corners[0].x, corners[1].y - corners[0].y);
  const pageH = Math.hypot(corners[3].x - corners[0].x, corners[3].y - corners[0].y);
  const exposure = options.exposure ?? 1;
  const [cr, cg, cb] = options.cast ?? [1, 0.97, 0.9];
  const shadow = options.shadow ?? 0.35;
  const shadowAngle = rnd() * Math.PI * 2;
  const sdx = Math.cos(shadowAngle);
  const sdy = Math.sin(shadowAngle);
  const diag = Math.hypot(width, height);
  const pd = page.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const w = inverse[6]! * px + inverse[7]! * py + inverse[8]!;
      const u = (inverse[0]! * px + inverse[1]! * py + inverse[2]!) / w;
      const v = (inverse[3]! * px + inverse[4]! * py + inverse[5]!) / w;
      // Wooden desk: warm brown with grain.
      const grain = 0.85 + 0.1 * Math.sin(y * 0.021 + 4 * Math.sin(x * 0.0027)) + 0.05 * Math.sin(x * 0.31 + y * 0.013);
      let r = 128 * grain;
      let g = 92 * grain;
      let b = 60 * grain;
      // How far inside the page edge the pixel is, in photo pixels: a soft one-pixel edge.
      const inside = Math.min(u * pageW, (1 - u) * pageW, v * pageH, (1 - v) * pageH);
      if (inside > -0.5) {
        const cover = Math.min(1, inside + 0.5);
        const sx = Math.min(page.width - 1.001, Math.max(0, u * page.width - 0.5));
        const sy = Math.min(page.height - 1.001, Math.max(0, v * page.height - 0.5));
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const ax = sx - x0;
        const ay = sy - y0;
        const i = (y0 * page.width + x0) * 4;
        const j = i + page.width * 4;
        const w00 = (1 - ax) * (1 - ay);
        const w10 = ax * (1 - ay);
        const w01 = (1 - ax) * ay;
        const w11 = ax * ay;
        r = r * (1 - cover) + (pd[i]! * w00 + pd[i + 4]! * w10 + pd[j]! * w01 + pd[j + 4]! * w11) * cover;
        g = g * (1 - cover) + (pd[i + 1]! * w00 + pd[i + 5]! * w10 + pd[j + 1]! * w01 + pd[j + 5]! * w11) * cover;
        b = b * (1 - cover) + (pd[i + 2]! * w00 + pd[i + 6]! * w10 + pd[j + 2]! * w01 + pd[j + 6]! * w11) * cover;
      } else {
        // The page's own shadow on the desk, close to its edge.
        r *= 1 - 0.3 * Math.exp(inside / 25);
        g *= 1 - 0.3 * Math.exp(inside / 25);
        b *= 1 - 0.3 * Math.exp(inside / 25);
      }
      // Light: brighter in the middle, a soft shadow band from one side, a warm cast.
      const rx = (px - width / 2) / diag;
      const ry = (py - height / 2) / diag;
      const vignette = 1 - 0.35 * (rx * rx + ry * ry) * 4;
      const along = (rx * sdx + ry * sdy) * 4; // -2..2 across the frame
      const band = shadow / (1 + Math.exp(-(along - 0.3) * 6));
      const light = exposure * vignette * (1 - band);
      const o = (y * width + x) * 4;
      out[o] = r * light * cr;
      out[o + 1] = g * light * cg;
      out[o + 2] = b * light * cb;
      out[o + 3] = 255;
    }
  }
  const photo = { width, height, data: out };
  const blur = options.blur ?? 1;
  if (blur > 0) {
    blurRgba(photo, blur);
    blurRgba(photo, blur);
  }
  const sigma = options.noise ?? 3;
  if (sigma > 0) {
    for (let i = 0; i < out.length; i++) {
      if ((i & 3) === 3) continue;
      out[i] = out[i]! + (rnd() + rnd() + rnd() - 1.5) * 2 * sigma;
    }
  }
  return photo;
}

/** Separable box blur of radius r over the three colour channels, in place. */
export function blurRgba(img: Rgba, r: number): void {
  boxBlurRgb(img.data, img.width, img.height, r);
}

/** The same blur on any RGBA sample array (the desk photos work in floats before they are quantised). */
export function boxBlurRgb(data: Float32Array | Uint8ClampedArray, width: number, height: number, r: number): void {
  if (r <= 0) return;
  const line = new Float32Array(Math.max(width, height));
  const pass = (count: number, length: number, start: (k: number) => number, step: number) => {
    for (let k = 0; k < count; k++) {
      const base = start(k);
      for (let c = 0; c < 3; c++) {
        for (let i = 0; i < length; i++) line[i] = data[base + i * step + c]!;
        let sum = 0;
        let n = 0;
        for (let i = 0; i <= Math.min(r, length - 1); i++, n++) sum += line[i]!;
        for (let i = 0; i < length; i++) {
          data[base + i * step + c] = sum / n;
          if (i + r + 1 < length) {
            sum += line[i + r + 1]!;
            n++;
          }
          if (i - r >= 0) {
            sum -= line[i - r]!;
            n--;
          }
        }
      }
    }
  };
  pass(height, width, (y) => y * width * 4, 4);
  pass(width, height, (x) => x * 4, width * 4);
}

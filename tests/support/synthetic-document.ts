// Procedural A4 documents that look like Vietnamese administrative papers to an image pipeline:
// glyph-like strokes with diacritics in justified lines, a centred header, a blue signature and
// an optional red seal. Pure TypeScript (no canvas), so it runs in Node for tests and the bench.
import { seededRandom } from './seeded-random';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface DocumentOptions {
  /** Resolution of the rendered page; the photo samples it, so render finer than the photo sees it. */
  dpi: number;
  seed: number;
  /** Body lines on the page (about 32 for a dense page at 13 pt). */
  lines?: number;
  seal?: boolean;
  /** The seal's outer diameter in mm (38 by default; 30 for the smallest kind). */
  sealMm?: number;
  /** How strongly the seal is inked, 0…1 (1 by default; 0.4 a faint, worn stamp). */
  sealInk?: number;
  /** The signature's ink: blue ballpoint by default, black, or none. */
  signature?: 'blue' | 'black' | 'none';
  /** A colour portrait, 3×4 cm, pasted at the top left (as on an application form). */
  photo?: boolean;
  /** No ink at all: a blank sheet. */
  blank?: boolean;
}

/** An 8-bit coverage mask (255 = full ink) drawn with anti-aliased strokes. */
class Mask {
  readonly data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height);
  }

  /** A stroke of the given width along a polyline. */
  stroke(points: [number, number][], width: number): void {
    for (let i = 0; i + 1 < points.length; i++) this.segment(points[i]!, points[i + 1]!, width);
  }

  segment([x0, y0]: [number, number], [x1, y1]: [number, number], width: number): void {
    const r = width / 2;
    const minX = Math.max(0, Math.floor(Math.min(x0, x1) - r - 1));
    const maxX = Math.min(this.width - 1, Math.ceil(Math.max(x0, x1) + r + 1));
    const minY = Math.max(0, Math.floor(Math.min(y0, y1) - r - 1));
    const maxY = Math.min(this.height - 1, Math.ceil(Math.max(y0, y1) + r + 1));
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len2 = dx * dx + dy * dy || 1;
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
        const d = Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
        const cover = Math.max(0, Math.min(1, r + 0.5 - d));
        const i = y * this.width + x;
        const v = Math.round(cover * 255);
        if (v > this.data[i]!) this.data[i] = v;
      }
    }
  }

  /** An elliptical arc from angle a0 to a1 (radians), as a polyline stroke. */
  arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, width: number): void {
    const steps = Math.max(8, Math.ceil((Math.abs(a1 - a0) * Math.max(rx, ry)) / 2));
    const pts: [number, number][] = [];
    for (let i = 0; i <= steps; i++) {
      const a = a0 + ((a1 - a0) * i) / steps;
      pts.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
    }
    this.stroke(pts, width);
  }
}

type Draw = (m: Mask, x: number, base: number, xh: number, w: number) => number;

// Lower-case letter shapes in x-height units; each returns its advance in pixels.
const letters: Draw[] = [
  (m, x, b, h, w) => (m.arc(x + 0.3 * h, b - 0.5 * h, 0.28 * h, 0.5 * h, 0, 2 * Math.PI, w), 0.72 * h), // o
  (m, x, b, h, w) => (
    m.segment([x + w, b], [x + w, b - h], w),
    m.arc(x + 0.32 * h, b - 0.6 * h, 0.3 * h, 0.4 * h, Math.PI, 2 * Math.PI, w),
    m.segment([x + 0.62 * h, b - 0.6 * h], [x + 0.62 * h, b], w),
    0.8 * h
  ), // n
  (m, x, b, h, w) => (m.segment([x + w, b], [x + w, b - 1.45 * h], w), 0.35 * h), // l
  (m, x, b, h, w) => (m.segment([x + w, b], [x + w, b - h], w), m.segment([x + w, b - 1.3 * h], [x + w, b - 1.2 * h], w * 1.3), 0.35 * h), // i
  (m, x, b, h, w) => (m.arc(x + 0.32 * h, b - 0.5 * h, 0.3 * h, 0.5 * h, 0.3 * Math.PI, 1.75 * Math.PI, w), 0.66 * h), // c
  (m, x, b, h, w) => (
    m.arc(x + 0.32 * h, b - 0.5 * h, 0.3 * h, 0.5 * h, 0.25 * Math.PI, 2 * Math.PI, w),
    m.segment([x + 0.05 * h, b - 0.5 * h], [x + 0.6 * h, b - 0.5 * h], w * 0.8),
    0.7 * h
  ), // e
  (m, x, b, h, w) => (m.arc(x + 0.3 * h, b - 0.4 * h, 0.27 * h, 0.4 * h, 0, 2 * Math.PI, w), m.segment([x + 0.6 * h, b - h], [x + 0.6 * h, b], w), 0.75 * h), // a
  (m, x, b, h, w) => (
    m.segment([x + 0.25 * h, b - 1.25 * h], [x + 0.25 * h, b], w),
    m.segment([x, b - 0.95 * h], [x + 0.55 * h, b - 0.95 * h], w * 0.8),
    0.5 * h
  ), // t
  (m, x, b, h, w) => (m.segment([x, b - h], [x + 0.32 * h, b], w), m.segment([x + 0.32 * h, b], [x + 0.64 * h, b - h], w), 0.7 * h), // v
  (m, x, b, h, w) => (
    m.segment([x + w, b - h], [x + w, b - 0.3 * h], w),
    m.arc(x + 0.32 * h, b - 0.35 * h, 0.3 * h, 0.35 * h, 0, Math.PI, w),
    m.segment([x + 0.62 * h, b - h], [x + 0.62 * h, b], w),
    0.8 * h
  ), // u
  (m, x, b, h, w) => (
    m.arc(x + 0.3 * h, b - 0.5 * h, 0.27 * h, 0.5 * h, 0, 2 * Math.PI, w),
    m.segment([x + 0.6 * h, b - h], [x + 0.6 * h, b + 0.4 * h], w),
    m.arc(x + 0.35 * h, b + 0.4 * h, 0.25 * h, 0.15 * h, 0, Math.PI, w),
    0.75 * h
  ), // g
  (m, x, b, h, w) => (
    m.segment([x + w, b - 1.45 * h], [x + w, b], w),
    m.arc(x + 0.32 * h, b - 0.6 * h, 0.3 * h, 0.4 * h, Math.PI, 2 * Math.PI, w),
    m.segment([x + 0.62 * h, b - 0.6 * h], [x + 0.62 * h, b], w),
    0.8 * h
  ), // h
  (m, x, b, h, w) => (m.segment([x + w, b - h], [x + w, b + 0.45 * h], w), m.arc(x + 0.35 * h, b - 0.5 * h, 0.28 * h, 0.5 * h, 0, 2 * Math.PI, w), 0.72 * h), // p
  (m, x, b, h, w) => (m.segment([x + w, b - h], [x + w, b], w), m.arc(x + 0.35 * h, b - 0.65 * h, 0.3 * h, 0.35 * h, Math.PI, 1.7 * Math.PI, w), 0.55 * h), // r
];

// Vietnamese marks above (acute, grave, hook, tilde, circumflex, breve) and the dot below.
const marks: ((m: Mask, cx: number, base: number, h: number, w: number) => void)[] = [
  (m, cx, b, h, w) => m.segment([cx - 0.05 * h, b - 1.15 * h], [cx + 0.15 * h, b - 1.4 * h], w * 0.9),
  (m, cx, b, h, w) => m.segment([cx - 0.15 * h, b - 1.4 * h], [cx + 0.05 * h, b - 1.15 * h], w * 0.9),
  (m, cx, b, h, w) => m.arc(cx, b - 1.35 * h, 0.12 * h, 0.1 * h, 1.2 * Math.PI, 2.5 * Math.PI, w * 0.8),
  (m, cx, b, h, w) =>
    m.stroke(
      [
        [cx - 0.2 * h, b - 1.2 * h],
        [cx - 0.07 * h, b - 1.32 * h],
        [cx + 0.07 * h, b - 1.2 * h],
        [cx + 0.2 * h, b - 1.32 * h],
      ],
      w * 0.8,
    ),
  (m, cx, b, h, w) =>
    m.stroke(
      [
        [cx - 0.18 * h, b - 1.12 * h],
        [cx, b - 1.32 * h],
        [cx + 0.18 * h, b - 1.12 * h],
      ],
      w * 0.9,
    ),
  (m, cx, b, h, w) => m.arc(cx, b - 1.3 * h, 0.17 * h, 0.12 * h, 0, Math.PI, w * 0.8),
  (m, cx, b, h, w) => m.segment([cx, b + 0.25 * h], [cx, b + 0.32 * h], w * 1.4),
];

/** Draws one word; returns its width. */
function word(m: Mask, x: number, base: number, xh: number, w: number, letterCount: number, rnd: () => number): number {
  let at = x;
  for (let i = 0; i < letterCount; i++) {
    const draw = letters[Math.floor(rnd() * letters.length)]!;
    const advance = draw(m, at, base, xh, w);
    if (rnd() < 0.45) marks[Math.floor(rnd() * marks.length)]!(m, at + advance / 2 - w, base, xh, w);
    at += advance + 0.12 * xh;
  }
  return at - x;
}

/** A line of words between left and right; justified unless it is a paragraph's last line. */
function textLine(m: Mask, left: number, right: number, base: number, xh: number, w: number, rnd: () => number, fill = 1): void {
  const space = 0.55 * xh;
  let x = left;
  const limit = left + (right - left) * fill;
  while (x < limit - 3 * xh) {
    const count = 1 + Math.floor(rnd() * 5);
    const width = word(m, x, base, xh, w, count, rnd);
    x += width + space;
  }
}

/** An A4 page, portrait, as RGBA: paper with black text, optionally a blue signature and red seal. */
export function renderDocument(options: DocumentOptions): Rgba {
  const { dpi, seed } = options;
  const mm = dpi / 25.4;
  const width = Math.round(210 * mm);
  const height = Math.round(297 * mm);
  const rnd = seededRandom(seed);
  const ink = new Mask(width, height);
  const blue = new Mask(width, height);
  const red = new Mask(width, height);
  if (!options.blank) {
    const pt = dpi / 72;
    const xh = 13 * pt * 0.45; // x-height of 13 pt type
    const stroke = Math.max(1.2, 0.075 * xh * 2);
    const left = 30 * mm;
    const right = width - 15 * mm;
    // Header: agency on the left, national motto on the right, bold, then a centred title.
    let base = 20 * mm + 2 * xh;
    textLine(ink, left, left + 70 * mm, base, xh, stroke * 1.4, rnd);
    textLine(ink, left + 90 * mm, right, base, xh, stroke * 1.4, rnd);
    base += 2.4 * xh;
    textLine(ink, left + 100 * mm, right - 5 * mm, base, xh, stroke * 1.4, rnd);
    ink.segment([left + 110 * mm, base + 0.8 * xh], [right - 15 * mm, base + 0.8 * xh], stroke);
    base += 5 * xh;
    textLine(ink, left + 35 * mm, right - 35 * mm, base, xh * 1.2, stroke * 1.7, rnd);
    base += 4 * xh;
    const lines = options.lines ?? 32;
    const leading = 13 * pt * 1.45;
    for (let i = 0; i < lines && base < height - 55 * mm; i++) {
      const paragraphEnd = rnd() < 0.18;
      const indent = i === 0 || rnd() < 0.18 ? 10 * mm : 0;
      textLine(ink, left + indent, right, base, xh, stroke, rnd, paragraphEnd ? 0.5 + rnd() * 0.4 : 1);
      base += leading;
    }
    // Signature block: a title line, a blue scribble, a name.
    const sx = width - 80 * mm;
    base = Math.max(base + leading, height - 60 * mm);
    textLine(ink, sx, sx + 55 * mm, base, xh, stroke * 1.4, rnd);
    const sy = base + 18 * mm;
    const pts: [number, number][] = [];
    for (let t = 0; t <= 60; t++) pts.push([sx + 5 * mm + t * 0.75 * mm, sy + Math.sin(t * 0.55) * 5 * mm * (1 - t / 80) + rnd() * mm]);
    if (options.signature !== 'none') (options.signature === 'black' ? ink : blue).stroke(pts, 0.6 * mm);
    textLine(ink, sx + 5 * mm, sx + 50 * mm, sy + 14 * mm, xh, stroke * 1.4, rnd);
    if (options.seal) {
      const cx = sx - 8 * mm;
      const cy = sy - 2 * mm;
      // Everything below is drawn for a 38 mm seal and scaled to the asked size.
      const sm = mm * ((options.sealMm ?? 38) / 38);
      red.arc(cx, cy, 19 * sm, 19 * sm, 0, 2 * Math.PI, 1.1 * sm);
      red.arc(cx, cy, 13 * sm, 13 * sm, 0, 2 * Math.PI, 0.5 * sm);
      // Star in the middle and lettering round the ring.
      const star: [number, number][] = [];
      for (let k = 0; k <= 10; k++) {
        const r = (k % 2 ? 2.2 : 5.5) * sm;
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        star.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
      }
      red.stroke(star, 0.8 * sm);
      for (let k = 0; k < 36; k++) {
        const a = (k / 36) * 2 * Math.PI;
        const r0 = 14.5 * sm;
        const r1 = 17.5 * sm;
        red.segment([cx + r0 * Math.cos(a), cy + r0 * Math.sin(a)], [cx + r1 * Math.cos(a + 0.05), cy + r1 * Math.sin(a + 0.05)], 0.5 * sm);
      }
    }
  }
  const sealInk = options.sealInk ?? 1;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, p = 0; i < width * height; i++, p += 4) {
    // Paper, then multiply each ink over it (a seal stamped over a signature shows both).
    let r = 250;
    let g = 249;
    let b = 244;
    const k = ink.data[i]! / 255;
    const u = blue.data[i]! / 255;
    const s = (red.data[i]! / 255) * sealInk;
    r *= (1 - k * 0.9) * (1 - u * 0.85) * (1 - s * 0.2);
    g *= (1 - k * 0.9) * (1 - u * 0.75) * (1 - s * 0.85);
    b *= (1 - k * 0.9) * (1 - u * 0.3) * (1 - s * 0.8);
    data[p] = r;
    data[p + 1] = g;
    data[p + 2] = b;
    data[p + 3] = 255;
  }
  if (options.photo && !options.blank) portrait(data, width, Math.round(30 * (dpi / 25.4)), Math.round(62 * (dpi / 25.4)), dpi / 25.4);
  return { width, height, data };
}

/** A 3×4 cm colour portrait: a blue backdrop shading down, a skin-toned face oval, dark hair and a white shirt. */
function portrait(data: Uint8ClampedArray, width: number, left: number, top: number, mm: number): void {
  const w = Math.round(30 * mm);
  const h = Math.round(40 * mm);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const u = x / w - 0.5;
      const v = y / h;
      let rgb = [70 + 60 * v, 120 + 50 * v, 200 - 20 * v]; // backdrop
      const face = (u / 0.24) ** 2 + ((v - 0.42) / 0.26) ** 2;
      const hair = (u / 0.28) ** 2 + ((v - 0.3) / 0.25) ** 2;
      if (v > 0.72 && Math.abs(u) < 0.1 + (v - 0.72) * 1.6)
        rgb = [238 - 30 * Math.abs(u), 236 - 30 * Math.abs(u), 230]; // shirt
      else if (face < 1 && v > 0.24)
        rgb = [224 - 40 * face, 172 - 40 * face, 140 - 30 * face]; // skin, shaded to the edge
      else if (hair < 1) rgb = [40 + 20 * hair, 30 + 15 * hair, 28];
      else if (v > 0.7 && Math.abs(u) < 0.42) rgb = [38, 42, 60]; // jacket
      const p = ((top + y) * width + left + x) * 4;
      data[p] = rgb[0]!;
      data[p + 1] = rgb[1]!;
      data[p + 2] = rgb[2]!;
    }
  }
}

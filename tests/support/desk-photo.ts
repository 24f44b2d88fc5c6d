// Photos of an A4 page as officers really take them at a desk: wood, laminate or counter top, a
// second paper partly in view beside or under the page, a phone, a pen, a sticky note, a hand's
// shadow across a corner, a glare patch, rotation, camera tilt, blur, a page lying sideways or
// upside down, a page edge running out of the frame. Each class alone, or all together
// ('combined': every clutter, tilt and blur, one of the two second papers, any turn, but the page
// whole in the frame), with the page's true corners in its own reading order. Deterministic by seed.
import { renderDocument, type Rgba } from './synthetic-document';
import { seededRandom } from './seeded-random';
import { boxBlurRgb } from './synthetic-photo';

export interface Pt {
  x: number;
  y: number;
}

export type Quad4 = [Pt, Pt, Pt, Pt];

export const DESK_CLASSES = [
  'plain',
  'paperBeside',
  'paperUnder',
  'phone',
  'pen',
  'stickyNote',
  'cornerShadow',
  'glare',
  'rotated',
  'perspective',
  'blur',
  'upsideDown',
  'sideways',
  'outOfFrame',
  'combined',
] as const;

export type DeskClass = (typeof DESK_CLASSES)[number];
export type Surface = 'wood' | 'laminate' | 'counter';

export interface DeskPhotoSpec {
  /** Long side of the photo in pixels (the short side is three quarters of it). */
  size: number;
  seed: number;
  kind: DeskClass;
  surface?: Surface;
  /** Lay a red seal on the page. */
  seal?: boolean;
}

export interface DeskPhoto {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** The page's top-left, top-right, bottom-right and bottom-left as its text reads, in photo pixels. */
  corners: Quad4;
  /** Quarter turns (clockwise) of the page's text in the photo: 0 upright, 1 sideways, 2 upside down. */
  turns: 0 | 1 | 2 | 3;
  kind: DeskClass;
  surface: Surface;
  /** Whether part of the page lies outside the photo. */
  cut: boolean;
}

/** Projective map of the unit square onto a quad and its inverse (adjugate), written apart from the app's. */
function squareToQuad(q: Quad4): number[] {
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
  return [p1.x - p0.x + g * p1.x, p3.x - p0.x + h * p3.x, p0.x, p1.y - p0.y + g * p1.y, p3.y - p0.y + h * p3.y, p0.y, g, h, 1];
}

function adjugate(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  return [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d];
}

/** A sheet on the desk: its picture mapped onto a quad, with the thin shadow it casts. */
interface Sheet {
  picture: Rgba;
  quad: Quad4;
  inverse: number[];
  w: number;
  h: number;
  tint: [number, number, number];
}

function sheet(picture: Rgba, quad: Quad4, tint: [number, number, number] = [1, 1, 1]): Sheet {
  return {
    picture,
    quad,
    inverse: adjugate(squareToQuad(quad)),
    w: Math.hypot(quad[1].x - quad[0].x, quad[1].y - quad[0].y),
    h: Math.hypot(quad[3].x - quad[0].x, quad[3].y - quad[0].y),
    tint,
  };
}

/** Distance (photo pixels, positive inside) from a point to the sheet's edge, and its u, v. */
function onSheet(s: Sheet, px: number, py: number): { inside: number; u: number; v: number } {
  const m = s.inverse;
  const w = m[6]! * px + m[7]! * py + m[8]!;
  const u = (m[0]! * px + m[1]! * py + m[2]!) / w;
  const v = (m[3]! * px + m[4]! * py + m[5]!) / w;
  return { inside: Math.min(u * s.w, (1 - u) * s.w, v * s.h, (1 - v) * s.h), u, v };
}

function samplePicture(p: Rgba, u: number, v: number, out: number[]): void {
  const sx = Math.min(p.width - 1.001, Math.max(0, u * p.width - 0.5));
  const sy = Math.min(p.height - 1.001, Math.max(0, v * p.height - 0.5));
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const ax = sx - x0;
  const ay = sy - y0;
  const i = (y0 * p.width + x0) * 4;
  const j = i + p.width * 4;
  const d = p.data;
  for (let c = 0; c < 3; c++) {
    out[c] = (d[i + c]! * (1 - ax) + d[i + 4 + c]! * ax) * (1 - ay) + (d[j + c]! * (1 - ax) + d[j + 4 + c]! * ax) * ay;
  }
}

/** Objects lying on the desk, drawn as signed-distance shapes (positive inside). */
interface Thing {
  distance: (x: number, y: number) => number;
  colour: (x: number, y: number) => [number, number, number];
}

/** A rounded rectangle centred at c, half sizes hw, hh, turned by angle, corner radius r. */
function roundedRect(c: Pt, hw: number, hh: number, angle: number, r: number): (x: number, y: number) => number {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return (x, y) => {
    const dx = x - c.x;
    const dy = y - c.y;
    const lx = Math.abs(dx * cos + dy * sin) - (hw - r);
    const ly = Math.abs(-dx * sin + dy * cos) - (hh - r);
    const outside = Math.hypot(Math.max(lx, 0), Math.max(ly, 0)) + Math.min(Math.max(lx, ly), 0);
    return r - outside;
  };
}

/** A capsule (a pen) from a to b of radius r. */
function capsule(a: Pt, b: Pt, r: number): (x: number, y: number) => number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
    return r - Math.hypot(x - a.x - t * dx, y - a.y - t * dy);
  };
}

/** Smooth value noise in [0, 1] on a lattice of `cell` pixels, from a seed. */
function valueNoise(seed: number, cell: number): (x: number, y: number) => number {
  const hash = (i: number, j: number) => {
    let h = Math.imul(i, 374761393) ^ Math.imul(j, 668265263) ^ Math.imul(seed, 1274126177);
    h = Math.imul(h ^ (h >>> 13), 1103515245);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
  };
  return (x, y) => {
    const fx = x / cell;
    const fy = y / cell;
    const i = Math.floor(fx);
    const j = Math.floor(fy);
    const tx = fx - i;
    const ty = fy - j;
    const sx = tx * tx * (3 - 2 * tx);
    const sy = ty * ty * (3 - 2 * ty);
    const a = hash(i, j) + (hash(i + 1, j) - hash(i, j)) * sx;
    const b = hash(i, j + 1) + (hash(i + 1, j + 1) - hash(i, j + 1)) * sx;
    return a + (b - a) * sy;
  };
}

/** The desk's colour at a pixel. */
function surfaceShader(surface: Surface, rnd: () => number, diag: number): (x: number, y: number) => [number, number, number] {
  const seed = Math.floor(rnd() * 1e9);
  if (surface === 'wood') {
    const base: [number, number, number] = [95 + rnd() * 60, 62 + rnd() * 40, 35 + rnd() * 30];
    const angle = (rnd() - 0.5) * 0.6;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const plank = diag * (0.18 + rnd() * 0.15);
    const knots = valueNoise(seed, diag * 0.05);
    return (x, y) => {
      const a = x * cos + y * sin;
      const b = -x * sin + y * cos;
      const seam = Math.abs((((b % plank) + plank) % plank) - plank / 2) > plank / 2 - diag * 0.0015 ? 0.55 : 1;
      const grain = 0.82 + 0.1 * Math.sin(b * (60 / diag) + 5 * knots(a * 0.3, b)) + 0.06 * Math.sin(b * (400 / diag) + a * 0.002);
      const k = grain * seam;
      return [base[0] * k, base[1] * k, base[2] * k];
    };
  }
  if (surface === 'laminate') {
    const level = 150 + rnd() * 40;
    const fine = valueNoise(seed, diag * 0.004);
    const broad = valueNoise(seed + 1, diag * 0.2);
    return (x, y) => {
      const k = 0.92 + 0.06 * fine(x, y) + 0.06 * broad(x, y);
      return [level * k, level * k * 0.97, level * k * 0.9];
    };
  }
  const level = 110 + rnd() * 50;
  const speck = valueNoise(seed, diag * 0.003);
  const flecks = valueNoise(seed + 7, diag * 0.0015);
  return (x, y) => {
    const f = flecks(x, y);
    const k = 0.8 + 0.3 * speck(x, y) + (f > 0.85 ? 0.5 : f < 0.1 ? -0.35 : 0);
    return [level * k, level * k, level * k * 1.02];
  };
}

/** A 3-D tilt of a flat rectangle seen through a pinhole: `tilt` degrees about an axis at `axisAngle`. */
function project(points: Pt[], centre: Pt, tiltDeg: number, axisAngle: number, focal: number): Pt[] {
  const t = (tiltDeg * Math.PI) / 180;
  const ca = Math.cos(axisAngle);
  const sa = Math.sin(axisAngle);
  return points.map((p) => {
    // In the axis frame: u along the axis, v across it; tilting lifts v out of the plane.
    const dx = p.x - centre.x;
    const dy = p.y - centre.y;
    const u = dx * ca + dy * sa;
    const v = -dx * sa + dy * ca;
    const z = focal + v * Math.sin(t);
    const vu = (u * focal) / z;
    const vv = (v * Math.cos(t) * focal) / z;
    return { x: centre.x + vu * ca - vv * sa, y: centre.y + vu * sa + vv * ca };
  });
}

/** Gaussian blur of standard deviation sigma, as three box passes of the nearest matching radius. */
function gaussianBlur(data: Float32Array, width: number, height: number, sigma: number): void {
  if (sigma < 0.3) return;
  // Three boxes of width w have variance 3 (w² − 1) / 12; w = 2r + 1.
  const r = Math.max(0, Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
  if (r === 0) {
    // Below one pixel of radius: a light 3-tap blur instead.
    const copy = Float32Array.from(data);
    const k = Math.min(0.3, sigma * sigma * 0.5);
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        for (let c = 0; c < 3; c++) {
          const i = (y * width + x) * 4 + c;
          data[i] = copy[i]! * (1 - 4 * k) + k * (copy[i - 4]! + copy[i + 4]! + copy[i - width * 4]! + copy[i + width * 4]!);
        }
      }
    }
    return;
  }
  for (let k = 0; k < 3; k++) boxBlurRgb(data, width, height, r);
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

export function deskPhoto(spec: DeskPhotoSpec): DeskPhoto {
  const rnd = seededRandom(spec.seed * 7919 + DESK_CLASSES.indexOf(spec.kind) * 104729);
  const kind = spec.kind;
  const all = kind === 'combined';
  const has = (k: DeskClass) => all || kind === k;
  const surface: Surface = spec.surface ?? pick(rnd, ['wood', 'laminate', 'counter'] as const);
  // The turn of the page's text in the photo; a sideways page is shot with the tablet turned too.
  const turns: 0 | 1 | 2 | 3 = kind === 'upsideDown' ? 2 : kind === 'sideways' ? (rnd() < 0.5 ? 1 : 3) : all ? pick(rnd, [0, 0, 1, 2, 3] as const) : 0;
  const landscapePhoto = turns % 2 === 1;
  const width = landscapePhoto ? spec.size : Math.round(spec.size * 0.75);
  const height = landscapePhoto ? Math.round(spec.size * 0.75) : spec.size;
  const diag = Math.hypot(width, height);
  const short = Math.min(width, height);

  // The page: A4 whose long side fills part of the photo's long side, then turned, moved and tilted.
  const clutterRoom = has('paperBeside') || has('paperUnder') || has('phone') || has('pen') || has('stickyNote');
  const fill = clutterRoom ? 0.62 + rnd() * 0.14 : 0.72 + rnd() * 0.14;
  const pageLong = Math.min(spec.size * fill, (short * fill * Math.SQRT2) / 0.98);
  const pageShort = pageLong / Math.SQRT2;
  const rotation = has('rotated') ? (rnd() < 0.5 ? -1 : 1) * (5 + rnd() * 10) : (rnd() - 0.5) * 6;
  const tilt = has('perspective') ? 9 + rnd() * 9 : rnd() * 5;
  const centre = { x: width / 2 + (rnd() - 0.5) * width * 0.06, y: height / 2 + (rnd() - 0.5) * height * 0.06 };
  // The page's own orientation: turns quarter turns clockwise of an upright portrait page.
  const pageSize = turns % 2 === 0 ? { w: pageShort, h: pageLong } : { w: pageLong, h: pageShort };
  const flat: Pt[] = [
    { x: -pageSize.w / 2, y: -pageSize.h / 2 },
    { x: pageSize.w / 2, y: -pageSize.h / 2 },
    { x: pageSize.w / 2, y: pageSize.h / 2 },
    { x: -pageSize.w / 2, y: pageSize.h / 2 },
  ];
  // The reading-order corner that lands on the photo's top-left of the turned page.
  const reading = [0, 1, 2, 3].map((i) => flat[(i + turns) % 4]!);
  const a = (rotation * Math.PI) / 180;
  const turned = reading.map((p) => ({ x: centre.x + p.x * Math.cos(a) - p.y * Math.sin(a), y: centre.y + p.x * Math.sin(a) + p.y * Math.cos(a) }));
  let corners = project(turned, centre, tilt * (rnd() < 0.5 ? -1 : 1), rnd() * Math.PI, diag * (1.1 + rnd() * 0.4)) as Quad4;
  if (kind === 'outOfFrame') {
    // Push the page so one side runs 3–9 % of the photo past its edge.
    const side = Math.floor(rnd() * 4);
    const over = (0.03 + rnd() * 0.06) * short;
    const xs = corners.map((p) => p.x);
    const ys = corners.map((p) => p.y);
    const shift =
      side === 0
        ? { x: -Math.min(...xs) - over, y: 0 }
        : side === 1
          ? { x: width - Math.max(...xs) + over, y: 0 }
          : side === 2
            ? { x: 0, y: -Math.min(...ys) - over }
            : { x: 0, y: height - Math.max(...ys) + over };
    corners = corners.map((p) => ({ x: p.x + shift.x, y: p.y + shift.y })) as Quad4;
  }
  const cut = corners.some((p) => p.x < 0 || p.y < 0 || p.x > width || p.y > height);

  const pxPerMm = pageLong / 297;
  const dpi = Math.min(300, Math.max(60, Math.round(pxPerMm * 25.4 * 1.3)));
  const docSeed = spec.seed * 31 + 5;
  const picture = renderDocument({ dpi, seed: docSeed, seal: spec.seal });
  const page = sheet(picture, corners);

  // The page's centre and its outward directions, for placing clutter beside it.
  const pageCentre = { x: corners.reduce((s, p) => s + p.x, 0) / 4, y: corners.reduce((s, p) => s + p.y, 0) / 4 };
  const besidePoint = (gap: number): { at: Pt; out: Pt } => {
    const side = Math.floor(rnd() * 4);
    const p = corners[side]!;
    const q = corners[(side + 1) % 4]!;
    const t = 0.25 + rnd() * 0.5;
    const at = { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
    const len = Math.hypot(at.x - pageCentre.x, at.y - pageCentre.y);
    const out = { x: (at.x - pageCentre.x) / len, y: (at.y - pageCentre.y) / len };
    return { at: { x: at.x + out.x * gap, y: at.y + out.y * gap }, out };
  };

  const under: Sheet[] = [];
  for (const which of ['paperBeside', 'paperUnder'] as const) {
    if (!has(which) || (all && (which === 'paperUnder') === rnd() < 0.5)) continue;
    // Another paper, turned its own way, reaching the page (touching or under it), running out of frame.
    const other = renderDocument({ dpi: Math.max(40, dpi >> 1), seed: docSeed + 17 + (which === 'paperUnder' ? 3 : 0), lines: 12 + Math.floor(rnd() * 20) });
    const angle = a + (rnd() - 0.5) * 0.5;
    const ow = pageShort * (0.9 + rnd() * 0.15);
    const oh = ow * Math.SQRT2;
    const { at, out } = besidePoint(0);
    // Centre the other sheet past the touching point: beside touches (±2 %), under overlaps 10–35 %.
    const reach = Math.abs(out.x * Math.cos(angle) + out.y * Math.sin(angle)) > 0.7 ? ow / 2 : oh / 2;
    const overlap = which === 'paperUnder' ? (0.1 + rnd() * 0.25) * 2 * reach : (rnd() - 0.5) * 0.04 * reach;
    const c = { x: at.x + out.x * (reach - overlap), y: at.y + out.y * (reach - overlap) };
    const ca = Math.cos(angle);
    const sa = Math.sin(angle);
    const quad = [
      { x: -ow / 2, y: -oh / 2 },
      { x: ow / 2, y: -oh / 2 },
      { x: ow / 2, y: oh / 2 },
      { x: -ow / 2, y: oh / 2 },
    ].map((p) => ({ x: c.x + p.x * ca - p.y * sa, y: c.y + p.x * sa + p.y * ca })) as Quad4;
    const warm = 0.94 + rnd() * 0.06;
    under.push(sheet(other, quad, [warm, warm, warm * (0.95 + rnd() * 0.05)]));
  }

  const things: Thing[] = [];
  if (has('phone')) {
    const { at, out } = besidePoint(pxPerMm * (2 + rnd() * 15));
    const hw = 36 * pxPerMm;
    const hh = 74 * pxPerMm;
    const angle = a + (rnd() - 0.5) * 1.2;
    const c = { x: at.x + out.x * hw, y: at.y + out.y * hw };
    const body = roundedRect(c, hw, hh, angle, 8 * pxPerMm);
    const screen = roundedRect(c, hw - 3 * pxPerMm, hh - 6 * pxPerMm, angle, 5 * pxPerMm);
    const shade = 15 + rnd() * 30;
    things.push({ distance: body, colour: (x, y) => (screen(x, y) > 0 ? [shade * 0.6, shade * 0.7, shade] : [shade * 2, shade * 2, shade * 2]) });
  }
  if (has('pen')) {
    // Nearby, sometimes lying across the page's edge.
    const { at, out } = besidePoint(pxPerMm * (rnd() < 0.5 ? -10 : 5 + rnd() * 20));
    const angle = Math.atan2(out.y, out.x) + Math.PI / 2 + (rnd() - 0.5) * 1.4;
    const half = 70 * pxPerMm;
    const p = { x: at.x - Math.cos(angle) * half, y: at.y - Math.sin(angle) * half };
    const q = { x: at.x + Math.cos(angle) * half, y: at.y + Math.sin(angle) * half };
    const colour = pick(rnd, [
      [30, 40, 120],
      [20, 20, 20],
      [230, 230, 235],
      [200, 40, 40],
    ] as const);
    things.push({ distance: capsule(p, q, 4.5 * pxPerMm), colour: () => [colour[0], colour[1], colour[2]] });
  }
  if (has('stickyNote')) {
    const onPage = rnd() < 0.4;
    const side = 38 * pxPerMm;
    const c = onPage
      ? { x: pageCentre.x + (rnd() - 0.5) * pageShort * 0.4, y: pageCentre.y + (rnd() - 0.5) * pageLong * 0.4 }
      : (() => {
          const { at, out } = besidePoint(pxPerMm * rnd() * 10);
          return { x: at.x + out.x * side, y: at.y + out.y * side };
        })();
    const colour = pick(rnd, [
      [250, 235, 90],
      [250, 170, 190],
      [160, 230, 170],
    ] as const);
    things.push({ distance: roundedRect(c, side, side, a + (rnd() - 0.5) * 0.6, pxPerMm), colour: () => [colour[0], colour[1], colour[2]] });
  }

  // Light: a hand's or phone's shadow across one page corner, a glare patch on the page.
  let shadowAt: { p: Pt; n: Pt; depth: number; soft: number } | undefined;
  if (has('cornerShadow')) {
    const k = Math.floor(rnd() * 4);
    const corner = corners[k]!;
    const inward = { x: pageCentre.x - corner.x, y: pageCentre.y - corner.y };
    const len = Math.hypot(inward.x, inward.y);
    const n = { x: inward.x / len, y: inward.y / len };
    const depth = 0.3 + rnd() * 0.3;
    shadowAt = {
      p: { x: corner.x + n.x * len * (0.2 + rnd() * 0.25), y: corner.y + n.y * len * (0.2 + rnd() * 0.25) },
      n,
      depth,
      soft: diag * (0.01 + rnd() * 0.02),
    };
  }
  let glare: { c: Pt; r: number; strength: number } | undefined;
  if (has('glare')) {
    glare = {
      c: { x: pageCentre.x + (rnd() - 0.5) * pageShort * 0.7, y: pageCentre.y + (rnd() - 0.5) * pageLong * 0.7 },
      r: diag * (0.05 + rnd() * 0.08),
      strength: 0.5 + rnd() * 0.4,
    };
  }
  const exposure = 0.85 + rnd() * 0.2;
  const desk = surfaceShader(surface, rnd, diag);
  const castShadow = diag * 0.004;

  const img = new Float32Array(width * height * 4);
  const colour = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let [r, g, b] = desk(px, py);
      for (const s of [...under, page]) {
        const { inside, u, v } = onSheet(s, px, py);
        if (inside > -0.5) {
          const cover = Math.min(1, inside + 0.5);
          samplePicture(s.picture, u, v, colour);
          r = r * (1 - cover) + colour[0]! * s.tint[0] * cover;
          g = g * (1 - cover) + colour[1]! * s.tint[1] * cover;
          b = b * (1 - cover) + colour[2]! * s.tint[2] * cover;
        } else {
          // The thin soft shadow a sheet casts just outside its edge.
          const k = 1 - 0.2 * Math.exp(inside / castShadow);
          r *= k;
          g *= k;
          b *= k;
        }
      }
      for (const t of things) {
        const d = t.distance(px, py);
        if (d > -0.5) {
          const cover = Math.min(1, d + 0.5);
          const [cr, cg, cb] = t.colour(px, py);
          r = r * (1 - cover) + cr * cover;
          g = g * (1 - cover) + cg * cover;
          b = b * (1 - cover) + cb * cover;
        } else if (d > -castShadow * 4) {
          const k = 1 - 0.25 * Math.exp(d / (castShadow * 1.5));
          r *= k;
          g *= k;
          b *= k;
        }
      }
      const rx = (px - width / 2) / diag;
      const ry = (py - height / 2) / diag;
      let light = exposure * (1 - 0.3 * (rx * rx + ry * ry) * 4);
      if (shadowAt) {
        // Dark on the corner's side of a soft line across it.
        const along = (px - shadowAt.p.x) * shadowAt.n.x + (py - shadowAt.p.y) * shadowAt.n.y;
        light *= 1 - shadowAt.depth / (1 + Math.exp(along / shadowAt.soft));
      }
      r *= light;
      g *= light * 0.98;
      b *= light * 0.93;
      if (glare) {
        const d2 = ((px - glare.c.x) ** 2 + (py - glare.c.y) ** 2) / (glare.r * glare.r);
        const k = glare.strength * Math.exp(-d2 * 2);
        r += (255 - r) * k;
        g += (255 - g) * k;
        b += (255 - b) * k;
      }
      const o = (y * width + x) * 4;
      img[o] = r;
      img[o + 1] = g;
      img[o + 2] = b;
    }
  }
  const sigma = has('blur') ? 1.2 + rnd() * 0.6 : 0.4 + rnd() * 0.5;
  gaussianBlur(img, width, height, sigma);
  const rgba = new Uint8ClampedArray(width * height * 4);
  const noise = 2 + rnd() * 2;
  for (let i = 0; i < rgba.length; i++) {
    if ((i & 3) === 3) rgba[i] = 255;
    else rgba[i] = img[i]! + (rnd() + rnd() + rnd() - 1.5) * 2 * noise;
  }
  return { width, height, rgba, corners, turns, kind, surface, cut };
}

/** The worst corner error (share of the photo's diagonal) of a found quad, taken in whichever cyclic order fits best. */
export function cornerError(found: readonly Pt[], truth: readonly Pt[], width: number, height: number): number {
  const diag = Math.hypot(width, height);
  let best = Infinity;
  for (let shift = 0; shift < 4; shift++) {
    let worst = 0;
    for (let i = 0; i < 4; i++) {
      const f = found[(i + shift) % 4]!;
      const t = truth[i]!;
      worst = Math.max(worst, Math.hypot(f.x - t.x, f.y - t.y));
    }
    best = Math.min(best, worst);
  }
  return best / diag;
}

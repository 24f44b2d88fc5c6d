// Synthetic camera frames of a citizen ID card with its QR code, rendered deterministically in
// Node: a pinhole camera looking at the card (rotation, perspective tilt, distance), then optics
// and sensor faults (defocus blur, glare, low contrast, noise). Used by the QR benchmark, the unit
// tests and the fake camera video of the end-to-end tests.
import QRCode from 'qrcode';
import { seededRandom } from './seeded-random';

/** An 8-bit luminance image. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface CardScene {
  width: number;
  height: number;
  /** Whether the card is in view at all (an empty desk otherwise). */
  showCard: boolean;
  /** Size of one QR module, in pixels, at the QR's centre. */
  modulePx: number;
  /** Where the QR's centre appears in the frame, in pixels. */
  qrCenter: [number, number];
  /** In-plane rotation of the card, degrees. */
  rotationDeg: number;
  /** Card tilted away from the camera around the horizontal / vertical axis, degrees. */
  tiltXDeg: number;
  tiltYDeg: number;
  /** Gaussian defocus blur, sigma in pixels. */
  blurSigma: number;
  /** Sensor noise, standard deviation in grey levels. */
  noiseSigma: number;
  /** 1 = full contrast; 0.2 = a dim, hazy picture. */
  contrast: number;
  /** Exposure: multiplies the light reaching the sensor. */
  brightness: number;
  /** A specular reflection on the laminated card: centre offset and radius in QR widths. */
  glare?: { dx: number; dy: number; radius: number; strength: number };
  seed: number;
}

export const defaultScene: Omit<CardScene, 'qrCenter'> = {
  width: 1280,
  height: 720,
  showCard: true,
  modulePx: 5,
  rotationDeg: 0,
  tiltXDeg: 0,
  tiltYDeg: 0,
  blurSigma: 0.6,
  noiseSigma: 2,
  contrast: 1,
  brightness: 1,
  seed: 1,
};

export function scene(partial: Partial<CardScene> = {}): CardScene {
  const width = partial.width ?? defaultScene.width;
  const height = partial.height ?? defaultScene.height;
  return { ...defaultScene, qrCenter: [width / 2, height / 2], ...partial };
}

/** The QR module matrix of a text: one byte-mode (UTF-8) segment, error correction M, as on the card. */
export function qrMatrix(text: string): { size: number; dark: Uint8Array } {
  const qr = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const dark = new Uint8Array(size * size);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) dark[r * size + c] = qr.modules.get(r, c) ? 1 : 0;
  return { size, dark };
}

// The card in QR-module units: 85.6 × 54 mm with a ~15 mm QR at the top right, as on the chip CCCD.
const CARD_W = 280;
const CARD_H = 176;
const QR_MARGIN = 10;
const INK = 28;
const QR_PAPER = 232;

/** Text-like clutter (header, field lines): dark "glyph" pixels in words separated by gaps. */
function isGlyph(u: number, v: number): boolean {
  const lines: [number, number, number, number][] = [
    [14, 19, 70, 205],
    [22, 27, 90, 185],
    [70, 76, 84, 210],
    [86, 92, 84, 170],
    [102, 108, 84, 235],
    [118, 124, 84, 150],
    [134, 140, 84, 225],
    [150, 156, 84, 190],
  ];
  for (const [v0, v1, u0, u1] of lines) {
    if (v >= v0 && v < v1 && u >= u0 && u < u1) {
      if (Math.floor(u / 9) % 5 === 4) return false;
      return (Math.floor(u * 0.9) * 13 + Math.floor(v * 0.9) * 7) % 11 < 5;
    }
  }
  return false;
}

/** Card luminance at card coordinates (u, v) in module units, QR excluded. */
function cardTone(u: number, v: number): number {
  const du = u - 34;
  const dv = v - 34;
  const d2 = du * du + dv * dv;
  if (d2 < 22 * 22) return d2 > 18 * 18 ? 150 : (Math.floor(u / 3) + Math.floor(v / 3)) & 1 ? 175 : 200; // emblem
  if (isGlyph(u, v)) return 62;
  if (u >= 14 && u < 74 && v >= 66 && v < 150) return 118 + 50 * Math.exp(-((u - 44) ** 2 / 260 + (v - 98) ** 2 / 420)); // portrait
  return 218 + 7 * Math.sin(u * 0.31 + 2 * Math.sin(v * 0.07)) * Math.sin(v * 0.23); // guilloche
}

function deskTone(x: number, y: number): number {
  return 92 + 22 * Math.sin(x / 170) + 14 * Math.cos(y / 130) + 8 * Math.sin(x * 0.045 + 3 * Math.sin(y * 0.011));
}

type Mat3 = [number, number, number, number, number, number, number, number, number];

function invert3(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

/**
 * Homography from card coordinates (module units) to frame pixels: the card is rotated, tilted,
 * and placed at the distance where one module at the QR's centre spans `modulePx` pixels.
 */
function cardToFrame(s: CardScene, qrSize: number): Mat3 {
  const focal = s.width * 0.85;
  const [cx, cy] = [s.width / 2, s.height / 2];
  const rad = Math.PI / 180;
  const [rz, rx, ry] = [s.rotationDeg * rad, s.tiltXDeg * rad, s.tiltYDeg * rad];
  // R = Rx · Ry · Rz, only the first two columns are needed for a plane.
  const cz = Math.cos(rz),
    sz = Math.sin(rz),
    cxr = Math.cos(rx),
    sxr = Math.sin(rx),
    cyr = Math.cos(ry),
    syr = Math.sin(ry);
  const ryrz = [
    [cyr * cz, -cyr * sz],
    [sz, cz],
    [-syr * cz, syr * sz],
  ] as const;
  const col = (k: 0 | 1) => [ryrz[0][k], cxr * ryrz[1][k] - sxr * ryrz[2][k], sxr * ryrz[1][k] + cxr * ryrz[2][k]] as const;
  const r1 = col(0);
  const r2 = col(1);
  const depth = focal / s.modulePx;
  const centre = [((s.qrCenter[0] - cx) * depth) / focal, ((s.qrCenter[1] - cy) * depth) / focal, depth] as const;
  const uq = CARD_W - QR_MARGIN - qrSize / 2;
  const vq = QR_MARGIN + qrSize / 2;
  const t = [centre[0] - uq * r1[0] - vq * r2[0], centre[1] - uq * r1[1] - vq * r2[1], centre[2] - uq * r1[2] - vq * r2[2]] as const;
  // K · [r1 r2 t]
  const row = (k: 0 | 1) => [
    focal * r1[k] + (k === 0 ? cx : cy) * r1[2],
    focal * r2[k] + (k === 0 ? cx : cy) * r2[2],
    focal * t[k] + (k === 0 ? cx : cy) * t[2],
  ];
  return [...row(0), ...row(1), r1[2], r2[2], t[2]] as Mat3;
}

function gaussianBlur(src: Float32Array, width: number, height: number, sigma: number): Float32Array {
  if (sigma <= 0.05) return src;
  const radius = Math.ceil(sigma * 3);
  const kernel = new Float32Array(radius * 2 + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < kernel.length; i++) kernel[i]! /= sum;
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) acc += kernel[k + radius]! * src[row + Math.min(width - 1, Math.max(0, x + k))]!;
      tmp[row + x] = acc;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) acc += kernel[k + radius]! * tmp[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      out[y * width + x] = acc;
    }
  }
  return out;
}

/** Renders one frame. The QR matrix can be passed in to avoid re-encoding the text per frame. */
export function renderCardFrame(text: string, s: CardScene, matrix = qrMatrix(text)): GreyImage {
  const { width, height } = s;
  const { size, dark } = matrix;
  const qu = CARD_W - QR_MARGIN - size;
  const qv = QR_MARGIN;
  const inv = invert3(cardToFrame(s, size));
  const light = new Float32Array(width * height);
  const offsets = [-0.25, 0.25];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let onCard = 0;
      if (s.showCard) {
        for (const oy of offsets) {
          for (const ox of offsets) {
            const px = x + 0.5 + ox;
            const py = y + 0.5 + oy;
            const w = inv[6] * px + inv[7] * py + inv[8];
            if (w <= 0) continue;
            const u = (inv[0] * px + inv[1] * py + inv[2]) / w;
            const v = (inv[3] * px + inv[4] * py + inv[5]) / w;
            if (u < 0 || v < 0 || u >= CARD_W || v >= CARD_H) continue;
            onCard++;
            const qx = Math.floor(u - qu);
            const qy = Math.floor(v - qv);
            if (qx >= 0 && qy >= 0 && qx < size && qy < size) sum += dark[qy * size + qx] ? INK : QR_PAPER;
            else if (u - qu > -4 && v - qv < size + 4)
              sum += QR_PAPER; // the QR's printed quiet zone
            else sum += cardTone(u, v);
          }
        }
      }
      const tone = (sum + (4 - onCard) * deskTone(x, y)) / 4;
      // Uneven light: brighter towards the upper left, like a window or a desk lamp.
      const r2 = ((x - width * 0.3) ** 2 + (y - height * 0.25) ** 2) / (width * width);
      light[y * width + x] = tone * s.brightness * (1.05 - 0.35 * r2);
    }
  }

  if (s.glare && s.showCard) {
    const qrWidth = size * s.modulePx;
    const gx = s.qrCenter[0] + s.glare.dx * qrWidth;
    const gy = s.qrCenter[1] + s.glare.dy * qrWidth;
    const sigma = s.glare.radius * qrWidth;
    const reach = Math.ceil(sigma * 4);
    for (let y = Math.max(0, Math.floor(gy - reach)); y < Math.min(height, gy + reach); y++) {
      for (let x = Math.max(0, Math.floor(gx - reach)); x < Math.min(width, gx + reach); x++) {
        const d2 = (x - gx) ** 2 + (y - gy) ** 2;
        // A flat-topped highlight: the laminate reflects the lamp and the sensor saturates.
        light[y * width + x]! += s.glare.strength * Math.min(1, 1.6 * Math.exp(-d2 / (2 * sigma * sigma)));
      }
    }
    for (let i = 0; i < light.length; i++) light[i] = Math.min(255, light[i]!);
  }

  const blurred = gaussianBlur(light, width, height, s.blurSigma);
  let mean = 0;
  for (let i = 0; i < blurred.length; i++) mean += blurred[i]!;
  mean /= blurred.length;
  const rand = seededRandom(s.seed);
  const data = new Uint8ClampedArray(width * height);
  for (let i = 0; i < blurred.length; i++) {
    // Box–Muller, one normal draw per pixel.
    const noise = s.noiseSigma > 0 ? s.noiseSigma * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()) : 0;
    data[i] = Math.round(mean + (blurred[i]! - mean) * s.contrast + noise);
  }
  return { width, height, data };
}

/** RGBA pixels of a grey image, as a camera frame's ImageData would hold them. */
export function greyToRgba(image: GreyImage): { width: number; height: number; data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, j = 0; i < image.data.length; i++, j += 4) {
    data[j] = data[j + 1] = data[j + 2] = image.data[i]!;
    data[j + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

export type Distortion = 'clean' | 'rotation' | 'perspective' | 'blur' | 'noise' | 'low-contrast' | 'glare';

export interface DistortedFrame {
  name: string;
  distortion: Distortion;
  /** 1 (mild) to 8 (severe); 0 for clean frames. */
  level: number;
  scene: CardScene;
}

/**
 * The benchmark set: 2 clean frames, then 8 increasingly severe frames for each distortion.
 * Every frame also has the small variations of a hand-held card (distance, position, a few
 * degrees of rotation and tilt, slight softness, sensor noise), drawn from the frame's seed.
 */
export function distortedFrameSet(width = 1280, height = 720): DistortedFrame[] {
  const frames: DistortedFrame[] = [];
  const kinds: Distortion[] = ['rotation', 'perspective', 'blur', 'noise', 'low-contrast', 'glare'];
  const add = (distortion: Distortion, level: number) => {
    const seed = frames.length + 1;
    const rand = seededRandom(seed * 7919);
    const base: CardScene = scene({
      width,
      height,
      seed,
      modulePx: 3.6 + 2 * rand(),
      qrCenter: [width * (0.4 + 0.2 * rand()), height * (0.4 + 0.2 * rand())],
      rotationDeg: -6 + 12 * rand(),
      tiltXDeg: -8 + 16 * rand(),
      tiltYDeg: -8 + 16 * rand(),
      blurSigma: 0.6 + 0.3 * rand(),
      noiseSigma: 2 + 2 * rand(),
      brightness: 0.9 + 0.1 * rand(),
    });
    const t = level;
    const tweak: Partial<CardScene> = {
      clean: {},
      rotation: { rotationDeg: base.rotationDeg + 20 * t },
      perspective: { tiltXDeg: (10 + 6.5 * t) * Math.cos(t * 1.1), tiltYDeg: (10 + 6.5 * t) * Math.sin(t * 1.1) },
      blur: { blurSigma: 0.5 + 0.45 * t },
      noise: { noiseSigma: 6 * t },
      'low-contrast': { contrast: 1 - 0.115 * t, brightness: base.brightness * (1 - 0.06 * t) },
      glare: { glare: { dx: -0.3 + 0.6 * rand(), dy: -0.3 + 0.6 * rand(), radius: 0.15 + 0.035 * t, strength: 120 + 25 * t } },
    }[distortion];
    const name = `${distortion} ${level || frames.length + 1}`;
    frames.push({ name, distortion, level, scene: { ...base, ...tweak } });
  };
  add('clean', 0);
  add('clean', 0);
  for (const kind of kinds) for (let level = 1; level <= 8; level++) add(kind, level);
  return frames;
}

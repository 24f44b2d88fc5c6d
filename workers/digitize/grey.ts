// Grey conversion, area-average down-scaling and a fast box blur: the cheap steps that let the
// expensive ones run on small images.
import { greyImage, type GreyImage, type RgbaImage } from './image';

/** Whether this machine stores the low byte of a word first (every browser's does): RGBA reads as one word. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The RGBA pixels as one 32-bit word each (red in the low byte), when the machine and the buffer
 * allow it: steps that read every pixel of a page read one word instead of three bytes.
 */
export function rgbaWords(src: RgbaImage): Int32Array | undefined {
  const { data } = src;
  // Signed: every word stays a small integer to the JIT, where alpha 255 would make an unsigned one a double.
  return LITTLE_ENDIAN && data.byteOffset % 4 === 0 ? new Int32Array(data.buffer, data.byteOffset, src.width * src.height) : undefined;
}

/** Luma (ITU-R BT.601 weights, integer arithmetic), into `into` when given (every byte written). */
export function rgbaToGrey(src: RgbaImage, into?: Uint8Array<ArrayBuffer>): GreyImage {
  const { width, height, data } = src;
  const out = into ?? new Uint8Array(width * height);
  if (LITTLE_ENDIAN && data.byteOffset % 4 === 0) {
    // One 32-bit read per pixel instead of three byte reads: a page is millions of pixels.
    const words = new Uint32Array(data.buffer, data.byteOffset, out.length);
    for (let i = 0; i < out.length; i++) {
      const w = words[i]!;
      out[i] = (77 * (w & 255) + 150 * ((w >>> 8) & 255) + 29 * ((w >>> 16) & 255) + 128) >> 8;
    }
    return greyImage(width, height, out);
  }
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (77 * data[p]! + 150 * data[p + 1]! + 29 * data[p + 2]! + 128) >> 8;
  }
  return greyImage(width, height, out);
}

/**
 * Luma of an RGBA image shrunk by an integer factor, each output pixel the mean of a factor×factor
 * block (the right-hand and bottom remainders are dropped). One pass over the big image.
 */
export function greyDownscaled(src: RgbaImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  const width = Math.floor(src.width / f);
  const height = Math.floor(src.height / f);
  const sums = new Uint32Array(width);
  const out = new Uint8Array(width * height);
  const data = src.data;
  const norm = 1 / (f * f * 256);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      let p = (y * f + dy) * src.width * 4;
      for (let x = 0; x < width; x++) {
        let s = 0;
        for (let dx = 0; dx < f; dx++, p += 4) s += 77 * data[p]! + 150 * data[p + 1]! + 29 * data[p + 2]!;
        sums[x]! += s;
      }
    }
    for (let x = 0; x < width; x++) out[y * width + x] = Math.round(sums[x]! * norm);
  }
  return greyImage(width, height, out);
}

/** Box blur of radius r (window 2r+1, clamped at the borders), separable, O(1) per pixel. */
export function boxBlur(src: GreyImage, r: number): GreyImage {
  const { width, height } = src;
  const tmp = new Uint8Array(width * height);
  const out = new Uint8Array(width * height);
  const reciprocal = new Float64Array(2 * r + 2);
  for (let n = 1; n < reciprocal.length; n++) reciprocal[n] = 1 / n;
  for (let y = 0; y < height; y++) blurRow(src.data, tmp, y * width, width, r, reciprocal);
  // Down the columns with running sums kept per column, row after row: the image is walked in
  // memory order, not column by column across rows (which misses the cache at every step).
  const sums = new Int32Array(width);
  let count = 0;
  for (let y = 0; y <= Math.min(r, height - 1); y++, count++) {
    for (let x = 0, i = y * width; x < width; x++, i++) sums[x]! += tmp[i]!;
  }
  for (let y = 0; y < height; y++) {
    const scale = reciprocal[count]!;
    const row = y * width;
    const add = y + r + 1 < height ? (y + r + 1) * width : -1;
    const drop = y - r >= 0 ? (y - r) * width : -1;
    // One pass per row: write the output, then move each column's window down by one row.
    if (add >= 0 && drop >= 0) {
      for (let x = 0; x < width; x++) {
        const s = sums[x]!;
        out[row + x] = s * scale + 0.5;
        sums[x] = s + tmp[add + x]! - tmp[drop + x]!;
      }
    } else {
      for (let x = 0; x < width; x++) {
        out[row + x] = sums[x]! * scale + 0.5;
        if (add >= 0) sums[x]! += tmp[add + x]!;
        if (drop >= 0) sums[x]! -= tmp[drop + x]!;
      }
    }
    if (add >= 0) count++;
    if (drop >= 0) count--;
  }
  return greyImage(width, height, out);
}

/** Blurs one row of `length` samples starting at `base`: window entering, sliding, then leaving. */
function blurRow(src: Uint8Array, dst: Uint8Array, base: number, length: number, r: number, reciprocal: Float64Array): void {
  let sum = 0;
  let count = 0;
  for (let i = 0; i <= Math.min(r, length - 1); i++) {
    sum += src[base + i]!;
    count++;
  }
  let i = 0;
  // While the window's left edge is still at the start, it only grows.
  for (const end = Math.min(length, r); i < end; i++) {
    dst[base + i] = sum * reciprocal[count]! + 0.5;
    if (i + r + 1 < length) {
      sum += src[base + i + r + 1]!;
      count++;
    }
  }
  // Full window: one sample in, one out, a constant count.
  const full = reciprocal[count]!;
  for (const end = length - r - 1; i < end; i++) {
    dst[base + i] = sum * full + 0.5;
    sum += src[base + i + r + 1]! - src[base + i - r]!;
  }
  for (; i < length; i++) {
    dst[base + i] = sum * reciprocal[count]! + 0.5;
    if (i + r + 1 < length) {
      sum += src[base + i + r + 1]!;
      count++;
    }
    if (i - r >= 0) {
      sum -= src[base + i - r]!;
      count--;
    }
  }
}

/** Bilinear sample of a grey image at a continuous point (clamped to the image). */
export function sampleGrey(img: GreyImage, x: number, y: number): number {
  const fx = Math.min(Math.max(x - 0.5, 0), img.width - 1.001);
  const fy = Math.min(Math.max(y - 0.5, 0), img.height - 1.001);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const ax = fx - x0;
  const ay = fy - y0;
  const i = y0 * img.width + x0;
  const d = img.data;
  const top = d[i]! + (d[i + 1]! - d[i]!) * ax;
  const bottom = d[i + img.width]! + (d[i + img.width + 1]! - d[i + img.width]!) * ax;
  return top + (bottom - top) * ay;
}

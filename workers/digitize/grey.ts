// Grey conversion, area-average down-scaling and a fast box blur: the cheap steps that let the
// expensive ones run on small images.
import { greyImage, type GreyImage, type RgbaImage } from './image';

/** Luma (ITU-R BT.601 weights, integer arithmetic). */
export function rgbaToGrey(src: RgbaImage): GreyImage {
  const { width, height, data } = src;
  const out = new Uint8Array(width * height);
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
      let p = ((y * f + dy) * src.width) * 4;
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

/** Grey image shrunk by an integer factor (block means). */
export function downscaleGrey(src: GreyImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  const width = Math.floor(src.width / f);
  const height = Math.floor(src.height / f);
  const sums = new Uint32Array(width);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      let p = (y * f + dy) * src.width;
      for (let x = 0; x < width; x++) {
        let s = 0;
        for (let dx = 0; dx < f; dx++) s += src.data[p++]!;
        sums[x]! += s;
      }
    }
    const n = f * f;
    for (let x = 0; x < width; x++) out[y * width + x] = Math.round(sums[x]! / n);
  }
  return greyImage(width, height, out);
}

/** Box blur of radius r (window 2r+1, clamped at the borders), separable, O(1) per pixel. */
export function boxBlur(src: GreyImage, r: number): GreyImage {
  const { width, height } = src;
  const tmp = new Uint8Array(width * height);
  const out = new Uint8Array(width * height);
  blurLines(src.data, tmp, width, height, 1, width, r);
  blurLines(tmp, out, height, width, width, 1, r);
  return greyImage(width, height, out);
}

/** Blurs `lines` lines of `length` samples; `step` moves along a line, `stride` to the next line. */
function blurLines(src: Uint8Array, dst: Uint8Array, length: number, lines: number, step: number, stride: number, r: number): void {
  const reciprocal = new Float64Array(2 * r + 2);
  for (let n = 1; n < reciprocal.length; n++) reciprocal[n] = 1 / n;
  for (let line = 0; line < lines; line++) {
    const base = line * stride;
    let sum = 0;
    let count = 0;
    for (let i = 0; i <= Math.min(r, length - 1); i++) {
      sum += src[base + i * step]!;
      count++;
    }
    for (let i = 0, at = base; i < length; i++, at += step) {
      dst[at] = sum * reciprocal[count]! + 0.5;
      const add = i + r + 1;
      const drop = i - r;
      if (add < length) {
        sum += src[base + add * step]!;
        count++;
      }
      if (drop >= 0) {
        sum -= src[base + drop * step]!;
        count--;
      }
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

// Flattens the photographed page straight to its output size: every output pixel is looked up in
// the photo through the perspective map and interpolated bilinearly. Only output-size work.
import type { Quad } from '../../src/domain/digitize';
import { homographyFromPoints, type Homography } from './homography';
import { greyImage, rgbaImage, type GreyImage, type RgbaImage } from './image';

/** The map from output pixels to photo pixels for a page of width×height cut out at `corners`. */
export function pageToPhoto(corners: Quad, width: number, height: number): Homography {
  const rect = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const h = homographyFromPoints(rect, corners);
  if (!h) throw new RangeError('Bốn góc trang không tạo thành một tứ giác hợp lệ.');
  return h;
}

/** Output-size RGBA page, sampled from the photo through `h` (output → photo). Outside the photo is white. */
export function warpRgba(photo: RgbaImage, h: Homography, width: number, height: number): RgbaImage {
  const out = new Uint8ClampedArray(width * height * 4);
  const src = photo.data;
  const sw = photo.width;
  const sh = photo.height;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as unknown as number[] as [number, number, number, number, number, number, number, number, number];
  let o = 0;
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    // Numerators and denominator at x = 0.5, advanced by one column per step.
    let nx = h0 * 0.5 + h1 * cy + h2;
    let ny = h3 * 0.5 + h4 * cy + h5;
    let nw = h6 * 0.5 + h7 * cy + h8;
    for (let x = 0; x < width; x++, o += 4, nx += h0, ny += h3, nw += h6) {
      const fx = nx / nw - 0.5;
      const fy = ny / nw - 0.5;
      if (fx < 0 || fy < 0 || fx >= sw - 1 || fy >= sh - 1) {
        out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 255;
        continue;
      }
      const x0 = fx | 0;
      const y0 = fy | 0;
      const ax = fx - x0;
      const ay = fy - y0;
      const p = (y0 * sw + x0) * 4;
      const q = p + sw * 4;
      const w00 = (1 - ax) * (1 - ay);
      const w10 = ax * (1 - ay);
      const w01 = (1 - ax) * ay;
      const w11 = ax * ay;
      out[o] = src[p]! * w00 + src[p + 4]! * w10 + src[q]! * w01 + src[q + 4]! * w11;
      out[o + 1] = src[p + 1]! * w00 + src[p + 5]! * w10 + src[q + 1]! * w01 + src[q + 5]! * w11;
      out[o + 2] = src[p + 2]! * w00 + src[p + 6]! * w10 + src[q + 2]! * w01 + src[q + 6]! * w11;
      out[o + 3] = 255;
    }
  }
  return rgbaImage(width, height, out);
}

/**
 * Output-size grey page straight from the colour photo: luma is taken at the four neighbours and
 * interpolated once, so a text page never holds a full-size colour copy.
 */
export function warpGrey(photo: RgbaImage, h: Homography, width: number, height: number): GreyImage {
  const out = new Uint8Array(width * height);
  const src = photo.data;
  const sw = photo.width;
  const sh = photo.height;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as unknown as number[] as [number, number, number, number, number, number, number, number, number];
  let o = 0;
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    let nx = h0 * 0.5 + h1 * cy + h2;
    let ny = h3 * 0.5 + h4 * cy + h5;
    let nw = h6 * 0.5 + h7 * cy + h8;
    for (let x = 0; x < width; x++, o++, nx += h0, ny += h3, nw += h6) {
      const iw = 1 / nw;
      const fx = nx * iw - 0.5;
      const fy = ny * iw - 0.5;
      if (fx < 0 || fy < 0 || fx >= sw - 1 || fy >= sh - 1) {
        out[o] = 255;
        continue;
      }
      const x0 = fx | 0;
      const y0 = fy | 0;
      const ax = fx - x0;
      const ay = fy - y0;
      const p = (y0 * sw + x0) * 4;
      const q = p + sw * 4;
      // Luma ×256 (BT.601) of the four neighbours.
      const l00 = 77 * src[p]! + 150 * src[p + 1]! + 29 * src[p + 2]!;
      const l10 = 77 * src[p + 4]! + 150 * src[p + 5]! + 29 * src[p + 6]!;
      const l01 = 77 * src[q]! + 150 * src[q + 1]! + 29 * src[q + 2]!;
      const l11 = 77 * src[q + 4]! + 150 * src[q + 5]! + 29 * src[q + 6]!;
      const top = l00 + (l10 - l00) * ax;
      const bottom = l01 + (l11 - l01) * ax;
      out[o] = (top + (bottom - top) * ay + 128) / 256;
    }
  }
  return greyImage(width, height, out);
}

/** Side lengths of a quad in photo pixels: mean of top and bottom, mean of left and right. */
export function quadSize(q: Quad): { width: number; height: number } {
  const d = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  return { width: (d(q[0], q[1]) + d(q[3], q[2])) / 2, height: (d(q[0], q[3]) + d(q[1], q[2])) / 2 };
}

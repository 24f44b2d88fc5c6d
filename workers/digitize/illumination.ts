// Removes shadows and uneven light: estimates the paper's brightness everywhere (the brightest
// pixels of each small block, spread over text and smoothed) and divides it out, so paper becomes
// white whatever the light was, and ink keeps its contrast.
import { boxBlur } from './grey';
import { greyImage, type GreyImage, type RgbaImage } from './image';

/** Block size of the paper-level map, in page pixels (4 mm at 200 dpi). */
const BLOCK = 32;
/** The most a pixel is brightened: keeps dark photos on a page from turning to grey mush. */
const MAX_GAIN = 4;

/**
 * The paper level per block: the brightest pixels of each block, then a morphological closing
 * (maximum, then minimum, over neighbouring blocks) so a block filled with ink takes the paper
 * level around it while a smooth change of light passes unchanged, then light smoothing.
 */
export function paperLevels(grey: GreyImage): GreyImage {
  const bw = Math.ceil(grey.width / BLOCK);
  const bh = Math.ceil(grey.height / BLOCK);
  const levels = new Uint8Array(bw * bh);
  const hist = new Uint16Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      const y1 = Math.min(grey.height, (by + 1) * BLOCK);
      const x1 = Math.min(grey.width, (bx + 1) * BLOCK);
      // Every second pixel of every second row: 256 samples give the percentile well enough.
      for (let y = by * BLOCK; y < y1; y += 2) {
        for (let x = bx * BLOCK, i = y * grey.width + x; x < x1; x += 2, i += 2) hist[grey.data[i]!]!++;
      }
      levels[by * bw + bx] = paperPercentile(hist, samplesIn(bx, by, grey.width, grey.height));
    }
  }
  return closedLevels(bw, bh, levels);
}

/**
 * The same levels as `paperLevels` gives for `rgbaToGrey` of the page, read from its RGBA words
 * (see `rgbaWords`): the luma of each sampled pixel is worked out as rgbaToGrey rounds it, and the
 * grey page is never made.
 */
export function paperLevelsOfRgba(width: number, height: number, words: Int32Array): GreyImage {
  const bw = Math.ceil(width / BLOCK);
  const bh = Math.ceil(height / BLOCK);
  const levels = new Uint8Array(bw * bh);
  const hist = new Uint16Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      const y1 = Math.min(height, (by + 1) * BLOCK);
      const x1 = Math.min(width, (bx + 1) * BLOCK);
      for (let y = by * BLOCK; y < y1; y += 2) {
        for (let x = bx * BLOCK, i = y * width + x; x < x1; x += 2, i += 2) {
          const w = words[i]!;
          hist[(77 * (w & 255) + 150 * ((w >>> 8) & 255) + 29 * ((w >>> 16) & 255) + 128) >> 8]!++;
        }
      }
      levels[by * bw + bx] = paperPercentile(hist, samplesIn(bx, by, width, height));
    }
  }
  return closedLevels(bw, bh, levels);
}

/** How many pixels of block (bx, by) are sampled: every second of every second row. */
function samplesIn(bx: number, by: number, width: number, height: number): number {
  const rows = Math.ceil((Math.min(height, (by + 1) * BLOCK) - by * BLOCK) / 2);
  const columns = Math.ceil((Math.min(width, (bx + 1) * BLOCK) - bx * BLOCK) / 2);
  return rows * columns;
}

/** The 90th percentile of a block's samples, not the maximum: noise would push the maximum above the paper. */
function paperPercentile(hist: Uint16Array, n: number): number {
  let acc = 0;
  let v = 255;
  for (; v > 0; v--) {
    acc += hist[v]!;
    if (acc >= n * 0.1) break;
  }
  return v;
}

/** The block levels closed over ink and smoothed (see `paperLevels`). */
function closedLevels(bw: number, bh: number, levels: Uint8Array<ArrayBuffer>): GreyImage {
  // Padding by extrapolation lets the light keep changing past the page's edge, so the closing
  // and smoothing do not bend the levels near the border.
  const padded = extrapolatePad(greyImage(bw, bh, levels), PAD);
  const smooth = boxBlur(morph(morph(padded, 2, Math.max), 2, Math.min), 1);
  const out = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) out.set(smooth.data.subarray((y + PAD) * smooth.width + PAD, (y + PAD) * smooth.width + PAD + bw), y * bw);
  return greyImage(bw, bh, out);
}

const PAD = 3;

/** Adds `pad` blocks on every side, continuing each row and column linearly (clamped to 0..255). */
function extrapolatePad(img: GreyImage, pad: number): GreyImage {
  const { width, height, data } = img;
  const w = width + 2 * pad;
  const h = height + 2 * pad;
  const out = new Uint8Array(w * h);
  const at = (x: number, y: number) => data[y * width + x]!;
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  // Continue a line beyond its end from its last two samples (one sample: repeat it).
  const extend = (v0: number, v1: number | undefined, k: number) => clamp(v1 === undefined ? v0 : v0 + (v0 - v1) * k);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[(y + pad) * w + x + pad] = at(x, y);
    for (let k = 1; k <= pad; k++) {
      out[(y + pad) * w + pad - k] = extend(at(0, y), width > 1 ? at(1, y) : undefined, k);
      out[(y + pad) * w + pad + width - 1 + k] = extend(at(width - 1, y), width > 1 ? at(width - 2, y) : undefined, k);
    }
  }
  for (let x = 0; x < w; x++) {
    for (let k = 1; k <= pad; k++) {
      const top0 = out[pad * w + x]!;
      const top1 = height > 1 ? out[(pad + 1) * w + x] : undefined;
      out[(pad - k) * w + x] = extend(top0, top1, k);
      const bottom0 = out[(pad + height - 1) * w + x]!;
      const bottom1 = height > 1 ? out[(pad + height - 2) * w + x] : undefined;
      out[(pad + height - 1 + k) * w + x] = extend(bottom0, bottom1, k);
    }
  }
  return greyImage(w, h, out);
}

/** Grey morphology with a square of radius r: dilation with Math.max, erosion with Math.min. */
function morph(img: GreyImage, r: number, pick: (a: number, b: number) => number): GreyImage {
  const { width, height, data } = img;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let m = data[y * width + x]!;
      for (let dy = Math.max(0, y - r); dy <= Math.min(height - 1, y + r); dy++) {
        for (let dx = Math.max(0, x - r); dx <= Math.min(width - 1, x + r); dx++) m = pick(m, data[dy * width + dx]!);
      }
      out[y * width + x] = m;
    }
  }
  return greyImage(width, height, out);
}

/** Gain per block (255 / paper level, at most MAX_GAIN) in 1/256 units. */
function blockGains(levels: GreyImage): Float32Array {
  const gains = new Float32Array(levels.data.length);
  for (let i = 0; i < gains.length; i++) gains[i] = (255 * 256) / Math.max(levels.data[i]!, 255 / MAX_GAIN);
  return gains;
}

/**
 * One row of per-pixel gains, interpolated bilinearly between block centres: first down the
 * block columns for this row, then along the row with a running step (no division per pixel).
 */
function gainRow(levels: GreyImage, gains: Float32Array, width: number, y: number, row: Uint16Array, column: Float32Array): void {
  const bw = levels.width;
  const fy = Math.min(Math.max((y + 0.5) / BLOCK - 0.5, 0), levels.height - 1);
  const y0 = Math.floor(fy);
  const y1 = Math.min(levels.height - 1, y0 + 1);
  const ay = fy - y0;
  for (let bx = 0; bx < bw; bx++) column[bx] = gains[y0 * bw + bx]! * (1 - ay) + gains[y1 * bw + bx]! * ay;
  for (let x = 0; x < width;) {
    const fx = (x + 0.5) / BLOCK - 0.5;
    if (fx <= 0 || bw === 1) {
      row[x++] = column[0]!;
      continue;
    }
    const b0 = Math.floor(fx);
    if (b0 >= bw - 1) {
      row[x++] = column[bw - 1]!;
      continue;
    }
    // From here to the next block centre the gain changes linearly.
    const end = Math.min(width, Math.ceil((b0 + 1.5) * BLOCK - 0.5));
    const step = (column[b0 + 1]! - column[b0]!) / BLOCK;
    let g = column[b0]! + (fx - b0) * (column[b0 + 1]! - column[b0]!);
    for (; x < end; x++, g += step) row[x] = g;
  }
}

/** The grey page with the paper made evenly white (into `into` when given: every byte is written). */
export function flattenGrey(grey: GreyImage, levels: GreyImage, into?: Uint8Array<ArrayBuffer>): GreyImage {
  const { width, height } = grey;
  const out = into ?? new Uint8Array(width * height);
  const row = new Uint16Array(width);
  const column = new Float32Array(levels.width);
  const gains = blockGains(levels);
  for (let y = 0; y < height; y++) {
    gainRow(levels, gains, width, y, row, column);
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const v = (grey.data[i]! * row[x]!) >> 8;
      out[i] = v > 255 ? 255 : v;
    }
  }
  return greyImage(width, height, out);
}

/**
 * The gain segment of a row that starts at x (see `gainRow`, whose values it gives): writes the
 * gain at x and its step per pixel into `segment`, and returns where the segment ends. The flattening
 * loops below step the gain along each segment themselves instead of reading it from a row of gains.
 */
function gainSegment(column: Float32Array, bw: number, width: number, x: number, segment: Float64Array): number {
  const fx = (x + 0.5) / BLOCK - 0.5;
  const b0 = Math.floor(fx);
  segment[1] = 0;
  if (fx <= 0 || bw === 1) {
    segment[0] = column[0]!;
    // Up to the first block centre (or the whole row): one gain.
    let end = x + 1;
    while (end < width && (bw === 1 || (end + 0.5) / BLOCK - 0.5 <= 0)) end++;
    return end;
  }
  if (b0 >= bw - 1) {
    segment[0] = column[bw - 1]!;
    return width;
  }
  segment[0] = column[b0]! + (fx - b0) * (column[b0 + 1]! - column[b0]!);
  segment[1] = (column[b0 + 1]! - column[b0]!) / BLOCK;
  return Math.min(width, Math.ceil((b0 + 1.5) * BLOCK - 0.5));
}

/** The block gains interpolated down to row y, one per block column (the first half of `gainRow`). */
function gainColumn(levels: GreyImage, gains: Float32Array, y: number, column: Float32Array): void {
  const bw = levels.width;
  const fy = Math.min(Math.max((y + 0.5) / BLOCK - 0.5, 0), levels.height - 1);
  const y0 = Math.floor(fy);
  const y1 = Math.min(levels.height - 1, y0 + 1);
  const ay = fy - y0;
  for (let bx = 0; bx < bw; bx++) column[bx] = gains[y0 * bw + bx]! * (1 - ay) + gains[y1 * bw + bx]! * ay;
}

/**
 * `flattenGrey` of the page's `rgbaToGrey`, straight from its RGBA words (see `rgbaWords`, read
 * here as signed words): the same bytes, without writing and reading back a grey page.
 */
export function flattenRgbaToGrey(width: number, height: number, words: Int32Array, levels: GreyImage, into?: Uint8Array<ArrayBuffer>): GreyImage {
  const out = into ?? new Uint8Array(width * height);
  const column = new Float32Array(levels.width);
  const segment = new Float64Array(2);
  const gains = blockGains(levels);
  for (let y = 0; y < height; y++) {
    gainColumn(levels, gains, y, column);
    for (let x = 0, i = y * width; x < width;) {
      const end = gainSegment(column, levels.width, width, x, segment);
      const step = segment[1]!;
      // The gain truncated as a Uint16Array would store it (it lies between 64 and 1024).
      for (let g = segment[0]!; x < end; x++, i++, g += step) {
        const w = words[i]!;
        const v = (((77 * (w & 255) + 150 * ((w >>> 8) & 255) + 29 * ((w >>> 16) & 255) + 128) >> 8) * (g | 0)) >> 8;
        out[i] = v > 255 ? 255 : v;
      }
    }
  }
  return greyImage(width, height, out);
}

/**
 * A colour page evened out in one pass over its pixels: its flattened grey (as `flattenRgbaToGrey`)
 * into `into`, and the page itself flattened and white-balanced in place, the same bytes as
 * `flattenRgbaInPlace` then `whiteBalanceInPlace` (a pixel clamped after each). The white balance
 * is measured first, on the pixels it samples, flattened on their own.
 */
export function flattenColourPage(width: number, height: number, words: Int32Array, levels: GreyImage, into?: Uint8Array<ArrayBuffer>): GreyImage {
  const out = into ?? new Uint8Array(width * height);
  const column = new Float32Array(levels.width);
  const segment = new Float64Array(2);
  const gains = blockGains(levels);
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let y = 0; y < height; y++) {
    // Every 16th pixel of the page, counted across rows, as whiteBalanceInPlace samples it.
    let next = (16 - ((y * width) % 16)) % 16;
    if (next >= width) continue;
    gainColumn(levels, gains, y, column);
    for (let x = 0; x < width;) {
      const end = gainSegment(column, levels.width, width, x, segment);
      const step = segment[1]!;
      for (let f = segment[0]!; x < end; x++, f += step) {
        if (x !== next) continue;
        next += 16;
        const gain = f | 0;
        const w = words[y * width + x]!;
        const vr = ((w & 255) * gain) >> 8;
        const vg = (((w >>> 8) & 255) * gain) >> 8;
        const vb = (((w >>> 16) & 255) * gain) >> 8;
        const fr = vr > 255 ? 255 : vr;
        const fg = vg > 255 ? 255 : vg;
        const fb = vb > 255 ? 255 : vb;
        if ((77 * fr + 150 * fg + 29 * fb) >> 8 < 200) continue;
        r += fr;
        g += fg;
        b += fb;
        n++;
      }
    }
  }
  const balance = n < 100 ? [256, 256, 256] : [balanceGain(r, n), balanceGain(g, n), balanceGain(b, n)];
  const gr = balance[0]! | 0;
  const gg = balance[1]! | 0;
  const gb = balance[2]! | 0;
  for (let y = 0; y < height; y++) {
    gainColumn(levels, gains, y, column);
    for (let x = 0, i = y * width; x < width;) {
      const end = gainSegment(column, levels.width, width, x, segment);
      const step = segment[1]!;
      for (let f = segment[0]!; x < end; x++, i++, f += step) {
        const gain = f | 0;
        const w = words[i]!;
        const red = w & 255;
        const green = (w >>> 8) & 255;
        const blue = (w >>> 16) & 255;
        const v = (((77 * red + 150 * green + 29 * blue + 128) >> 8) * gain) >> 8;
        out[i] = v > 255 ? 255 : v;
        let cr = (red * gain) >> 8;
        let cg = (green * gain) >> 8;
        let cb = (blue * gain) >> 8;
        cr = ((cr > 255 ? 255 : cr) * gr) >> 8;
        cg = ((cg > 255 ? 255 : cg) * gg) >> 8;
        cb = ((cb > 255 ? 255 : cb) * gb) >> 8;
        // The alpha byte kept (-16777216 is 0xff000000 as a signed word).
        words[i] = (w & -16777216) | ((cb > 255 ? 255 : cb) << 16) | ((cg > 255 ? 255 : cg) << 8) | (cr > 255 ? 255 : cr);
      }
    }
  }
  return greyImage(width, height, out);
}

/** White-balance gain of a channel whose paper pixels sum to `sum` over `n`, in 1/256 units. */
function balanceGain(sum: number, n: number): number {
  return Math.round(Math.min(1.6, 255 / Math.max(1, sum / n)) * 256);
}

/**
 * The colour page with the same correction (in place): paper white, colours kept in proportion.
 * Clamped here, not by the array: the worker's page is a plain byte buffer, where 256 wraps to 0.
 */
export function flattenRgbaInPlace(rgba: RgbaImage, levels: GreyImage): void {
  const { width, height, data } = rgba;
  const row = new Uint16Array(width);
  const column = new Float32Array(levels.width);
  const gains = blockGains(levels);
  for (let y = 0; y < height; y++) {
    gainRow(levels, gains, width, y, row, column);
    for (let x = 0, p = y * width * 4; x < width; x++, p += 4) {
      const g = row[x]!;
      const r = (data[p]! * g) >> 8;
      const gr = (data[p + 1]! * g) >> 8;
      const b = (data[p + 2]! * g) >> 8;
      data[p] = r > 255 ? 255 : r;
      data[p + 1] = gr > 255 ? 255 : gr;
      data[p + 2] = b > 255 ? 255 : b;
    }
  }
}

/**
 * Makes the paper neutral white on a flattened colour page: the light's colour cast (warm bulbs,
 * a cool window) is measured on the paper's pixels and divided out, channel by channel.
 */
export function whiteBalanceInPlace(rgba: RgbaImage): void {
  const { data } = rgba;
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  // Paper: bright pixels, sampled every 16th.
  for (let p = 0; p < data.length; p += 64) {
    const luma = (77 * data[p]! + 150 * data[p + 1]! + 29 * data[p + 2]!) >> 8;
    if (luma < 200) continue;
    r += data[p]!;
    g += data[p + 1]!;
    b += data[p + 2]!;
    n++;
  }
  if (n < 100) return;
  const [gr, gg, gb] = [balanceGain(r, n), balanceGain(g, n), balanceGain(b, n)];
  // Integer comparisons, not Math.min: this loop touches 16 million bytes of an A4 page.
  for (let p = 0; p < data.length; p += 4) {
    const vr = (data[p]! * gr) >> 8;
    const vg = (data[p + 1]! * gg) >> 8;
    const vb = (data[p + 2]! * gb) >> 8;
    data[p] = vr > 255 ? 255 : vr;
    data[p + 1] = vg > 255 ? 255 : vg;
    data[p + 2] = vb > 255 ? 255 : vb;
  }
}

// A camera frame's brightness, small: the luma (Y) plane of a YUV video frame, shrunk by area
// average. Reading the plane directly skips the colour conversion, which is most of the cost of a
// software-decoded 4K preview frame, and the finder works on grey anyway.
import { greyImage, type GreyImage } from '../digitize/image';

/** Pixel formats whose first plane is full-resolution luma. */
export const LUMA_FIRST_FORMATS: ReadonlySet<string> = new Set(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12']);

/**
 * The luma plane at `offset` with rows `stride` bytes apart, `width`×`height`, shrunk by the
 * least whole factor that brings its long side to `maxSide` or less (the right and bottom
 * remainders dropped, under one factor's width). Each small pixel is the mean of `taps`×`taps`
 * pixels spread evenly over its block (all of them when the block is no wider): a page's edge
 * spans many blocks, so a few samples find it as well as all, and a 4K frame is read in a tenth
 * of the time, which is most of a slow tablet's budget for a preview frame.
 */
export function shrinkLuma(data: Uint8Array, offset: number, stride: number, width: number, height: number, maxSide: number, taps = Infinity): GreyImage {
  if (stride < width || offset + stride * (height - 1) + width > data.length)
    throw new RangeError(`luma plane ${width}×${height} (stride ${stride}) does not fit in ${data.length} bytes`);
  const f = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const k = Math.max(1, Math.min(f, Math.floor(taps)));
  const w = Math.max(1, Math.floor(width / f));
  const h = Math.max(1, Math.floor(height / f));
  // Where the taps sit inside a block: evenly spread, centred.
  const at = Int32Array.from({ length: k }, (_, i) => Math.min(f - 1, Math.floor(((i + 0.5) * f) / k)));
  const sums = new Uint32Array(w);
  const out = new Uint8Array(w * h);
  const n = k * k;
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      const row = offset + (y * f + at[dy]!) * stride;
      for (let x = 0, p = row; x < w; x++, p += f) {
        let s = 0;
        for (let dx = 0; dx < k; dx++) s += data[p + at[dx]!]!;
        sums[x]! += s;
      }
    }
    for (let x = 0; x < w; x++) out[y * w + x] = Math.round(sums[x]! / n);
  }
  return greyImage(w, h, out);
}

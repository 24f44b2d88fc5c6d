// Bundled into a test page by tests/e2e/native-warp.test.ts: warps one photo to a page both with
// the worker's native warp (drawn on its kept canvas, read through a VideoFrame into its kept
// buffer) and with the script warp, and says how far apart the two pages are.
import type { Quad } from '../../src/domain/digitize';
import { affineTiles } from '../../workers/digitize/affine-tiles';
import { rgbaToGrey } from '../../workers/digitize/grey';
import { cutPage } from '../../workers/digitize/native-warp';
import { pixelSource } from '../../workers/digitize/photo-source';
import { pageToPhoto } from '../../workers/digitize/warp';

/** The pixels the native warp handed out last: read into a kept buffer, the next page's are the same memory. */
let lastPixels: ArrayBufferLike | undefined;

export async function compareWarps(
  pixels: Uint8ClampedArray<ArrayBuffer>,
  width: number,
  height: number,
  corners: Quad,
  pageWidth: number,
  pageHeight: number,
) {
  const bitmap = await createImageBitmap(new ImageData(pixels, width, height));
  const toPhoto = pageToPhoto(corners, pageWidth, pageHeight);
  const cut = await cutPage(bitmap, toPhoto, pageWidth, pageHeight);
  const native = rgbaToGrey(cut);
  const samePixelBuffer = lastPixels === cut.data.buffer;
  lastPixels = cut.data.buffer;
  // Opaque, whichever way the pixels were read: the colour layers are encoded from them.
  let opaque = true;
  for (let i = 3; i < cut.data.length; i += 4) opaque &&= cut.data[i] === 255;
  const script = pixelSource({ width, height, data: pixels }).warpGrey(toPhoto, pageWidth, pageHeight);
  bitmap.close();
  let total = 0;
  let over8 = 0;
  // The outermost pixels are left out: there the two treat the photo's own edge differently.
  let count = 0;
  for (let y = 2; y < pageHeight - 2; y++) {
    for (let x = 2, i = y * pageWidth + 2; x < pageWidth - 2; x++, i++) {
      const d = Math.abs(native.data[i]! - script.data[i]!);
      total += d;
      if (d > 8) over8++;
      count++;
    }
  }
  return {
    meanDifference: total / count,
    over8: over8 / count,
    opaque,
    samePixelBuffer,
    tiles: affineTiles(toPhoto, pageWidth, pageHeight, { tolerance: 0.15 }).length,
  };
}

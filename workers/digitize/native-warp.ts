// The perspective warp done by the browser's own image drawing (worker only: OffscreenCanvas).
// Canvas 2D knows affine transforms only, so the page is filled tile by tile, each tile with the
// affine map that stays within a small fraction of a pixel of the true perspective map there.
// Native bilinear sampling straight from the decoded bitmap means the 12-megapixel photo is never
// copied out into script memory, and the script never loops over its pixels.
import { affineTiles } from './affine-tiles';
import { project, type Homography } from './homography';
import { rgbaImage, type RgbaImage } from './image';
import type { PhotoSource } from './photo-source';
import { rgbaToGrey } from './grey';
import { keptBytes, keptContext } from './kept';

/**
 * Largest sampling error allowed, in photo pixels (about 0.1 page pixel at 200 dpi): below what
 * bilinear interpolation itself smooths, and coarse enough that a page takes a few hundred draws.
 */
const TOLERANCE = 0.15;

export function bitmapSource(bitmap: ImageBitmap): PhotoSource {
  const warpRgba = (toPhoto: Homography, width: number, height: number) => drawPage(bitmap, toPhoto, width, height);
  return {
    width: bitmap.width,
    height: bitmap.height,
    warpRgba,
    warpGrey: (toPhoto, width, height) => rgbaToGrey(warpRgba(toPhoto, width, height)),
  };
}

function drawTiles(bitmap: ImageBitmap, toPhoto: Homography, width: number, height: number): OffscreenCanvasRenderingContext2D {
  const context = keptContext('page', width, height);
  const tiles = affineTiles(toPhoto, width, height, { tolerance: TOLERANCE });
  // Paper-white where the page runs past the photo's edge, as the script warp does, and wherever
  // the tiles leave a gap (a folded quad): the kept canvas still holds the previous page. A page
  // wholly inside the photo and tiled whole is covered by opaque pixels, and the fill would be
  // 4 million pixels written for nothing.
  const tiled = tiles.reduce((area, tile) => area + tile.width * tile.height, 0) === width * height;
  if (!tiled || !insidePhoto(toPhoto, width, height, bitmap.width, bitmap.height)) {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
  }
  // 'low' is plain bilinear sampling, the same as the script warp; the others add mipmaps.
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'low';
  // A pattern filled into each tile's whole-pixel rectangle: no clip path to set up and undo, and
  // no anti-aliased tile edges blending with their neighbours.
  const pattern = context.createPattern(bitmap, 'no-repeat');
  if (!pattern) throw new Error('Canvas pattern is not available');
  const matrix = new DOMMatrix();
  for (const tile of tiles) {
    [matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f] = tile.toPage;
    pattern.setTransform(matrix);
    context.fillStyle = pattern;
    context.fillRect(tile.x, tile.y, tile.width, tile.height);
  }
  // The pattern holds the photo: let it go with this page.
  context.fillStyle = '#fff';
  return context;
}

function drawPage(bitmap: ImageBitmap, toPhoto: Homography, width: number, height: number): RgbaImage {
  const image = drawTiles(bitmap, toPhoto, width, height).getImageData(0, 0, width, height);
  return rgbaImage(width, height, image.data);
}

/**
 * The page cut out of the photo as `bitmapSource` cuts it, its pixels read into a buffer kept from
 * page to page where the browser can copy a frame into one (WebCodecs' VideoFrame): getImageData
 * hands back new memory each time, and 15 MB of new memory took 46 ms to read into, against 6 ms
 * into the kept buffer. The pixels are lent until the next page is cut.
 */
export async function cutPage(bitmap: ImageBitmap, toPhoto: Homography, width: number, height: number): Promise<RgbaImage> {
  const context = drawTiles(bitmap, toPhoto, width, height);
  if (typeof VideoFrame === 'function') {
    const data = keptBytes('page', width * height * 4);
    let frame: VideoFrame | undefined;
    try {
      frame = new VideoFrame(context.canvas, { timestamp: 0 });
      // RGBA, row after row with no padding, whatever order the canvas keeps its bytes in.
      await frame.copyTo(data, { format: 'RGBA', layout: [{ offset: 0, stride: width * 4 }] });
      // Clamped, as getImageData's pixels are: a step that brightens in place saturates at 255.
      return rgbaImage(width, height, new Uint8ClampedArray(data.buffer, data.byteOffset, data.length));
    } catch {
      // A browser that cannot convert while copying (older WebCodecs): read it as below.
    } finally {
      frame?.close();
    }
  }
  return rgbaImage(width, height, context.getImageData(0, 0, width, height).data);
}

/**
 * Whether the whole page samples from inside the photo, a pixel clear of its edge (where bilinear
 * sampling would blend in the transparent outside): the page's corners are, and so is all of it,
 * the page being the convex quad they span.
 */
function insidePhoto(toPhoto: Homography, width: number, height: number, photoWidth: number, photoHeight: number): boolean {
  return [project(toPhoto, 0, 0), project(toPhoto, width, 0), project(toPhoto, width, height), project(toPhoto, 0, height)].every(
    (p) => p.x >= 1 && p.y >= 1 && p.x <= photoWidth - 1 && p.y <= photoHeight - 1,
  );
}

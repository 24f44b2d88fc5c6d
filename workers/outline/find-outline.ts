// Finding the page's outline in one camera preview frame: its grey copy, small (the luma plane of
// a YUV VideoFrame read directly, else drawn and shrunk natively), then the corner finder. The
// outline worker runs it; the bench runs the same code on a CPU-throttled page.
import type { Quad } from '../../src/domain/digitize';
import { findPageCornersInSmall } from '../digitize/corners';
import { rgbaToGrey } from '../digitize/grey';
import type { GreyImage } from '../digitize/image';
import { LUMA_FIRST_FORMATS, shrinkLuma } from './frame-grey';

/**
 * Long side of the grey copy searched: the outline is only drawn, not used to cut the page (the
 * shot is found again at full size), and at 240 px the finder still puts every corner of the desk
 * photos within 2 % of the diagonal (find-outline.test) in a quarter of the time 480 px took.
 */
export const OUTLINE_SIDE = 240;
/** Luma samples per side of each small pixel's block (see shrinkLuma). */
const TAPS = 3;

export interface OutlineResult {
  found: boolean;
  /** Corners in the frame's own pixels (the video's size, not the shrunk copy's). */
  corners: Quad;
  /** The finder's confidence (0–1) where it gives one. */
  confidence?: number;
  /** Time taken, frame in to corners out. */
  ms: number;
}

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | null = null;
/** Reused between frames: a 4K frame's planes are 12 MB, not worth allocating 15 times a second. */
let planes = new Uint8Array(0);

/** Drawn (and shrunk) natively, for frames whose pixels are not plain YUV or that must be turned. */
function drawnGrey(frame: ImageBitmap | VideoFrame, width: number, height: number): GreyImage {
  const scale = Math.min(1, OUTLINE_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  if (!canvas || canvas.width !== w || canvas.height !== h) {
    canvas = new OffscreenCanvas(w, h);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) throw new Error('OffscreenCanvas 2D is not available');
  context.drawImage(frame, 0, 0, w, h);
  const pixels = context.getImageData(0, 0, w, h);
  return rgbaToGrey({ width: w, height: h, data: pixels.data });
}

async function greyOf(frame: ImageBitmap | VideoFrame): Promise<GreyImage> {
  if (frame instanceof ImageBitmap) return drawnGrey(frame, frame.width, frame.height);
  // A turned or mirrored frame (a tablet's camera mounted sideways) is drawn, which applies it.
  const turned = ((frame as { rotation?: number }).rotation ?? 0) !== 0 || (frame as { flip?: boolean }).flip === true;
  const square = frame.displayWidth === frame.visibleRect!.width && frame.displayHeight === frame.visibleRect!.height;
  if (!frame.format || !LUMA_FIRST_FORMATS.has(frame.format) || turned || !square) return drawnGrey(frame, frame.displayWidth, frame.displayHeight);
  const size = frame.allocationSize();
  if (planes.length < size) planes = new Uint8Array(size);
  const [luma] = await frame.copyTo(planes);
  return shrinkLuma(planes, luma!.offset, luma!.stride, frame.visibleRect!.width, frame.visibleRect!.height, OUTLINE_SIDE, TAPS);
}

/**
 * The page's outline in a preview frame, closed afterwards: a VideoFrame at the camera's size, or
 * an ImageBitmap already shrunk. Corners come back in a `frameWidth`×`frameHeight` frame.
 */
export async function outlineOf(frame: ImageBitmap | VideoFrame, frameWidth: number, frameHeight: number): Promise<OutlineResult> {
  const started = performance.now();
  try {
    const grey = await greyOf(frame);
    const result = findPageCornersInSmall(grey, frameWidth, frameHeight);
    // The finder on another branch adds a confidence; read it without depending on its type.
    const confidence = (result as { confidence?: unknown }).confidence;
    return { found: result.found, corners: result.corners, confidence: typeof confidence === 'number' ? confidence : undefined, ms: performance.now() - started };
  } finally {
    frame.close();
  }
}

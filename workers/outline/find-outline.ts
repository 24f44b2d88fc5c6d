// Finding the page's outline in one camera preview frame: its grey copy, small (the luma plane of
// a YUV VideoFrame read directly, else drawn and shrunk natively), then the page followed from the
// last frame, or the full corner finder every few frames and whenever it is lost. The outline
// worker runs it; the bench runs the same code on a CPU-throttled page.
import type { Quad } from '../../src/domain/digitize';
import { findPageCornersInSmall } from '../digitize/corners';
import { rgbaToGrey } from '../digitize/grey';
import type { GreyImage } from '../digitize/image';
import { LUMA_FIRST_FORMATS, shrinkLuma } from './frame-grey';
import { trackOutline } from './track-outline';

/**
 * Long side of the grey copy searched: the outline is only drawn, not used to cut the page (the
 * shot is found again at full size), and at 240 px the finder still puts every corner of the desk
 * photos within 2 % of the diagonal (find-outline.test) in a quarter of the time 480 px took.
 */
export const OUTLINE_SIDE = 240;
/** Luma samples per side of each small pixel's block (see shrinkLuma). */
export const OUTLINE_TAPS = 3;
/**
 * Frames followed between two full searches: the full search is the only one that chooses the
 * page, so a better candidate (a second paper moved away) is seen within about a second at 15
 * frames a second, before a page held still that long is shot. A full search costs a tablet
 * some 15 followed frames, which is why it is not run more often.
 */
export const SEARCH_EVERY = 12;

export interface OutlineResult {
  found: boolean;
  /** Corners in the frame's own pixels (the video's size, not the shrunk copy's). */
  corners: Quad;
  /** The finder's confidence (0–1) where it gives one (from the last full search when followed). */
  confidence?: number;
  /** Followed from the last frame rather than searched afresh. */
  followed?: boolean;
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
  return shrinkLuma(planes, luma!.offset, luma!.stride, frame.visibleRect!.width, frame.visibleRect!.height, OUTLINE_SIDE, OUTLINE_TAPS);
}

/**
 * The page across preview frames: found by the full corner finder, then followed from frame to
 * frame (cheap), searched afresh every SEARCH_EVERY frames, when it is lost, or when the frame
 * size changes. One per camera loop (the worker keeps one).
 */
export class OutlineFollower {
  /** The page last found, in the small grey copy's pixels. */
  private page?: { quad: Quad; width: number; height: number; confidence?: number };
  private followedFor = 0;

  /** The outline in `grey` (a small copy of a `frameWidth`×`frameHeight` frame), corners in the frame's pixels. */
  find(grey: GreyImage, frameWidth: number, frameHeight: number): Omit<OutlineResult, 'ms'> {
    const sx = frameWidth / grey.width;
    const sy = frameHeight / grey.height;
    const page = this.page;
    if (page && page.width === grey.width && page.height === grey.height && this.followedFor < SEARCH_EVERY) {
      const quad = trackOutline(grey, page.quad);
      if (quad) {
        this.followedFor++;
        page.quad = quad;
        return { found: true, corners: scaled(quad, sx, sy), confidence: page.confidence, followed: true };
      }
    }
    this.followedFor = 0;
    const result = findPageCornersInSmall(grey, frameWidth, frameHeight);
    // The finder on another branch adds a confidence; read it without depending on its type.
    const given = (result as { confidence?: unknown }).confidence;
    const confidence = typeof given === 'number' ? given : undefined;
    this.page = result.found ? { quad: scaled(result.corners, 1 / sx, 1 / sy), width: grey.width, height: grey.height, confidence } : undefined;
    return { found: result.found, corners: result.corners, confidence };
  }
}

function scaled(quad: Quad, sx: number, sy: number): Quad {
  return quad.map((p) => ({ x: p.x * sx, y: p.y * sy })) as Quad;
}

/** The worker's (and the bench's) camera loop: one at a time, so one follower. */
const follower = new OutlineFollower();

/**
 * The page's outline in a preview frame, closed afterwards: a VideoFrame at the camera's size, or
 * an ImageBitmap already shrunk. Corners come back in a `frameWidth`×`frameHeight` frame.
 */
export async function outlineOf(frame: ImageBitmap | VideoFrame, frameWidth: number, frameHeight: number): Promise<OutlineResult> {
  const started = performance.now();
  try {
    const grey = await greyOf(frame);
    return { ...follower.find(grey, frameWidth, frameHeight), ms: performance.now() - started };
  } finally {
    frame.close();
  }
}

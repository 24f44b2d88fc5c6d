// The live outline of the in-app camera: finds the page in small preview frames while the camera
// runs. A worker of its own rather than a method of the digitize worker: that one runs one job at a
// time and a 12 MP page takes seconds on a tablet, so the outline would freeze exactly while the
// last shot is being processed, which is when the officer lays the next page. This one is small
// (the corner finder only) and each frame costs milliseconds.
import { expose } from 'comlink';
import type { Quad } from '../src/domain/digitize';
import { findPageCornersInSmall } from './digitize/corners';
import { rgbaToGrey } from './digitize/grey';

export interface OutlineResult {
  found: boolean;
  /** Corners in the frame's own pixels (the video's size, not the shrunk copy's). */
  corners: Quad;
  /** The finder's confidence (0–1) where it gives one. */
  confidence?: number;
  /** Time in this worker, pixels out to corners. */
  ms: number;
}

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | null = null;

const api = {
  /** A shrunk preview frame (transferred; closed here) → the page's outline in a `frameWidth`×`frameHeight` frame. */
  outline(frame: ImageBitmap, frameWidth: number, frameHeight: number): OutlineResult {
    const started = performance.now();
    try {
      if (!canvas || canvas.width !== frame.width || canvas.height !== frame.height) {
        canvas = new OffscreenCanvas(frame.width, frame.height);
        context = canvas.getContext('2d', { willReadFrequently: true });
      }
      if (!context) throw new Error('OffscreenCanvas 2D is not available');
      context.drawImage(frame, 0, 0);
      const pixels = context.getImageData(0, 0, frame.width, frame.height);
      const result = findPageCornersInSmall(rgbaToGrey({ width: pixels.width, height: pixels.height, data: pixels.data }), frameWidth, frameHeight);
      // The finder on another branch adds a confidence; read it without depending on its type.
      const confidence = (result as { confidence?: unknown }).confidence;
      return { found: result.found, corners: result.corners, confidence: typeof confidence === 'number' ? confidence : undefined, ms: performance.now() - started };
    } finally {
      frame.close();
    }
  },
};

export type OutlineApi = typeof api;
expose(api);

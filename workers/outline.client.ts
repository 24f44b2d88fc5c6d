// Typed client of the live-outline worker. At most one preview frame is in flight: a frame offered
// while the last one is still being searched is dropped at once, so a slow tablet shows a slower
// outline, never a late one.
import { transfer } from 'comlink';
import { createWorkerClient } from './lib/worker-client';
import type { OutlineApi, OutlineResult } from './outline.worker';

export type { OutlineResult } from './outline.worker';

const client = createWorkerClient<OutlineApi>(() => new Worker(new URL('./outline.worker.ts', import.meta.url), { type: 'module', name: 'outline' }));

let inFlight = false;

/**
 * Finds the page in a preview frame (a VideoFrame, or an ImageBitmap already shrunk); corners come
 * back in a `frameWidth`×`frameHeight` frame (the video's own size). The frame is transferred (or
 * closed when dropped): do not use it afterwards. Undefined means the frame was dropped because another was still in flight.
 */
export async function outlineFrame(frame: ImageBitmap | VideoFrame, frameWidth: number, frameHeight: number): Promise<OutlineResult | undefined> {
  if (inFlight) {
    frame.close();
    return undefined;
  }
  inFlight = true;
  try {
    // After a worker restart the frame went with the dead worker and the transfer fails: for a
    // camera that only means waiting for the next frame.
    return await client.run((api) => api.outline(transfer(frame, [frame]), frameWidth, frameHeight));
  } finally {
    inFlight = false;
  }
}

/** What the shared CameraPanel takes as its `outliner` prop. */
export const outliner = { outline: outlineFrame };

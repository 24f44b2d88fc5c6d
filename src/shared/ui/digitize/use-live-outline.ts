// The live outline loop of the in-app camera: about 15 times a second the current preview frame
// goes to the outline worker, one frame in flight at most; the answer feeds the steadiness rules,
// which say when to shoot by itself. The frame is wrapped as a VideoFrame (no copy, no colour
// conversion on this thread) where the browser can, else shrunk natively into an ImageBitmap.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Quad } from '../../../domain/digitize';
import { initialSteady, markShot, observe, type SteadyView } from './steady-outline';

/**
 * What the camera needs from the outline worker; workers/outline.client's `outliner` has this
 * shape (this floor may not import worker clients, so it is restated, as in digitizer.ts).
 */
export interface Outliner {
  outline(
    frame: ImageBitmap | VideoFrame,
    frameWidth: number,
    frameHeight: number,
  ): Promise<{ found: boolean; corners: Quad; confidence?: number; ms: number } | undefined>;
}

/** Long side of the ImageBitmap where there is no VideoFrame: the outline is only drawn, not used to cut the page. */
export const PREVIEW_SIDE = 240;
/** Least time between the starts of two frames: 15 a second is smooth enough and spares a tablet's battery. */
const FRAME_INTERVAL_MS = 66;

export interface LiveOutline {
  view: SteadyView;
  /** The outline to draw, in the video's own pixels, and that frame's size. */
  outline?: Quad;
  frame?: { width: number; height: number };
  /** Tells the rules a shot was taken with the shutter, so the page is not shot again by itself. */
  noteShot(): void;
}

export function useLiveOutline(
  video: RefObject<HTMLVideoElement | null>,
  live: boolean,
  outliner: Outliner | undefined,
  auto: boolean,
  onAutoShot: () => void,
): LiveOutline {
  const steady = useRef(initialSteady);
  const [shown, setShown] = useState<Pick<LiveOutline, 'view' | 'outline' | 'frame'>>({ view: initialSteady.view });
  const latest = useRef({ auto, onAutoShot });
  useEffect(() => {
    latest.current = { auto, onAutoShot };
  });

  useEffect(() => {
    if (!live || !outliner) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      const started = performance.now();
      const v = video.current;
      if (v && v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && v.videoWidth > 0) {
        const { videoWidth: width, videoHeight: height } = v;
        const scale = Math.min(1, PREVIEW_SIDE / Math.max(width, height));
        try {
          const frame =
            typeof VideoFrame === 'function'
              ? new VideoFrame(v)
              : await createImageBitmap(v, {
                  resizeWidth: Math.max(1, Math.round(width * scale)),
                  resizeHeight: Math.max(1, Math.round(height * scale)),
                  resizeQuality: 'low',
                });
          if (stopped) return frame.close();
          const grabbed = performance.now();
          const result = await outliner.outline(frame, width, height);
          if (stopped) return;
          if (result) {
            const next = observe(steady.current, { at: performance.now(), found: result.found, corners: result.corners, width, height }, latest.current.auto);
            steady.current = next.state;
            setShown({ view: next.state.view, outline: next.state.outline, frame: { width, height } });
            // The bench reads these: time in the worker and the pace of the loop.
            performance.mark('motcua:outline-frame', {
              detail: { ms: result.ms, grabMs: grabbed - started, totalMs: performance.now() - started, found: result.found },
            });
            if (next.shoot) latest.current.onAutoShot();
          }
        } catch {
          // A frame lost (the video between sources, a worker restarted): the next one comes.
        }
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), Math.max(0, FRAME_INTERVAL_MS - (performance.now() - started)));
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      steady.current = initialSteady;
    };
  }, [live, outliner, video]);

  const noteShot = useCallback(() => {
    steady.current = markShot(steady.current, performance.now());
    setShown((s) => ({ ...s, view: steady.current.view }));
  }, []);

  return { ...shown, noteShot };
}

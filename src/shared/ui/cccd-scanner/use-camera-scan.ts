// The live camera scan: opens the rear camera, sends a downscaled frame to the QR decoder about
// every 150 ms (one frame in flight at a time, so a slow tablet never queues work), and releases
// the camera as soon as a card is read, the officer stops, the page is hidden or unmounted.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { cameraErrorKey, fitWithin, type CameraErrorKey } from './camera';
import type { QrDecoder } from './qr-decoder';

/** Time between the starts of two frame decodes. */
const FRAME_INTERVAL_MS = 150;
/** After this long without a card, the officer gets a hint on how to hold it. */
const HINT_AFTER_MS = 8000;

export type CameraState =
  | { phase: 'off' }
  | { phase: 'starting' }
  | { phase: 'scanning'; slow: boolean }
  | { phase: 'failed'; key: CameraErrorKey | 'decoderUnavailable' | 'decoderFailed'; reason: string };

interface Session {
  stream?: MediaStream;
  stopped: boolean;
  timers: number[];
}

export interface CameraScan {
  state: CameraState;
  videoRef: RefObject<HTMLVideoElement | null>;
  start(): Promise<void>;
  stop(): void;
}

/**
 * `onTexts` receives every frame's decoded texts and returns true when they were accepted (a card
 * was read), which ends the scan; false keeps scanning (a wrong code, the card still moving).
 */
export function useCameraScan(decoder: QrDecoder, onTexts: (texts: string[]) => boolean): CameraScan {
  const [state, setState] = useState<CameraState>({ phase: 'off' });
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const session = useRef<Session | null>(null);
  const latest = useRef({ decoder, onTexts });
  useEffect(() => {
    latest.current = { decoder, onTexts };
  });

  const release = useCallback((s: Session) => {
    s.stopped = true;
    s.timers.forEach((t) => window.clearTimeout(t));
    s.stream?.getTracks().forEach((track) => track.stop());
    if (session.current === s) session.current = null;
    const video = videoRef.current;
    if (video && video.srcObject === s.stream) video.srcObject = null;
  }, []);

  const stop = useCallback(() => {
    if (session.current) release(session.current);
    setState({ phase: 'off' });
  }, [release]);

  const fail = useCallback(
    (s: Session, key: Extract<CameraState, { phase: 'failed' }>['key'], reason: string) => {
      release(s);
      setState({ phase: 'failed', key, reason });
    },
    [release],
  );

  const scanLoop = useCallback(
    (s: Session) => {
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true });
      const tick = async () => {
        if (s.stopped) return;
        const startedAt = performance.now();
        const video = videoRef.current;
        if (context && video && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
          const { width, height } = fitWithin(video.videoWidth, video.videoHeight);
          if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
          context.drawImage(video, 0, 0, width, height);
          try {
            const result = await latest.current.decoder.fromImageData(context.getImageData(0, 0, width, height));
            if (s.stopped) return;
            if (result.status === 'found' && latest.current.onTexts(result.texts)) {
              release(s);
              setState({ phase: 'off' });
              return;
            }
            // A lost frame is nothing to report; a decoder that cannot load will not get better.
            if (result.status === 'error' && result.code === 'decoder-unavailable') return fail(s, 'decoderUnavailable', result.detail);
          } catch (error) {
            return fail(s, 'decoderFailed', String(error));
          }
        }
        if (!s.stopped) s.timers.push(window.setTimeout(() => void tick(), Math.max(0, FRAME_INTERVAL_MS - (performance.now() - startedAt))));
      };
      void tick();
      s.timers.push(window.setTimeout(() => setState((st) => (st.phase === 'scanning' ? { ...st, slow: true } : st)), HINT_AFTER_MS));
    },
    [fail, release],
  );

  const start = useCallback(async () => {
    if (session.current) return;
    const s: Session = { stopped: false, timers: [] };
    session.current = s;
    if (!navigator.mediaDevices?.getUserMedia) return fail(s, 'cameraUnsupported', 'navigator.mediaDevices is missing');
    setState({ phase: 'starting' });
    try {
      // The rear camera of a tablet faces the card; laptops simply use their only camera.
      s.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      });
    } catch (error) {
      if (!s.stopped) fail(s, cameraErrorKey(error), String(error));
      return;
    }
    if (s.stopped) {
      release(s); // stopped or unmounted while the permission prompt was open
      return;
    }
    const video = videoRef.current;
    if (!video) return fail(s, 'cameraFailed', 'no video element');
    video.srcObject = s.stream;
    try {
      await video.play();
    } catch (error) {
      if (!s.stopped) fail(s, 'cameraFailed', String(error));
      return;
    }
    if (s.stopped) return;
    setState({ phase: 'scanning', slow: false });
    scanLoop(s);
  }, [fail, release, scanLoop]);

  // Never leave the camera on behind the officer's back: hidden tab, other page, closed form.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden' && session.current) stop();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      if (session.current) release(session.current);
    };
  }, [release, stop]);

  return { state, videoRef, start, stop };
}

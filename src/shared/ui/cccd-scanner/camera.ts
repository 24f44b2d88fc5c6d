// Pure helpers of the camera scan: how big a frame to decode, and what a camera failure means
// for the officer (an i18n key under scanner.*).

/** The largest side of a frame sent to the decoder: 720p keeps a card's QR readable and fast. */
export const MAX_FRAME_SIDE = 1280;

/** Scales (width, height) down to fit `maxSide` on its long side, never up; whole pixels. */
export function fitWithin(width: number, height: number, maxSide = MAX_FRAME_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export type CameraErrorKey = 'cameraDenied' | 'cameraMissing' | 'cameraBusy' | 'cameraUnsupported' | 'cameraFailed';

/** getUserMedia's DOMException names, as documented by the Media Capture spec. */
export function cameraErrorKey(error: unknown): CameraErrorKey {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'cameraDenied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'cameraMissing';
    case 'NotReadableError':
    case 'AbortError':
      return 'cameraBusy';
    case 'TypeError':
      return 'cameraUnsupported';
    default:
      return 'cameraFailed';
  }
}

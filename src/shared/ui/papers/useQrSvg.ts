// React hook over loadQrSvg: the SVG of a QR code for `text`, or null while it is being drawn.
import { useEffect, useState } from 'react';
import { loadQrSvg } from './qr-svg';

export type QrSvgState = { status: 'ready'; svg: string } | { status: 'pending' } | { status: 'failed'; message: string };

/**
 * `preset` (an SVG rendered beforehand, for tests and server rendering) wins and nothing is loaded.
 * The result is keyed by its text, so a stale drawing of an earlier text is never shown.
 */
export function useQrSvg(text: string, preset?: string): QrSvgState {
  const [drawn, setDrawn] = useState<{ text: string; state: QrSvgState } | null>(null);

  useEffect(() => {
    if (preset !== undefined) return;
    let current = true;
    loadQrSvg(text).then(
      (svg) => {
        if (current) setDrawn({ text, state: { status: 'ready', svg } });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (current) setDrawn({ text, state: { status: 'failed', message } });
      },
    );
    return () => {
      current = false;
    };
  }, [text, preset]);

  if (preset !== undefined) return { status: 'ready', svg: preset };
  return drawn?.text === text ? drawn.state : { status: 'pending' };
}

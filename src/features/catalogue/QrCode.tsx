// A QR code drawn as SVG by the `qrcode` package, loaded on first use so it stays out of the
// first-screen chunk (only the printed checklist needs it). Shown as an image with a text name.
import { useEffect, useState } from 'react';

// Error correction M (15 %): survives a crease or a staple hole on a paper kept in a pocket.
const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 1 } as const;

export async function drawQrSvg(text: string): Promise<string> {
  const mod = await import('qrcode');
  // A CommonJS package: the bundle exposes its API on `default`; Node's loader may give named exports only.
  const qr: typeof mod.default = (mod.default as typeof mod.default | undefined) ?? mod;
  return qr.toString(text, QR_OPTIONS);
}

interface QrCodeProps {
  text: string;
  label: string;
  pendingText: string;
  failedText: string;
}

export function QrCode({ text, label, pendingText, failedText }: QrCodeProps) {
  const [drawn, setDrawn] = useState<{ text: string; svg?: string; failed?: boolean }>();
  useEffect(() => {
    let live = true;
    drawQrSvg(text).then(
      (svg) => live && setDrawn({ text, svg }),
      () => live && setDrawn({ text, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [text]);
  const current = drawn?.text === text ? drawn : undefined;
  if (current?.svg) {
    return <img className="catalogue-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(current.svg)}`} alt={label} />;
  }
  return (
    <p className="catalogue-qr catalogue-qr--empty" role="status">
      {current?.failed ? failedText : pendingText}
    </p>
  );
}

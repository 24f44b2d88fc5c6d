// Draws a QR code as SVG text. The `qrcode` package is loaded on first use (dynamic import) so
// it stays out of the first-screen chunk: only the print view needs it.

/** Error correction M (15 %): survives a smudge or a staple hole, and keeps the QR small on A5. */
const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 0 } as const;

export async function loadQrSvg(text: string): Promise<string> {
  const mod = await import('qrcode');
  // A CommonJS package: bundlers and Node expose its API on `default`, some also as named exports.
  // (Typed as always present; the fallback is for runtimes that only give named exports.)
  const qr: typeof mod.default = (mod.default as typeof mod.default | undefined) ?? mod;
  return qr.toString(text, QR_OPTIONS);
}

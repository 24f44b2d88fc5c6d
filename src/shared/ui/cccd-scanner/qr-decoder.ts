// What the scanner needs from a QR decoder. The app passes workers/qr.client's `qrDecoder`; this
// floor may not import worker clients, so the contract is restated here and TypeScript checks
// that the two shapes match where a feature wires them together.

export type QrDecodeResult =
  | { status: 'found'; text: string; texts: string[] }
  | { status: 'none' }
  | { status: 'error'; code: 'image-unreadable' | 'decoder-unavailable' | 'decoder-failed'; detail: string };

export interface QrDecoder {
  /** Decodes a camera frame; the frame's pixel buffer is handed over (transferred), not copied. */
  fromImageData(image: ImageData): Promise<QrDecodeResult>;
  /** Decodes a photo or image file. */
  fromBlob(blob: Blob): Promise<QrDecodeResult>;
}

// Typed client of the QR worker: camera frames and photos go to the worker; zxing-wasm and its
// WebAssembly never load on the main thread, and only when the first picture is decoded.
import { transfer } from 'comlink';
import { createWorkerClient } from './lib/worker-client';
import type { QrDecodeResult } from './lib/qr-read';
import type { QrApi } from './qr.worker';

export type { QrDecodeResult, QrDecodeErrorCode } from './lib/qr-read';

const client = createWorkerClient<QrApi>(() => new Worker(new URL('./qr.worker.ts', import.meta.url), { type: 'module', name: 'qr' }));

/**
 * Decodes the QR code(s) in a frame. The frame's pixel buffer is transferred to the worker, not
 * copied, so `imageData` is unusable afterwards: grab a new frame for the next call.
 */
export function decodeQrFromImageData(imageData: ImageData): Promise<QrDecodeResult> {
  const { data, width, height } = imageData;
  return client.run(async (api): Promise<QrDecodeResult> => {
    // After a worker restart the buffer went with the dead worker; the frame is lost, which for a
    // camera stream only means waiting for the next one.
    if (data.byteLength === 0) return { status: 'error', code: 'decoder-failed', detail: 'frame lost in a worker restart' };
    return api.decodeImageData(transfer({ data, width, height }, [data.buffer]));
  });
}

/** Decodes the QR code(s) in a photo or image file (JPEG, PNG, WebP...); a corrupt file gives an error result. */
export function decodeQrFromBlob(blob: Blob): Promise<QrDecodeResult> {
  return client.run<QrDecodeResult>((api) => api.decodeBlob(blob));
}

/** The pair of functions the shared CccdScanner component takes as its `decoder` prop. */
export const qrDecoder = { fromImageData: decodeQrFromImageData, fromBlob: decodeQrFromBlob };

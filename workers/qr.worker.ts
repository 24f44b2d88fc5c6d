// QR decoding off the main thread with zxing-wasm (reader-only build). The WebAssembly ships with
// the app (bundled by Vite, precached by the service worker), is compiled on the first decode,
// and any failure comes back as a result: a bad picture never takes the worker down.
import { expose } from 'comlink';
import { prepareZXingModule, purgeZXingModule, readBarcodes, type ZXingModuleOverrides } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { decodeError, qrReaderOptions, toDecodeResult, type QrDecodeResult } from './lib/qr-read';

/** Photos larger than this (long side, px) are scaled down: a 12 MP photo only costs memory. */
const MAX_PHOTO_SIDE = 3000;

// By default zxing-wasm fetches its .wasm from a CDN; the app must work with no internet.
// One constant object, so zxing-wasm's equality check reuses the module it already built.
const overrides: ZXingModuleOverrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path),
};

let ready: Promise<unknown> | undefined;

/** Instantiates the decoder once; a failed load (offline, not yet cached) is retried next time. */
function loadDecoder(): Promise<unknown> {
  ready ??= prepareZXingModule({ overrides, fireImmediately: true }).catch((error: unknown) => {
    ready = undefined;
    purgeZXingModule();
    throw error;
  });
  return ready;
}

async function decodePixels(image: { data: Uint8ClampedArray; width: number; height: number }): Promise<QrDecodeResult> {
  try {
    await loadDecoder();
  } catch (error) {
    return decodeError('decoder-unavailable', error);
  }
  try {
    return toDecodeResult(await readBarcodes(image as ImageData, qrReaderOptions));
  } catch (error) {
    // An aborted WebAssembly instance stays broken: drop it so the next call builds a fresh one.
    ready = undefined;
    purgeZXingModule();
    return decodeError('decoder-failed', error);
  }
}

async function pixelsOfBlob(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  try {
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('OffscreenCanvas 2D is not available');
    context.drawImage(bitmap, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}

const api = {
  /** Pixels of a camera frame (RGBA), normally transferred rather than copied. */
  decodeImageData(image: { data: Uint8ClampedArray; width: number; height: number }): Promise<QrDecodeResult> {
    if (image.data.length !== image.width * image.height * 4 || image.width <= 0) {
      return Promise.resolve(decodeError('image-unreadable', new Error(`bad pixel buffer ${image.width}x${image.height}`)));
    }
    return decodePixels(image);
  },

  /** A photo or image file, as chosen by the officer. */
  async decodeBlob(blob: Blob): Promise<QrDecodeResult> {
    let pixels: ImageData;
    try {
      pixels = await pixelsOfBlob(blob);
    } catch (error) {
      return decodeError('image-unreadable', error);
    }
    return decodePixels(pixels);
  },
};

export type QrApi = typeof api;
expose(api);

// zxing-wasm in Node for tests and benchmarks: the same reader build and options as the QR worker,
// with the .wasm read from the installed package instead of fetched (Node has no bundler or CDN).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { qrReaderOptions, toDecodeResult, type QrDecodeResult } from '../../workers/lib/qr-read';

let ready: Promise<unknown> | undefined;

/** Instantiates the decoder once per process; returns how long that took (0 when already done). */
export async function loadZxingInNode(): Promise<number> {
  if (ready) return ready.then(() => 0);
  const started = performance.now();
  const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = readFileSync(file);
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  await ready;
  return performance.now() - started;
}

/** Decodes RGBA pixels, or an encoded image file (PNG/JPEG bytes), exactly as the worker does. */
export async function decodeQrInNode(input: { data: Uint8ClampedArray; width: number; height: number } | Uint8Array): Promise<QrDecodeResult> {
  await loadZxingInNode();
  return toDecodeResult(await readBarcodes(input as ImageData | Uint8Array, qrReaderOptions));
}

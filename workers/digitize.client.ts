// Typed client of the digitization worker. Files go to the worker as Blobs (no copy of the bytes
// on the main thread); if the worker dies (out of memory on a huge photo), the job runs again once
// on a fresh worker.
import type { PageMode, Quad } from '../src/domain/digitize';
import { createWorkerClient } from './lib/worker-client';
import type { AssembleResult, DigitizeResult, InspectResult, PageFile, PdfSource } from './digitize/contract';
import type { DigitizeApi } from './digitize.worker';

export type { AssembleResult, DigitizeResult, DigitizedPage, InspectResult, PageFile, PdfSource } from './digitize/contract';

const client = createWorkerClient<DigitizeApi>(() => new Worker(new URL('./digitize.worker.ts', import.meta.url), { type: 'module', name: 'digitize' }));

export function inspectFile(file: Blob): Promise<InspectResult> {
  return client.run<InspectResult>((api) => api.inspect(file));
}

/** Photo or scan → page. Without corners they are found; the mode 'auto' follows the suggestion; without turns the text says which way is up. */
export function digitizePhoto(file: Blob, request: { corners?: Quad; mode?: PageMode | 'auto'; turns?: 0 | 1 | 2 | 3 } = {}): Promise<DigitizeResult> {
  return client.run<DigitizeResult>((api) => api.digitize(file, request));
}

export function assemblePdf(sources: PdfSource[], title: string, createdAt: string): Promise<AssembleResult> {
  return client.run<AssembleResult>((api) => api.assemblePdf(sources, title, createdAt));
}

export function keepFileAsIs(file: Blob): Promise<{ ok: true; file: PageFile } | InspectResult> {
  return client.run<{ ok: true; file: PageFile } | InspectResult>((api) => api.keepAsIs(file));
}

/** The functions the shared PageCapture component takes as its `digitizer` prop. */
export const digitizer = { inspect: inspectFile, digitize: digitizePhoto, assemblePdf, keepAsIs: keepFileAsIs };

// Typed client of the digest worker: the example every later worker client follows.
import { createWorkerClient } from './lib/worker-client';
import type { DigestApi } from './digest.worker';

// The literal `new Worker(new URL(...))` lets Vite bundle the worker and precache its file.
const client = createWorkerClient<DigestApi>(() => new Worker(new URL('./digest.worker.ts', import.meta.url), { type: 'module', name: 'digest' }));

export function sha256Hex(data: Blob | ArrayBuffer | string): Promise<string> {
  return client.run((api) => api.sha256Hex(data));
}

// SHA-256 of files off the main thread: pages and PDFs are stored and uploaded under their digest.
import { expose } from 'comlink';

async function toBuffer(data: Blob | ArrayBuffer | string): Promise<ArrayBuffer> {
  if (typeof data === 'string') return new TextEncoder().encode(data).buffer as ArrayBuffer;
  if (data instanceof Blob) return data.arrayBuffer();
  return data;
}

const api = {
  async sha256Hex(data: Blob | ArrayBuffer | string): Promise<string> {
    const digest = await crypto.subtle.digest('SHA-256', await toBuffer(data));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  },
};

export type DigestApi = typeof api;
expose(api);

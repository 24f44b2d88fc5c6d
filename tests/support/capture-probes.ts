// What an end-to-end test of capture looks at beyond the screen: the bodies of every request the
// page sends, the device's stored files and rows read straight from IndexedDB, camera-app JPEGs
// made by Chromium, and the image filters inside a PDF. Shared by the capture and supplement tests.
import type { BrowserContext, Page } from 'playwright-core';
import { fileBytesFromPage, photoAsFileInPage, type GeneratedPhoto } from './photo-files';

/** Camera-like JPEGs of generated photos, encoded by Chromium in a page of its own (no service worker in the way). */
export async function cameraJpegs(context: BrowserContext, origin: string, photos: GeneratedPhoto[]): Promise<Buffer[]> {
  const page = await context.newPage();
  await page.goto(`${origin}/robots.txt`);
  const out: Buffer[] = [];
  for (const [i, photo] of photos.entries()) {
    await photoAsFileInPage(page, photo, `photo${i}`, 0.92);
    out.push(await fileBytesFromPage(page, `photo${i}`));
  }
  await page.close();
  return out;
}

/**
 * Runs in the page before the app (context.addInitScript): keeps the body of every request the
 * page sends (XHR, as tus uploads use, and fetch), since the browser does not report Blob bodies.
 */
export function recordRequestBodies() {
  const sent: Promise<Uint8Array>[] = [];
  (window as unknown as { sentBodies: typeof sent }).sentBodies = sent;
  const keep = (body: unknown) => {
    if (typeof body === 'string') sent.push(Promise.resolve(new TextEncoder().encode(body)));
    else if (body instanceof Blob) sent.push(body.arrayBuffer().then((b) => new Uint8Array(b)));
    else if (body instanceof ArrayBuffer) sent.push(Promise.resolve(new Uint8Array(body.slice(0))));
    else if (ArrayBuffer.isView(body)) sent.push(Promise.resolve(new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength))));
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    keep(body);
    return send.call(this, body);
  };
  const fetchOf = window.fetch;
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    if (input instanceof Request)
      sent.push(
        input
          .clone()
          .arrayBuffer()
          .then((b) => new Uint8Array(b)),
      );
    keep(init?.body);
    return fetchOf.call(this, input, init);
  };
}

/** The bodies recorded by recordRequestBodies since the page was last loaded. */
export async function sentBodies(page: Page): Promise<Buffer[]> {
  const all = await page.evaluate(async () => {
    const bytes = await Promise.all((window as unknown as { sentBodies: Promise<Uint8Array>[] }).sentBodies);
    return bytes.map((b) => {
      let binary = '';
      for (let i = 0; i < b.length; i += 0x8000) binary += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(binary);
    });
  });
  return all.map((b) => Buffer.from(b, 'base64'));
}

export interface StoredFile {
  sha256: string;
  type: string;
  size: number;
  bytes: Buffer;
}

export interface StoredAttachment {
  ownerId: string;
  componentIndex: number;
  sha256: string;
  type: string;
  name: string;
}

/** The device's stored files (bytes included), attachment rows and dossier rows, read straight from IndexedDB. */
export async function deviceStore(page: Page): Promise<{ files: StoredFile[]; attachments: StoredAttachment[]; dossiers: Record<string, unknown>[] }> {
  const read = await page.evaluate(
    () =>
      new Promise<{
        files: { sha256: string; type: string; size: number; bytes: string }[];
        attachments: StoredAttachment[];
        dossiers: Record<string, unknown>[];
      }>((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['files', 'attachments', 'dossiers']);
          const files = tx.objectStore('files').getAll();
          const attachments = tx.objectStore('attachments').getAll();
          const dossiers = tx.objectStore('dossiers').getAll();
          tx.oncomplete = async () => {
            open.result.close();
            const rows = files.result as { sha256: string; type: string; size: number; blob: Blob }[];
            const base64 = async (blob: Blob) => {
              const b = new Uint8Array(await blob.arrayBuffer());
              let binary = '';
              for (let i = 0; i < b.length; i += 0x8000) binary += String.fromCharCode(...b.subarray(i, i + 0x8000));
              return btoa(binary);
            };
            resolve({
              files: await Promise.all(rows.map(async (r) => ({ sha256: r.sha256, type: r.type, size: r.size, bytes: await base64(r.blob) }))),
              attachments: attachments.result as StoredAttachment[],
              dossiers: dossiers.result as Record<string, unknown>[],
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  return { ...read, files: read.files.map((f) => ({ ...f, bytes: Buffer.from(f.bytes, 'base64') })) };
}

/** The image filters of a PDF's page images, in order. */
export function imageFilters(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/Subtype \/Image[^]*?\/Filter \/(\w+)/g)].map((m) => m[1]!);
}

// Generated photos of documents as the files a tablet would give: synthesized in Node (known
// corners), then JPEG-encoded by Chromium itself, as a camera app would hand them over.
import type { Page } from 'playwright-core';
import { renderDocument, type DocumentOptions } from './synthetic-document';
import { photograph, plausibleCorners, type PhotoOptions, type Pt } from './synthetic-photo';

export interface PhotoSpec {
  width: number;
  height: number;
  seed: number;
  /** Page options (seal, blank, lines) and photo options (blur, shadow, exposure, noise). */
  document?: Partial<DocumentOptions>;
  photo?: Partial<Omit<PhotoOptions, 'width' | 'height' | 'corners' | 'seed'>>;
  /** Share of the photo's height the page fills. */
  fill?: number;
}

export interface GeneratedPhoto {
  width: number;
  height: number;
  corners: [Pt, Pt, Pt, Pt];
  rgba: Uint8ClampedArray;
}

export function generatePhoto(spec: PhotoSpec): GeneratedPhoto {
  // Render the page finer than the photo will see it, as real paper is.
  const pageHeightInPhoto = spec.height * (spec.fill ?? 0.86);
  const dpi = Math.min(400, Math.max(100, Math.round((pageHeightInPhoto / 11.69) * 1.3)));
  const page = renderDocument({ dpi, seed: spec.seed, ...spec.document });
  const corners = plausibleCorners(spec.width, spec.height, spec.seed, spec.fill);
  const photo = photograph(page, { width: spec.width, height: spec.height, corners, seed: spec.seed + 1000, shadow: 0.35, blur: 1, noise: 3, ...spec.photo });
  return { width: spec.width, height: spec.height, corners, rgba: photo.data };
}

let served = 0;

/**
 * Makes a JPEG of the photo inside the page (OffscreenCanvas.convertToBlob) and leaves it in
 * `window[name]` as a File. The pixels reach the page through a routed request, not a huge
 * evaluate() argument. Returns the JPEG's size in bytes.
 */
export async function photoAsFileInPage(page: Page, photo: GeneratedPhoto, name: string, quality = 0.9): Promise<number> {
  const path = `/__synthetic__/photo-${++served}.rgba`;
  await page.route(`**${path}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(photo.rgba.buffer, photo.rgba.byteOffset, photo.rgba.byteLength) }),
  );
  const size = await page.evaluate(
    async ({ path, width, height, name, quality }) => {
      const bytes = new Uint8ClampedArray(await (await fetch(path)).arrayBuffer());
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')!.putImageData(new ImageData(bytes, width, height), 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      (window as unknown as Record<string, File>)[name] = new File([blob], `${name}.jpg`, { type: 'image/jpeg' });
      return blob.size;
    },
    { path, width: photo.width, height: photo.height, name, quality },
  );
  await page.unroute(`**${path}`);
  return size;
}

/** The bytes of a File left in the page by photoAsFileInPage, for setInputFiles. */
export async function fileBytesFromPage(page: Page, name: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (name) => {
    const file = (window as unknown as Record<string, File>)[name]!;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, name);
  return Buffer.from(base64, 'base64');
}

/** Hands files left in the page (by name) to a file input, as a person choosing them would. */
export async function chooseFilesInPage(page: Page, inputLabel: string, names: string[]): Promise<void> {
  const input = page.getByLabel(inputLabel, { exact: true });
  await input.evaluate((element, names) => {
    const transfer = new DataTransfer();
    for (const name of names) transfer.items.add((window as unknown as Record<string, File>)[name]!);
    const el = element as HTMLInputElement;
    el.files = transfer.files;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, names);
}

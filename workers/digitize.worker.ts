// The digitization worker: photo or scan in, a clean page out (decode natively, find the page,
// flatten, clean, encode as a G4 TIFF, with a small JPEG of the colour parts for a page with a seal
// or a photo), and component PDFs assembled from stored pages.
// The main thread only shows progress. Bad input comes back as a result, never as a crash.
import { expose } from 'comlink';
import { oneAtATime } from './lib/one-at-a-time';
import { PAGE_DPI, PAGE_TYPES, type PageMode, type Quad } from '../src/domain/digitize';
import type { AssembleResult, DigitizeResult, InspectResult, PageFile, PdfSource } from './digitize/contract';
import { encodeG4 } from './digitize/g4-encode';
import { jpegDpi, jpegHeader, jpegLumaSampling } from './digitize/image-header';
import { CORNER_WORK_SIDE } from './digitize/corners';
import type { RgbaImage } from './digitize/image';
import { checkPdf, joinPdfs } from './digitize/pdf-join';
import { writePdf, type PdfPage } from './digitize/pdf-writer';
import { bitmapSource, cutPage } from './digitize/native-warp';
import { keptBytes, keptContext } from './digitize/kept';
import { finishPage, planPage, thumbnail, type PageOutcome } from './digitize/pipeline';
import { SNIFF_BYTES, sniffInput } from './digitize/sniff';
import { readPageTiff, writeG4Tiff, writePageTiff } from './digitize/tiff';

/**
 * JPEG quality of a colour page's colour layer (100 dpi, only the coloured parts, paper white):
 * seals and photos stay clear, and the white costs next to nothing. The text is G4 over it.
 */
const LAYER_QUALITY = 0.8;

async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function pageFile(bytes: Uint8Array<ArrayBuffer>, type: string): Promise<PageFile> {
  return { blob: new Blob([bytes], { type }), type, sha256: await sha256Hex(bytes), size: bytes.length };
}

async function inspect(file: Blob): Promise<InspectResult> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const sniffed = sniffInput(head, file.size);
  if (!sniffed.ok) return sniffed;
  return { ok: true, kind: sniffed.kind, width: sniffed.header?.width, height: sniffed.header?.height };
}

function pixelsOf(bitmap: ImageBitmap): RgbaImage {
  const context = keptContext('small', bitmap.width, bitmap.height);
  // On white, so the transparent parts of a PNG are paper (and the photo before is covered).
  context.fillStyle = '#fff';
  context.fillRect(0, 0, bitmap.width, bitmap.height);
  context.drawImage(bitmap, 0, 0);
  const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width: image.width, height: image.height, data: image.data };
}

/**
 * Decodes natively (orientation from EXIF applied), and lets the browser shrink a copy for the
 * corner search, which is faster than averaging 12 million pixels in script. The full photo stays
 * a bitmap: the page is warped out of it natively, and its pixels are never copied into script.
 */
async function decode(file: Blob, timings: Record<string, number>): Promise<{ bitmap: ImageBitmap; small: RgbaImage }> {
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  lap('decodeBitmap');
  try {
    const scale = Math.min(1, CORNER_WORK_SIDE / Math.max(bitmap.width, bitmap.height));
    const shrunk = await createImageBitmap(bitmap, {
      resizeWidth: Math.max(1, Math.round(bitmap.width * scale)),
      resizeHeight: Math.max(1, Math.round(bitmap.height * scale)),
      resizeQuality: 'medium',
    });
    lap('decodeShrink');
    try {
      const small = pixelsOf(shrunk);
      lap('decodePixels');
      return { bitmap, small };
    } finally {
      shrunk.close();
    }
  } catch (error) {
    bitmap.close();
    throw error;
  }
}

/** A JPEG of the image as the browser encodes it (off this thread). */
function jpegBlob(image: RgbaImage, quality: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('OffscreenCanvas 2D is not available');
  const data = image.data instanceof Uint8ClampedArray ? image.data : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  context.putImageData(new ImageData(data as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/**
 * The stored page: a G4 TIFF of the text, and for a colour page a JPEG of each coloured area as
 * further images (encoded by the browser while the G4 is coded here).
 */
async function storedPage(outcome: PageOutcome): Promise<PageFile> {
  const text = (data: Uint8Array) => ({ width: outcome.width, height: outcome.height, dpi: outcome.dpi, data });
  const layers = outcome.mode === 'colour' ? outcome.layers : undefined;
  if (!layers || layers.colour.length === 0) return pageFile(writeG4Tiff(text(encodeG4(outcome.bilevel))) as Uint8Array<ArrayBuffer>, PAGE_TYPES.text);
  const jpegs = Promise.all(layers.colour.map(async (patch) => new Uint8Array(await (await jpegBlob(patch.image, LAYER_QUALITY)).arrayBuffer())));
  jpegs.catch(() => undefined); // awaited below, after the G4 coding
  const g4 = encodeG4(layers.text);
  const areas = (await jpegs).map((data, i) => {
    const { x, y, image } = layers.colour[i]!;
    return { x, y, width: image.width, height: image.height, dpi: outcome.dpi / layers.factor, components: 3 as const, sampling: jpegLumaSampling(data), data };
  });
  return pageFile(writePageTiff(text(g4), areas) as Uint8Array<ArrayBuffer>, PAGE_TYPES.colour);
}

export interface DigitizeRequest {
  corners?: Quad;
  mode?: PageMode | 'auto';
  /** Quarter turns clockwise from the photo, as the officer turned the page. */
  turns?: 0 | 1 | 2 | 3;
}

async function digitize(file: Blob, request: DigitizeRequest = {}): Promise<DigitizeResult> {
  const started = performance.now();
  const checked = await inspect(file);
  if (!checked.ok) return checked;
  const inspectMs = performance.now() - started;
  if (checked.kind === 'pdf') return { ok: false, problem: 'unsupportedType', detail: 'PDF' };
  let decoded: { bitmap: ImageBitmap; small: RgbaImage };
  const decodeStart = performance.now();
  const decodeTimings: Record<string, number> = {};
  try {
    decoded = await decode(file, decodeTimings);
  } catch (error) {
    return { ok: false, problem: 'corrupt', detail: String(error) };
  }
  const decodeMs = performance.now() - decodeStart;
  const { bitmap, small } = decoded;
  const photo = { width: bitmap.width, height: bitmap.height };
  let outcome: PageOutcome;
  try {
    const pageRequest = { corners: request.corners, mode: request.mode ?? 'auto', turns: request.turns, dpi: PAGE_DPI, small };
    // Working memory kept from photo to photo (see kept.ts): the pixels handed out are lent until the next page.
    const scratch = { bytes: keptBytes };
    const plan = planPage(bitmapSource(bitmap), pageRequest, scratch);
    // In colour even for a text page: its grey is worked out while it is evened out.
    const page = await cutPage(bitmap, plan.toPhoto, plan.width, plan.height);
    outcome = finishPage(plan, { page }, pageRequest, scratch);
  } finally {
    // Frees the decoded photo (48 MB at 12 MP) now rather than at the next collection.
    bitmap.close();
  }
  const encodeStart = performance.now();
  // The browser encodes JPEG off this thread: the thumbnail's encode is started first, and runs
  // while the page itself is coded here (G4) or there (a colour page's JPEG).
  // The thumbnail is kept as the browser's Blob: its bytes are never needed here.
  const thumbJpeg = jpegBlob(thumbnail(outcome), 0.7);
  thumbJpeg.catch(() => undefined); // awaited below; a failure there must not count as unhandled first
  const stored = await storedPage(outcome);
  const thumb = await thumbJpeg;
  const encodeMs = performance.now() - encodeStart;
  return {
    ok: true,
    file: stored,
    thumbnail: thumb,
    width: outcome.width,
    height: outcome.height,
    dpi: outcome.dpi,
    mode: outcome.mode,
    suggestedMode: outcome.suggestedMode,
    corners: outcome.corners,
    pageFound: outcome.pageFound,
    confidence: outcome.confidence,
    turns: outcome.turns,
    orientationConfidence: outcome.orientationConfidence,
    photoWidth: photo.width,
    photoHeight: photo.height,
    issues: outcome.issues,
    metrics: outcome.metrics,
    timings: { ...decodeTimings, ...outcome.timings, inspect: inspectMs, decode: decodeMs, encode: encodeMs, total: performance.now() - started },
  };
}

/** One PDF page from a stored page file: G4 data and JPEG data go in unchanged. */
async function pdfPage(source: PdfSource): Promise<PdfPage> {
  const bytes = new Uint8Array(await source.blob.arrayBuffer());
  if (source.type === PAGE_TYPES.text || source.type === PAGE_TYPES.colour) {
    const { text, colour } = readPageTiff(bytes);
    if (colour.length === 0) return { kind: 'g4', ...text };
    const layers = colour.map((area) => {
      const header = jpegHeader(area.data);
      if (!header || header.components !== area.components) throw new Error('Lớp màu của trang không đọc được');
      // Its pixels and place, scaled to the page's resolution.
      const scale = text.dpi / area.dpi;
      const place = { x: area.x * scale, y: area.y * scale, width: area.width * scale, height: area.height * scale };
      return { width: header.width, height: header.height, components: area.components, data: area.data, place };
    });
    return { kind: 'layered', ...text, colour: layers };
  }
  // A colour page stored before colour layers: the whole page as one JPEG.
  if (source.type === 'image/jpeg') {
    const header = jpegHeader(bytes);
    if (!header || (header.components !== 1 && header.components !== 3)) throw new Error('JPEG không đọc được');
    return { kind: 'jpeg', width: header.width, height: header.height, dpi: jpegDpi(bytes) ?? PAGE_DPI, components: header.components, data: bytes };
  }
  throw new Error(`Không ghép được tệp loại ${source.type} vào PDF`);
}

/**
 * The component's one PDF, its pages in the officer's order. Scanned pages alone are written by
 * our own writer; chosen PDFs among them are joined in, their pages copied as they are.
 */
async function assemblePdf(sources: PdfSource[], title: string, createdAt: string): Promise<AssembleResult> {
  if (sources.length === 0) return { ok: false, problem: 'empty' };
  try {
    const info = { title, createdAt: new Date(createdAt) };
    const parts: Uint8Array[] = [];
    let run: PdfSource[] = [];
    let written = 0;
    const endRun = async () => {
      if (run.length === 0) return;
      const pages = await Promise.all(run.map(pdfPage));
      parts.push(writePdf(pages, info));
      written += pages.length;
      run = [];
    };
    for (const source of sources) {
      if (source.type !== 'application/pdf') {
        run.push(source);
        continue;
      }
      await endRun();
      parts.push(new Uint8Array(await source.blob.arrayBuffer()));
    }
    await endRun();
    if (parts.length === 1 && written > 0) {
      return { ok: true, file: await pageFile(parts[0] as Uint8Array<ArrayBuffer>, 'application/pdf'), pages: written };
    }
    const joined = await joinPdfs(parts, info);
    return { ok: true, file: await pageFile(joined.bytes as Uint8Array<ArrayBuffer>, 'application/pdf'), pages: joined.pages };
  } catch (error) {
    return { ok: false, problem: 'corrupt', detail: String(error) };
  }
}

/** SHA-256 of a file kept as it is (an imported PDF), after its content was checked. */
async function keepAsIs(file: Blob): Promise<{ ok: true; file: PageFile } | InspectResult> {
  const checked = await inspect(file);
  if (!checked.ok) return checked;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (checked.kind === 'pdf') {
    // The header alone says little: a PDF is kept only if a reader can open it, page by page.
    const opened = await checkPdf(bytes);
    if (!opened.ok) return opened;
  }
  return { ok: true, file: await pageFile(bytes, checked.kind === 'pdf' ? 'application/pdf' : file.type) };
}

// One job at a time: a PDF assembly asked for while a page is processed waits for the page.
const api = oneAtATime({ inspect, digitize, assemblePdf, keepAsIs });

export type DigitizeApi = typeof api;
expose(api);

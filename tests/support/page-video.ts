// A fake camera filming a document page held steady over a desk, for the in-app camera's live
// outline: a generated photo (known corners) as a few Y4M frames, each shaken by a pixel or two
// as a hand holding a tablet would, which Chromium loops as its webcam.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { generatePhoto, type GeneratedPhoto, type PhotoSpec } from './photo-files';
import { encodeY4m } from './qr-video';
import type { GreyImage } from './qr-card-image';

/** 2100×2800 with the page filling 90 % of the height: above 200 dpi, so a frame makes a clean page. */
export const pageVideoSpec: PhotoSpec = { width: 2100, height: 2800, seed: 31, fill: 0.9 };

/** Luma of the photo moved by (dx, dy) whole pixels, the uncovered edge repeating the border. */
function shakenLuma(photo: GeneratedPhoto, dx: number, dy: number): GreyImage {
  const { width, height, rgba } = photo;
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(height - 1, Math.max(0, y - dy));
    for (let x = 0; x < width; x++) {
      const p = (sy * width + Math.min(width - 1, Math.max(0, x - dx))) * 4;
      data[y * width + x] = (77 * rgba[p]! + 150 * rgba[p + 1]! + 29 * rgba[p + 2]! + 128) >> 8;
    }
  }
  return { width, height, data };
}

/** Shakes of a steady hand, in pixels: under 0.1 % of the diagonal. */
const SHAKES: [number, number][] = [
  [0, 0],
  [2, 1],
  [1, -1],
  [-1, 2],
];

/**
 * A Chromium whose camera films the page at `fps` (permission prompts answered yes); the video is
 * removed when the browser closes. Returns the photo too: its corners are where the page is.
 */
export async function launchBrowserFilmingPage(
  options: { spec?: PhotoSpec; fps?: number; extraArgs?: string[] } = {},
): Promise<{ browser: Browser; photo: GeneratedPhoto }> {
  const photo = generatePhoto(options.spec ?? pageVideoSpec);
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-page-camera-'));
  const file = path.join(dir, 'page.y4m');
  writeFileSync(
    file,
    encodeY4m(
      SHAKES.map(([dx, dy]) => shakenLuma(photo, dx, dy)),
      options.fps ?? 10,
    ),
  );
  const browser = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
    ...(options.extraArgs ?? []),
  ]);
  browser.on('disconnected', () => rmSync(dir, { recursive: true, force: true }));
  return { browser, photo };
}

// The worker's native perspective warp (the browser's own bilinear drawing, one affine map per
// tile) in real Chromium, held against the script warp it replaced: the same page, pixel for pixel
// within a grey level or two, on a tilted, keystoned photo, and again on the next page drawn on the
// same kept canvas (one running out of the photo, where nothing of the page before may show).
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { renderDocument } from '../support/synthetic-document';
import { photograph, type Pt } from '../support/synthetic-photo';
import type { Quad } from '../../src/domain/digitize';

/** The two warps bundled for the page, from the sources the worker uses. */
async function bundle(): Promise<string> {
  const entry = fileURLToPath(new URL('../support/warp-compare.ts', import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'warpCompare', fileName: 'warp-compare' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs[0]!.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle');
  return chunk.code;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('native warp', () => {
  const [width, height] = [1500, 2000];
  const photoOf = (seed: number, corners: Quad) =>
    photograph(renderDocument({ dpi: 150, seed, seal: true }), {
      width,
      height,
      corners: [...corners] as [Pt, Pt, Pt, Pt],
      seed: seed + 1,
      shadow: 0.3,
      blur: 1,
      noise: 3,
    });
  // The page's corners within the photo, and a second page whose left edge runs out of it.
  const inside: Quad = [
    { x: 260, y: 180 },
    { x: 1290, y: 250 },
    { x: 1400, y: 1860 },
    { x: 120, y: 1790 },
  ];
  const cut: Quad = [
    { x: -90, y: 120 },
    { x: 1350, y: 60 },
    { x: 1420, y: 1900 },
    { x: -40, y: 1940 },
  ];

  it('gives the page the script warp gives, page after page on the kept canvas', async () => {
    const photos = [photoOf(21, inside), photoOf(31, cut)];
    const page = await browser.newPage();
    try {
      const origin = 'http://localhost:9';
      await page.route(`${origin}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>warp</title>' }));
      for (const [i, photo] of photos.entries()) {
        await page.route(`${origin}/photo-${i}.rgba`, (route) =>
          route.fulfill({
            status: 200,
            contentType: 'application/octet-stream',
            body: Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength),
          }),
        );
      }
      await page.goto(`${origin}/`);
      await page.evaluate(await bundle()); // over CDP: the CSP refuses inline scripts
      const results = await page.evaluate(
        async ({ width, height, quads }) => {
          const compare = (window as unknown as { warpCompare: { compareWarps: (...args: unknown[]) => Promise<unknown> } }).warpCompare;
          const out = [];
          for (const [i, corners] of quads.entries()) {
            const pixels = new Uint8ClampedArray(await (await fetch(`/photo-${i}.rgba`)).arrayBuffer());
            out.push(await compare.compareWarps(pixels, width, height, corners, 827, 1169));
          }
          return out;
        },
        { width, height, quads: [inside, cut] },
      );
      // The second page was read into the first one's buffer (a VideoFrame copy, not getImageData).
      expect(results.map((result) => (result as { samePixelBuffer: boolean }).samePixelBuffer)).toEqual([false, true]);
      for (const result of results) {
        const { meanDifference, over8, tiles, opaque } = result as { meanDifference: number; over8: number; tiles: number; opaque: boolean };
        expect(tiles).toBeGreaterThan(1);
        expect(opaque).toBe(true);
        expect(meanDifference).toBeLessThan(1);
        expect(over8).toBeLessThan(0.001);
      }
    } finally {
      await page.close();
    }
  });
});

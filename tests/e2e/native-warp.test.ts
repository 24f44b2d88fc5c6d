// The worker's native perspective warp (the browser's own bilinear drawing, one affine map per
// tile) in real Chromium, held against the script warp it replaced: the same page, pixel for pixel
// within a grey level or two, on a tilted, keystoned photo.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { renderDocument } from '../support/synthetic-document';
import { photograph } from '../support/synthetic-photo';

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
  it('gives the page the script warp gives', async () => {
    const [width, height] = [1500, 2000];
    const corners = [
      { x: 260, y: 180 },
      { x: 1290, y: 250 },
      { x: 1400, y: 1860 },
      { x: 120, y: 1790 },
    ] as const;
    const photo = photograph(renderDocument({ dpi: 150, seed: 21, seal: true }), { width, height, corners: [...corners], seed: 22, shadow: 0.3, blur: 1, noise: 3 });
    const page = await browser.newPage();
    try {
      const origin = 'http://localhost:9';
      await page.route(`${origin}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>warp</title>' }));
      await page.route(`${origin}/photo.rgba`, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength) }));
      await page.goto(`${origin}/`);
      await page.evaluate(await bundle()); // over CDP: the CSP refuses inline scripts
      const result = await page.evaluate(
        async ({ width, height, corners }) => {
          const pixels = new Uint8ClampedArray(await (await fetch('/photo.rgba')).arrayBuffer());
          const compare = (window as unknown as { warpCompare: { compareWarps: (...args: unknown[]) => Promise<unknown> } }).warpCompare;
          return compare.compareWarps(pixels, width, height, corners, 827, 1169);
        },
        { width, height, corners },
      );
      const { meanDifference, over8, tiles } = result as { meanDifference: number; over8: number; tiles: number };
      expect(tiles).toBeGreaterThan(1);
      expect(meanDifference).toBeLessThan(1);
      expect(over8).toBeLessThan(0.001);
    } finally {
      await page.close();
    }
  });
});

// The colour decision on generated photos, as the worker makes it (the small copy of the photo,
// about 640 px): text pages in black or blue pen under warm, cool and tungsten light are text;
// pages with a seal (full, worn, small and faint) or a colour photo are colour. A page wrongly
// judged colour costs bytes; a seal missed loses the seal, so both are counted page by page.
import { describe, expect, it } from 'vitest';
import { renderDocument, type DocumentOptions } from '../../tests/support/synthetic-document';
import { photograph, plausibleCorners } from '../../tests/support/synthetic-photo';
import { needsColour } from './colour';
import type { RgbaImage } from './image';
import { colourCheck } from './pipeline';
import { pixelSource } from './photo-source';

/** Half size by 2 × 2 averages: the small copy the browser makes for the worker. */
function half(img: RgbaImage): RgbaImage {
  const w = img.width >> 1;
  const h = img.height >> 1;
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        const p = (2 * y * img.width + 2 * x) * 4 + c;
        out[(y * w + x) * 4 + c] = (img.data[p]! + img.data[p + 4]! + img.data[p + img.width * 4]! + img.data[p + img.width * 4 + 4]!) / 4;
      }
    }
  }
  return { width: w, height: h, data: out };
}

const lights: [string, [number, number, number]][] = [
  ['a warm room', [1, 0.97, 0.9]],
  ['tungsten', [1, 0.85, 0.65]],
  ['daylight, cool', [0.9, 0.97, 1]],
  ['a yellow lamp', [1, 0.92, 0.8]],
];

const pages: [string, Partial<DocumentOptions>, boolean][] = [
  ['text with a blue signature', {}, false],
  ['text with a black signature', { signature: 'black' }, false],
  ['a red seal', { seal: true }, true],
  ['a small, faint seal', { seal: true, sealMm: 30, sealInk: 0.5 }, true],
  ['a worn seal', { seal: true, sealMm: 34, sealInk: 0.7 }, true],
  ['a colour photo, black ink', { photo: true, signature: 'black' }, true],
];

describe('the colour decision', { timeout: 60_000 }, () => {
  const cases = pages.flatMap(([name, document, colour]) => lights.map(([light, cast], k) => [name, light, document, cast, colour, k] as const));
  it.each(cases)('%s under %s', (_name, _light, document, cast, colour, k) => {
    const seed = 11 + k;
    const page = renderDocument({ dpi: 60, seed, ...document });
    const corners = plausibleCorners(960, 1280, seed, 0.86);
    const photo = photograph(page, { width: 960, height: 1280, corners, seed, shadow: 0.2 + 0.1 * k, blur: 1, noise: 3, cast });
    const ink = colourCheck(pixelSource(photo), corners, 1654, 2339, half(photo));
    expect(needsColour(ink), JSON.stringify(ink)).toBe(colour);
  });
});

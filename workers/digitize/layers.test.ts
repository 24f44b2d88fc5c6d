// The colour page's layers on generated photos, through the whole pipeline: the seal, a blue
// signature and a photo go to small colour areas and leave the 1-bit text; black print stays text,
// also where it crosses a seal; a page without colour gets no area at all.
import { describe, expect, it } from 'vitest';
import { renderDocument, type DocumentOptions } from '../../tests/support/synthetic-document';
import { photograph, plausibleCorners } from '../../tests/support/synthetic-photo';
import { encodeG4 } from './g4-encode';
import { processPhoto, type PageOutcome } from './pipeline';

function colourPage(document: Partial<DocumentOptions>, seed: number): PageOutcome {
  const page = renderDocument({ dpi: 200, seed, ...document });
  const corners = plausibleCorners(1700, 2300, seed, 0.9);
  const photo = photograph(page, { width: 1700, height: 2300, corners, seed: seed + 1, shadow: 0.3, blur: 1, noise: 3 });
  return processPhoto(photo, { corners, mode: 'colour' });
}

/** Ink pixels of a 1-bit page inside a rectangle of page pixels. */
function inkIn(data: Uint8Array, width: number, box: { x: number; y: number; w: number; h: number }): number {
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y++) for (let x = box.x; x < box.x + box.w; x++) n += data[y * width + x]!;
  return n;
}

// Each case makes and processes a photo of a page: seconds, more on a busy machine.
describe('splitColourLayers', { timeout: 90_000 }, () => {
  it('puts a red seal and a blue signature in one small area, and keeps them out of the text', () => {
    const out = colourPage({ seal: true }, 31);
    const layers = out.layers!;
    expect(layers.factor).toBe(2);
    expect(layers.colour).toHaveLength(1);
    const [area] = layers.colour;
    const { width, height, data } = area!.image;
    // A 38 mm seal with the signature beside it: about 8 × 5 cm at 100 dpi, under 8 % of the page.
    expect(width * height).toBeLessThan(0.08 * (1654 / 2) * (2339 / 2));
    let red = 0;
    let white = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p]! > 120 && data[p]! - data[p + 1]! > 60) red++;
      if (data[p]! === 255 && data[p + 1]! === 255 && data[p + 2]! === 255) white++;
    }
    expect(red).toBeGreaterThan(500);
    // Paper is made pure white, so the JPEG spends nothing on it.
    expect(white / (width * height)).toBeGreaterThan(0.5);

    // In the area, no ink left in the text where the page is coloured; outside it, the text unchanged.
    const page = out.colour!.data;
    let colouredInk = 0;
    let changedOutside = 0;
    const ax = area!.x * 2;
    const ay = area!.y * 2;
    for (let y = 0; y < out.height; y++) {
      for (let x = 0; x < out.width; x++) {
        const i = y * out.width + x;
        const p = i * 4;
        const inArea = x >= ax && x < ax + width * 2 && y >= ay && y < ay + height * 2;
        if (!inArea && layers.text.data[i] !== out.bilevel.data[i]) changedOutside++;
        if (inArea && layers.text.data[i] && Math.max(page[p]!, page[p + 1]!, page[p + 2]!) - Math.min(page[p]!, page[p + 1]!, page[p + 2]!) >= 40)
          colouredInk++;
      }
    }
    expect(changedOutside).toBe(0);
    expect(colouredInk).toBe(0);
    // The seal took ink from the 1-bit page, but the black name and title near it stay text.
    const box = { x: ax, y: ay, w: width * 2, h: height * 2 };
    expect(inkIn(layers.text.data, out.width, box)).toBeLessThan(inkIn(out.bilevel.data, out.width, box) * 0.8);
    expect(inkIn(layers.text.data, out.width, box)).toBeGreaterThan(1500);
    expect(encodeG4(layers.text).length).toBeLessThan(70 * 1024);
  });

  it('keeps a photo whole in colour, with no text drawn over it', () => {
    const out = colourPage({ photo: true, signature: 'black' }, 33);
    const layers = out.layers!;
    // The portrait is pasted 30 mm from the left, 62 mm from the top, 30 × 40 mm.
    const mm = 200 / 25.4;
    const portrait = { x: Math.round(30 * mm), y: Math.round(62 * mm), w: Math.round(30 * mm), h: Math.round(40 * mm) };
    const covering = layers.colour.filter(
      (a) =>
        a.x * 2 <= portrait.x + 8 &&
        a.y * 2 <= portrait.y + 8 &&
        (a.x + a.image.width) * 2 >= portrait.x + portrait.w - 8 &&
        (a.y + a.image.height) * 2 >= portrait.y + portrait.h - 8,
    );
    expect(covering).toHaveLength(1);
    const inner = { x: portrait.x + 24, y: portrait.y + 24, w: portrait.w - 48, h: portrait.h - 48 };
    expect(inkIn(out.bilevel.data, out.width, inner)).toBeGreaterThan(1000); // the 1-bit page had hair and jacket as ink
    expect(inkIn(layers.text.data, out.width, inner)).toBe(0);
  });

  it('gives a page in black ink only no colour area: it is stored as a text page', () => {
    const out = colourPage({ signature: 'black' }, 35);
    expect(out.layers!.colour).toEqual([]);
    // Compared as buffers: an element-by-element deep equal of 3.9 million pixels takes minutes.
    expect(Buffer.compare(out.layers!.text.data, out.bilevel.data)).toBe(0);
  });

  it('keeps only the blue signature of a text page asked in colour: a wrong colour costs little', () => {
    const out = colourPage({}, 37);
    const area = out.layers!.colour.reduce((n, a) => n + a.image.width * a.image.height, 0);
    expect(out.layers!.colour.length).toBeGreaterThan(0);
    expect(area).toBeLessThan(0.015 * (1654 / 2) * (2339 / 2));
  });
});

// Illumination flattening and Sauvola binarization on small synthetic pages: uneven light goes,
// ink stays, and the 1-bit page matches the ink that was drawn.
import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../tests/support/seeded-random';
import type { BilevelImage } from './g4-encode';
import { rgbaToGrey, rgbaWords } from './grey';
import { flattenColourPage, flattenGrey, flattenRgbaInPlace, flattenRgbaToGrey, paperLevels, paperLevelsOfRgba, whiteBalanceInPlace } from './illumination';
import { greyImage, rgbaImage, type GreyImage, type RgbaImage } from './image';
import { despeckle, sauvola } from './sauvola';

/** A 400×300 page: ink strokes (the truth) on paper lit from bright (left) to dim (right), with noise. */
function litPage(seed: number): { grey: GreyImage; ink: Uint8Array } {
  const [w, h] = [400, 300];
  const rnd = random(seed);
  const ink = new Uint8Array(w * h);
  for (let line = 20; line < h - 20; line += 22) {
    for (let x = 20; x < w - 30; x += 7 + Math.floor(rnd() * 6)) {
      const top = line + Math.floor(rnd() * 3);
      for (let y = top; y < top + 9; y++) for (let i = x; i < x + 3; i++) ink[y * w + i] = 1;
    }
  }
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const light = 1 - 0.55 * (x / w); // 245 → 110 across the page
      const v = (ink[y * w + x] ? 40 : 245) * light + (rnd() - 0.5) * 8;
      data[y * w + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  return { grey: greyImage(w, h, data), ink };
}

function agreement(a: BilevelImage, truth: Uint8Array): number {
  let same = 0;
  for (let i = 0; i < truth.length; i++) if (a.data[i] === truth[i]) same++;
  return same / truth.length;
}

describe('flattening', () => {
  it('makes the paper evenly white under a strong light gradient and keeps ink dark', () => {
    const { grey, ink } = litPage(1);
    const flat = flattenGrey(grey, paperLevels(grey));
    const paper = (x0: number) => {
      let s = 0;
      let n = 0;
      for (let y = 5; y < 15; y++) {
        for (let x = x0; x < x0 + 10; x++) {
          if (ink[y * 400 + x]) continue;
          s += flat.data[y * 400 + x]!;
          n++;
        }
      }
      return s / n;
    };
    expect(paper(10)).toBeGreaterThan(240);
    expect(paper(380)).toBeGreaterThan(240);
    // Ink on the dim side is still far darker than paper.
    const inkValues: number[] = [];
    for (let i = 0; i < ink.length; i++) if (ink[i] && i % 400 > 300) inkValues.push(flat.data[i]!);
    expect(inkValues.reduce((a, b) => a + b, 0) / inkValues.length).toBeLessThan(110);
  });

  it('applies the same correction to colour, keeping a red seal red', () => {
    const rgba = rgbaImage(64, 64);
    for (let i = 0; i < 64 * 64; i++) rgba.data.set(i % 64 < 32 ? [200, 60, 60, 255] : [150, 150, 140, 255], i * 4);
    const grey = greyImage(64, 64, new Uint8Array(64 * 64).fill(150));
    flattenRgbaInPlace(rgba, paperLevels(grey));
    // The paper (150, 150, 140 under a level of 150) comes out white, its slight tint kept.
    const paper = Array.from(rgba.data.subarray(63 * 4, 63 * 4 + 3));
    expect(paper.map((v, i) => Math.abs(v - [255, 255, 238][i]!))).toEqual([
      expect.toBeOneOf([0, 1, 2]),
      expect.toBeOneOf([0, 1, 2]),
      expect.toBeOneOf([0, 1, 2]),
    ]);
    const [r, g, b] = Array.from(rgba.data.subarray(0, 3)) as [number, number, number];
    expect(r).toBeGreaterThan(250);
    expect(r - g).toBeGreaterThan(120);
    expect(b).toBe(g);
  });

  it('clamps brightened colours on a plain byte buffer (the kept page of the worker), never wraps them', () => {
    const rgba = rgbaImage(64, 64, new Uint8Array(64 * 64 * 4));
    for (let i = 0; i < 64 * 64; i++) rgba.data.set(i % 64 < 32 ? [200, 60, 60, 255] : [150, 150, 140, 255], i * 4);
    flattenRgbaInPlace(rgba, paperLevels(greyImage(64, 64, new Uint8Array(64 * 64).fill(150))));
    // 200 brightened by 255/150 is past 255: white-hot red, not the 84 a wrapped byte would give.
    expect(Array.from(rgba.data.subarray(0, 3))).toEqual([255, expect.toBeOneOf([101, 102, 103]), expect.toBeOneOf([101, 102, 103])]);
    expect(Array.from(rgba.data.subarray(63 * 4, 63 * 4 + 3)).every((v) => v >= 236)).toBe(true);
  });
});

/** A colour page with a warm cast, shade across it, red and blue marks and dark ink; `width` odd so rows do not start on a sample. */
function colourPage(seed: number, width: number, height: number, paper: number): RgbaImage {
  const rnd = random(seed);
  const page = rgbaImage(width, height, new Uint8Array(width * height * 4));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const light = 1 - 0.6 * (x / width) * (y / height);
      const mark = rnd();
      const rgb = mark < 0.05 ? [40, 40, 50] : mark < 0.08 ? [210, 50, 60] : mark < 0.1 ? [60, 70, 200] : [paper, paper - 8, paper - 30];
      const v = rgb.map((c) => Math.max(0, Math.min(255, Math.round(c * light + (rnd() - 0.5) * 10))));
      page.data.set([v[0]!, v[1]!, v[2]!, 255], (y * width + x) * 4);
    }
  return page;
}

describe('flattening straight from the colour page', () => {
  it.each([
    ['a lit page', 1, 301, 237, 250],
    ['a dim page (gains past 255, clamped)', 2, 257, 190, 120],
    ['a dark page (gains at their cap)', 3, 97, 64, 60],
  ])('gives the same bytes as grey first, then flattening and white balance, on %s', (_, seed, width, height, paper) => {
    const page = colourPage(seed, width, height, paper);
    const grey = rgbaToGrey(page);
    const levels = paperLevels(grey);
    const words = rgbaWords(page)!;
    expect(paperLevelsOfRgba(width, height, words)).toEqual(levels);
    const flat = flattenGrey(grey, levels);
    expect(flattenRgbaToGrey(width, height, words, levels)).toEqual(flat);
    const stepwise = rgbaImage(width, height, new Uint8Array(page.data));
    flattenRgbaInPlace(stepwise, levels);
    whiteBalanceInPlace(stepwise);
    expect(flattenColourPage(width, height, words, levels)).toEqual(flat);
    expect(page.data).toEqual(stepwise.data);
  });
});

describe('whiteBalanceInPlace', () => {
  it('turns warm-tinted paper neutral white and keeps a seal red', () => {
    const rgba = rgbaImage(100, 100);
    for (let i = 0; i < 100 * 100; i++) rgba.data.set(i < 500 ? [200, 40, 50, 255] : [255, 246, 222, 255], i * 4);
    whiteBalanceInPlace(rgba);
    const paper = Array.from(rgba.data.subarray(9999 * 4, 9999 * 4 + 3));
    expect(paper.every((v) => v >= 253)).toBe(true);
    const [r, g, b] = Array.from(rgba.data.subarray(0, 3)) as [number, number, number];
    expect(r).toBeGreaterThan(195);
    expect(r - Math.max(g, b)).toBeGreaterThan(130);
  });

  it('leaves a page without paper pixels alone', () => {
    const rgba = rgbaImage(50, 50);
    rgba.data.fill(90);
    whiteBalanceInPlace(rgba);
    expect(rgba.data.every((v) => v === 90)).toBe(true);
  });
});

describe('sauvola', () => {
  it('recovers drawn ink under uneven light (99 % of pixels right)', () => {
    const { grey, ink } = litPage(2);
    const flat = flattenGrey(grey, paperLevels(grey));
    expect(agreement(sauvola(flat), ink)).toBeGreaterThan(0.99);
  });

  it('is better than one global threshold on the unflattened page', () => {
    const { grey, ink } = litPage(3);
    const global: BilevelImage = { width: 400, height: 300, data: grey.data.map((v) => (v < 128 ? 1 : 0)) };
    expect(agreement(sauvola(grey), ink)).toBeGreaterThan(agreement(global, ink));
  });

  it('gives the same bits as the threshold worked out window by window', () => {
    // The fast version only brings its sums up to date at dark pixels; this one sums every window.
    const { grey } = litPage(4);
    const { width, height, data } = grey;
    const r = 6;
    const expected = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let sq = 0;
        let n = 0;
        for (let j = Math.max(0, y - r); j <= Math.min(height - 1, y + r); j++) {
          for (let i = Math.max(0, x - r); i <= Math.min(width - 1, x + r); i++) {
            const v = data[j * width + i]!;
            sum += v;
            sq += v * v;
            n++;
          }
        }
        const mean = sum / n;
        const threshold = mean * (1 + 0.2 * (Math.sqrt(Math.max(0, sq / n - mean * mean)) / 128 - 1));
        const v = data[y * width + x]!;
        expected[y * width + x] = v <= 230 && v < threshold ? 1 : 0;
      }
    }
    expect(sauvola(grey, { radius: r }).data).toEqual(expected);
  });

  it('finds no ink on blank, noisy paper', () => {
    const rnd = random(9);
    const blank = greyImage(
      200,
      200,
      new Uint8Array(200 * 200).map(() => 235 + Math.round((rnd() - 0.5) * 16)),
    );
    const bits = sauvola(blank);
    expect(bits.data.reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('despeckle', () => {
  it('clears lone ink pixels and keeps strokes', () => {
    const img: BilevelImage = { width: 5, height: 5, data: new Uint8Array(25) };
    img.data[6] = 1; // lone
    img.data.set([1, 1, 1], 16); // a stroke on row 3
    expect(despeckle(img)).toBe(1);
    expect(img.data[6]).toBe(0);
    expect(Array.from(img.data.subarray(15, 20))).toEqual([0, 1, 1, 1, 0]);
  });
});

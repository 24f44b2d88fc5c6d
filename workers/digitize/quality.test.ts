// Quality metrics and colour-ink detection on small made-up pages, with known answers.
import { describe, expect, it } from 'vitest';
import { colourInk, hasSeal } from './colour';
import type { BilevelImage } from './g4-encode';
import { boxBlur } from './grey';
import { greyImage, rgbaImage } from './image';
import { inkShare, markShare, medianLevel, qualityIssues, sharpness } from './quality';

/** Vertical bars 3 px wide every 10 px on white, as grey, with the matching 1-bit truth. */
function bars(width = 200, height = 100) {
  const grey = greyImage(width, height, new Uint8Array(width * height).fill(255));
  const bits: BilevelImage = { width, height, data: new Uint8Array(width * height) };
  for (let y = 20; y < 80; y++)
    for (let x = 20; x < 180; x++)
      if (x % 10 < 3) {
        grey.data[y * width + x] = 30;
        bits.data[y * width + x] = 1;
      }
  return { grey, bits };
}

describe('sharpness', () => {
  it('is high for crisp edges and falls as the page blurs', () => {
    const { grey, bits } = bars();
    const crisp = sharpness(grey, bits);
    const soft = sharpness(boxBlur(boxBlur(grey, 1), 1), bits);
    const blurred = sharpness(boxBlur(boxBlur(boxBlur(grey, 3), 3), 3), bits);
    expect(crisp).toBeGreaterThan(0.4);
    expect(soft).toBeLessThan(crisp);
    expect(blurred).toBeLessThan(0.17);
  });

  it('does not judge a page without ink', () => {
    const empty = greyImage(50, 50, new Uint8Array(2500).fill(250));
    expect(sharpness(empty, { width: 50, height: 50, data: new Uint8Array(2500) })).toBe(1);
  });
});

describe('inkShare and medianLevel', () => {
  it('counts ink inside the margins only', () => {
    const bits: BilevelImage = { width: 100, height: 100, data: new Uint8Array(10000) };
    bits.data.fill(1, 0, 300); // the top three rows: in the 5 % margin
    bits.data.fill(1, 5000, 5090); // x 0..89 of row 50: 85 of them right of the 5-pixel margin
    expect(inkShare(bits)).toBeCloseTo(85 / (90 * 90), 6);
  });

  it('counts marks darker than paper, blurred or not', () => {
    const flat = greyImage(100, 100, new Uint8Array(10000).fill(250));
    flat.data.fill(150, 5000, 5200); // rows 50 and 51: one of them sampled, every second pixel
    expect(markShare(flat)).toBeCloseTo(45 / (45 * 45), 6);
  });

  it('takes the median paper level', () => {
    expect(medianLevel(greyImage(5, 1, Uint8Array.from([10, 200, 30, 240, 220])))).toBe(200);
  });
});

describe('qualityIssues', () => {
  const good = { sourceDpi: 260, paperLevel: 210, inkShare: 0.06, markShare: 0.08, sharpness: 0.4 };
  it('passes a good page', () => {
    expect(qualityIssues(good, true)).toEqual([]);
  });
  it.each([
    ['noPage', good, false],
    ['lowResolution', { ...good, sourceDpi: 150 }, true],
    ['dark', { ...good, paperLevel: 60 }, true],
    ['blank', { ...good, inkShare: 0.0002, markShare: 0.0005, sharpness: 1 }, true],
    ['blurry', { ...good, sharpness: 0.1 }, true],
    // Marks everywhere but hardly any ink: too blurred for the binarizer to find strokes.
    ['blurry', { ...good, inkShare: 0.001, markShare: 0.1, sharpness: 1 }, true],
  ] as const)('names %s', (issue, metrics, found) => {
    expect(qualityIssues(metrics, found)).toEqual([issue]);
  });
  it('asks for review of corners the finder is not sure of, and says nothing of a resolution measured from them', () => {
    expect(qualityIssues({ ...good, sourceDpi: 150 }, true, { confidence: 0.3, cut: false })).toEqual(['uncertainPage']);
    expect(qualityIssues(good, true, { confidence: 0.5, cut: false })).toEqual([]);
  });
  it('names a page cut by the frame, however sure its visible sides', () => {
    expect(qualityIssues(good, true, { confidence: 1, cut: true })).toEqual(['pageCut']);
  });
});

describe('colourInk', () => {
  function pageWith(colour: [number, number, number], share: number) {
    const img = rgbaImage(200, 200);
    img.data.fill(250);
    const n = Math.round(200 * 200 * share);
    for (let i = 0; i < n; i++) img.data.set([...colour, 255], i * 4);
    return img;
  }
  it('sees a red seal', () => {
    const ink = colourInk(pageWith([200, 40, 50], 0.01));
    expect(ink.red).toBeCloseTo(0.01, 2);
    expect(hasSeal(ink)).toBe(true);
  });
  it('sees blue ink but no seal in it', () => {
    const ink = colourInk(pageWith([40, 50, 160], 0.01));
    expect(ink.blue).toBeGreaterThan(0.005);
    expect(hasSeal(ink)).toBe(false);
  });
  it('sees neither in black text', () => {
    expect(colourInk(pageWith([30, 30, 30], 0.1))).toEqual({ red: 0, blue: 0, colourful: 0 });
  });
});

// Pages photographed sideways or upside down come out portrait and upright: the pipeline on
// generated desk photos with the page's text turned 0, 90, 180 and 270 degrees.
import { describe, expect, it } from 'vitest';
import { deskPhoto, type DeskClass } from '../../tests/support/desk-photo';
import { renderDocument } from '../../tests/support/synthetic-document';
import type { BilevelImage } from './g4-encode';
import { textTurns, turnBilevel, type Turns } from './orientation';
import { processPhoto } from './pipeline';

/** A rendered page as 1-bit ink (dark pixels). */
function inkOf(seed: number, dpi = 100): BilevelImage {
  const page = renderDocument({ dpi, seed });
  const data = new Uint8Array(page.width * page.height);
  for (let i = 0; i < data.length; i++) data[i] = page.data[i * 4]! < 140 ? 1 : 0;
  return { width: page.width, height: page.height, data };
}

describe('textTurns', () => {
  it.each([0, 1, 2, 3] as Turns[])('tells a page whose text is turned %i quarter(s) clockwise', (turns) => {
    for (const seed of [1, 2, 3]) expect(textTurns(turnBilevel(inkOf(seed), turns))).toBe(turns);
  });

  it('turns four quarters back to the same page', () => {
    const page = inkOf(4, 40);
    let turned = page;
    for (let k = 0; k < 4; k++) turned = turnBilevel(turned, 1);
    expect(turned).toEqual(page);
    expect([turnBilevel(page, 1).width, turnBilevel(page, 1).height]).toEqual([page.height, page.width]);
  });

  it('leaves a blank page as it is', () => {
    const blank = { width: 200, height: 280, data: new Uint8Array(200 * 280) };
    expect(textTurns(blank)).toBe(0);
  });
});

describe('processPhoto orientation', () => {
  it.each([
    ['plain', 1],
    ['upsideDown', 1],
    ['sideways', 1],
    ['sideways', 3],
  ] as [DeskClass, number][])('keeps a %s page (seed %i) portrait with its top-left where the text starts', (kind, seed) => {
    const p = deskPhoto({ size: 1200, seed, kind });
    const page = processPhoto({ width: p.width, height: p.height, data: p.rgba }, { dpi: 100 });
    expect(page.height).toBeGreaterThan(page.width);
    expect(page.turns).toBe((4 - p.turns) % 4);
    // The kept page's top-left is the text's top-left in the photo.
    const diagonal = Math.hypot(p.width, p.height);
    page.pageCorners.forEach((c, i) => expect(Math.hypot(c.x - p.corners[i]!.x, c.y - p.corners[i]!.y) / diagonal).toBeLessThan(0.01));
  }, 60_000);
});

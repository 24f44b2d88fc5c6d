// Pages photographed sideways or upside down come out portrait and upright: the pipeline on
// generated desk photos with the page's text turned 0, 90, 180 and 270 degrees. A page whose text
// cannot say which way is up (near blank, a grid, lines that disagree) is not read with confidence,
// and goes to the officer's review, where the officer's quarter turns are taken as given.
import { describe, expect, it } from 'vitest';
import { deskPhoto, type DeskClass } from '../../tests/support/desk-photo';
import { renderDocument, type Rgba } from '../../tests/support/synthetic-document';
import { generatePhoto } from '../../tests/support/photo-files';
import { photograph, plausibleCorners } from '../../tests/support/synthetic-photo';
import type { BilevelImage } from './g4-encode';
import { ORIENTATION_CONFIDENT, readOrientation, textTurns, turnBilevel, type Turns } from './orientation';
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

/** A 1-bit page of `width` × `height` with ink where `inked(x, y)`. */
function drawn(width: number, height: number, inked: (x: number, y: number) => boolean): BilevelImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = inked(x, y) ? 1 : 0;
  return { width, height, data };
}

/** Only the rows [from, to) of a page's ink, the rest paper. */
function band(page: BilevelImage, from: number, to: number): BilevelImage {
  const data = new Uint8Array(page.data.length);
  data.set(page.data.subarray(from * page.width, to * page.width), from * page.width);
  return { ...page, data };
}

/** The top half of one page over the bottom half of another (both the same size). */
function halves(top: BilevelImage, bottom: BilevelImage): BilevelImage {
  const data = bottom.data.slice();
  const half = (top.height >> 1) * top.width;
  data.set(top.data.subarray(0, half));
  return { ...top, data };
}

/** A 1-bit page as the RGBA paper it was printed on (black ink on white). */
function printed(page: BilevelImage): Rgba {
  const data = new Uint8ClampedArray(page.width * page.height * 4);
  for (let i = 0; i < page.data.length; i++) {
    const v = page.data[i] ? 20 : 245;
    data.set([v, v, v, 255], i * 4);
  }
  return { width: page.width, height: page.height, data };
}

describe('orientation confidence', () => {
  it.each([0, 1, 2, 3] as Turns[])('reads a page of text turned %i quarter(s) with confidence', (turns) => {
    for (const seed of [1, 2, 3, 5, 8]) {
      const read = readOrientation(turnBilevel(inkOf(seed), turns));
      expect(read.turns).toBe(turns);
      expect(read.confidence).toBeGreaterThanOrEqual(ORIENTATION_CONFIDENT);
    }
  });

  it('cannot tell on a blank or near-blank page: one line of text, a few words', () => {
    const page = inkOf(11);
    expect(readOrientation({ width: 200, height: 280, data: new Uint8Array(200 * 280) }).confidence).toBe(0);
    // The title line alone (rows 16–22 % of the page), then a narrow strip of a body line.
    const h = page.height;
    for (const [from, to] of [
      [0.16, 0.22],
      [0.4, 0.43],
    ]) {
      const read = readOrientation(band(page, Math.round(h * from!), Math.round(h * to!)));
      expect(read.confidence).toBeLessThan(ORIENTATION_CONFIDENT);
    }
  });

  it('cannot tell on a grid of boxes, nor on lines without marks above or below', () => {
    // A table: ruled every 40 px both ways; lines as plain bars, 12 px tall every 30 px.
    const grid = drawn(800, 1130, (x, y) => x % 40 < 3 || y % 40 < 3);
    const bars = drawn(800, 1130, (x, y) => y % 30 < 12 && x % 50 < 42 && y > 60 && y < 1070);
    for (const page of [grid, bars]) expect(readOrientation(page).confidence).toBeLessThan(ORIENTATION_CONFIDENT);
  });

  it('cannot tell when the lines disagree: half the page upright, half upside down', () => {
    for (const seed of [1, 2, 3]) {
      const mixed = halves(inkOf(seed), turnBilevel(inkOf(seed + 20), 2));
      expect(readOrientation(mixed).confidence).toBeLessThan(ORIENTATION_CONFIDENT);
    }
  });
});

describe('processPhoto orientation', () => {
  it.each([
    ['plain', 5],
    ['plain', 6],
    ['upsideDown', 4],
    ['sideways', 4],
    ['paperBeside', 5],
  ] as [DeskClass, number][])(
    'reads a %s 12-megapixel desk photo (seed %i) the right way up, with confidence',
    (kind, seed) => {
      const p = deskPhoto({ size: 4000, seed, kind });
      const page = processPhoto({ width: p.width, height: p.height, data: p.rgba });
      expect(page.turns).toBe((4 - p.turns) % 4);
      expect(page.orientationConfidence).toBeGreaterThanOrEqual(ORIENTATION_CONFIDENT);
      expect(page.issues).not.toContain('uncertainOrientation');
    },
    120_000,
  );

  it('never keeps a page turned wrong without review: small, blurred or cut photos it misreads', () => {
    let misread = 0;
    for (const [kind, seed] of [
      ['blur', 1],
      ['blur', 3],
      ['outOfFrame', 1],
      ['outOfFrame', 3],
      ['combined', 1],
      ['combined', 2],
      ['combined', 3],
    ] as [DeskClass, number][]) {
      const p = deskPhoto({ size: 1200, seed, kind });
      const page = processPhoto({ width: p.width, height: p.height, data: p.rgba }, { dpi: 100 });
      if (page.turns === (4 - p.turns) % 4) continue;
      misread++;
      // Turned wrong: the page goes to the officer's review (for its orientation, its corners or its resolution).
      expect(page.issues, `${kind} ${seed}`).not.toEqual([]);
    }
    // The set holds pages this small photo does misread: the check above is not empty.
    expect(misread).toBeGreaterThan(0);
  }, 120_000);

  it('reads a page with a red seal across its lines with confidence (the seal’s line does not sway the vote)', () => {
    const p = generatePhoto({ width: 2100, height: 2800, seed: 5, fill: 0.88, document: { seal: true } });
    const page = processPhoto({ width: p.width, height: p.height, data: p.rgba });
    expect(page.turns).toBe(0);
    expect(page.orientationConfidence).toBeGreaterThanOrEqual(ORIENTATION_CONFIDENT);
  }, 60_000);

  it('sends a photographed page it cannot orient to review, and takes the officer’s turns as given', () => {
    const page = printed(halves(inkOf(4, 150), turnBilevel(inkOf(24, 150), 2)));
    const corners = plausibleCorners(1500, 2000, 4, 0.9);
    const photo = photograph(page, { width: 1500, height: 2000, corners, seed: 1004, shadow: 0.2, blur: 1, noise: 3 });
    const outcome = processPhoto(photo, { dpi: 100 });
    expect(outcome.orientationConfidence).toBeLessThan(ORIENTATION_CONFIDENT);
    expect(outcome.issues).toContain('uncertainOrientation');
    // The officer turns it upside down: taken as given, no longer in doubt.
    const turned = processPhoto(photo, { dpi: 100, corners: outcome.corners, turns: 2 });
    expect(turned.turns).toBe(2);
    expect(turned.orientationConfidence).toBe(1);
    expect(turned.issues).not.toContain('uncertainOrientation');
    expect(turned.pageCorners[0]).toEqual(outcome.corners[2]);
  }, 60_000);

  it.each([
    ['plain', 1],
    ['upsideDown', 1],
    ['sideways', 1],
    ['sideways', 3],
  ] as [DeskClass, number][])(
    'keeps a %s page (seed %i) portrait with its top-left where the text starts',
    (kind, seed) => {
      const p = deskPhoto({ size: 1200, seed, kind });
      const page = processPhoto({ width: p.width, height: p.height, data: p.rgba }, { dpi: 100 });
      expect(page.height).toBeGreaterThan(page.width);
      expect(page.turns).toBe((4 - p.turns) % 4);
      // The kept page's top-left is the text's top-left in the photo.
      const diagonal = Math.hypot(p.width, p.height);
      page.pageCorners.forEach((c, i) => expect(Math.hypot(c.x - p.corners[i]!.x, c.y - p.corners[i]!.y) / diagonal).toBeLessThan(0.01));
    },
    60_000,
  );
});

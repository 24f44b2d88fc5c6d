// Corner finding on generated photos with known corners: tilted pages, a deep shadow, a page
// filling the frame (a flatbed scan), and an empty desk (no page).
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../tests/support/synthetic-document';
import { photograph, plausibleCorners, type Pt } from '../../tests/support/synthetic-photo';
import { findPageCorners, findPageCornersInSmall, insetFrame } from './corners';
import { rgbaToGrey } from './grey';
import { orderQuad } from './geometry';

const page = renderDocument({ dpi: 60, seed: 3, seal: true });

function worstError(found: Pt[], truth: Pt[], width: number, height: number): number {
  return Math.max(...found.map((p, i) => Math.hypot(p.x - truth[i]!.x, p.y - truth[i]!.y))) / Math.hypot(width, height);
}

describe('findPageCorners', () => {
  it.each([1, 2, 3, 4])('finds a tilted page to within 1 percent of the diagonal (seed %i)', (seed) => {
    const [w, h] = [600, 800];
    const corners = plausibleCorners(w, h, seed);
    const photo = photograph(page, { width: w, height: h, corners, seed, shadow: 0.3, blur: 1, noise: 3 });
    const found = findPageCorners(photo);
    expect(found.found).toBe(true);
    expect(worstError(found.corners, corners, w, h)).toBeLessThan(0.01);
  });

  it('finds the same corners with buffers lent from photo to photo (as the worker lends them)', () => {
    const kept = new Map<string, Uint8Array<ArrayBuffer>>();
    const scratch = { bytes: (use: string, length: number) => kept.get(use) ?? kept.set(use, new Uint8Array(length)).get(use)! };
    for (const seed of [5, 6, 7]) {
      const [w, h] = [600, 800];
      const grey = rgbaToGrey(photograph(page, { width: w, height: h, corners: plausibleCorners(w, h, seed), seed, shadow: 0.3, blur: 1, noise: 3 }));
      expect(findPageCornersInSmall(grey, w, h, scratch)).toEqual(findPageCornersInSmall(grey, w, h));
    }
    expect(kept.size).toBe(3);
  });

  it('finds a page half in a deep shadow', () => {
    const [w, h] = [600, 800];
    const corners = plausibleCorners(w, h, 7, 0.8);
    const photo = photograph(page, { width: w, height: h, corners, seed: 11, shadow: 0.6, blur: 1, noise: 4 });
    const found = findPageCorners(photo);
    expect(found.found).toBe(true);
    expect(worstError(found.corners, corners, w, h)).toBeLessThan(0.01);
  });

  it('finds a strongly skewed page held at an angle', () => {
    const [w, h] = [800, 600];
    const corners: [Pt, Pt, Pt, Pt] = [
      { x: 250, y: 60 },
      { x: 620, y: 110 },
      { x: 560, y: 560 },
      { x: 150, y: 500 },
    ];
    const photo = photograph(page, { width: w, height: h, corners, seed: 5, shadow: 0.2, blur: 1, noise: 3 });
    const found = findPageCorners(photo);
    expect(found.found).toBe(true);
    expect(worstError(found.corners, corners, w, h)).toBeLessThan(0.01);
  });

  it('takes a flatbed scan (the page is the whole image) as the page, corner to corner', () => {
    const scan = { width: page.width, height: page.height, data: page.data };
    const found = findPageCorners(scan);
    expect(found.found).toBe(true);
    expect(found.corners).toEqual([
      { x: 0, y: 0 },
      { x: page.width, y: 0 },
      { x: page.width, y: page.height },
      { x: 0, y: page.height },
    ]);
  });

  it('says no page was found on an empty desk, offering an inset frame to drag', () => {
    const empty = photograph(page, {
      width: 400,
      height: 300,
      // The page is far outside the frame.
      corners: [
        { x: 2000, y: 2000 },
        { x: 2100, y: 2000 },
        { x: 2100, y: 2140 },
        { x: 2000, y: 2140 },
      ],
      seed: 2,
      noise: 3,
    });
    const found = findPageCorners(empty);
    expect(found.found).toBe(false);
    expect(found.corners).toEqual(insetFrame(400, 300));
  });
});

describe('orderQuad', () => {
  it('orders any four corners as top-left, top-right, bottom-right, bottom-left', () => {
    const q = orderQuad([
      { x: 90, y: 95 },
      { x: 10, y: 5 },
      { x: 5, y: 100 },
      { x: 100, y: 0 },
    ]);
    expect(q).toEqual([
      { x: 10, y: 5 },
      { x: 100, y: 0 },
      { x: 90, y: 95 },
      { x: 5, y: 100 },
    ]);
  });
});

// Pages photographed sideways or upside down come out portrait and upright: the pipeline on
// generated desk photos with the page's text turned 0, 90, 180 and 270 degrees.
import { describe, expect, it } from 'vitest';
import { deskPhoto, type DeskClass } from '../../tests/support/desk-photo';
import { processPhoto } from './pipeline';

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

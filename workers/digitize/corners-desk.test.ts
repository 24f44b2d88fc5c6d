// The page finder on generated photos of real desks (second paper beside or under the page, phone,
// pen, sticky note, a shadow across a corner, glare, tilt, blur, turned and cut pages), on fixed
// seeds: at least 95 % of cluttered photos within 1 % of the diagonal, none wrongly taken without
// review, every page cut by the frame sent to review. A regression in the finder fails here.
import { describe, expect, it } from 'vitest';
import { DESK_CLASSES, cornerError, deskPhoto } from '../../tests/support/desk-photo';
import { CONFIDENT, findPageCorners } from './corners';
import { processPhoto } from './pipeline';

const SEEDS = [1, 2, 3];
const SIZE = 640;

describe('findPageCorners on a real desk', () => {
  it('finds ≥ 95 % of cluttered pages within 1 % of the diagonal and takes no wrong page without review', () => {
    let within = 0;
    let count = 0;
    const wronglyTaken: string[] = [];
    const cutTaken: string[] = [];
    for (const kind of DESK_CLASSES) {
      for (const seed of SEEDS) {
        const p = deskPhoto({ size: SIZE, seed, kind });
        const found = findPageCorners({ width: p.width, height: p.height, data: p.rgba });
        const error = cornerError(found.corners, p.corners, p.width, p.height);
        const taken = found.found && found.confidence >= CONFIDENT && !found.cut;
        if (kind === 'outOfFrame') {
          // The page's edge runs out of the photo: its corners cannot all be seen, so it is shown for review.
          if (taken) cutTaken.push(`${kind} ${seed}`);
          continue;
        }
        count++;
        if (error < 0.01) within++;
        else if (taken) wronglyTaken.push(`${kind} ${seed}: ${(error * 100).toFixed(2)} %`);
      }
    }
    expect(wronglyTaken).toEqual([]);
    expect(cutTaken).toEqual([]);
    expect(within / count).toBeGreaterThanOrEqual(0.95);
  }, 180_000);

  it('is sure of a plain page on each kind of desk', () => {
    for (const surface of ['wood', 'laminate', 'counter'] as const) {
      const p = deskPhoto({ size: SIZE, seed: 5, kind: 'plain', surface });
      const found = findPageCorners({ width: p.width, height: p.height, data: p.rgba });
      expect(cornerError(found.corners, p.corners, p.width, p.height)).toBeLessThan(0.01);
      expect(found.confidence).toBeGreaterThanOrEqual(CONFIDENT);
      expect(found.cut).toBe(false);
    }
  });

  it('holds a page it is not sure of for review, naming the corners rather than the resolution', () => {
    // A cluttered desk where the page's top edge runs over a second paper, under a pen and a sticky note.
    const p = deskPhoto({ size: SIZE, seed: 8, kind: 'combined' });
    const page = processPhoto({ width: p.width, height: p.height, data: p.rgba }, { dpi: 100 });
    expect(page.confidence).toBeLessThan(CONFIDENT);
    expect(page.issues).toContain('uncertainPage');
    expect(page.issues).not.toContain('lowResolution');
  });
});

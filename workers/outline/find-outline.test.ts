// The live outline's finder at its small size, on generated desk photos with their true corners
// (second papers, phone, pen, sticky note, shadow, glare, tilt, blur, turned pages), on fixed
// seeds: found within 2 % of the diagonal (what the officer sees drawn), followed from frame to
// frame as accurately, and searched afresh when the page jumps or goes.
import { describe, expect, it } from 'vitest';
import { DESK_CLASSES, cornerError, deskPhoto, type DeskPhoto, type Quad4 } from '../../tests/support/desk-photo';
import type { GreyImage } from '../digitize/image';
import { shrinkLuma } from './frame-grey';
import { OUTLINE_SIDE, OUTLINE_TAPS, OutlineFollower, SEARCH_EVERY } from './find-outline';

/** A preview frame's size (long side); the camera's are larger, which only makes the shrink coarser. */
const SIZE = 1280;
const SEEDS = [1, 2, 3];

/** The photo's luma plane moved by (dx, dy) whole pixels, the uncovered edge repeating the border, as a frame's Y plane. */
function lumaOf(p: DeskPhoto, dx = 0, dy = 0): Uint8Array {
  const out = new Uint8Array(p.width * p.height);
  for (let y = 0; y < p.height; y++) {
    const sy = Math.min(p.height - 1, Math.max(0, y - dy));
    for (let x = 0; x < p.width; x++) {
      const i = 4 * (sy * p.width + Math.min(p.width - 1, Math.max(0, x - dx)));
      out[y * p.width + x] = (77 * p.rgba[i]! + 150 * p.rgba[i + 1]! + 29 * p.rgba[i + 2]! + 128) >> 8;
    }
  }
  return out;
}

/** The small grey copy the worker makes of a frame. */
function small(p: DeskPhoto, luma: Uint8Array): GreyImage {
  return shrinkLuma(luma, 0, p.width, p.width, p.height, OUTLINE_SIDE, OUTLINE_TAPS);
}

function moved(q: Quad4, dx: number, dy: number): Quad4 {
  return q.map((c) => ({ x: c.x + dx, y: c.y + dy })) as Quad4;
}

const photos = DESK_CLASSES.filter((k) => k !== 'outOfFrame').flatMap((kind) => SEEDS.map((seed) => deskPhoto({ size: SIZE, seed, kind })));

describe('the live outline at its small size, on real desks', () => {
  it('finds ≥ 95 % of cluttered pages within 2 % of the diagonal, median under 0.5 %', () => {
    const errors = photos.map((p) => {
      const found = new OutlineFollower().find(small(p, lumaOf(p)), p.width, p.height);
      return found.found ? cornerError(found.corners, p.corners, p.width, p.height) : 1;
    });
    const within = errors.filter((e) => e < 0.02).length / errors.length;
    expect(within).toBeGreaterThanOrEqual(0.95);
    expect([...errors].sort((a, b) => a - b)[errors.length >> 1]).toBeLessThan(0.005);
  }, 180_000);

  it('follows a page moved by a steady hand as accurately as it found it, and searches afresh on schedule', () => {
    let followed = 0;
    let compared = 0;
    const worse: string[] = [];
    for (const p of photos) {
      const follower = new OutlineFollower();
      const first = follower.find(small(p, lumaOf(p)), p.width, p.height);
      if (!first.found || cornerError(first.corners, p.corners, p.width, p.height) >= 0.02) continue;
      compared++;
      // A hand's shake between frames: 1 % of the diagonal, so an outline left where it was would be off by about that.
      const [dx, dy] = [Math.round(SIZE * 0.01), -Math.round(SIZE * 0.007)];
      const next = follower.find(small(p, lumaOf(p, dx, dy)), p.width, p.height);
      if (next.followed) followed++;
      const error = next.found ? cornerError(next.corners, moved(p.corners, dx, dy), p.width, p.height) : 1;
      // Followed: within 1 % of where the page now is (measured worst 0.74 %); searched afresh: as the first test.
      if (error >= (next.followed ? 0.01 : 0.02)) worse.push(`${p.kind}: ${(error * 100).toFixed(2)} %`);
    }
    expect(worse).toEqual([]);
    // Following is what makes the outline fast: most frames must be followed, not searched.
    expect(followed / compared).toBeGreaterThanOrEqual(0.9);

    const p = photos[0]!;
    const follower = new OutlineFollower();
    const grey = small(p, lumaOf(p));
    const kinds = Array.from({ length: 2 * SEARCH_EVERY + 2 }, () => follower.find(grey, p.width, p.height).followed === true);
    expect(kinds).toEqual([false, ...Array<boolean>(SEARCH_EVERY).fill(true), false, ...Array<boolean>(SEARCH_EVERY).fill(true)]);
  }, 180_000);

  it('searches afresh, never follows onto the desk, when the page jumps or goes', () => {
    const p = deskPhoto({ size: SIZE, seed: 4, kind: 'paperBeside' });
    const follower = new OutlineFollower();
    expect(follower.find(small(p, lumaOf(p)), p.width, p.height).found).toBe(true);
    // The page slid by 12 % of the frame: too far to follow; found again where it now is.
    const [dx, dy] = [Math.round(p.width * 0.12), Math.round(p.height * 0.05)];
    const jumped = follower.find(small(p, lumaOf(p, dx, dy)), p.width, p.height);
    expect(jumped.followed).toBeFalsy();
    if (jumped.found) expect(cornerError(jumped.corners, moved(p.corners, dx, dy), p.width, p.height)).toBeLessThan(0.02);
    // The page taken away: an empty desk (flat grey) has nothing to follow nor to find.
    const desk = new Uint8Array(p.width * p.height).fill(96);
    const gone = follower.find(small(p, desk), p.width, p.height);
    expect(gone.found).toBe(false);
    expect(gone.followed).toBeFalsy();
  });
});

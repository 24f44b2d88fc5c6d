// The tiles that let the browser draw a perspective warp with affine transforms: they cover the
// page exactly once, each one's affine map lands within the tolerance of the true map, and a
// straight-on page (an affine map already) needs no splitting at all.
import { describe, expect, it } from 'vitest';
import type { Quad } from '../../src/domain/digitize';
import { affineTiles, type AffineTile } from './affine-tiles';
import { project } from './homography';
import { pageToPhoto } from './warp';

const tilted: Quad = [
  { x: 640, y: 420 },
  { x: 2380, y: 510 },
  { x: 2610, y: 3720 },
  { x: 380, y: 3600 },
];

/** Photo → page through the tile's canvas transform, then back through its inverse. */
function toPage(tile: AffineTile, x: number, y: number) {
  const [a, b, c, d, e, f] = tile.toPage;
  return { x: a * x + c * y + e, y: b * x + d * y + f };
}

describe('affineTiles', () => {
  it('covers every output pixel exactly once', () => {
    const tiles = affineTiles(pageToPhoto(tilted, 400, 566), 400, 566, { tolerance: 0.1, maxSide: 64 });
    const hits = new Uint8Array(400 * 566);
    for (const t of tiles) for (let y = t.y; y < t.y + t.height; y++) for (let x = t.x; x < t.x + t.width; x++) hits[y * 400 + x]!++;
    expect(hits.every((n) => n === 1)).toBe(true);
  });

  it('keeps each tile within the tolerance of the perspective map', () => {
    const h = pageToPhoto(tilted, 1654, 2339);
    const tiles = affineTiles(h, 1654, 2339, { tolerance: 0.15 });
    expect(tiles.length).toBeGreaterThan(4);
    for (const tile of tiles.filter((_, i) => i % 7 === 0)) {
      // Points across the tile: the true photo point, mapped to the page by the tile's affine,
      // lands where it came from (scaled to photo pixels, about 1.5 per page pixel here).
      for (const [u, v] of [
        [0, 0],
        [1, 0],
        [0.5, 0.5],
        [0.3, 0.9],
        [1, 1],
      ] as const) {
        const page = { x: tile.x + u * tile.width, y: tile.y + v * tile.height };
        const photo = project(h, page.x, page.y);
        const back = toPage(tile, photo.x, photo.y);
        expect(Math.hypot(back.x - page.x, back.y - page.y)).toBeLessThan(0.15);
      }
    }
  });

  it('needs one tile per block when the page was photographed straight on', () => {
    const straight: Quad = [
      { x: 100, y: 200 },
      { x: 1100, y: 200 },
      { x: 1100, y: 1614 },
      { x: 100, y: 1614 },
    ];
    const tiles = affineTiles(pageToPhoto(straight, 512, 724), 512, 724, { maxSide: 256 });
    expect(tiles).toHaveLength(2 * 3);
    expect(Math.max(...tiles.map((t) => t.error))).toBeLessThan(1e-6);
  });
});

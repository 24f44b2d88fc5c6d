// Homographies from four point pairs: exact on the pairs, consistent between them, refused when degenerate.
import { describe, expect, it } from 'vitest';
import { homographyFromPoints, project } from './homography';

const square = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 100 },
  { x: 0, y: 100 },
];

describe('homographyFromPoints', () => {
  it('maps each of the four points onto its partner', () => {
    const quad = [
      { x: 12, y: 30 },
      { x: 410, y: 8 },
      { x: 450, y: 600 },
      { x: -5, y: 560 },
    ];
    const h = homographyFromPoints(square, quad)!;
    quad.forEach((q, i) => {
      const p = project(h, square[i]!.x, square[i]!.y);
      expect(p.x).toBeCloseTo(q.x, 9);
      expect(p.y).toBeCloseTo(q.y, 9);
    });
  });

  it('is a plain scale and shift when the quad is an axis-aligned rectangle', () => {
    const h = homographyFromPoints(
      square,
      square.map((p) => ({ x: p.x * 2 + 5, y: p.y * 3 - 7 })),
    )!;
    expect(project(h, 50, 20)).toEqual({ x: expect.closeTo(105, 9), y: expect.closeTo(53, 9) });
    expect(h[6]).toBeCloseTo(0, 12);
    expect(h[7]).toBeCloseTo(0, 12);
  });

  it('keeps straight lines straight (the centre goes to where the diagonals cross)', () => {
    const quad = [
      { x: 0, y: 0 },
      { x: 300, y: 40 },
      { x: 260, y: 380 },
      { x: 30, y: 300 },
    ];
    const h = homographyFromPoints(square, quad)!;
    const c = project(h, 50, 50);
    // Intersection of the diagonals 0–2 and 1–3.
    const [a, b, p, q] = [quad[0]!, quad[2]!, quad[1]!, quad[3]!];
    const t = ((p.x - a.x) * (q.y - p.y) - (p.y - a.y) * (q.x - p.x)) / ((b.x - a.x) * (q.y - p.y) - (b.y - a.y) * (q.x - p.x));
    expect(c.x).toBeCloseTo(a.x + t * (b.x - a.x), 6);
    expect(c.y).toBeCloseTo(a.y + t * (b.y - a.y), 6);
  });

  it('returns undefined when three points are on one line', () => {
    const flat = [
      { x: 0, y: 0 },
      { x: 50, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
    ];
    expect(homographyFromPoints(square, flat)).toBeUndefined();
  });
});

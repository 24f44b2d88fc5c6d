import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../domain/digitize';
import { keyStep, moveCorner, sameQuad, toPhoto } from './corner-geometry';

const quad: Quad = [
  { x: 10, y: 10 },
  { x: 90, y: 10 },
  { x: 90, y: 130 },
  { x: 10, y: 130 },
];

describe('corner editing', () => {
  it('moves one corner and keeps it inside the photo', () => {
    const moved = moveCorner(quad, 2, { x: 150, y: -4 }, 100, 140);
    expect(moved[2]).toEqual({ x: 100, y: 0 });
    expect(moved[0]).toBe(quad[0]);
    expect(quad[2]).toEqual({ x: 90, y: 130 });
  });

  it('maps a pointer on a picture shown at half size to photo pixels', () => {
    expect(toPhoto(125, 85, { left: 100, top: 50, width: 50, height: 70 }, 100, 140)).toEqual({ x: 50, y: 70 });
  });

  it('steps by 0.5 % of the long side, 0.1 % with Shift, only for arrow keys', () => {
    expect(keyStep('ArrowRight', false, 4000, 3000)).toEqual({ x: 20, y: 0 });
    expect(keyStep('ArrowUp', true, 4000, 3000)).toEqual({ x: 0, y: -4 });
    expect(keyStep('Enter', false, 4000, 3000)).toBeUndefined();
  });

  it('compares quads to half a pixel', () => {
    expect(sameQuad(quad, moveCorner(quad, 1, { x: 90.2, y: 10 }, 100, 140))).toBe(true);
    expect(sameQuad(quad, moveCorner(quad, 1, { x: 92, y: 10 }, 100, 140))).toBe(false);
  });
});

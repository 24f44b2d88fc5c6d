// The perspective warp: an identity cut reproduces the photo, a tilted cut lands marks where the
// page had them, and the page's pixel size depends only on the output, not the photo.
import { describe, expect, it } from 'vitest';
import type { Quad } from '../../src/domain/digitize';
import { rgbaImage } from './image';
import { homographyFromPoints } from './homography';
import { pageToPhoto, quadSize, warpRgba } from './warp';

function gradientPhoto(width: number, height: number) {
  const img = rgbaImage(width, height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      img.data[p] = x;
      img.data[p + 1] = y;
      img.data[p + 2] = 100;
      img.data[p + 3] = 255;
    }
  return img;
}

describe('warpRgba', () => {
  it('reproduces the photo when the corners are the photo frame', () => {
    const photo = gradientPhoto(40, 30);
    const frame: Quad = [
      { x: 0, y: 0 },
      { x: 40, y: 0 },
      { x: 40, y: 30 },
      { x: 0, y: 30 },
    ];
    const page = warpRgba(photo, pageToPhoto(frame, 40, 30), 40, 30);
    // Inside (the last row and column fall outside the interpolation grid and are paper-white).
    for (const [x, y] of [
      [0, 0],
      [10, 5],
      [38, 28],
    ] as const) {
      const p = (y * 40 + x) * 4;
      expect([page.data[p], page.data[p + 1], page.data[p + 2]]).toEqual([x, y, 100]);
    }
  });

  it('finds a mark drawn on a tilted page at its place on the flattened page', () => {
    // A 200×280 "page" with a dark square at page (50..70, 100..120), photographed on a tilted quad.
    const corners: Quad = [
      { x: 60, y: 40 },
      { x: 330, y: 70 },
      { x: 300, y: 450 },
      { x: 30, y: 420 },
    ];
    const photo = rgbaImage(400, 500);
    photo.data.fill(255);
    const toPhoto = homographyFromPoints(
      [
        { x: 0, y: 0 },
        { x: 200, y: 0 },
        { x: 200, y: 280 },
        { x: 0, y: 280 },
      ],
      corners,
    )!;
    const toPage = pageToPhoto(corners, 200, 280);
    expect(Array.from(toPage).map((v) => v.toFixed(6))).toEqual(Array.from(toPhoto).map((v) => v.toFixed(6)));
    // Paint the mark in the photo by mapping each photo pixel back to the page (inverse by search-free check).
    for (let y = 0; y < 500; y++)
      for (let x = 0; x < 400; x++) {
        // Solve page coords with the inverse of a 3×3: adjugate is enough for a test.
        const [a, b, c, d, e, f, g, h, i] = Array.from(toPhoto) as [number, number, number, number, number, number, number, number, number];
        const inv = [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d];
        const w = inv[6]! * (x + 0.5) + inv[7]! * (y + 0.5) + inv[8]!;
        const u = (inv[0]! * (x + 0.5) + inv[1]! * (y + 0.5) + inv[2]!) / w;
        const v = (inv[3]! * (x + 0.5) + inv[4]! * (y + 0.5) + inv[5]!) / w;
        if (u >= 50 && u < 70 && v >= 100 && v < 120) photo.data.fill(0, (y * 400 + x) * 4, (y * 400 + x) * 4 + 3);
      }
    const page = warpRgba(photo, toPage, 200, 280);
    const at = (x: number, y: number) => page.data[(y * 200 + x) * 4]!;
    expect(at(60, 110)).toBeLessThan(30);
    expect(at(52, 102)).toBeLessThan(60);
    expect(at(45, 110)).toBeGreaterThan(225);
    expect(at(60, 125)).toBeGreaterThan(225);
    expect(at(150, 200)).toBe(255);
  });

  it('gives paper-white outside the photo', () => {
    const photo = gradientPhoto(20, 20);
    const outside: Quad = [
      { x: -50, y: -50 },
      { x: -10, y: -50 },
      { x: -10, y: -10 },
      { x: -50, y: -10 },
    ];
    const page = warpRgba(photo, pageToPhoto(outside, 8, 8), 8, 8);
    expect(Array.from(page.data).every((v) => v === 255)).toBe(true);
  });
});

describe('quadSize', () => {
  it('averages opposite sides', () => {
    expect(
      quadSize([
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 110, y: 200 },
        { x: -10, y: 200 },
      ]),
    ).toEqual({ width: 110, height: expect.closeTo(200.25, 2) });
  });
});

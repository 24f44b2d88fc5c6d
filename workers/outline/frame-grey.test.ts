import { describe, expect, it } from 'vitest';
import { shrinkLuma } from './frame-grey';

describe('luma plane of a camera frame, shrunk', () => {
  it('averages blocks, honours the offset and the row stride, and never reads the padding', () => {
    // A 6×4 plane after 3 bytes of header, rows 8 bytes apart; the padding is 255 to catch reads.
    const width = 6;
    const height = 4;
    const stride = 8;
    const data = new Uint8Array(3 + stride * height).fill(255);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[3 + y * stride + x] = x < 2 ? 10 : x < 4 ? 20 : 30 + y;
    const small = shrinkLuma(data, 3, stride, width, height, 3);
    expect([small.width, small.height]).toEqual([3, 2]);
    expect(Array.from(small.data)).toEqual([10, 20, 31, 10, 20, 33]);
  });

  it('keeps a plane already small, and refuses one that does not fit its buffer', () => {
    const data = Uint8Array.from([1, 2, 3, 4]);
    expect(Array.from(shrinkLuma(data, 0, 2, 2, 2, 480).data)).toEqual([1, 2, 3, 4]);
    expect(() => shrinkLuma(data, 1, 2, 2, 2, 480)).toThrow(RangeError);
    expect(() => shrinkLuma(data, 0, 1, 2, 2, 480)).toThrow(RangeError);
  });

  it('with taps, reads that many pixels per side of each block, spread evenly; all of a block no wider', () => {
    // A 6×6 plane whose pixel is 10·row + column: each 3×3 block's centre and spread taps are known.
    const data = Uint8Array.from({ length: 36 }, (_, i) => 10 * Math.floor(i / 6) + (i % 6));
    expect(Array.from(shrinkLuma(data, 0, 6, 6, 6, 2, 1).data)).toEqual([11, 14, 41, 44]);
    // Two taps in a block of three: rows and columns 0 and 2 of each block (its four corners; their mean is the centre here).
    expect(Array.from(shrinkLuma(data, 0, 6, 6, 6, 2, 2).data)).toEqual([11, 14, 41, 44]);
    // Where the corners' mean differs from the centre: only those four are read.
    const corners = data.map((v, i) => ((i % 6) % 3 === 1 || Math.floor(i / 6) % 3 === 1 ? 255 : v));
    expect(Array.from(shrinkLuma(corners, 0, 6, 6, 6, 2, 2).data)).toEqual([11, 14, 41, 44]);
    expect(Array.from(shrinkLuma(data, 0, 6, 6, 6, 2, 3).data)).toEqual(Array.from(shrinkLuma(data, 0, 6, 6, 6, 2).data));
  });

  it('fits a 4K portrait frame within 480 px', () => {
    const small = shrinkLuma(new Uint8Array(2100 * 2800), 0, 2100, 2100, 2800, 480);
    expect([small.width, small.height]).toEqual([350, 466]);
  });
});

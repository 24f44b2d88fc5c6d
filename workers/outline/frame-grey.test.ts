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

  it('fits a 4K portrait frame within 480 px', () => {
    const small = shrinkLuma(new Uint8Array(2100 * 2800), 0, 2100, 2100, 2800, 480);
    expect([small.width, small.height]).toEqual([350, 466]);
  });
});

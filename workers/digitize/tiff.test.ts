// The page file: a G4 TIFF that reads back to the same code stream, size and resolution.
import { describe, expect, it } from 'vitest';
import { encodeG4 } from './g4-encode';
import { PageFileError, readG4Tiff, writeG4Tiff } from './tiff';
import { decodeG4 } from './testing/g4-decode';

describe('G4 TIFF page files', () => {
  const data = new Uint8Array(100 * 40).map((_, i) => (i % 7 === 0 || (i >> 5) % 3 === 0 ? 1 : 0));
  const page = { width: 100, height: 40, dpi: 200, data: encodeG4({ width: 100, height: 40, data }) };
  const file = writeG4Tiff(page);

  it('is a little-endian TIFF declaring compression 4 (T.6), 1 bit, white is zero', () => {
    expect(Array.from(file.subarray(0, 4))).toEqual([0x49, 0x49, 42, 0]);
    const view = new DataView(file.buffer);
    const entries = view.getUint16(8, true);
    const tags = new Map<number, number>();
    for (let i = 0; i < entries; i++) tags.set(view.getUint16(10 + i * 12, true), view.getUint16(10 + i * 12 + 8, true));
    expect(tags.get(259)).toBe(4);
    expect(tags.get(258)).toBe(1);
    expect(tags.get(262)).toBe(0);
    expect(tags.get(296)).toBe(2);
  });

  it('reads back the same page', () => {
    const read = readG4Tiff(file);
    expect(read).toEqual(page);
    expect(decodeG4(read.data, read.width, read.height).data).toEqual(data);
  });

  it('refuses files that are not such a TIFF, or are cut short', () => {
    expect(() => readG4Tiff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toThrow(PageFileError);
    expect(() => readG4Tiff(file.slice(0, file.length - 10))).toThrow(PageFileError);
    expect(() => readG4Tiff(file.slice(0, 20))).toThrow(PageFileError);
  });
});

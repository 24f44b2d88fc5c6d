// The page file: a G4 TIFF that reads back to the same code stream, size and resolution, and a
// colour page's TIFF with its coloured areas as JPEG images after the text, each with its place.
import { describe, expect, it } from 'vitest';
import { encodeG4 } from './g4-encode';
import { PageFileError, readG4Tiff, readPageTiff, writeG4Tiff, writePageTiff } from './tiff';
import { decodeG4 } from './testing/g4-decode';
import { fakeJpeg } from './testing/fake-jpeg';

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

describe('layered page files (text and coloured areas)', () => {
  const data = new Uint8Array(120 * 80).map((_, i) => ((i >> 4) % 5 === 0 ? 1 : 0));
  const text = { width: 120, height: 80, dpi: 200, data: encodeG4({ width: 120, height: 80, data }) };
  const seal = { x: 10, y: 20, width: 30, height: 24, dpi: 100, components: 3 as const, sampling: [2, 2] as [number, number], data: fakeJpeg(30, 24, 7) };
  const photo = { x: 0, y: 2, width: 16, height: 16, dpi: 100, components: 3 as const, sampling: [2, 2] as [number, number], data: fakeJpeg(16, 16, 9) };
  const file = writePageTiff(text, [seal, photo]);

  it('reads back the text and each area with its place, in order', () => {
    const read = readPageTiff(file);
    expect(read.text).toEqual(text);
    expect(decodeG4(read.text.data, 120, 80).data).toEqual(data);
    expect(read.colour).toEqual([seal, photo].map(({ sampling: _, ...area }) => area));
  });

  it('chains the directories as TIFF readers walk them: JPEG compression, YCbCr, 4:2:0, position in inches', () => {
    const view = new DataView(file.buffer);
    const walk: Map<number, number[]>[] = [];
    for (let ifd = view.getUint32(4, true); ifd !== 0;) {
      const n = view.getUint16(ifd, true);
      const tags = new Map<number, number[]>();
      for (let i = 0; i < n; i++) {
        const at = ifd + 2 + i * 12;
        const [tag, type, count] = [view.getUint16(at, true), view.getUint16(at + 2, true), view.getUint32(at + 4, true)];
        const size = (type === 3 ? 2 : type === 4 ? 4 : 8) * count;
        const base = size > 4 ? view.getUint32(at + 8, true) : at + 8;
        const values: number[] = [];
        for (let k = 0; k < count; k++) {
          if (type === 3) values.push(view.getUint16(base + 2 * k, true));
          else if (type === 4) values.push(view.getUint32(base + 4 * k, true));
          else values.push(view.getUint32(base + 8 * k, true) / view.getUint32(base + 8 * k + 4, true));
        }
        tags.set(tag, values);
      }
      // Tags ascend within a directory, as the TIFF specification requires.
      expect([...tags.keys()]).toEqual([...tags.keys()].sort((a, b) => a - b));
      walk.push(tags);
      ifd = view.getUint32(ifd + 2 + n * 12, true);
    }
    expect(walk).toHaveLength(3);
    expect(walk[0]!.get(259)).toEqual([4]);
    expect(walk[1]!.get(259)).toEqual([7]);
    expect(walk[1]!.get(262)).toEqual([6]);
    expect(walk[1]!.get(258)).toEqual([8, 8, 8]);
    expect(walk[1]!.get(530)).toEqual([2, 2]);
    expect(walk[1]!.get(282)).toEqual([100]);
    expect(walk[1]!.get(286)).toEqual([0.1]);
    expect(walk[1]!.get(287)).toEqual([0.2]);
    const [offset, length] = [walk[2]!.get(273)![0]!, walk[2]!.get(279)![0]!];
    expect(file.slice(offset, offset + length)).toEqual(photo.data);
  });

  it('refuses a colour area that is cut short, is no JPEG, or a chain of directories that loops', () => {
    expect(() => readPageTiff(file.slice(0, file.length - 5))).toThrow(PageFileError);
    const notJpeg = writePageTiff(text, [{ ...seal, data: new Uint8Array(40) }]);
    expect(() => readPageTiff(notJpeg)).toThrow(PageFileError);
    const loop = writePageTiff(text, [seal]);
    const view = new DataView(loop.buffer);
    const second = view.getUint32(8 + 2 + view.getUint16(8, true) * 12, true);
    view.setUint32(second + 2 + view.getUint16(second, true) * 12, second, true); // points at itself
    expect(() => readPageTiff(loop)).toThrow(PageFileError);
  });

  it('writes a text page alone exactly as before: one directory', () => {
    expect(writePageTiff(text)).toEqual(writeG4Tiff(text));
    expect(readPageTiff(writeG4Tiff(text)).colour).toEqual([]);
  });
});

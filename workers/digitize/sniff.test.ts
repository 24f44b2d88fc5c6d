// Input checks by content: magic bytes decide the kind, headers give the size before any decode,
// and the limits refuse empty, huge, tiny and pixel-bomb files with a named problem.
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../src/domain/digitize';
import { jpegDpi, jpegHeader, pngHeader, setJpegDpi } from './image-header';
import { sniffInput } from './sniff';

/** A JPEG's first segments: SOI, a JFIF APP0, an APP1 of `exifBytes` bytes, then SOF0 of width×height. */
function jpegHead(width: number, height: number, exifBytes = 10, components = 3): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const app1 = [0xff, 0xe1, (exifBytes + 2) >> 8, (exifBytes + 2) & 0xff, ...new Array<number>(exifBytes).fill(0x45)];
  const sof = [0xff, 0xc0, 0, 8 + 3 * components, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, components];
  return new Uint8Array([0xff, 0xd8, ...app0, ...app1, ...sof, ...new Array<number>(3 * components).fill(1)]);
}

function pngHead(width: number, height: number, colourType = 2): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes[24] = 8;
  bytes[25] = colourType;
  return bytes;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('image headers', () => {
  it('reads a JPEG frame size past a large EXIF segment', () => {
    expect(jpegHeader(jpegHead(4000, 3000, 30_000))).toEqual({ width: 4000, height: 3000, components: 3 });
  });

  it('gives up on a JPEG cut before its frame header', () => {
    expect(jpegHeader(jpegHead(4000, 3000, 30_000).slice(0, 1000))).toBeUndefined();
  });

  it('reads a PNG size and colour type', () => {
    expect(pngHeader(pngHead(1200, 1600, 6))).toEqual({ width: 1200, height: 1600, components: 4 });
  });

  it('sets and reads the JFIF resolution', () => {
    const head = jpegHead(10, 10);
    expect(jpegDpi(head)).toBeUndefined(); // density 1:1 without units
    const marked = setJpegDpi(head, 200);
    expect(jpegDpi(marked)).toBe(200);
    expect(marked.length).toBe(head.length);
    expect(head[13]).toBe(0); // the input is not changed
  });
});

describe('sniffInput', () => {
  it('accepts a camera JPEG and a PDF within the limits', () => {
    expect(sniffInput(jpegHead(4000, 3000), 4_000_000)).toEqual({ ok: true, kind: 'jpeg', header: { width: 4000, height: 3000, components: 3 } });
    expect(sniffInput(ascii('%PDF-1.4'), 2_000_000)).toEqual({ ok: true, kind: 'pdf' });
  });

  it.each([
    ['empty', ascii(''), 0],
    ['unknownType', ascii('MZ\x90\0 a Windows program'), 5000],
    ['unsupportedType', ascii('RIFF\0\0\0\0WEBPVP8 '), 5000],
    ['tooLarge', jpegHead(4000, 3000), INPUT_LIMITS.maxImageBytes + 1],
    ['tooLarge', ascii('%PDF-1.4'), INPUT_LIMITS.maxPdfBytes + 1],
    ['tooManyPixels', jpegHead(10000, 9000), 3_000_000],
    ['tooManyPixels', pngHead(60000, 60000), 100_000],
    ['tooSmall', pngHead(120, 90), 10_000],
    ['corrupt', jpegHead(4000, 3000).slice(0, 12), 4_000_000],
    ['corrupt', jpegHead(0, 3000), 4_000_000],
  ])('refuses %s', (problem, head, size) => {
    expect(sniffInput(head, size)).toMatchObject({ ok: false, problem });
  });
});
